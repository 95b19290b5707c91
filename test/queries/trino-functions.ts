import trino from "node-sql-parser/build/trino.js";

/** node-sql-parser's Trino grammar: what Athena (engine 3) accepts, as near as a parser here can tell. */
export const trinoParser = new trino.Parser();

/** Parses SQL as Trino; throws where Athena would refuse the syntax. */
export const parseTrino = (sql: string): unknown => trinoParser.astify(sql, { database: "trino" });

/**
 * Functions that exist, with the same meaning, in both DuckDB and Trino (Athena engine 3). `array_agg` with an
 * `ORDER BY` inside is both engines' ordered list aggregate; the adapters read its result as a list of strings.
 */
export const PORTABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  "abs",
  "array_agg",
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
  "round",
  "row_number",
  "sum",
]);

/** Every function a parsed statement calls, lower-cased. */
export function functionNames(node: unknown, names = new Set<string>()): Set<string> {
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

/** The functions a statement calls that DuckDB and Trino do not share. */
export function unportableFunctions(sql: string): string[] {
  return [...functionNames(parseTrino(sql))].filter((name) => !PORTABLE_FUNCTIONS.has(name));
}
