/**
 * Amazon Athena cannot run here (it is a managed AWS service with no local edition), so these tests give the
 * engine a fake Athena client that records each command and answers from a script. What they prove is the
 * engine's side of the protocol: what it sends, how it polls, pages, converts, retries and reports failures.
 * That the SQL itself is Athena's dialect is tested in test/core/indicators/inline-stages.test.ts.
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
import { describe, expect, it } from "vitest";
import {
  type AthenaCommand,
  AthenaEngine,
  type AthenaEngineOptions,
  AthenaQueryError,
} from "../../../functions/adapters/aws/athena-engine.js";

type Status = { State: QueryExecutionState; StateChangeReason?: string; AthenaError?: AthenaError };

/**
 * A scripted Athena: each started query execution walks through the next script of states; results come from
 * the given pages. Stopping a query makes its next state CANCELLED. It refuses to be polled forever.
 */
class FakeAthena {
  readonly commands: AthenaCommand[] = [];
  private readonly states = new Map<string, Status[]>();
  private readonly stopped = new Set<string>();
  private started = 0;

  constructor(
    private readonly scripts: Status[][],
    private readonly pages: GetQueryResultsOutput[] = [
      resultPage([["n", "bigint"]], [["1"]], undefined, true),
    ],
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
      return { QueryExecutionId: id };
    }
    if (command instanceof GetQueryExecutionCommand) {
      if (this.count(GetQueryExecutionCommand) > 50) throw new Error("polled 50 times: the query never ends");
      const id = command.input.QueryExecutionId as string;
      const script = this.states.get(id) ?? [];
      const status = this.stopped.has(id)
        ? { State: "CANCELLED", StateChangeReason: "Query cancelled by user" }
        : script.length > 1
          ? script.shift()
          : script[0];
      return { QueryExecution: { QueryExecutionId: id, Status: status } };
    }
    if (command instanceof GetQueryResultsCommand) {
      const index = command.input.NextToken ? Number(command.input.NextToken.replace("page-", "")) : 0;
      return this.pages[index] ?? {};
    }
    this.stopped.add(command.input.QueryExecutionId as string);
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

function engineWith(athena: FakeAthena, options: Partial<AthenaEngineOptions> = {}) {
  const sleeps: number[] = [];
  const engine = new AthenaEngine({
    client: athena,
    workGroup: "observatory",
    database: "lake",
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
    expect(() => new AthenaEngine({ client: athena, workGroup: "", database: "lake" })).toThrow(/workGroup/);
  });

  it("sends stages as common table expressions of each later query, only those it reads", async () => {
    const athena = new FakeAthena([[{ State: "SUCCEEDED" }], [{ State: "SUCCEEDED" }]]);
    const { engine } = engineWith(athena);
    await engine.stage("current_reports", "-- current\nSELECT report_id FROM manifest;\n");
    await engine.stage(
      "facts",
      "SELECT f.* FROM financial f JOIN current_reports r ON r.report_id = f.report_id",
    );
    await engine.stage("geography", "SELECT iso_code FROM countries");
    await engine.query("SELECT COUNT(*) AS n FROM facts WHERE year = ?", [2025]);
    expect(athena.starts[0]?.QueryString).toBe(
      "WITH\ncurrent_reports AS (\nSELECT report_id FROM manifest\n),\n" +
        "facts AS (\nSELECT f.* FROM financial f JOIN current_reports r ON r.report_id = f.report_id\n)\n" +
        "SELECT COUNT(*) AS n FROM facts WHERE year = ?",
    );
    expect(athena.starts[0]?.ExecutionParameters).toEqual(["2025"]);
    await expect(engine.stage("x; DROP TABLE t", "SELECT 1")).rejects.toThrow(/invalid stage name/);
    await expect(engine.stage("facts", "SELECT 2")).rejects.toThrow(/already defined with different SQL/);
  });

  it("stops a query still running when closed, and closing again does nothing", async () => {
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
  });
});
