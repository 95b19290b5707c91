import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import trino from "node-sql-parser/build/trino.js";
import { describe, expect, it } from "vitest";
import { QUERIES_DIR } from "../../functions/core/framework/framework.js";

const parser = new trino.Parser();

const SQL_FILES = ["stages", "indicators", "checks"].flatMap((folder) =>
  readdirSync(join(QUERIES_DIR, folder))
    .filter((name) => name.endsWith(".sql"))
    .map((name) => `${folder}/${name}`),
);

/** Functions that exist, with the same meaning, in both DuckDB and Trino (Athena engine 3). */
const PORTABLE_FUNCTIONS = new Set([
  "abs",
  "avg",
  "cast",
  "coalesce",
  "count",
  "greatest",
  "ln",
  "log10",
  "max",
  "max_by",
  "min",
  "min_by",
  "nullif",
  "row_number",
  "sum",
]);

function functionNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) functionNames(child, names);
  else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (record.type === "function" || record.type === "aggr_func") {
      const name = record.name as { name?: { value?: string }[] } | string;
      const text = typeof name === "string" ? name : (name?.name?.map((part) => part.value).join(".") ?? "");
      names.add(text.toLowerCase());
    }
    for (const value of Object.values(record)) functionNames(value, names);
  }
  return names;
}

/** The SQL without its comments, which may mention anything. */
const code = (sql: string) => sql.replace(/--.*$/gm, "");

describe.each(SQL_FILES)("queries/%s", (file) => {
  const sql = readFileSync(join(QUERIES_DIR, file), "utf8");

  it("parses as Trino (Athena) SQL", () => {
    expect(() => parser.astify(sql, { database: "trino" })).not.toThrow();
  });

  it("calls only functions that DuckDB and Trino share", () => {
    const names = functionNames(parser.astify(sql, { database: "trino" }));
    expect([...names].filter((name) => !PORTABLE_FUNCTIONS.has(name))).toEqual([]);
  });

  it("uses no DuckDB-only syntax (:: casts, log(), string concatenation of values)", () => {
    expect(code(sql)).not.toMatch(
      /::|\blog\s*\(|\|\||\bEXCLUDE\b|\bQUALIFY\b|\$\d|\bread_(parquet|csv|json)\b/i,
    );
  });
});

describe("the dialect guard", () => {
  it("catches the DuckDB-only constructs it is there for", () => {
    expect(() => parser.astify("SELECT * EXCLUDE (a) FROM t", { database: "trino" })).toThrow();
    expect(
      functionNames(parser.astify("SELECT list_value(1, 2), ln(x) FROM t", { database: "trino" })),
    ).toEqual(new Set(["list_value", "ln"]));
  });
});
