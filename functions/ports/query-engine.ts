/** A value bound to a `?` placeholder of a query. */
export type SqlValue = string | number | boolean | null;

/**
 * A value of a query result: a plain JavaScript value (BIGINT and DECIMAL as number), or a list of strings for
 * an `array_agg` of identifiers. List elements must not contain `, ` nor begin or end with a bracket: Athena
 * sends an array as the text `[a, b]`, which cannot be split otherwise.
 */
export type ResultValue = SqlValue | readonly string[];

/** A row of a query result, column by column. */
export type ResultRow = Record<string, ResultValue>;

/** What an engine has run so far, for engines that bill by data scanned (Athena). */
export interface EngineStatistics {
  /** Statements sent, every attempt included. */
  readonly queries: number;
  /** The sum of the bytes each statement scanned, as the engine reports them. */
  readonly bytesScanned: number;
  /** The id of the run the engine's intermediate tables belong to, if it has one. */
  readonly runId?: string;
  /** What the engine removed, before its first statement, of earlier runs that died without cleaning up. */
  readonly sweep?: RunSweep;
}

/**
 * The sweep of dead runs' leftovers (on Athena: the tables and staged objects of compute runs whose Lambda was
 * killed). A sweep that fails in part leaves the run going on and says what is left.
 */
export interface RunSweep {
  /** The dead runs swept, oldest first. */
  readonly runs: readonly string[];
  /** How many of their tables were dropped. */
  readonly tablesDropped: number;
  /** Dead runs found but left for a later run, which sweeps the oldest first (a sweep takes a bounded number). */
  readonly deferredRuns?: readonly string[];
  /** What the sweep could not remove, and why; absent when it removed everything it found. */
  readonly left?: RunSweepLeftovers;
}

/** What a sweep could not remove. */
export interface RunSweepLeftovers {
  /** Tables of dead runs that may still exist (empty when the tables could not even be listed: see `reasons`). */
  readonly tables: readonly string[];
  /** Key prefixes under which objects of dead runs may still lie. */
  readonly objectsUnder: readonly string[];
  readonly reasons: readonly string[];
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
