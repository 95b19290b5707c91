/**
 * The benchmark of `observatory simulate` (called from run.ts): the two example scenarios on the bench lake,
 * from cold (a new DuckDB engine stages the base facts, computes the framework's figures, then applies each
 * scenario to each of its years), beside compute's time on the same lake; then the two scenarios' sensitivity
 * series, as compute publishes them, with the statements they send (what Athena bills per statement). Prints
 * figures, asserts nothing.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { describeSimulation, simulateFromLake } from "../../functions/cli/commands/simulate.js";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { computeIndicators } from "../../functions/core/indicators/compute.js";
import { projectPath } from "../../functions/core/project-files.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { readScenario } from "../../functions/core/scenarios/scenario-file.js";
import { ScenarioRun, SENSITIVITY_RATES } from "../../functions/core/scenarios/scenario-run.js";
import type { QueryEngine, ResultRow, SqlValue } from "../../functions/ports/query-engine.js";
import { EXAMPLE_SCENARIOS } from "../../functions/sample/ingest-plan.js";

/** Times `simulate` with the example scenarios on a lake; prints its time and its ratio to compute's. */
export async function benchSimulate(options: {
  readonly lake: string;
  readonly dir: string;
  readonly computeSeconds: number;
  readonly figure: (label: string, value: string) => void;
}): Promise<void> {
  const out = join(options.dir, "simulate");
  const started = performance.now();
  const outcomes = await simulateFromLake({
    lake: options.lake,
    out,
    files: EXAMPLE_SCENARIOS.map((file) => projectPath(file)),
    memoryLimit: "3GB",
  });
  const seconds = (performance.now() - started) / 1000;
  const years = outcomes.reduce(
    (sum, outcome) => sum + (outcome.status === "written" ? outcome.result.years.length : 0),
    0,
  );
  for (const outcome of outcomes) {
    if (outcome.status !== "written") throw new Error(describeSimulation(outcome));
    console.log(describeSimulation(outcome));
  }
  options.figure(
    "simulate 2 scenarios (DuckDB, from cold)",
    `${seconds.toFixed(2)} s (${years} scenario-years)`,
  );
  options.figure("simulate / compute", `${(seconds / options.computeSeconds).toFixed(2)}×`);
  await rm(out, { recursive: true, force: true });
  await benchSensitivity(options);
}

/**
 * Times the example scenarios' sensitivity series (after the framework's figures, as compute runs them) and
 * counts the statements they send: one for the lake's years per scenario, then a fixed number per scenario-year.
 */
async function benchSensitivity(options: {
  readonly lake: string;
  readonly figure: (label: string, value: string) => void;
}): Promise<void> {
  const lake = new FolderStore(options.lake);
  const countries = bundledCountryTable();
  const framework = loadFramework();
  const engine = new StatementCounter(await DuckDbEngine.open({ lake, countries, memoryLimit: "3GB" }));
  try {
    const run = new ScenarioRun(
      engine,
      framework,
      await computeIndicators(engine, framework, { countries, lake }),
    );
    const scenarios = await Promise.all(
      EXAMPLE_SCENARIOS.map(async (file) => {
        const { scenario } = readScenario(new Uint8Array(await readFile(projectPath(file))));
        if (!scenario) throw new Error(`${file} is not a valid scenario`);
        return scenario;
      }),
    );
    const before = engine.statements;
    const started = performance.now();
    let scenarioYears = 0;
    for (const scenario of scenarios)
      scenarioYears += new Set((await run.sensitivity(scenario)).map((point) => point.year)).size;
    const seconds = (performance.now() - started) / 1000;
    options.figure(
      `sensitivity series, 2 scenarios (${SENSITIVITY_RATES.length} rates)`,
      `${seconds.toFixed(2)} s, ${engine.statements - before} statements (${scenarioYears} scenario-years; scenario stages included)`,
    );
  } finally {
    await engine.close();
  }
}

/** An engine that counts the statements it passes on: each stage and each query. */
class StatementCounter implements QueryEngine {
  statements = 0;

  constructor(private readonly inner: QueryEngine) {}

  stage(name: string, sql: string): Promise<void> {
    this.statements++;
    return this.inner.stage(name, sql);
  }

  query(sql: string, parameters?: readonly SqlValue[]): Promise<ResultRow[]> {
    this.statements++;
    return this.inner.query(sql, parameters);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
