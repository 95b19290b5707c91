import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QUERIES_DIR } from "../../functions/core/framework/framework.js";
import { functionNames, parseTrino, unportableFunctions } from "./trino-functions.js";

const SQL_FILES = ["stages", "indicators", "checks", "dashboards"].flatMap((folder) =>
  readdirSync(join(QUERIES_DIR, folder))
    .filter((name) => name.endsWith(".sql"))
    .map((name) => `${folder}/${name}`),
);

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

describe("the dialect guard", () => {
  it("catches the DuckDB-only constructs it is there for", () => {
    expect(() => parseTrino("SELECT * EXCLUDE (a) FROM t")).toThrow();
    expect(functionNames(parseTrino("SELECT list_value(1, 2), ln(x) FROM t"))).toEqual(
      new Set(["list_value", "ln"]),
    );
  });
});
