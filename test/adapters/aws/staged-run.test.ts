/**
 * The SQL of a compute run on Athena: each stage materialised by `CREATE TABLE … AS` into a table of the run, and
 * every later stage and query reading those tables. Athena cannot run here, so the same statements (built by the
 * same `StagedRun` the engine uses) run on DuckDB against the hand-checked fixture — the table properties inside
 * `WITH (…)`, Athena's storage settings, are a separate part of the statement and are left out there — and each
 * statement's query is parsed with node-sql-parser's Trino grammar. That grammar has no CREATE TABLE, so the
 * `CREATE TABLE <table> WITH (…) AS` frame around a stage's query is checked for its exact shape instead.
 */
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import {
  type CreateTableAs,
  createTableAsText,
  newRunId,
  RUN_TABLE_PREFIX,
  runTableOf,
  STAGING_PREFIX,
  StagedRun,
} from "../../../functions/adapters/aws/staged-run.js";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import {
  computeDashboardData,
  DASHBOARD_QUERIES,
  lorenzVertices,
} from "../../../functions/core/dashboards/dashboard-data.js";
import {
  frameworkVersions,
  loadFramework,
  QUERIES_DIR,
} from "../../../functions/core/framework/framework.js";
import { computeIndicators, frameworkStages, readQuery } from "../../../functions/core/indicators/compute.js";
import { indicatorsToCsv } from "../../../functions/core/indicators/indicators-file.js";
import { parseCsv } from "../../../functions/core/reporting/csv.js";
import type { QueryEngine, ResultRow, SqlValue } from "../../../functions/ports/query-engine.js";
import { HANDCHECKED_FIXTURE, ingestHandchecked } from "../../helpers/handchecked.js";
import { roughly } from "../../helpers/roughly.js";
import { parseTrino, unportableFunctions } from "../../queries/trino-functions.js";

const RUN_ID = "20260115t030000z_9f2c4e1a7b3d";
const run = () => new StagedRun({ database: "equity_observatory", bucket: "query-results", runId: RUN_ID });

describe("newRunId", () => {
  it("is the UTC time to the second and 48 random bits, in lower-case letters, digits and _", () => {
    const id = newRunId(new Date("2026-01-15T03:00:00.123Z"), (bytes) => Buffer.alloc(bytes, 0xab));
    expect(id).toBe("20260115t030000z_abababababab");
  });

  it("differs between runs started in the same second", () => {
    const now = new Date("2026-01-15T03:00:00Z");
    const ids = new Set(Array.from({ length: 1000 }, () => newRunId(now)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^20260115t030000z_[0-9a-f]{12}$/);
  });
});

describe("StagedRun", () => {
  it("names a stage's table after the run, in the lake's database", () => {
    expect(run().tableOf("financial_facts")).toBe(
      `equity_observatory.${RUN_TABLE_PREFIX}20260115t030000z_9f2c4e1a7b3d_financial_facts`,
    );
  });

  it("writes each attempt at a stage's table to a location of its own under the run's prefix", () => {
    expect(run().keyPrefix).toBe(`${STAGING_PREFIX}${RUN_ID}/`);
    expect(run().locationOf("current_reports", 1)).toBe(
      `s3://query-results/staging/${RUN_ID}/current_reports/1/`,
    );
    expect(run().locationOf("current_reports", 2)).toBe(
      `s3://query-results/staging/${RUN_ID}/current_reports/2/`,
    );
  });

  it("builds a stage's CREATE TABLE … AS: its table, ZSTD Parquet at the attempt's location, its query reading earlier stages' tables", () => {
    const statement = run().createTableAs(
      [
        "facts",
        "-- the facts\nSELECT f.* FROM financial f JOIN current_reports r ON r.report_id = f.report_id;\n",
      ],
      ["current_reports", "geography"],
      2,
    );
    expect(statement).toEqual({
      table: `equity_observatory.compute_run_${RUN_ID}_facts`,
      properties: `format = 'PARQUET', write_compression = 'ZSTD', external_location = 's3://query-results/staging/${RUN_ID}/facts/2/'`,
      query:
        `WITH\ncurrent_reports AS (\nSELECT * FROM equity_observatory.compute_run_${RUN_ID}_current_reports\n)\n` +
        "SELECT f.* FROM financial f JOIN current_reports r ON r.report_id = f.report_id",
    });
    expect(createTableAsText(statement)).toBe(
      `CREATE TABLE ${statement.table}\nWITH (${statement.properties})\nAS\n${statement.query}`,
    );
  });

  it("rewrites a query to read the run's tables of the stages it names, and only those", () => {
    expect(run().reading(["a", "b"], "SELECT b.x FROM b WHERE b.x = ?")).toBe(
      `WITH\nb AS (\nSELECT * FROM equity_observatory.compute_run_${RUN_ID}_b\n)\nSELECT b.x FROM b WHERE b.x = ?`,
    );
  });

  it("drops a stage's table only if it exists", () => {
    expect(run().dropTable("a")).toBe(`DROP TABLE IF EXISTS equity_observatory.compute_run_${RUN_ID}_a`);
  });

  it("refuses anything unsafe to write into SQL or a key: database, bucket, prefix, run id, stage", () => {
    const location = { database: "equity_observatory", bucket: "query-results" };
    expect(() => new StagedRun({ ...location, database: "lake; DROP TABLE t" })).toThrow(
      /invalid database name/,
    );
    expect(() => new StagedRun({ ...location, bucket: "results' AS x" })).toThrow(/invalid bucket name/);
    expect(() => new StagedRun({ ...location, prefix: "staging" })).toThrow(/invalid staging prefix/);
    expect(() => new StagedRun({ ...location, prefix: "../other/" })).toThrow(/invalid staging prefix/);
    for (const runId of ["Run1", "a-b", "_x", "x".repeat(41), "1; DROP TABLE t", ""])
      expect(() => new StagedRun({ ...location, runId }), runId).toThrow(/invalid run id/);
    expect(() => run().tableOf("a.b")).toThrow(/invalid stage name/);
    expect(() => run().createTableAs(["x; DROP TABLE t", "SELECT 1"], [])).toThrow(/invalid stage name/);
    expect(() => run().createTableAs(["a", "SELECT ? AS x"], [])).toThrow(/stages take no parameters/);
    expect(() => run().createTableAs(["a", "SELECT 1"], ["a"])).toThrow(/already staged/);
  });

  it("reads a run's table back from its name, with the time its run started, and nothing else", () => {
    const id = newRunId(new Date("2026-01-15T03:00:00.999Z"), (bytes) => Buffer.alloc(bytes, 0x9f));
    expect(runTableOf(`compute_run_${id}_financial_facts`)).toEqual({
      runId: id,
      stage: "financial_facts",
      startedAt: new Date("2026-01-15T03:00:00Z"),
    });
    for (const name of [
      "financial",
      `compute_run_${id}`,
      `compute_run_${id}_`,
      `compute_run_${id}_a.b`,
      `compute_run_${id.replace("t", "T")}_a`,
      "compute_run_20260229t000000z_9f9f9f9f9f9f_a",
      "compute_run_run1_a",
    ])
      expect(runTableOf(name), name).toBeUndefined();
  });

  it("lists every run's tables, and drops another run's table by its parsed name", () => {
    expect(run().showRunTables()).toBe("SHOW TABLES IN equity_observatory 'compute_run_*'");
    const table = runTableOf("compute_run_20260114t030000z_0123456789ab_manifest");
    expect(table && run().dropRunTable(table)).toBe(
      "DROP TABLE IF EXISTS equity_observatory.compute_run_20260114t030000z_0123456789ab_manifest",
    );
    expect(run().keyPrefixOf("20260114t030000z_0123456789ab")).toBe("staging/20260114t030000z_0123456789ab/");
    expect(() => run().keyPrefixOf("../x")).toThrow(/invalid run id/);
    expect(() =>
      run().dropRunTable({ runId: "x; DROP TABLE manifest", stage: "a", startedAt: new Date() }),
    ).toThrow(/invalid run id/);
  });

  it("gives each run of its own a run id of its own", () => {
    const location = { database: "equity_observatory", bucket: "query-results" };
    expect(new StagedRun(location).runId).not.toBe(new StagedRun(location).runId);
  });
});

/**
 * A QueryEngine that runs a compute on DuckDB the way the Athena engine runs it: each stage materialised once
 * by the run's `CREATE TABLE <table> AS <query>` (without Athena's table properties), and every later stage and
 * query given the run's rewrite. The stages never exist under their own names here, so a query that did not go
 * through the run's tables would fail.
 */
class RunTablesOnDuckDb implements QueryEngine {
  readonly statements: CreateTableAs[] = [];
  /** Every query as Athena would receive it, with the first line of its SQL file (its purpose). */
  readonly queries: { purpose: string; text: string }[] = [];
  private readonly staged: string[] = [];

  private constructor(
    private readonly engine: DuckDbEngine,
    private readonly run: StagedRun,
  ) {}

  static async open(engine: DuckDbEngine, run: StagedRun): Promise<RunTablesOnDuckDb> {
    await engine.query(`CREATE SCHEMA ${run.database}`);
    return new RunTablesOnDuckDb(engine, run);
  }

  async stage(name: string, sql: string): Promise<void> {
    const statement = this.run.createTableAs([name, sql], this.staged);
    this.statements.push(statement);
    await this.engine.query(`CREATE TABLE ${statement.table} AS\n${statement.query}`);
    this.staged.push(name);
  }

  query(sql: string, parameters?: readonly SqlValue[]): Promise<ResultRow[]> {
    const rewritten = this.run.reading(this.staged, sql);
    this.queries.push({ purpose: sql.trim().split("\n", 1)[0] ?? "", text: rewritten });
    return this.engine.query(rewritten, parameters);
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}

/** The large lake tables: a scan of either costs on Athena by the size of the lake. */
const LARGE_LAKE_TABLES = ["financial", "impact"] as const;

/**
 * The large lake tables a statement reads, as DuckDB's own parser sees it: tables named without a schema that no
 * WITH of the statement defines (a column called `financial` is not a table).
 */
async function largeLakeTablesRead(engine: Pick<QueryEngine, "query">, sql: string): Promise<string[]> {
  const [row] = await engine.query("SELECT json_serialize_sql(CAST(? AS VARCHAR)) AS ast", [sql]);
  const ast = JSON.parse(String(row?.ast)) as { error?: boolean; error_message?: string };
  if (ast.error) throw new Error(`DuckDB cannot parse ${sql.slice(0, 80)}: ${ast.error_message}`);
  const tables = new Set<string>();
  const defined = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const child of node) visit(child);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "BASE_TABLE" && record.schema_name === "") tables.add(String(record.table_name));
      const ctes = (record.cte_map as { map?: { key: string }[] } | undefined)?.map ?? [];
      for (const cte of ctes) defined.add(cte.key);
      for (const value of Object.values(record)) visit(value);
    }
  };
  visit(ast);
  return LARGE_LAKE_TABLES.filter((name) => tables.has(name) && !defined.has(name));
}

type Figures = Map<string, { value: number | null; suppressed: string }>;

/** Rows of `indicators.csv` by `indicator|year|scope|scope_id`. */
function figures(csv: string): Figures {
  return new Map(
    parseCsv(csv).records.map(({ fields }) => [
      fields.slice(1, 5).join("|"),
      { value: fields[5] ? Number(fields[5]) : null, suppressed: fields[6] ?? "" },
    ]),
  );
}

/** Every figure that is missing, extra, or differs beyond floating-point summation order. */
function differences(actual: Figures, expected: Figures): string[] {
  const found: string[] = [];
  for (const [key, want] of expected) {
    const got = actual.get(key);
    const close =
      got?.value === want.value ||
      (got?.value != null &&
        want.value !== null &&
        Math.abs(got.value - want.value) <= 1e-9 * Math.max(1, Math.abs(want.value)));
    if (!got) found.push(`missing ${key}`);
    else if (!close || got.suppressed !== want.suppressed)
      found.push(
        `${key}: ${got.value} (suppressed ${got.suppressed}), expected ${want.value} (suppressed ${want.suppressed})`,
      );
  }
  for (const key of actual.keys()) if (!expected.has(key)) found.push(`unexpected ${key}`);
  return found;
}

/** Each framework version with the fixture data and the independently derived figures it is checked against. */
const VERSIONS = [
  { version: "2026.1", extended: false, expected: "expected.csv", rows: 121 },
  { version: "2026.2", extended: true, expected: "expected-2026.2.csv", rows: 616 },
] as const;

describe.each(VERSIONS)("a compute run's statements, on DuckDB, for framework $version", (fixture) => {
  const framework = loadFramework(fixture.version);

  it("give the hand-checked figures, and the same indicators and dashboard data as DuckDB's own stages", async () => {
    const { lake, outcomes } = await ingestHandchecked({ extended: fixture.extended });
    for (const { file, outcome } of outcomes)
      if (outcome.status !== "accepted") throw new Error(`${file} was ${outcome.status}`);
    const open = () => DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    const options = { countries: lake.dependencies.countries, k: 10 };

    const staged = await open();
    const stagedRows = await computeIndicators(staged, framework, options);
    const stagedDashboard = await computeDashboardData(staged, { frameworkVersion: fixture.version });
    const stagedVertices = await lorenzVertices(staged);
    await staged.close();

    const runTables = await RunTablesOnDuckDb.open(await open(), run());
    try {
      const rows = await computeIndicators(runTables, framework, options);
      const dashboard = await computeDashboardData(runTables, { frameworkVersion: fixture.version });
      const vertices = await lorenzVertices(runTables);

      expect(runTables.statements.map((statement) => statement.table)).toEqual(
        frameworkStages(framework).map(([name]) => `equity_observatory.compute_run_${RUN_ID}_${name}`),
      );
      const ran = figures(indicatorsToCsv(rows));
      const expected = figures(await readFile(join(HANDCHECKED_FIXTURE, fixture.expected), "utf8"));
      expect(expected.size).toBe(fixture.rows);
      expect(differences(ran, expected)).toEqual([]);
      expect(differences(ran, figures(indicatorsToCsv(stagedRows)))).toEqual([]);
      expect(dashboard.allocations.length).toBeGreaterThan(0);
      expect(dashboard.lorenz.length).toBeGreaterThan(0);
      expect(dashboard).toEqual(roughly(stagedDashboard));
      expect(vertices).toEqual(roughly(stagedVertices));
    } finally {
      await runTables.close();
    }
  });

  it("scan the lake's financial and impact lines in stages only: no query of the run reads them", async () => {
    const { lake } = await ingestHandchecked({ extended: fixture.extended });
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    const runTables = await RunTablesOnDuckDb.open(engine, run());
    try {
      await computeIndicators(runTables, framework, { countries: lake.dependencies.countries, k: 10 });
      await computeDashboardData(runTables, { frameworkVersion: fixture.version });
      await lorenzVertices(runTables);

      const stagesReading: string[] = [];
      for (const statement of runTables.statements)
        if ((await largeLakeTablesRead(engine, statement.query)).length > 0)
          stagesReading.push(statement.table.replace(`equity_observatory.compute_run_${RUN_ID}_`, ""));
      expect(stagesReading).toEqual(["financial_facts", "impact_facts", "report_lines"]);

      expect(runTables.queries.length).toBeGreaterThan(framework.indicators.length);
      const queriesReading: string[] = [];
      for (const query of runTables.queries) {
        const read = await largeLakeTablesRead(engine, query.text);
        if (read.length > 0) queriesReading.push(`${query.purpose} reads ${read.join(", ")}`);
      }
      expect(queriesReading).toEqual([]);
    } finally {
      await runTables.close();
    }
  });
});

describe("the SQL in queries/", () => {
  it("reads financial and impact in stage files only", async () => {
    const files = readdirSync(QUERIES_DIR, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".sql"))
      .sort();
    const stages = files.filter((file) => file.split("/").includes("stages"));
    expect(stages.length).toBeGreaterThan(10);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const parser = {
      query: async (sql: string, parameters: readonly SqlValue[] = []) =>
        (await connection.runAndReadAll(sql, [...parameters])).getRowObjectsJS() as ResultRow[],
    };
    try {
      const reading: string[] = [];
      for (const file of files)
        if ((await largeLakeTablesRead(parser, await readFile(join(QUERIES_DIR, file), "utf8"))).length > 0)
          reading.push(file);
      expect(reading).toEqual([
        "stages/05_financial_facts.sql",
        "stages/06_impact_facts.sql",
        "stages/11_report_lines.sql",
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

const FRAME = new RegExp(
  `^CREATE TABLE equity_observatory\\.compute_run_${RUN_ID}_([a-z_][a-z0-9_]*)\\n` +
    `WITH \\(format = 'PARQUET', write_compression = 'ZSTD', external_location = 's3://query-results/staging/${RUN_ID}/\\1/1/'\\)\\n` +
    "AS\\n",
);

/** Every statement of one run over a framework version's stages, in order, as the engine sends it. */
function stageStatements(version: string): string[] {
  const staged: string[] = [];
  return frameworkStages(loadFramework(version)).map(([name, sql]) => {
    const text = createTableAsText(run().createTableAs([name, sql], staged));
    staged.push(name);
    return text;
  });
}

describe.each(frameworkVersions())("a compute run's statements for framework %s, as Trino", (version) => {
  it.each(stageStatements(version).map((text) => [text.match(FRAME)?.[1] ?? text.slice(0, 60), text]))(
    "stage %s: CREATE TABLE <run table> WITH (ZSTD Parquet at its location) AS a query that parses and calls only shared functions",
    (_name, text) => {
      const frame = FRAME.exec(text);
      expect(frame).not.toBeNull();
      const query = text.slice(frame?.[0].length);
      expect(() => parseTrino(query)).not.toThrow();
      expect(unportableFunctions(query)).toEqual([]);
    },
  );

  const framework = loadFramework(version);
  const queries = [
    ...new Set([
      ...framework.indicators.map((i) => i.query),
      "checks/unconverted_lines.sql",
      framework.disclosure.participants_query,
      "checks/report_rows.sql",
      ...Object.values(DASHBOARD_QUERIES),
    ]),
  ];
  const stages = frameworkStages(framework).map(([name]) => name);
  it.each(queries)("%s, reading the run's tables, parses and calls only shared functions", (file) => {
    const sql = run().reading(stages, readQuery(file));
    expect(sql).toMatch(
      new RegExp(`^WITH\\n[a-z_]+ AS \\(\\nSELECT \\* FROM equity_observatory\\.compute_run_${RUN_ID}_`),
    );
    expect(() => parseTrino(sql)).not.toThrow();
    expect(unportableFunctions(sql)).toEqual([]);
  });
});
