/**
 * Amazon Athena cannot run here (it is a managed AWS service with no local edition), so these tests give the
 * engine a fake Athena client that records each command and answers from a script; where Athena would write a
 * staged table's files, the fake writes objects to a real S3-compatible server (s3rver on 127.0.0.1), which the
 * engine then deletes. What they prove is the engine's side of the protocol: what it sends (the run's CREATE
 * TABLE … AS per stage, queries over the run's tables, DROP TABLE), how it polls, pages, converts, retries,
 * counts bytes scanned, reports failures and cleans up. DeleteObjects answering with per-key errors is a fake S3
 * client: s3rver cannot fail a delete. That the SQL itself is Athena's dialect and gives the hand-checked figures
 * is tested in test/adapters/aws/staged-run.test.ts.
 */
import {
  type AthenaError,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type GetQueryResultsOutput,
  type QueryExecutionState,
  StartQueryExecutionCommand,
  type StartQueryExecutionInput,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import {
  type AthenaCommand,
  AthenaEngine,
  type AthenaEngineOptions,
  AthenaQueryError,
  fromAthena,
  StagingCleanupError,
} from "../../../functions/adapters/aws/athena-engine.js";
import { type LocalS3, startS3rver } from "../../helpers/s3rver.js";

type Status = {
  State: QueryExecutionState;
  StateChangeReason?: string;
  AthenaError?: AthenaError;
  /** The execution's `Statistics.DataScannedInBytes`, reported with its final state. */
  scanned?: number;
};

/**
 * A scripted Athena: each started query execution walks through the next script of states; results come from
 * the given pages. Stopping a query makes its state CANCELLED once it has been polled `pollsToCancel` more
 * times, as RUNNING. It refuses to be polled forever.
 */
class FakeAthena {
  readonly commands: AthenaCommand[] = [];
  /** How many polls after a stop still see the query RUNNING: Athena cancels asynchronously. */
  pollsToCancel = 0;
  private readonly states = new Map<string, Status[]>();
  /** Stopped executions, with the polls left before they are CANCELLED. */
  private readonly stopped = new Map<string, number>();
  private started = 0;

  constructor(
    private readonly scripts: Status[][],
    private readonly pages: GetQueryResultsOutput[] = [
      resultPage([["n", "bigint"]], [["1"]], undefined, true),
    ],
    /** Called with each started statement before Athena answers, e.g. to write a table's files. */
    private readonly onStart: (input: StartQueryExecutionInput) => Promise<void> = async () => {},
  ) {}

  get starts(): StartQueryExecutionInput[] {
    return this.commands.filter((c) => c instanceof StartQueryExecutionCommand).map((c) => c.input);
  }

  count(type: new (...args: never[]) => AthenaCommand): number {
    return this.commands.filter((c) => c instanceof type).length;
  }

  async send(command: AthenaCommand) {
    this.commands.push(command);
    if (command instanceof StartQueryExecutionCommand) {
      const id = `qe-${++this.started}`;
      this.states.set(id, [...(this.scripts[this.started - 1] ?? [{ State: "SUCCEEDED" }])]);
      await this.onStart(command.input);
      return { QueryExecutionId: id };
    }
    if (command instanceof GetQueryExecutionCommand) {
      if (this.count(GetQueryExecutionCommand) > 50) throw new Error("polled 50 times: the query never ends");
      const id = command.input.QueryExecutionId as string;
      const script = this.states.get(id) ?? [];
      const pollsLeft = this.stopped.get(id);
      if (pollsLeft) this.stopped.set(id, pollsLeft - 1);
      const { scanned, ...status } = (
        pollsLeft
          ? { State: "RUNNING" }
          : pollsLeft === 0
            ? { State: "CANCELLED", StateChangeReason: "Query cancelled by user" }
            : script.length > 1
              ? script.shift()
              : script[0]
      ) as Status;
      const Statistics = scanned === undefined ? undefined : { DataScannedInBytes: scanned };
      return { QueryExecution: { QueryExecutionId: id, Status: status, Statistics } };
    }
    if (command instanceof GetQueryResultsCommand) {
      const index = command.input.NextToken ? Number(command.input.NextToken.replace("page-", "")) : 0;
      return this.pages[index] ?? {};
    }
    this.stopped.set(command.input.QueryExecutionId as string, this.pollsToCancel);
    return {};
  }
}

/** One page of GetQueryResults; the first page of a result starts with the header row, as Athena sends it. */
function resultPage(
  columns: [name: string, type: string][],
  rows: (string | undefined)[][],
  nextToken?: string,
  withHeader = false,
): GetQueryResultsOutput {
  const header = withHeader ? [{ Data: columns.map(([name]) => ({ VarCharValue: name })) }] : [];
  return {
    NextToken: nextToken,
    ResultSet: {
      ResultSetMetadata: { ColumnInfo: columns.map(([Name, Type]) => ({ Name, Type })) },
      Rows: [
        ...header,
        ...rows.map((row) => ({
          Data: row.map((value) => (value === undefined ? {} : { VarCharValue: value })),
        })),
      ],
    },
  };
}

const RUN_ID = "20260115t030000z_9f2c4e1a7b3d";

const failed = (reason: string, error: AthenaError): Status => ({
  State: "FAILED",
  StateChangeReason: reason,
  AthenaError: error,
});
const THROTTLED = failed("Too many queries running; please try again later", {
  ErrorCategory: 1,
  ErrorType: 1002,
  Retryable: true,
});

/** An S3 client for engines whose tests never stage: any request is a failure of the test. */
const NO_S3 = {
  send: async () => {
    throw new Error("this test expects no S3 request");
  },
};

function engineWith(athena: FakeAthena, options: Partial<AthenaEngineOptions> = {}) {
  const sleeps: number[] = [];
  const engine = new AthenaEngine({
    client: athena,
    workGroup: "observatory",
    database: "lake",
    staging: { workGroup: "observatory-staging", s3: NO_S3, bucket: "query-results", runId: RUN_ID },
    pollInitialDelayMs: 100,
    pollMaxDelayMs: 500,
    retryBaseDelayMs: 1000,
    retryMaxDelayMs: 3000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { engine, sleeps };
}

describe("AthenaEngine", () => {
  it("returns typed rows: numbers, booleans and text by column type, null where Athena sends no value", async () => {
    const columns: [string, string][] = [
      ["year", "integer"],
      ["lines", "bigint"],
      ["value", "double"],
      ["amount", "decimal(18,2)"],
      ["south", "boolean"],
      ["scope_id", "varchar"],
      ["day", "date"],
    ];
    const athena = new FakeAthena(
      [[{ State: "SUCCEEDED" }]],
      [
        resultPage(
          columns,
          [
            ["2025", "12", "0.125", "1234.50", "true", "Sub-Saharan Africa", "2025-01-31"],
            ["2024", undefined, "1.0E-4", undefined, "false", "", undefined],
          ],
          undefined,
          true,
        ),
      ],
    );
    const { engine } = engineWith(athena);
    expect(await engine.query("SELECT * FROM t")).toEqual([
      {
        year: 2025,
        lines: 12,
        value: 0.125,
        amount: 1234.5,
        south: true,
        scope_id: "Sub-Saharan Africa",
        day: "2025-01-31",
      },
      { year: 2024, lines: null, value: 0.0001, amount: null, south: false, scope_id: "", day: null },
    ]);
  });

  it("returns an array column as a list of its elements, an empty array as an empty list, and refuses other text", async () => {
    const columns: [string, string][] = [["report_ids", "array"]];
    const athena = new FakeAthena(
      [[{ State: "SUCCEEDED" }]],
      [resultPage(columns, [["[r-0001, r-0002, r-0003]"], ["[]"], [undefined]], undefined, true)],
    );
    const { engine } = engineWith(athena);
    expect(await engine.query("SELECT * FROM t")).toEqual([
      { report_ids: ["r-0001", "r-0002", "r-0003"] },
      { report_ids: [] },
      { report_ids: null },
    ]);
    expect(() => fromAthena("r-0001, r-0002", "array")).toThrow(
      /Athena returned a list as "r-0001, r-0002", not as \[a, b\]/,
    );
  });

  it("reads every page of a result through NextToken, taking only the first page's first row as the header", async () => {
    const columns: [string, string][] = [["n", "integer"]];
    const athena = new FakeAthena(
      [[{ State: "SUCCEEDED" }]],
      [
        resultPage(columns, [["1"], ["2"]], "page-1", true),
        resultPage(columns, [["3"], ["4"]], "page-2"),
        resultPage(columns, [["5"]]),
      ],
    );
    const { engine } = engineWith(athena);
    expect(await engine.query("SELECT n FROM t")).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
    const tokens = athena.commands
      .filter((c) => c instanceof GetQueryResultsCommand)
      .map((c) => c.input.NextToken);
    expect(tokens).toEqual([undefined, "page-1", "page-2"]);
  });

  it("polls a queued, then running query with waits that double up to the cap", async () => {
    const athena = new FakeAthena([
      [
        { State: "QUEUED" },
        { State: "QUEUED" },
        { State: "RUNNING" },
        { State: "RUNNING" },
        { State: "RUNNING" },
        { State: "SUCCEEDED" },
      ],
    ]);
    const { engine, sleeps } = engineWith(athena);
    expect(await engine.query("SELECT 1 AS n")).toEqual([{ n: 1 }]);
    expect(sleeps).toEqual([100, 200, 400, 500, 500, 500]);
    expect(athena.count(GetQueryExecutionCommand)).toBe(6);
  });

  it("runs a query again after a retryable failure, waiting a full-jitter backoff, and returns its rows", async () => {
    const athena = new FakeAthena([[THROTTLED], [THROTTLED], [{ State: "SUCCEEDED" }]]);
    const randoms = [0.25, 0.999];
    const { engine, sleeps } = engineWith(athena, {
      random: () => randoms.shift() ?? 0,
      pollInitialDelayMs: 1,
    });
    expect(await engine.query("SELECT 1 AS n")).toEqual([{ n: 1 }]);
    expect(athena.starts).toHaveLength(3);
    const backoffs = sleeps.filter((ms) => ms !== 1);
    expect(backoffs).toEqual([0.25 * 1000, 0.999 * 2000]);
  });

  it("keeps every retry wait within [0, min(cap, base · 2^(attempt − 1))), whatever the random draw", async () => {
    for (const draw of [0, 0.5, 0.999999]) {
      const athena = new FakeAthena([
        [THROTTLED],
        [THROTTLED],
        [THROTTLED],
        [THROTTLED],
        [{ State: "SUCCEEDED" }],
      ]);
      const { engine, sleeps } = engineWith(athena, {
        random: () => draw,
        maxAttempts: 5,
        pollInitialDelayMs: 1,
      });
      await engine.query("SELECT 1 AS n");
      const backoffs = sleeps.filter((ms) => ms !== 1);
      const ceilings = [1000, 2000, 3000, 3000];
      expect(backoffs).toHaveLength(4);
      backoffs.forEach((ms, i) => {
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(ceilings[i] as number);
        expect(ms).toBeCloseTo(draw * (ceilings[i] as number), 6);
      });
    }
  });

  it("reports a non-retryable failure at once, with Athena's reason, category, execution id and the query's purpose", async () => {
    const reason = "COLUMN_NOT_FOUND: line 3:8: Column 'amount_usd' cannot be resolved";
    const athena = new FakeAthena([
      [failed(reason, { ErrorCategory: 2, ErrorType: 1006, Retryable: false })],
    ]);
    const { engine } = engineWith(athena);
    const error = await engine
      .query("-- deployed_usd: Σ D.amount_usd, per year.\nSELECT amount_usd FROM country_facts")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaQueryError);
    expect(error).toMatchObject({
      state: "FAILED",
      reason,
      errorCategory: 2,
      errorType: 1006,
      queryExecutionId: "qe-1",
      attempts: 1,
      purpose: "deployed_usd: Σ D.amount_usd, per year.",
    });
    expect((error as Error).message).toBe(
      `Athena query "deployed_usd: Σ D.amount_usd, per year." failed: ${reason}. Query execution qe-1, user error ` +
        "(category 2), error type 1006. Fix the SQL in queries/ or the Glue tables (athenaTables); the console " +
        "shows the exact query that ran.",
    );
    expect(athena.starts).toHaveLength(1);
  });

  it("gives up after the maximum number of attempts and says how many were made", async () => {
    const athena = new FakeAthena([[THROTTLED], [THROTTLED], [THROTTLED], [{ State: "SUCCEEDED" }]]);
    const { engine } = engineWith(athena, { maxAttempts: 3 });
    const error = await engine.query("-- participants: Σ participants.\nSELECT 1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaQueryError);
    expect(error).toMatchObject({ attempts: 3, retryable: true, queryExecutionId: "qe-3" });
    expect((error as Error).message).toMatch(
      /^Athena query "participants: Σ participants\." failed after 3 attempts, each with an error Athena calls retryable: Too many queries running/,
    );
    expect(athena.starts).toHaveLength(3);
  });

  it("treats a cancelled query as an error, and does not run it again", async () => {
    const athena = new FakeAthena([
      [
        { State: "RUNNING" },
        { State: "CANCELLED", StateChangeReason: "Query exhausted the workgroup's limit" },
      ],
    ]);
    const { engine } = engineWith(athena);
    const error = await engine.query("SELECT 1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaQueryError);
    expect(error).toMatchObject({ state: "CANCELLED", reason: "Query exhausted the workgroup's limit" });
    expect((error as Error).message).toMatch(/^Athena query "SELECT 1" was cancelled: Query exhausted/);
    expect(athena.starts).toHaveLength(1);
  });

  it("sends parameters as Athena execution parameters, each a safe SQL literal, never inside the query", async () => {
    const athena = new FakeAthena([[{ State: "SUCCEEDED" }]]);
    const { engine } = engineWith(athena);
    const sql = "SELECT * FROM t WHERE a = ? AND b = ? AND c = ? AND d IS ? AND e = ? AND f = ? AND g = ?";
    await engine.query(sql, ["x'); DROP TABLE t; --", 2025, 0.1, null, true, false, -1e21]);
    expect(athena.starts[0]?.QueryString).toBe(sql);
    expect(athena.starts[0]?.ExecutionParameters).toEqual([
      "'x''); DROP TABLE t; --'",
      "2025",
      "1e-1",
      "NULL",
      "TRUE",
      "FALSE",
      "-1e+21",
    ]);
  });

  it("refuses NaN and the infinities before sending anything", async () => {
    const athena = new FakeAthena([]);
    const { engine } = engineWith(athena);
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      await expect(engine.query("SELECT ?, ?", ["ok", value])).rejects.toThrow(
        new RegExp(`parameter 2 is ${value}, which Athena has no literal for`),
      );
    expect(athena.commands).toEqual([]);
  });

  it("runs in the configured workgroup, database and catalog (AwsDataCatalog unless told), without parameters when none", async () => {
    const athena = new FakeAthena([[{ State: "SUCCEEDED" }], [{ State: "SUCCEEDED" }]]);
    await engineWith(athena).engine.query("SELECT 1");
    await engineWith(athena, {
      workGroup: "evaluators",
      database: "lake_v2",
      catalog: "lakehouse",
    }).engine.query("SELECT 1");
    expect(
      athena.starts.map(({ WorkGroup, QueryExecutionContext, ExecutionParameters }) => ({
        WorkGroup,
        QueryExecutionContext,
        ExecutionParameters,
      })),
    ).toEqual([
      { WorkGroup: "observatory", QueryExecutionContext: { Catalog: "AwsDataCatalog", Database: "lake" } },
      { WorkGroup: "evaluators", QueryExecutionContext: { Catalog: "lakehouse", Database: "lake_v2" } },
    ]);
    const staging = { workGroup: "observatory-staging", s3: NO_S3, bucket: "query-results" };
    expect(() => new AthenaEngine({ client: athena, workGroup: "", database: "lake", staging })).toThrow(
      /needs a workGroup/,
    );
    expect(
      () =>
        new AthenaEngine({
          client: athena,
          workGroup: "observatory",
          database: "lake",
          staging: { ...staging, workGroup: "" },
        }),
    ).toThrow(/needs a staging workGroup/);
  });

  it("stops a query still running when closed, waits for it to end, and closing again does nothing", async () => {
    const athena = new FakeAthena([[{ State: "RUNNING" }]]);
    let closing: Promise<void> | undefined;
    let polls = 0;
    const { engine } = engineWith(athena, {
      sleep: async () => {
        if (++polls === 3) closing = engine.close();
      },
    });
    const error = await engine.query("-- a long one\nSELECT 1").catch((e: unknown) => e);
    await closing;
    await engine.close();
    expect(athena.commands.filter((c) => c instanceof StopQueryExecutionCommand).map((c) => c.input)).toEqual(
      [{ QueryExecutionId: "qe-1" }],
    );
    expect(error).toMatchObject({ name: "AthenaQueryError", state: "CANCELLED", queryExecutionId: "qe-1" });
    await expect(engine.query("SELECT 1")).rejects.toThrow(/the Athena engine is closed/);
    await expect(engine.stage("a", "SELECT 1")).rejects.toThrow(/the Athena engine is closed/);
    expect(athena.starts).toHaveLength(1);
  });
});

const BUCKET = "query-results";
const table = (stage: string) => `lake.compute_run_${RUN_ID}_${stage}`;
const location = (stage: string, attempt = 1) => `s3://${BUCKET}/staging/${RUN_ID}/${stage}/${attempt}/`;

/** What Athena writes for a CREATE TABLE … AS: a data file under the statement's external_location. */
function writeTableFiles(s3: LocalS3) {
  return async (input: StartQueryExecutionInput) => {
    const location = /external_location = 's3:\/\/[^/]+\/([^']+)'/.exec(input.QueryString ?? "")?.[1];
    if (!location) return;
    await s3.client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${location}20260115_030001_00042_abcde_0.parquet`,
        Body: "PAR1",
      }),
    );
  };
}

async function keysIn(s3: LocalS3, prefix = ""): Promise<string[]> {
  const page = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (page.Contents ?? []).map((object) => object.Key as string).sort();
}

async function stagingOn(s3: LocalS3, scripts: Status[][], options: Partial<AthenaEngineOptions> = {}) {
  const athena = new FakeAthena(scripts, undefined, writeTableFiles(s3));
  const { engine, sleeps } = engineWith(athena, {
    staging: { workGroup: "observatory-staging", s3: s3.client, bucket: BUCKET, runId: RUN_ID },
    ...options,
  });
  return { athena, engine, sleeps };
}

const STAGES: [string, string][] = [
  ["current_reports", "-- current\nSELECT report_id FROM manifest;\n"],
  ["facts", "SELECT f.* FROM financial f JOIN current_reports r ON r.report_id = f.report_id"],
  ["geography", "SELECT iso_code FROM countries"],
];

describe("AthenaEngine, a compute run's staged tables", () => {
  it("materialises each stage once, in order, with CREATE TABLE … AS in the staging workgroup, reading earlier stages from the run's tables", async () => {
    const s3 = await startS3rver([BUCKET]);
    const { athena, engine } = await stagingOn(s3, []);
    for (const [name, sql] of STAGES) await engine.stage(name, sql);
    await engine.stage("facts", STAGES[1]?.[1] as string);

    expect(athena.starts.map((start) => start.QueryString)).toEqual([
      `CREATE TABLE ${table("current_reports")}\n` +
        `WITH (format = 'PARQUET', write_compression = 'ZSTD', external_location = '${location("current_reports")}')\n` +
        "AS\nSELECT report_id FROM manifest",
      `CREATE TABLE ${table("facts")}\n` +
        `WITH (format = 'PARQUET', write_compression = 'ZSTD', external_location = '${location("facts")}')\n` +
        `AS\nWITH\ncurrent_reports AS (\nSELECT * FROM ${table("current_reports")}\n)\n` +
        "SELECT f.* FROM financial f JOIN current_reports r ON r.report_id = f.report_id",
      `CREATE TABLE ${table("geography")}\n` +
        `WITH (format = 'PARQUET', write_compression = 'ZSTD', external_location = '${location("geography")}')\n` +
        "AS\nSELECT iso_code FROM countries",
    ]);
    expect(athena.starts.map((start) => start.WorkGroup)).toEqual(Array(3).fill("observatory-staging"));
    expect(await keysIn(s3)).toHaveLength(3);
    await engine.close();
  });

  it("runs every query over the run's tables, in the query workgroup, with its parameters", async () => {
    const s3 = await startS3rver([BUCKET]);
    const { athena, engine } = await stagingOn(s3, []);
    for (const [name, sql] of STAGES) await engine.stage(name, sql);
    await engine.query(
      "-- facts of a year\nSELECT COUNT(*) AS n FROM facts f JOIN geography g ON g.iso_code = f.country WHERE f.year = ?",
      [2025],
    );
    const query = athena.starts[3];
    expect(query?.QueryString).toBe(
      `WITH\nfacts AS (\nSELECT * FROM ${table("facts")}\n),\ngeography AS (\nSELECT * FROM ${table("geography")}\n)\n` +
        "SELECT COUNT(*) AS n FROM facts f JOIN geography g ON g.iso_code = f.country WHERE f.year = ?",
    );
    expect(query?.WorkGroup).toBe("observatory");
    expect(query?.ExecutionParameters).toEqual(["2025"]);
    await engine.close();
  });

  it("on close, drops every table of the run and deletes the run's objects, and nothing else", async () => {
    const s3 = await startS3rver([BUCKET]);
    const other = `staging/20260114t030000z_000000000000/facts/1/other-run.parquet`;
    for (const key of [other, "athena/qe-0.csv"])
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: "x" }));
    const { athena, engine } = await stagingOn(s3, []);
    for (const [name, sql] of STAGES) await engine.stage(name, sql);
    await engine.query("SELECT COUNT(*) AS n FROM facts");
    expect(await keysIn(s3, `staging/${RUN_ID}/`)).toEqual([
      `staging/${RUN_ID}/current_reports/1/20260115_030001_00042_abcde_0.parquet`,
      `staging/${RUN_ID}/facts/1/20260115_030001_00042_abcde_0.parquet`,
      `staging/${RUN_ID}/geography/1/20260115_030001_00042_abcde_0.parquet`,
    ]);

    await engine.close();
    await engine.close();
    const drops = athena.starts.slice(4);
    expect(drops.map((start) => start.QueryString)).toEqual([
      `DROP TABLE IF EXISTS ${table("geography")}`,
      `DROP TABLE IF EXISTS ${table("facts")}`,
      `DROP TABLE IF EXISTS ${table("current_reports")}`,
    ]);
    expect(drops.map((start) => start.WorkGroup)).toEqual(Array(3).fill("observatory-staging"));
    expect(await keysIn(s3)).toEqual(["athena/qe-0.csv", other]);
  });

  it("cleans up after a failed run too: the stages it attempted, the failed one included, and the files they left", async () => {
    const s3 = await startS3rver([BUCKET]);
    const reason = "COLUMN_NOT_FOUND: line 1:8: Column 'f.report_id' cannot be resolved";
    const { athena, engine } = await stagingOn(s3, [
      [{ State: "SUCCEEDED" }],
      [{ State: "RUNNING" }, failed(reason, { ErrorCategory: 2, ErrorType: 1006, Retryable: false })],
    ]);
    await engine.stage("current_reports", STAGES[0]?.[1] as string);
    const error = await engine.stage("facts", STAGES[1]?.[1] as string).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "AthenaQueryError",
      purpose: "stage facts: SELECT f.* FROM financial f JOIN current_reports r ON r.report_id = f.report_id",
    });
    await expect(engine.query("SELECT * FROM facts")).resolves.toBeDefined();
    expect(athena.starts[2]?.QueryString).toBe("SELECT * FROM facts");
    await expect(engine.stage("facts", STAGES[1]?.[1] as string)).rejects.toThrow(
      "stage facts has no table in this run: its CREATE TABLE failed or has not finished",
    );

    await engine.close();
    expect(athena.starts.slice(3).map((start) => start.QueryString)).toEqual([
      `DROP TABLE IF EXISTS ${table("facts")}`,
      `DROP TABLE IF EXISTS ${table("current_reports")}`,
    ]);
    expect(await keysIn(s3)).toEqual([]);
  });

  it("retries a stage's CREATE TABLE after a retryable failure, writing to a fresh location each attempt", async () => {
    const s3 = await startS3rver([BUCKET]);
    const { athena, engine, sleeps } = await stagingOn(
      s3,
      [[THROTTLED], [THROTTLED], [{ State: "SUCCEEDED" }]],
      {
        pollInitialDelayMs: 1,
      },
    );
    await engine.stage("current_reports", STAGES[0]?.[1] as string);
    expect(
      athena.starts.map((start) => /external_location = '([^']+)'/.exec(start.QueryString ?? "")?.[1]),
    ).toEqual([
      location("current_reports", 1),
      location("current_reports", 2),
      location("current_reports", 3),
    ]);
    expect(sleeps.filter((ms) => ms !== 1)).toEqual([500, 1000]);
    await engine.close();
    expect(athena.starts.slice(3).map((start) => start.QueryString)).toEqual([
      `DROP TABLE IF EXISTS ${table("current_reports")}`,
    ]);
    expect(await keysIn(s3)).toEqual([]);
  });

  it("adds up the bytes every statement scanned: stages, queries, retries, failures and drops", async () => {
    const s3 = await startS3rver([BUCKET]);
    const { engine } = await stagingOn(s3, [
      [{ State: "SUCCEEDED", scanned: 48_000_000 }],
      [{ ...THROTTLED, scanned: 1_000 }],
      [{ State: "SUCCEEDED", scanned: 52_000_000 }],
      [
        { State: "RUNNING", scanned: 7 },
        { State: "SUCCEEDED", scanned: 2_500 },
      ],
      [failed("SYNTAX_ERROR", { ErrorCategory: 2, Retryable: false })],
      [{ State: "SUCCEEDED", scanned: 0 }],
      [{ State: "SUCCEEDED", scanned: 0 }],
    ]);
    expect(engine.statistics()).toEqual({ runId: RUN_ID, queries: 0, bytesScanned: 0 });
    await engine.stage("current_reports", STAGES[0]?.[1] as string);
    await engine.stage("facts", STAGES[1]?.[1] as string);
    await engine.query("SELECT COUNT(*) AS n FROM facts");
    await engine.query("SELECT nonsense FROM facts").catch(() => undefined);
    await engine.close();
    expect(engine.statistics()).toEqual({
      runId: RUN_ID,
      queries: 7,
      bytesScanned: 48_000_000 + 1_000 + 52_000_000 + 2_500,
    });
  });

  it("says what it could not clean up, after trying all of it: tables not dropped, objects not deleted", async () => {
    const s3 = await startS3rver([BUCKET]);
    const refusingDeletes = {
      send: async (command: object) => {
        if (!(command instanceof DeleteObjectsCommand))
          return s3.client.send(command as ListObjectsV2Command);
        const keys = command.input.Delete?.Objects?.map((object) => object.Key) ?? [];
        return { Errors: keys.map((Key) => ({ Key, Code: "AccessDenied", Message: "Access Denied" })) };
      },
    };
    const denied = "AccessDeniedException: User is not authorized to perform: glue:DeleteTable";
    const { athena, engine } = await stagingOn(
      s3,
      [
        [{ State: "SUCCEEDED" }],
        [{ State: "SUCCEEDED" }],
        [{ State: "SUCCEEDED" }],
        [failed(denied, { ErrorCategory: 2, Retryable: false })],
        [{ State: "SUCCEEDED" }],
        [{ State: "SUCCEEDED" }],
      ],
      { staging: { workGroup: "observatory-staging", s3: refusingDeletes, bucket: BUCKET, runId: RUN_ID } },
    );
    for (const [name, sql] of STAGES) await engine.stage(name, sql);
    const error = await engine.close().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StagingCleanupError);
    expect(error).toMatchObject({
      runId: RUN_ID,
      tablesLeft: [table("geography")],
      objectsLeftUnder: `s3://${BUCKET}/staging/${RUN_ID}/`,
    });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Compute run ${RUN_ID} was not cleaned up: tables ${table("geography")} may still exist; objects are left under s3://${BUCKET}/staging/${RUN_ID}/ \\(Athena query "drop ${table("geography")}" failed: AccessDeniedException.*; S3 did not delete 3 object\\(s\\): staging/${RUN_ID}/current_reports/1/20260115_030001_00042_abcde_0.parquet: AccessDenied Access Denied;.*\\)\\. The staging prefix's lifecycle rule deletes the objects within a day; drop the tables with DROP TABLE IF EXISTS in the Athena console\\.$`,
      ),
    );
    expect(athena.starts.slice(3).map((start) => start.QueryString)).toEqual([
      `DROP TABLE IF EXISTS ${table("geography")}`,
      `DROP TABLE IF EXISTS ${table("facts")}`,
      `DROP TABLE IF EXISTS ${table("current_reports")}`,
    ]);
    await expect(engine.close()).rejects.toBe(error);
  });

  it("on close, stops a stage still being created and waits for it to end before dropping its table", async () => {
    const s3 = await startS3rver([BUCKET]);
    let closing: Promise<void> | undefined;
    let polls = 0;
    const { athena, engine } = await stagingOn(s3, [[{ State: "RUNNING" }]], {
      sleep: async () => {
        if (++polls === 2) closing = engine.close();
      },
    });
    athena.pollsToCancel = 2;
    const error = await engine.stage("current_reports", STAGES[0]?.[1] as string).catch((e: unknown) => e);
    await closing;
    expect(error).toMatchObject({ name: "AthenaQueryError", state: "CANCELLED" });
    const sent = athena.commands.map((command) =>
      command instanceof StartQueryExecutionCommand
        ? `start ${command.input.QueryString?.split("\n", 1)[0]}`
        : command instanceof StopQueryExecutionCommand
          ? `stop ${command.input.QueryExecutionId}`
          : command instanceof GetQueryExecutionCommand
            ? `poll ${command.input.QueryExecutionId}`
            : "results",
    );
    expect(sent).toEqual([
      `start CREATE TABLE ${table("current_reports")}`,
      "poll qe-1",
      "stop qe-1",
      "poll qe-1",
      "poll qe-1",
      "poll qe-1",
      `start DROP TABLE IF EXISTS ${table("current_reports")}`,
      "poll qe-2",
    ]);
    expect(await keysIn(s3)).toEqual([]);
  });

  it("refuses a stage name that is not an identifier, and a stage redefined with other SQL", async () => {
    const s3 = await startS3rver([BUCKET]);
    const { athena, engine } = await stagingOn(s3, []);
    await expect(engine.stage("x; DROP TABLE t", "SELECT 1")).rejects.toThrow(/invalid stage name/);
    await expect(engine.stage("a", "SELECT ? AS x")).rejects.toThrow(/stages take no parameters/);
    expect(athena.starts).toEqual([]);
    await engine.stage("a", "SELECT 1 AS x");
    await expect(engine.stage("a", "SELECT 2 AS x")).rejects.toThrow(/already defined with different SQL/);
    await engine.close();
  });

  it("gives each engine a run of its own: a new, safe run id, unless one is given", async () => {
    const athena = new FakeAthena([]);
    const open = (runId?: string) =>
      new AthenaEngine({
        client: athena,
        workGroup: "observatory",
        database: "lake",
        staging: { workGroup: "observatory-staging", s3: NO_S3, bucket: BUCKET, runId },
      });
    const [first, second] = [open(), open()];
    expect(first.runId).toMatch(/^\d{8}t\d{6}z_[0-9a-f]{12}$/);
    expect(second.runId).not.toBe(first.runId);
    expect(open(RUN_ID).runId).toBe(RUN_ID);
    expect(() => open("x'; DROP TABLE t; --")).toThrow(/invalid run id/);
    await first.close();
    expect(athena.commands).toEqual([]);
  });
});

describe("AthenaEngine, sweeping the leftovers of dead compute runs", () => {
  const NOW = new Date("2026-01-15T03:00:00Z");
  /** Ten minutes of function timeout and the default margin of thirty: runs started before 02:20:00 are dead. */
  const SWEEP = { runTimeoutMs: 600_000, now: () => NOW };
  const DEAD = "20260115t021959z_aaaaaaaaaaaa";
  const OLDER = "20260114t030000z_bbbbbbbbbbbb";
  const AT_CUTOFF = "20260115t022000z_cccccccccccc";
  const RECENT = "20260115t025500z_dddddddddddd";
  const FUTURE = "20260116t030000z_eeeeeeeeeeee";
  const runTable = (runId: string, stage: string) => `compute_run_${runId}_${stage}`;
  /** Names that are not exactly a run's table, some of them close: none may be touched. */
  const NEAR_MISSES = [
    "tab_name",
    "manifest",
    "financial",
    "impact",
    "manifest_checkpoints",
    "compute_run_",
    `compute_run_${DEAD}`,
    `compute_run_${DEAD}_`,
    `xcompute_run_${DEAD}_facts`,
    `compute_runs_${DEAD}_facts`,
    ` compute_run_${DEAD}_facts`,
    `compute_run_${DEAD}_facts `,
    `compute_run_${DEAD}_Facts`,
    `compute_run_${DEAD.toUpperCase()}_facts`,
    `compute_run_${DEAD}_facts; DROP TABLE manifest`,
    `compute_run_${DEAD}_facts\nmanifest`,
    `compute_run_${DEAD}_facts.manifest`,
    "compute_run_20260115t021959z_aaaaaaaaaaa_facts",
    "compute_run_20260115t021959z_aaaaaaaaaaaaa_facts",
    "compute_run_20260115t021959z_gggggggggggg_facts",
    "compute_run_20261315t021959z_aaaaaaaaaaaa_facts",
    "compute_run_20260230t021959z_aaaaaaaaaaaa_facts",
    "compute_run_20260115t250000z_aaaaaaaaaaaa_facts",
    "compute_run_20251232t000000z_aaaaaaaaaaaa_facts",
    "compute_run_20260100t000000z_aaaaaaaaaaaa_facts",
    "compute_run_20260114t236000z_aaaaaaaaaaaa_facts",
    "compute_run_2026115t021959z_aaaaaaaaaaaa_facts",
    "compute_run_20260115021959_aaaaaaaaaaaa_facts",
    "compute_run_manual_facts",
  ];

  /** SHOW TABLES as Athena answers it: one value per row, no header row; here over two pages. */
  function listing(names: readonly string[]): GetQueryResultsOutput[] {
    const half = Math.ceil(names.length / 2);
    const page = (part: readonly string[], nextToken?: string): GetQueryResultsOutput => ({
      NextToken: nextToken,
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: "tab_name", Type: "string" }] },
        Rows: part.map((name) => ({ Data: [{ VarCharValue: name }] })),
      },
    });
    return [page(names.slice(0, half), "page-1"), page(names.slice(half))];
  }

  async function sweeping(
    s3: LocalS3,
    names: readonly string[],
    options: { scripts?: Status[][]; staging?: Partial<AthenaEngineOptions["staging"]> } = {},
  ) {
    const athena = new FakeAthena(options.scripts ?? [], listing(names), writeTableFiles(s3));
    const { engine } = engineWith(athena, {
      staging: {
        workGroup: "observatory-staging",
        s3: s3.client,
        bucket: BUCKET,
        runId: RUN_ID,
        sweepDeadRuns: SWEEP,
        ...options.staging,
      },
    });
    return { athena, engine };
  }

  async function seed(s3: LocalS3, keys: readonly string[]): Promise<void> {
    for (const key of keys)
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: "x" }));
  }

  const statements = (athena: FakeAthena) =>
    athena.starts.map((start) => `${start.WorkGroup}: ${start.QueryString?.split("\n", 1)[0]}`);

  it("before its first statement, drops the tables of runs started before the timeout and margin, and deletes their objects, touching nothing else", async () => {
    const s3 = await startS3rver([BUCKET]);
    const kept = [
      `staging/${AT_CUTOFF}/manifest/1/x.parquet`,
      `staging/${RECENT}/financial_facts/1/x.parquet`,
      `staging/${FUTURE}/x/1/x.parquet`,
      `staging/${DEAD}b/facts/1/x.parquet`,
      `staging/${DEAD.slice(0, -1)}/facts/1/x.parquet`,
      "athena/qe-0.csv",
      `curated/financial/year=2025/${DEAD}.parquet`,
    ];
    await seed(s3, [
      ...kept,
      `staging/${DEAD}/manifest/1/x.parquet`,
      `staging/${DEAD}/financial_facts/2/x.parquet`,
      `staging/${OLDER}/current_reports/1/x.parquet`,
    ]);
    const { athena, engine } = await sweeping(s3, [
      ...NEAR_MISSES,
      runTable(DEAD, "manifest"),
      runTable(RECENT, "financial_facts"),
      runTable(AT_CUTOFF, "manifest"),
      runTable(FUTURE, "x"),
      runTable(RUN_ID, "manifest"),
      runTable(OLDER, "current_reports"),
      runTable(DEAD, "financial_facts"),
    ]);
    await engine.stage("current_reports", STAGES[0]?.[1] as string);

    expect(statements(athena)).toEqual([
      "observatory-staging: SHOW TABLES IN lake 'compute_run_*'",
      `observatory-staging: DROP TABLE IF EXISTS lake.${runTable(OLDER, "current_reports")}`,
      `observatory-staging: DROP TABLE IF EXISTS lake.${runTable(DEAD, "manifest")}`,
      `observatory-staging: DROP TABLE IF EXISTS lake.${runTable(DEAD, "financial_facts")}`,
      `observatory-staging: CREATE TABLE ${table("current_reports")}`,
    ]);
    expect(engine.statistics().sweep).toEqual({ runs: [OLDER, DEAD], tablesDropped: 3 });
    expect(await keysIn(s3)).toEqual(
      [...kept, `staging/${RUN_ID}/current_reports/1/20260115_030001_00042_abcde_0.parquet`].sort(),
    );
    await engine.close();
  });

  it("never sweeps its own run's tables, whatever time its id carries", async () => {
    const s3 = await startS3rver([BUCKET]);
    const own = "20260101t000000z_ffffffffffff";
    await seed(s3, [`staging/${own}/manifest/1/x.parquet`, `staging/${DEAD}/manifest/1/x.parquet`]);
    const { athena, engine } = await sweeping(s3, [runTable(own, "manifest"), runTable(DEAD, "manifest")], {
      staging: { runId: own },
    });
    await engine.query("SELECT 1 AS n").catch(() => undefined);
    expect(statements(athena).slice(0, 2)).toEqual([
      "observatory-staging: SHOW TABLES IN lake 'compute_run_*'",
      `observatory-staging: DROP TABLE IF EXISTS lake.${runTable(DEAD, "manifest")}`,
    ]);
    expect(athena.starts.filter((start) => start.QueryString?.includes(own))).toEqual([]);
    expect(await keysIn(s3)).toEqual([`staging/${own}/manifest/1/x.parquet`]);
    expect(engine.statistics().sweep).toEqual({ runs: [DEAD], tablesDropped: 1 });
  });

  it("sweeps the oldest dead runs first, at most maxRuns, and names the ones it left for a later run", async () => {
    const s3 = await startS3rver([BUCKET]);
    const { athena, engine } = await sweeping(
      s3,
      [runTable(DEAD, "a"), runTable(OLDER, "a"), runTable("20260113t030000z_000000000000", "a")],
      { staging: { sweepDeadRuns: { ...SWEEP, maxRuns: 2 } } },
    );
    await engine.stage("a", "SELECT 1 AS x");
    expect(statements(athena).filter((text) => text.includes("DROP"))).toEqual([
      "observatory-staging: DROP TABLE IF EXISTS lake.compute_run_20260113t030000z_000000000000_a",
      `observatory-staging: DROP TABLE IF EXISTS lake.${runTable(OLDER, "a")}`,
    ]);
    expect(engine.statistics().sweep).toEqual({
      runs: ["20260113t030000z_000000000000", OLDER],
      tablesDropped: 2,
      deferredRuns: [DEAD],
    });
    await engine.close();
  });

  it("goes on with the run when the tables cannot be listed, and says that no dead run was swept", async () => {
    const s3 = await startS3rver([BUCKET]);
    const denied = "AccessDeniedException: User is not authorized to perform: glue:GetTables";
    const { athena, engine } = await sweeping(s3, [runTable(DEAD, "manifest")], {
      scripts: [[failed(denied, { ErrorCategory: 2, Retryable: false })]],
    });
    await engine.stage("current_reports", STAGES[0]?.[1] as string);
    expect(statements(athena)).toEqual([
      "observatory-staging: SHOW TABLES IN lake 'compute_run_*'",
      `observatory-staging: CREATE TABLE ${table("current_reports")}`,
    ]);
    expect(engine.statistics().sweep).toEqual({
      runs: [],
      tablesDropped: 0,
      left: {
        tables: [],
        objectsUnder: [],
        reasons: [
          expect.stringMatching(
            /^the compute runs' tables could not be listed, so no dead run was swept: Athena query "list the compute runs' tables" failed: AccessDeniedException/,
          ),
        ],
      },
    });
    await engine.close();
    expect(engine.statistics().queries).toBe(3);
  });

  it("goes on with the run when a table cannot be dropped or objects cannot be deleted, and names what is left", async () => {
    const s3 = await startS3rver([BUCKET]);
    await seed(s3, [`staging/${DEAD}/manifest/1/x.parquet`, `staging/${OLDER}/a/1/x.parquet`]);
    const refusingDeletes = {
      send: async (command: object) => {
        if (!(command instanceof DeleteObjectsCommand))
          return s3.client.send(command as ListObjectsV2Command);
        const keys = command.input.Delete?.Objects?.map((object) => object.Key) ?? [];
        if (!keys.some((key) => key?.includes(OLDER))) return s3.client.send(command);
        return { Errors: keys.map((Key) => ({ Key, Code: "AccessDenied", Message: "Access Denied" })) };
      },
    };
    const denied = "AccessDeniedException: User is not authorized to perform: glue:DeleteTable";
    const { engine } = await sweeping(s3, [runTable(DEAD, "manifest"), runTable(OLDER, "a")], {
      scripts: [[{ State: "SUCCEEDED" }], [{ State: "SUCCEEDED" }], [failed(denied, { ErrorCategory: 2 })]],
      staging: { s3: refusingDeletes },
    });
    await engine.stage("current_reports", STAGES[0]?.[1] as string);
    expect(engine.statistics().sweep).toEqual({
      runs: [OLDER, DEAD],
      tablesDropped: 1,
      left: {
        tables: [`lake.${runTable(DEAD, "manifest")}`],
        objectsUnder: [`s3://${BUCKET}/staging/${OLDER}/`],
        reasons: [
          expect.stringMatching(
            new RegExp(
              `^Athena query "drop lake\\.${runTable(DEAD, "manifest")} of a dead run" failed: AccessDenied`,
            ),
          ),
          `S3 did not delete 1 object(s): staging/${OLDER}/a/1/x.parquet: AccessDenied Access Denied`,
        ],
      },
    });
    expect(await keysIn(s3, "staging/")).toEqual([
      `staging/${OLDER}/a/1/x.parquet`,
      `staging/${RUN_ID}/current_reports/1/20260115_030001_00042_abcde_0.parquet`,
    ]);
    await engine.close();
  });

  it("sweeps nothing without sweepDeadRuns, and refuses a timeout that is not a positive whole number of ms", async () => {
    const s3 = await startS3rver([BUCKET]);
    const { athena, engine } = await sweeping(s3, [runTable(DEAD, "manifest")], {
      staging: { sweepDeadRuns: undefined },
    });
    await engine.stage("current_reports", STAGES[0]?.[1] as string);
    expect(statements(athena)).toEqual([`observatory-staging: CREATE TABLE ${table("current_reports")}`]);
    expect(engine.statistics()).not.toHaveProperty("sweep");
    await engine.close();
    for (const runTimeoutMs of [0, -1, Number.NaN, 1.5])
      expect(() =>
        engineWith(new FakeAthena([]), {
          staging: {
            workGroup: "observatory-staging",
            s3: NO_S3,
            bucket: BUCKET,
            sweepDeadRuns: { runTimeoutMs },
          },
        }),
      ).toThrow(/needs a positive runTimeoutMs to sweep dead runs/);
  });
});
