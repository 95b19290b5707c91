import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { QUERIES_DIR } from "../../functions/core/framework/framework.js";
import { functionNames, parseTrino, unportableFunctions } from "./trino-functions.js";

/** Every SQL file under `queries/`, the shared ones and each framework version's own. */
const SQL_FILES = readdirSync(QUERIES_DIR, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".sql"))
  .map((name) => name.split(sep).join("/"))
  .sort();

/** The SQL without its comments, which may mention anything. */
const code = (sql: string) => sql.replace(/--.*$/gm, "");

describe.each(SQL_FILES)("queries/%s", (file) => {
  const sql = readFileSync(join(QUERIES_DIR, file), "utf8");

  it("parses as Trino (Athena) SQL", () => {
    expect(() => parseTrino(sql)).not.toThrow();
  });

  it("calls only functions that DuckDB and Trino share", () => {
    expect(unportableFunctions(sql)).toEqual([]);
  });

  it("uses no DuckDB-only syntax (:: casts, log(), string concatenation of values)", () => {
    expect(code(sql)).not.toMatch(
      /::|\blog\s*\(|\|\||\bEXCLUDE\b|\bQUALIFY\b|\$\d|\bread_(parquet|csv|json)\b/i,
    );
  });
});

describe("the SQL files checked", () => {
  it("include every framework version's own stages, indicators and checks", () => {
    expect(SQL_FILES).toContain("2026.2/stages/03_scope_facts.sql");
    expect(SQL_FILES).toContain("2026.2/indicators/local_revenue_share.sql");
    expect(SQL_FILES).toContain("2026.2/checks/scope_participants.sql");
    expect(SQL_FILES).toContain("indicators/local_revenue_share.sql");
  });
});

describe("the dialect guard", () => {
  it("catches the DuckDB-only constructs it is there for", () => {
    expect(() => parseTrino("SELECT * EXCLUDE (a) FROM t")).toThrow();
    expect(functionNames(parseTrino("SELECT list_value(1, 2), ln(x) FROM t"))).toEqual(
      new Set(["list_value", "ln"]),
    );
  });
});
