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
import { fullJitterDelay } from "../../core/backoff.js";
import { assertStageName, inlineStages, type Stage } from "../../core/indicators/inline-stages.js";
import type { QueryEngine, ResultRow, SqlValue } from "../../ports/query-engine.js";

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

export interface AthenaEngineOptions {
  readonly client: AthenaSender;
  /** The workgroup the queries run in; it holds the result location, encryption and the data-scanned limit. */
  readonly workGroup: string;
  /** The Glue database with the lake's tables (see `athenaTables`). */
  readonly database: string;
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

/**
 * The cloud query engine: Amazon Athena (Trino) over the S3 lake's Glue tables. Stages become common table
 * expressions prepended to each later query (Athena has no temporary tables); parameters travel as Athena
 * execution parameters, never inside the query text. A query whose failure Athena reports as retryable is run
 * again after a full-jitter exponential backoff.
 */
export class AthenaEngine implements QueryEngine {
  private readonly stages: Stage[] = [];
  private readonly running = new Set<string>();
  private closed = false;
  private readonly client: AthenaSender;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: AthenaEngineOptions) {
    if (!options.workGroup) throw new Error("AthenaEngine needs a workGroup");
    if (!options.database) throw new Error("AthenaEngine needs a database");
    this.client = options.client;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /**
   * Records a stage that later queries carry as a common table expression. Redefining a stage with different
   * SQL is refused, as the queries already run read the old one.
   */
  async stage(name: string, sql: string): Promise<void> {
    assertStageName(name);
    const existing = this.stages.find(([stageName]) => stageName === name);
    if (existing && existing[1] !== sql)
      throw new Error(`stage ${name} is already defined with different SQL`);
    if (!existing) this.stages.push([name, sql]);
  }

  async query(sql: string, parameters: readonly SqlValue[] = []): Promise<ResultRow[]> {
    const queryString = inlineStages(this.stages, sql);
    const executionParameters = parameters.map((value, i) => athenaLiteral(value, i + 1));
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      if (this.closed) throw new Error("the Athena engine is closed");
      const id = await this.start(queryString, executionParameters);
      const status = await this.waitFor(id);
      if (status.State === "SUCCEEDED") return this.results(id);
      if (status.State === "FAILED" && status.AthenaError?.Retryable === true && attempt < maxAttempts) {
        const bounds = {
          baseMs: this.options.retryBaseDelayMs ?? 1000,
          capMs: this.options.retryMaxDelayMs ?? 20_000,
        };
        await this.sleep(fullJitterDelay(attempt, bounds, this.random));
        continue;
      }
      throw new AthenaQueryError({
        queryExecutionId: id,
        status,
        attempts: attempt,
        purpose: purposeOf(sql),
      });
    }
  }

  /** Stops every query still running; later calls do nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(
      [...this.running].map((id) =>
        this.client.send(new StopQueryExecutionCommand({ QueryExecutionId: id })),
      ),
    );
  }

  private async start(queryString: string, executionParameters: string[]): Promise<string> {
    const output = (await this.client.send(
      new StartQueryExecutionCommand({
        QueryString: queryString,
        WorkGroup: this.options.workGroup,
        QueryExecutionContext: {
          Catalog: this.options.catalog ?? "AwsDataCatalog",
          Database: this.options.database,
        },
        ...(executionParameters.length > 0 ? { ExecutionParameters: executionParameters } : {}),
      }),
    )) as StartQueryExecutionOutput;
    if (!output.QueryExecutionId) throw new Error("Athena started a query but returned no QueryExecutionId");
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
        if (status.State === "SUCCEEDED" || status.State === "FAILED" || status.State === "CANCELLED")
          return status;
        delay = Math.min(this.options.pollMaxDelayMs ?? 5000, delay * 2);
      }
    } finally {
      this.running.delete(id);
    }
  }

  private async results(id: string): Promise<ResultRow[]> {
    const rows: ResultRow[] = [];
    let columns: readonly ColumnInfo[] = [];
    let nextToken: string | undefined;
    let first = true;
    do {
      const page = (await this.client.send(
        new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: nextToken, MaxResults: 1000 }),
      )) as GetQueryResultsOutput;
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
      nextToken = page.NextToken;
    } while (nextToken);
    return rows;
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

/** A value of Athena's text result as a plain value of its column's type; Athena sends no text for NULL. */
function fromAthena(text: string | undefined, type: string | undefined): SqlValue {
  if (text === undefined) return null;
  const base = (type ?? "varchar").toLowerCase().replace(/\(.*$/, "");
  if (NUMERIC_TYPES.has(base) || base === "decimal") return Number(text);
  if (base === "boolean") return text === "true";
  return text;
}

/** The first line of a query's leading comment, or of its SQL: what a maintainer reads in an error. */
function purposeOf(sql: string): string {
  const firstLine = sql.trim().split("\n", 1)[0] ?? "";
  const purpose = firstLine.replace(/^--\s*/, "").trim();
  return purpose.length > 120 ? `${purpose.slice(0, 117)}...` : purpose;
}
