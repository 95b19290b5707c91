/** A value bound to a `?` placeholder of a query. */
export type SqlValue = string | number | boolean | null;

/** A row of a query result, with columns converted to plain JavaScript values (BIGINT and DECIMAL as number). */
export type ResultRow = Record<string, SqlValue>;

/** What an engine has run so far, for engines that bill by data scanned (Athena). */
export interface EngineStatistics {
  /** Statements sent, every attempt included. */
  readonly queries: number;
  /** The sum of the bytes each statement scanned, as the engine reports them. */
  readonly bytesScanned: number;
  /** The id of the run the engine's intermediate tables belong to, if it has one. */
  readonly runId?: string;
}

/**
 * Runs the framework's SQL. Implemented by embedded DuckDB (local lake) and by Athena (S3 lake).
 * Both expose the lake's tables under the same names: `financial`, `impact`, `hubs`, `fx_rates`, `manifest`,
 * `countries`.
 */
export interface QueryEngine {
  /**
   * Defines a named intermediate relation that later stages and queries may read, materialised once: DuckDB as a
   * temporary table, Athena as a table of the compute run (`CREATE TABLE … AS`) that `close` drops.
   */
  stage(name: string, sql: string): Promise<void>;
  /** Runs one SELECT with positional `?` parameters. */
  query(sql: string, parameters?: readonly SqlValue[]): Promise<ResultRow[]>;
  /** What the engine has run and scanned so far; only engines that bill by data scanned report it. */
  statistics?(): EngineStatistics;
  /** Releases what the engine holds, intermediate relations included; call it also when a run fails. */
  close(): Promise<void>;
}
