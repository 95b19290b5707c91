/**
 * The scenario SQL in the form Athena runs it. Athena cannot run here, so the statements are built by the same
 * `StagedRun` the Athena engine uses — each stage materialised by `CREATE TABLE … AS` into a table of the run,
 * every later statement reading the run's tables through the token-level rewrite — and run on DuckDB against the
 * hand-checked scenario fixture: they must publish the same bytes as DuckDB's own stages. Every statement is
 * also parsed with node-sql-parser's Trino grammar and held to the functions both engines share, as the
 * indicators are in test/adapters/aws/staged-run.test.ts.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AthenaEngine } from "../../../functions/adapters/aws/athena-engine.js";
import { type CreateTableAs, StagedRun } from "../../../functions/adapters/aws/staged-run.js";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { publishIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import { readScenario } from "../../../functions/core/scenarios/scenario-file.js";
import {
  ScenarioRun,
  SENSITIVITY_RATES,
  scenarioStages,
} from "../../../functions/core/scenarios/scenario-run.js";
import type { QueryEngine, ResultRow, SqlValue } from "../../../functions/ports/query-engine.js";
import { AthenaOnDuckDb } from "../../helpers/athena-on-duckdb.js";
import { parseTrino, unportableFunctions } from "../../queries/trino-functions.js";
import { FIXTURE_SCENARIO_FILES, ingestScenarioFixture } from "./fixture.js";

const RUN_ID = "20260115t030000z_9f2c4e1a7b3d";

/** Runs a compute on DuckDB as the Athena engine runs it: stages only as run tables, queries rewritten to them. */
class RunTablesOnDuckDb implements QueryEngine {
  readonly statements: CreateTableAs[] = [];
  readonly queries: { sql: string; parameters: readonly SqlValue[] }[] = [];
  private readonly staged: string[] = [];
  private readonly run = new StagedRun({
    database: "equity_observatory",
    bucket: "query-results",
    runId: RUN_ID,
  });

  constructor(private readonly engine: DuckDbEngine) {}

  async stage(name: string, sql: string): Promise<void> {
    if (this.staged.length === 0) await this.engine.query(`CREATE SCHEMA ${this.run.database}`);
    const statement = this.run.createTableAs([name, sql], this.staged);
    this.statements.push(statement);
    await this.engine.query(`CREATE TABLE ${statement.table} AS\n${statement.query}`);
    this.staged.push(name);
  }

  query(sql: string, parameters: readonly SqlValue[] = []): Promise<ResultRow[]> {
    const rewritten = this.run.reading(this.staged, sql);
    this.queries.push({ sql: rewritten, parameters });
    return this.engine.query(rewritten, parameters);
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}

let root: string;
let runTables: RunTablesOnDuckDb;
const published = { own: new Map<string, string>(), runTables: new Map<string, string>() };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "scenario-athena-"));
  const lake = await ingestScenarioFixture(join(root, "lake"));
  const countries = lake.dependencies.countries;
  const framework = loadFramework();
  for (const [name, wrap] of [
    ["own", (engine: DuckDbEngine) => engine],
    ["runTables", (engine: DuckDbEngine) => new RunTablesOnDuckDb(engine)],
  ] as const) {
    const engine = wrap(await DuckDbEngine.open({ lake: lake.store, countries }));
    if (engine instanceof RunTablesOnDuckDb) runTables = engine;
    const output = new FolderStore(join(root, name));
    try {
      await publishIndicators({ engine, lake: lake.store, output }, { framework, countries });
    } finally {
      await engine.close();
    }
    for (const file of await output.list(""))
      if (file.startsWith("scenario"))
        published[name].set(file, new TextDecoder().decode((await output.get(file)) ?? new Uint8Array()));
  }
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe("the scenario SQL as Athena runs it", () => {
  it("publishes the same scenario files, byte for byte, reading every stage from the run's tables", () => {
    expect([...published.runTables.keys()].sort()).toEqual([
      "scenario-fixture-level-up-hubs.csv",
      "scenario-fixture-level-up.csv",
      "scenario-fixture-per-editor-hubs.csv",
      "scenario-fixture-per-editor.csv",
      "scenarios.json",
    ]);
    expect(published.runTables).toEqual(published.own);
    const tables = runTables.statements.map((statement) => statement.table);
    for (const [name] of scenarioStages())
      expect(tables).toContain(`equity_observatory.compute_run_${RUN_ID}_${name}`);
  });

  it("materialises the scenario stages once, each a query that parses as Trino and calls only shared functions", () => {
    const scenarioTables = runTables.statements.filter((statement) =>
      /_scenario_[a-z_]+$/.test(statement.table),
    );
    expect(scenarioTables.map((statement) => statement.table.replace(/^.*_scenario_/, "scenario_"))).toEqual(
      scenarioStages().map(([name]) => name),
    );
    for (const statement of scenarioTables) {
      expect(statement.query).not.toContain("?");
      expect(() => parseTrino(statement.query)).not.toThrow();
      expect(unportableFunctions(statement.query)).toEqual([]);
    }
  });

  it("binds the scenario's parameters as placeholders, never in the text, in statements that parse as Trino", () => {
    const scenarioQueries = runTables.queries.filter((query) => query.parameters.length > 0);
    // Each scenario's year: 4 statements for its figures (one case: its 5 parameters and the scenario's 4), then
    // 3 for its whole sensitivity series (21 cases: allocation inputs, balance, and the funding Gini, which also
    // binds the indicator's id).
    expect(scenarioQueries).toHaveLength(2 * (4 + 3));
    const sensitivityGini = scenarioQueries.filter((query) => query.parameters.length === 21 * 5 + 4 + 1);
    expect(sensitivityGini).toHaveLength(2);
    for (const { parameters } of sensitivityGini) {
      expect(parameters.at(-1)).toBe("funding_gini");
      expect(parameters.filter((_, i) => i < 21 * 5 && i % 5 === 2)).toEqual(
        Array.from({ length: 21 }, (_, i) => i / 100),
      );
    }
    expect(scenarioQueries.filter((query) => query.parameters.length === 21 * 5 + 4)).toHaveLength(2 * 2);
    const figures = scenarioQueries.filter((query) => query.parameters.length === 5 + 4 + 9);
    expect(figures).toHaveLength(2);
    for (const { parameters } of figures)
      expect(parameters.slice(5 + 4)).toEqual([
        "deployed_usd",
        "deployed_per_editor_usd",
        "global_south_share",
        "funding_gini",
        "funding_theil",
        "funding_theil_between",
        "funding_theil_within",
        "net_transfer_usd",
        "redistribution_intensity",
      ]);
    for (const { sql, parameters } of scenarioQueries) {
      expect([5 + 4, 5 + 4 + 9, 21 * 5 + 4, 21 * 5 + 4 + 1]).toContain(parameters.length);
      expect(sql.match(/\?/g)).toHaveLength(parameters.length);
      expect(sql).toMatch(/^WITH\n[a-z_]+ AS \(\nSELECT \* FROM equity_observatory\.compute_run_/);
      expect(sql).not.toMatch(/fixture-(per-editor|level-up)|0\.25|1\.5|'deployed_usd'|'funding_gini'/);
      expect(() => parseTrino(sql)).not.toThrow();
      expect(unportableFunctions(sql)).toEqual([]);
    }
  });
});

describe("the sensitivity series through the Athena engine", () => {
  // The real AthenaEngine, driving a fake Athena client (test/helpers/athena-on-duckdb.ts) that runs each
  // statement it is sent on DuckDB with its execution parameters bound, and records it.
  it("sends three statements for a scenario's year whatever the number of rates, and gives DuckDB's points", async () => {
    // The fixture's financial reports are of 2025 only: each scenario's series is of one year.
    const lake = await ingestScenarioFixture(join(root, "engine-lake"), { scenarios: false });
    const countries = lake.dependencies.countries;
    const framework = loadFramework();
    const scenarios = await Promise.all(
      Object.values(FIXTURE_SCENARIO_FILES).map(async (file) => {
        const { scenario } = readScenario(await readFile(file));
        if (!scenario) throw new Error(`${file} is not a scenario`);
        return scenario;
      }),
    );
    const local = await DuckDbEngine.open({ lake: lake.store, countries });
    await local.query("CREATE SCHEMA lake");
    const client = new AthenaOnDuckDb(local);
    const athena = new AthenaEngine({
      client,
      workGroup: "observatory",
      database: "lake",
      staging: {
        workGroup: "observatory-staging",
        s3: { send: async () => ({ Contents: [], IsTruncated: false }) } as never,
        bucket: "results",
      },
      pollInitialDelayMs: 1,
      sleep: async () => {},
    });
    const own = await DuckDbEngine.open({ lake: lake.store, countries });
    try {
      const onAthena = new ScenarioRun(
        athena,
        framework,
        await computeIndicators(athena, framework, { countries }),
      );
      const onDuckDb = new ScenarioRun(
        own,
        framework,
        await computeIndicators(own, framework, { countries }),
      );
      await onAthena.sensitivity(scenarios[0] as (typeof scenarios)[number], [0.1]);
      for (const scenario of scenarios) {
        for (const rates of [SENSITIVITY_RATES, [0, 0.05, 0.1, 0.15, 0.2]]) {
          const before = client.started.length;
          const points = await onAthena.sensitivity(scenario, rates);
          const sent = client.started.slice(before);
          // The lake's years with financial reports, then the year's allocation inputs, balance and Gini.
          expect(sent.map((statement) => statement.parameters.length)).toEqual([
            0,
            rates.length * 5 + 4,
            rates.length * 5 + 4,
            rates.length * 5 + 4 + 1,
          ]);
          expect(points.map((point) => [point.year, point.local_revenue_rate])).toEqual(
            rates.map((rate) => [2025, rate]),
          );
          expect(points).toEqual(await onDuckDb.sensitivity(scenario, rates));
        }
      }
    } finally {
      await athena.close();
      await local.close();
      await own.close();
    }
  });
});
