import {
  type ColumnInfo,
  GetQueryExecutionCommand,
  type GetQueryExecutionOutput,
  GetQueryResultsCommand,
  type GetQueryResultsOutput,
  type QueryExecutionStatus,
  StartQueryExecutionCommand,
  type StartQueryExecutionOutput,
  StopQueryExecutionCommand,
  type StopQueryExecutionOutput,
} from "@aws-sdk/client-athena";
import {
  DeleteObjectsCommand,
  type DeleteObjectsCommandOutput,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  type S3Client,
} from "@aws-sdk/client-s3";
import { fullJitterDelay } from "../../core/backoff.js";
import { assertStageName } from "../../core/indicators/stage-references.js";
import type {
  EngineStatistics,
  QueryEngine,
  ResultRow,
  ResultValue,
  RunSweep,
  SqlValue,
} from "../../ports/query-engine.js";
import { listElements } from "../list-text.js";
import type { AthenaSource } from "./athena-tables.js";
import { createTableAsText, type RunTable, runTableOf, StagedRun } from "./staged-run.js";

/** The Athena commands the engine sends. */
export type AthenaCommand =
  | StartQueryExecutionCommand
  | GetQueryExecutionCommand
  | GetQueryResultsCommand
  | StopQueryExecutionCommand;

/** The part of the Athena client the engine uses: production passes `new AthenaClient({})`, tests a fake. */
export interface AthenaSender {
  send(
    command: AthenaCommand,
  ): Promise<
    StartQueryExecutionOutput | GetQueryExecutionOutput | GetQueryResultsOutput | StopQueryExecutionOutput
  >;
}

/**
 * How long after its start a compute run counts as dead beyond its function's timeout: room for clocks that
 * differ, and for statements a killed run left running in Athena (they go on after the Lambda is gone).
 */
export const DEAD_RUN_MARGIN_MS = 30 * 60_000;

/** The most dead runs one compute run sweeps, the oldest first; a later run sweeps the rest. */
export const DEAD_RUNS_PER_SWEEP = 10;

/** How many DROP TABLE statements of a sweep run at once. */
const SWEEP_CONCURRENCY = 4;

/**
 * Sweeping, before a run's first statement, the tables and objects of compute runs that died without cleaning
 * up (their Lambda was killed: timeout, out of memory). A run is dead when it started longer ago than
 * `runTimeoutMs + marginMs`, which its id tells (`newRunId`).
 */
export interface DeadRunSweepOptions {
  /** The longest a compute run can live: the timeout of the function that runs it. */
  readonly runTimeoutMs: number;
  /** @default DEAD_RUN_MARGIN_MS */
  readonly marginMs?: number;
  /** @default DEAD_RUNS_PER_SWEEP */
  readonly maxRuns?: number;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** Where and how a compute run materialises its stages. */
export interface AthenaStagingOptions {
  /**
   * The workgroup the run's `CREATE TABLE … AS` and `DROP TABLE` statements run in. It must let a statement name
   * its table's location: a workgroup that enforces its own result location refuses `external_location`.
   */
  readonly workGroup: string;
  /** The S3 client that deletes the run's objects; production passes `createS3Client()`, tests s3rver's. */
  readonly s3: Pick<S3Client, "send">;
  /** The bucket the run's tables are written to. */
  readonly bucket: string;
  /** @default STAGING_PREFIX ("staging/") */
  readonly prefix?: string;
  /** @default newRunId(): the time and 48 random bits */
  readonly runId?: string;
  /** Sweep the leftovers of dead compute runs before the first statement. @default no sweep */
  readonly sweepDeadRuns?: DeadRunSweepOptions;
}

export interface AthenaEngineOptions {
  readonly client: AthenaSender;
  /** The workgroup the queries run in; it holds the result location, encryption and the data-scanned limit. */
  readonly workGroup: string;
  /** The Glue database with the lake's tables (see `athenaTables`); the run's tables are created in it too. */
  readonly database: string;
  readonly staging: AthenaStagingOptions;
  /**
   * Relations the run materialises before its first statement, from SQL with `?` parameters, which every later
   * stage and query reads by name: the manifest as of one checkpoint (`manifestSource`). @default none
   */
  readonly sources?: readonly AthenaSource[];
  /** @default "AwsDataCatalog" */
  readonly catalog?: string;
  /** The first wait before asking whether a query has finished; each later wait doubles. @default 250 */
  readonly pollInitialDelayMs?: number;
  /** @default 5000 */
  readonly pollMaxDelayMs?: number;
  /** How many times a query is run in all when Athena reports its failure as retryable. @default 3 */
  readonly maxAttempts?: number;
  /** Retries wait a random time below `min(retryMaxDelayMs, retryBaseDelayMs · 2^(attempt − 1))`. @default 1000 */
  readonly retryBaseDelayMs?: number;
  /** @default 20000 */
  readonly retryMaxDelayMs?: number;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1). @default Math.random */
  readonly random?: () => number;
}

/** Athena's `AthenaError.ErrorCategory`. */
const ERROR_CATEGORIES: Record<number, string> = { 1: "system", 2: "user", 3: "other" };

const NUMERIC_TYPES = new Set(["tinyint", "smallint", "integer", "int", "bigint", "real", "float", "double"]);

/** A query Athena failed or cancelled, with what Athena said about it. */
export class AthenaQueryError extends Error {
  readonly state: "FAILED" | "CANCELLED";
  readonly queryExecutionId: string;
  /** Athena's `StateChangeReason`. */
  readonly reason: string | undefined;
  /** 1 system, 2 user, 3 other. */
  readonly errorCategory: number | undefined;
  /** See "Error type reference" in the Athena User Guide. */
  readonly errorType: number | undefined;
  readonly retryable: boolean;
  /** How many times the query was run. */
  readonly attempts: number;
  /** What the query is for: the first line of its leading comment, or of the SQL. */
  readonly purpose: string;

  constructor(details: {
    queryExecutionId: string;
    status: QueryExecutionStatus;
    attempts: number;
    purpose: string;
  }) {
    const { status, queryExecutionId, attempts, purpose } = details;
    const state = status.State === "CANCELLED" ? "CANCELLED" : "FAILED";
    const reason = (status.StateChangeReason ?? status.AthenaError?.ErrorMessage)?.replace(/\.\s*$/, "");
    const category = status.AthenaError?.ErrorCategory;
    const type = status.AthenaError?.ErrorType;
    const retryable = status.AthenaError?.Retryable === true;
    const classification = [
      category === undefined
        ? undefined
        : `${ERROR_CATEGORIES[category] ?? "unknown"} error (category ${category})`,
      type === undefined ? undefined : `error type ${type}`,
    ].filter((part) => part !== undefined);
    const what =
      state === "CANCELLED"
        ? "was cancelled"
        : retryable
          ? `failed after ${attempts} attempt${attempts === 1 ? "" : "s"}, each with an error Athena calls retryable`
          : "failed";
    super(
      [
        `Athena query "${purpose}" ${what}: ${reason ?? "Athena gave no reason"}.`,
        `Query execution ${queryExecutionId}${classification.length ? `, ${classification.join(", ")}` : ""}.`,
        AthenaQueryError.advice(state, category, retryable),
      ].join(" "),
    );
    this.name = "AthenaQueryError";
    this.state = state;
    this.queryExecutionId = queryExecutionId;
    this.reason = reason;
    this.errorCategory = category;
    this.errorType = type;
    this.retryable = retryable;
    this.attempts = attempts;
    this.purpose = purpose;
  }

  private static advice(
    state: "FAILED" | "CANCELLED",
    category: number | undefined,
    retryable: boolean,
  ): string {
    if (state === "CANCELLED")
      return "Someone stopped it, or the workgroup's limits (run time, data scanned) did; see the execution in the Athena console.";
    if (retryable)
      return "Athena kept failing on its side; try again later and check the AWS Health Dashboard.";
    if (category === 2)
      return "Fix the SQL in queries/ or the Glue tables (athenaTables); the console shows the exact query that ran.";
    return "Look the execution up in the Athena console for details.";
  }
}

/** Raised by `close` when a compute run's tables or objects could not all be removed; names what is left. */
export class StagingCleanupError extends Error {
  readonly runId: string;
  /** The run's tables that may still exist in the Glue database. */
  readonly tablesLeft: readonly string[];
  /** The S3 prefix with objects left, if deleting them failed. */
  readonly objectsLeftUnder: string | undefined;

  constructor(details: {
    runId: string;
    tablesLeft: readonly string[];
    objectsLeftUnder: string | undefined;
    reasons: readonly string[];
  }) {
    const left = [
      details.tablesLeft.length > 0 ? `tables ${details.tablesLeft.join(", ")} may still exist` : undefined,
      details.objectsLeftUnder ? `objects are left under ${details.objectsLeftUnder}` : undefined,
    ].filter((part) => part !== undefined);
    super(
      `Compute run ${details.runId} was not cleaned up: ${left.join("; ")} (${details.reasons.join("; ")}). ` +
        "The staging prefix's lifecycle rule deletes the objects within a day; drop the tables with " +
        "DROP TABLE IF EXISTS in the Athena console.",
    );
    this.name = "StagingCleanupError";
    this.runId = details.runId;
    this.tablesLeft = details.tablesLeft;
    this.objectsLeftUnder = details.objectsLeftUnder;
  }
}

/** What an Athena engine has run so far: the bytes Athena scanned are what it bills. */
export interface AthenaStatistics extends EngineStatistics {
  /** The compute run's id, which its table names and staging keys carry. */
  readonly runId: string;
}

/**
 * The cloud query engine: Amazon Athena (Trino) over the S3 lake's Glue tables. Each stage is materialised once
 * per run with `CREATE TABLE … AS` into a table of the run (`compute_run_<run id>_<stage>`, ZSTD Parquet under
 * the staging prefix), and later stages and queries read it from there, so the lake is scanned by the stages
 * only. `close` drops the run's tables and deletes their objects, whether the run succeeded or not; a run whose
 * Lambda was killed cannot, so with `staging.sweepDeadRuns` each run first drops the tables and deletes the
 * objects of runs that cannot still be alive (`DeadRunSweepOptions`), and reports it in `statistics().sweep`.
 * Parameters travel as Athena execution parameters, never inside the query text. A statement whose failure
 * Athena reports as retryable is run again after a full-jitter exponential backoff. Every statement's
 * `DataScannedInBytes` is added up (`statistics()`).
 */
export class AthenaEngine implements QueryEngine {
  private readonly run: StagedRun;
  /** Every stage asked for, by name, with its SQL. */
  private readonly requested = new Map<string, string>();
  /** The stages whose tables exist, in the order they were created. */
  private readonly staged: string[] = [];
  /** The stages whose tables may exist: every stage whose CREATE TABLE was sent. */
  private readonly attempted: string[] = [];
  private readonly running = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;
  private closing: Promise<void> | undefined;
  private sourcesStaged: Promise<void> | undefined;
  private sweep: RunSweep | undefined;
  private queries = 0;
  private bytesScanned = 0;
  private readonly client: AthenaSender;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: AthenaEngineOptions) {
    if (!options.workGroup) throw new Error("AthenaEngine needs a workGroup");
    if (!options.database) throw new Error("AthenaEngine needs a database");
    if (!options.staging?.workGroup) throw new Error("AthenaEngine needs a staging workGroup");
    const sweep = options.staging.sweepDeadRuns;
    if (sweep && !(Number.isSafeInteger(sweep.runTimeoutMs) && sweep.runTimeoutMs > 0))
      throw new Error(
        `AthenaEngine needs a positive runTimeoutMs to sweep dead runs, not ${sweep.runTimeoutMs}`,
      );
    this.run = new StagedRun({
      database: options.database,
      bucket: options.staging.bucket,
      prefix: options.staging.prefix,
      runId: options.staging.runId,
    });
    this.client = options.client;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** The compute run's id: its tables are `compute_run_<run id>_<stage>`, its objects under `<prefix><run id>/`. */
  get runId(): string {
    return this.run.runId;
  }

  /**
   * Materialises a stage as a table of the run (`CREATE TABLE … AS`), reading earlier stages from their tables.
   * Defining a stage again with the same SQL does nothing; with different SQL it is refused, as the queries
   * already run read the old one.
   */
  async stage(name: string, sql: string): Promise<void> {
    assertStageName(name);
    await this.stageSources();
    const existing = this.requested.get(name);
    if (existing !== undefined) {
      if (existing !== sql) throw new Error(`stage ${name} is already defined with different SQL`);
      if (this.staged.includes(name)) return;
      throw new Error(`stage ${name} has no table in this run: its CREATE TABLE failed or has not finished`);
    }
    if (this.closed) throw new Error("the Athena engine is closed");
    const earlier = [...this.staged];
    const statementFor = (attempt: number) =>
      createTableAsText(this.run.createTableAs([name, sql], earlier, attempt));
    statementFor(1);
    this.requested.set(name, sql);
    this.attempted.push(name);
    await this.execute(statementFor, [], this.options.staging.workGroup, `stage ${name}: ${purposeOf(sql)}`);
    this.staged.push(name);
  }

  async query(sql: string, parameters: readonly SqlValue[] = []): Promise<ResultRow[]> {
    await this.stageSources();
    const queryString = this.run.reading(this.staged, sql);
    const executionParameters = parameters.map((value, i) => athenaLiteral(value, i + 1));
    const id = await this.execute(
      () => queryString,
      executionParameters,
      this.options.workGroup,
      purposeOf(sql),
    );
    return this.results(id);
  }

  /** Sweeps dead runs (when asked to) and materialises the run's sources, once, before anything reads them. */
  private stageSources(): Promise<void> {
    this.sourcesStaged ??= (async () => {
      const sweep = this.options.staging.sweepDeadRuns;
      if (sweep) this.sweep = await this.sweepDeadRuns(sweep);
      for (const source of this.options.sources ?? []) {
        assertStageName(source.name);
        if (this.closed) throw new Error("the Athena engine is closed");
        const statementFor = (attempt: number) =>
          createTableAsText(this.run.createSourceTableAs([source.name, source.sql], attempt));
        statementFor(1);
        this.requested.set(source.name, source.sql);
        this.attempted.push(source.name);
        await this.execute(
          statementFor,
          source.parameters.map((value, i) => athenaLiteral(value, i + 1)),
          this.options.staging.workGroup,
          `source ${source.name}: ${purposeOf(source.sql)}`,
        );
        this.staged.push(source.name);
      }
    })();
    return this.sourcesStaged;
  }

  /**
   * The statements run so far (every attempt, CREATE and DROP TABLE included) and the bytes they scanned, and
   * what the sweep of dead runs removed, once it has run.
   */
  statistics(): AthenaStatistics {
    return {
      runId: this.run.runId,
      queries: this.queries,
      bytesScanned: this.bytesScanned,
      ...(this.sweep ? { sweep: this.sweep } : {}),
    };
  }

  /**
   * Drops the tables of dead compute runs and deletes their objects: lists the database's `compute_run_*`
   * tables, keeps only names that are exactly a run's table (`runTableOf`) of a run other than this one that
   * started before the cutoff, and sweeps at most `maxRuns` runs, the oldest first. Never throws: what fails is
   * reported in the result's `left`, and the run goes on.
   */
  private async sweepDeadRuns(options: DeadRunSweepOptions): Promise<RunSweep> {
    const workGroup = this.options.staging.workGroup;
    let listed: string[];
    try {
      const id = await this.execute(
        () => this.run.showRunTables(),
        [],
        workGroup,
        "list the compute runs' tables",
      );
      listed = await this.firstValues(id);
    } catch (error) {
      return {
        runs: [],
        tablesDropped: 0,
        left: {
          tables: [],
          objectsUnder: [],
          reasons: [
            `the compute runs' tables could not be listed, so no dead run was swept: ${errorText(error)}`,
          ],
        },
      };
    }
    const now = options.now?.() ?? new Date();
    const cutoff = now.getTime() - options.runTimeoutMs - (options.marginMs ?? DEAD_RUN_MARGIN_MS);
    const deadTables = new Map<string, RunTable[]>();
    for (const name of new Set(listed)) {
      const table = runTableOf(name);
      if (!table || table.runId === this.run.runId || table.startedAt.getTime() >= cutoff) continue;
      deadTables.set(table.runId, [...(deadTables.get(table.runId) ?? []), table]);
    }
    const dead = [...deadTables.keys()].sort();
    const runs = dead.slice(0, options.maxRuns ?? DEAD_RUNS_PER_SWEEP);
    const deferredRuns = dead.slice(runs.length);
    const tables = runs.flatMap((runId) => deadTables.get(runId) ?? []);

    const reasons: string[] = [];
    const tablesLeft: string[] = [];
    const drops = await settleEach(tables, SWEEP_CONCURRENCY, (table) =>
      this.execute(
        () => this.run.dropRunTable(table),
        [],
        workGroup,
        `drop ${this.run.nameOf(table)} of a dead run`,
      ),
    );
    drops.forEach((outcome, i) => {
      if (outcome.status === "fulfilled") return;
      tablesLeft.push(this.run.nameOf(tables[i] as RunTable));
      reasons.push(errorText(outcome.reason));
    });
    const objectsLeftUnder: string[] = [];
    for (const runId of runs) {
      const prefix = this.run.keyPrefixOf(runId);
      try {
        await this.deleteObjectsUnder(prefix);
      } catch (error) {
        objectsLeftUnder.push(`s3://${this.run.bucket}/${prefix}`);
        reasons.push(errorText(error));
      }
    }
    return {
      runs,
      tablesDropped: tables.length - tablesLeft.length,
      ...(deferredRuns.length > 0 ? { deferredRuns } : {}),
      ...(reasons.length > 0
        ? { left: { tables: tablesLeft, objectsUnder: objectsLeftUnder, reasons } }
        : {}),
    };
  }

  /**
   * Stops every statement still running and waits for it to end, then drops the run's tables and deletes the
   * run's objects. Throws `StagingCleanupError` if any of that failed, after trying all of it; later calls
   * return the same outcome.
   */
  close(): Promise<void> {
    this.closing ??= this.cleanUp();
    return this.closing;
  }

  private async cleanUp(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(
      [...this.running].map((id) =>
        this.client.send(new StopQueryExecutionCommand({ QueryExecutionId: id })),
      ),
    );
    await Promise.allSettled([...this.inFlight]);
    if (this.attempted.length === 0) return;

    const reasons: string[] = [];
    const dropOrder = [...this.attempted].reverse();
    const drops = await Promise.allSettled(
      dropOrder.map((stage) =>
        this.execute(
          () => this.run.dropTable(stage),
          [],
          this.options.staging.workGroup,
          `drop ${this.run.tableOf(stage)}`,
          { whileClosing: true },
        ),
      ),
    );
    const tablesLeft: string[] = [];
    drops.forEach((outcome, i) => {
      if (outcome.status === "fulfilled") return;
      tablesLeft.push(this.run.tableOf(dropOrder[i] as string));
      reasons.push(errorText(outcome.reason));
    });
    let objectsLeftUnder: string | undefined;
    try {
      await this.deleteObjectsUnder(this.run.keyPrefix);
    } catch (error) {
      objectsLeftUnder = `s3://${this.run.bucket}/${this.run.keyPrefix}`;
      reasons.push(errorText(error));
    }
    if (reasons.length > 0)
      throw new StagingCleanupError({ runId: this.run.runId, tablesLeft, objectsLeftUnder, reasons });
  }

  /** Deletes every object under a key prefix of the staging bucket. */
  private async deleteObjectsUnder(prefix: string): Promise<void> {
    const { s3 } = this.options.staging;
    const failures: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = (await s3.send(
        new ListObjectsV2Command({
          Bucket: this.run.bucket,
          Prefix: prefix,
          ContinuationToken: continuationToken,
        }),
      )) as ListObjectsV2CommandOutput;
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
      for (let start = 0; start < keys.length; start += 1000) {
        const batch = keys.slice(start, start + 1000);
        const deleted = (await s3.send(
          new DeleteObjectsCommand({
            Bucket: this.run.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        )) as DeleteObjectsCommandOutput;
        for (const error of deleted.Errors ?? [])
          failures.push(`${error.Key}: ${error.Code ?? "error"} ${error.Message ?? ""}`.trim());
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
    if (failures.length > 0)
      throw new Error(`S3 did not delete ${failures.length} object(s): ${failures.slice(0, 5).join("; ")}`);
  }

  /**
   * Runs one statement to its end, again after a retryable failure (building the statement anew for each
   * attempt), and returns the id of the execution that succeeded.
   */
  private execute(
    statementFor: (attempt: number) => string,
    executionParameters: string[],
    workGroup: string,
    purpose: string,
    options: { whileClosing?: boolean } = {},
  ): Promise<string> {
    const execution = (async () => {
      const maxAttempts = this.options.maxAttempts ?? 3;
      for (let attempt = 1; ; attempt++) {
        if (this.closed && !options.whileClosing) throw new Error("the Athena engine is closed");
        const id = await this.start(statementFor(attempt), executionParameters, workGroup);
        const status = await this.waitFor(id);
        if (status.State === "SUCCEEDED") return id;
        if (status.State === "FAILED" && status.AthenaError?.Retryable === true && attempt < maxAttempts) {
          const bounds = {
            baseMs: this.options.retryBaseDelayMs ?? 1000,
            capMs: this.options.retryMaxDelayMs ?? 20_000,
          };
          await this.sleep(fullJitterDelay(attempt, bounds, this.random));
          continue;
        }
        throw new AthenaQueryError({ queryExecutionId: id, status, attempts: attempt, purpose });
      }
    })();
    this.inFlight.add(execution);
    const forget = () => this.inFlight.delete(execution);
    execution.then(forget, forget);
    return execution;
  }

  private async start(
    queryString: string,
    executionParameters: string[],
    workGroup: string,
  ): Promise<string> {
    const output = (await this.client.send(
      new StartQueryExecutionCommand({
        QueryString: queryString,
        WorkGroup: workGroup,
        QueryExecutionContext: {
          Catalog: this.options.catalog ?? "AwsDataCatalog",
          Database: this.options.database,
        },
        ...(executionParameters.length > 0 ? { ExecutionParameters: executionParameters } : {}),
      }),
    )) as StartQueryExecutionOutput;
    if (!output.QueryExecutionId) throw new Error("Athena started a query but returned no QueryExecutionId");
    this.queries++;
    this.running.add(output.QueryExecutionId);
    return output.QueryExecutionId;
  }

  private async waitFor(id: string): Promise<QueryExecutionStatus> {
    try {
      let delay = this.options.pollInitialDelayMs ?? 250;
      for (;;) {
        await this.sleep(delay);
        const output = (await this.client.send(
          new GetQueryExecutionCommand({ QueryExecutionId: id }),
        )) as GetQueryExecutionOutput;
        const status = output.QueryExecution?.Status ?? {};
        if (status.State === "SUCCEEDED" || status.State === "FAILED" || status.State === "CANCELLED") {
          this.bytesScanned += output.QueryExecution?.Statistics?.DataScannedInBytes ?? 0;
          return status;
        }
        delay = Math.min(this.options.pollMaxDelayMs ?? 5000, delay * 2);
      }
    } finally {
      this.running.delete(id);
    }
  }

  /** The rows of a finished SELECT, every page; the first page's first row is the header, as Athena sends it. */
  private async results(id: string): Promise<ResultRow[]> {
    const rows: ResultRow[] = [];
    let columns: readonly ColumnInfo[] = [];
    let first = true;
    for await (const page of this.resultPages(id)) {
      if (first) columns = page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
      const data = page.ResultSet?.Rows ?? [];
      for (const row of first ? data.slice(1) : data) {
        const plain: ResultRow = {};
        columns.forEach((column, i) => {
          plain[column.Name ?? `_col${i}`] = fromAthena(row.Data?.[i]?.VarCharValue, column.Type);
        });
        rows.push(plain);
      }
      first = false;
    }
    return rows;
  }

  /**
   * The first value of every row of a finished utility statement such as `SHOW TABLES`, whose result has no
   * header row (Athena does not document this; a header would be one more value, which callers filter out).
   */
  private async firstValues(id: string): Promise<string[]> {
    const values: string[] = [];
    for await (const page of this.resultPages(id))
      for (const row of page.ResultSet?.Rows ?? []) {
        const value = row.Data?.[0]?.VarCharValue;
        if (value !== undefined) values.push(value);
      }
    return values;
  }

  private async *resultPages(id: string): AsyncGenerator<GetQueryResultsOutput> {
    let nextToken: string | undefined;
    do {
      const page = (await this.client.send(
        new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: nextToken, MaxResults: 1000 }),
      )) as GetQueryResultsOutput;
      yield page;
      nextToken = page.NextToken;
    } while (nextToken);
  }
}

/**
 * A parameter as the SQL literal Athena substitutes for its `?`: strings quoted (with `'` doubled), numbers as
 * integer or DOUBLE literals, booleans, NULL. NaN and the infinities have no literal and are refused.
 */
export function athenaLiteral(value: SqlValue, position: number): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  if (!Number.isFinite(value))
    throw new Error(
      `parameter ${position} is ${value}, which Athena has no literal for; pass a finite number`,
    );
  return Number.isSafeInteger(value) ? String(value) : value.toExponential();
}

/**
 * A value of Athena's text result as a plain value of its column's type; Athena sends no text for NULL, and an
 * array as `[a, b]` (see `listElements`).
 */
export function fromAthena(text: string | undefined, type: string | undefined): ResultValue {
  if (text === undefined) return null;
  const base = (type ?? "varchar").toLowerCase().replace(/\(.*$/, "");
  if (NUMERIC_TYPES.has(base) || base === "decimal") return Number(text);
  if (base === "boolean") return text === "true";
  if (base === "array") return listElements(text, "Athena");
  return text;
}

/** Runs `task` on every item, at most `limit` at a time, and gives each outcome in the items' order. */
async function settleEach<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const outcomes: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      outcomes[i] = await task(items[i] as T).then(
        (value): PromiseSettledResult<R> => ({ status: "fulfilled", value }),
        (reason: unknown): PromiseSettledResult<R> => ({ status: "rejected", reason }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcomes;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first line of a query's leading comment, or of its SQL: what a maintainer reads in an error. */
function purposeOf(sql: string): string {
  const firstLine = sql.trim().split("\n", 1)[0] ?? "";
  const purpose = firstLine.replace(/^--\s*/, "").trim();
  return purpose.length > 120 ? `${purpose.slice(0, 117)}...` : purpose;
}
