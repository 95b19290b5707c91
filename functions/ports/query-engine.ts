/** A value bound to a `?` placeholder of a query. */
export type SqlValue = string | number | boolean | null;

/** A row of a query result, with columns converted to plain JavaScript values (BIGINT and DECIMAL as number). */
export type ResultRow = Record<string, SqlValue>;

/**
 * Runs the framework's SQL. Implemented by embedded DuckDB (local lake) and by Athena (S3 lake).
 * Both expose the lake's tables under the same names: `financial`, `impact`, `hubs`, `fx_rates`, `manifest`,
 * `countries`.
 */
export interface QueryEngine {
  /**
   * Defines a named intermediate relation that later queries may read. DuckDB materialises it as a temporary
   * table; Athena prepends it to later queries as a common table expression.
   */
  stage(name: string, sql: string): Promise<void>;
  /** Runs one SELECT with positional `?` parameters. */
  query(sql: string, parameters?: readonly SqlValue[]): Promise<ResultRow[]>;
  close(): Promise<void>;
}
