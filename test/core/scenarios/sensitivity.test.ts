/**
 * The sensitivity series compute publishes in scenarios.json for each scenario and year: the pool and the funding
 * Gini as the local revenue rate runs from 0% to 20%, through the same queries and allocation as the scenario
 * itself. On the hand-checked fixture lake, with a third scenario that takes nothing from the global fund's
 * allocations (so that at 0% nothing moves).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { publishIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import {
  readPublishedScenarios,
  type ScenarioIndex,
  type ScenarioIndexEntry,
  sensitivityProblem,
} from "../../../functions/core/scenarios/published-scenarios.js";
import { readScenario, type Scenario } from "../../../functions/core/scenarios/scenario-file.js";
import { ScenarioRun, SENSITIVITY_RATES } from "../../../functions/core/scenarios/scenario-run.js";
import { FIXTURE_SCENARIO_FILES, ingestScenarioFixture } from "./fixture.js";

const LOCAL_ONLY = {
  scenario: "1",
  id: "fixture-local-only",
  title: "8% of local revenue, shared per editor",
  description: "Nothing from the global fund's allocations.",
  contribution: { local_revenue_rate: 0.08 },
  allocation: { rule: "per_editor" },
};

let root: string;
let lake: Awaited<ReturnType<typeof ingestScenarioFixture>>;
let out: FolderStore;
let index: ScenarioIndex;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "scenario-sensitivity-"));
  lake = await ingestScenarioFixture(join(root, "lake"));
  const outcome = await lake.ingest(JSON.stringify(LOCAL_ONLY), "council", "local-only.json");
  if (outcome.status !== "accepted") throw new Error(`local-only.json was ${outcome.status}`);
  out = new FolderStore(join(root, "out"));
  const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
  try {
    await publishIndicators(
      { engine, lake: lake.store, output: out },
      { framework: loadFramework("2026.2"), countries: lake.dependencies.countries },
    );
  } finally {
    await engine.close();
  }
  index = JSON.parse(new TextDecoder().decode(await out.get("scenarios.json"))) as ScenarioIndex;
});

afterAll(() => rm(root, { recursive: true, force: true }));

const entry = (id: string): ScenarioIndexEntry => {
  const found = index.scenarios.find((scenario) => scenario.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};

describe("the sensitivity series", () => {
  it("holds every rate from 0% to 20% in steps of 1 point, for each year of each scenario", () => {
    expect(SENSITIVITY_RATES).toHaveLength(21);
    expect(SENSITIVITY_RATES[0]).toBe(0);
    expect(SENSITIVITY_RATES[20]).toBe(0.2);
    for (const scenario of index.scenarios) {
      expect(scenario.sensitivity.map((point) => [point.year, point.local_revenue_rate])).toEqual(
        scenario.years.flatMap((year) => SENSITIVITY_RATES.map((rate) => [year, rate])),
      );
      expect(sensitivityProblem(scenario)).toBeUndefined();
    }
  });

  it("raises a pool that never falls as the rate rises, and grows where a hub is above its floor", () => {
    for (const scenario of index.scenarios) {
      const pools = scenario.sensitivity.map((point) => point.pool_usd);
      for (let i = 1; i < pools.length; i++) expect(pools[i]).toBeGreaterThanOrEqual(pools[i - 1] as number);
      expect(pools.at(-1)).toBeGreaterThan(pools[0] as number);
    }
  });

  it("moves nothing at 0% when nothing is taken from the global fund: the pool is 0 and the Gini is the real one", () => {
    const scenario = entry("fixture-local-only");
    const [zero] = scenario.sensitivity;
    expect(zero?.pool_usd).toBe(0);
    const before = scenario.summary[0]?.funding_gini.baseline;
    expect(before).toBeTypeOf("number");
    expect(zero?.funding_gini).toBeCloseTo(before as number, 12);
  });

  it("at 0% still moves the global fund's share when the scenario takes one", () => {
    const [zero] = entry("fixture-level-up").sensitivity;
    expect(zero?.pool_usd).toBeGreaterThan(0);
  });

  it("gives, at the scenario's own rate, the scenario's own pool and Gini after", () => {
    for (const scenario of index.scenarios) {
      const rate = scenario.parameters.contribution.local_revenue_rate;
      for (const year of scenario.summary) {
        const point = scenario.sensitivity.find(
          (candidate) => candidate.year === year.year && candidate.local_revenue_rate === rate,
        );
        expect(point, `${scenario.id} ${year.year} ${rate}`).toBeDefined();
        expect(point?.pool_usd).toBeCloseTo(year.pool_usd, 6);
        expect(point?.funding_gini).toBeCloseTo(year.funding_gini.value as number, 12);
      }
    }
  });

  it("is checked where the index is read: a series with a point missing is refused, naming the scenario", async () => {
    await expect(readPublishedScenarios(out, "2026.2")).resolves.toBeDefined();
    const broken = {
      ...index,
      scenarios: index.scenarios.map((scenario) =>
        scenario.id === "fixture-per-editor"
          ? { ...scenario, sensitivity: scenario.sensitivity.slice(1) }
          : scenario,
      ),
    };
    await out.put("scenarios.json", new TextEncoder().encode(JSON.stringify(broken)));
    await expect(readPublishedScenarios(out, "2026.2")).rejects.toThrow(
      "scenarios.json has a sensitivity series of 20 points, not 21 for fixture-per-editor; run the compute step again to publish a consistent set",
    );
    const wrongRate = {
      ...index,
      scenarios: index.scenarios.map((scenario) =>
        scenario.id === "fixture-level-up"
          ? {
              ...scenario,
              sensitivity: scenario.sensitivity.map((point, i) =>
                i === 3 ? { ...point, local_revenue_rate: 0.3 } : point,
              ),
            }
          : scenario,
      ),
    };
    await out.put("scenarios.json", new TextEncoder().encode(JSON.stringify(wrongRate)));
    await expect(readPublishedScenarios(out, "2026.2")).rejects.toThrow(
      "scenarios.json has a sensitivity point 4 that is not 2025 at rate 0.03 with a pool and a Gini for fixture-level-up",
    );
  });
});

describe("the sensitivity series, computed for every rate at once", () => {
  const scenarioOf = (bytes: Uint8Array): Scenario => {
    const { scenario, problems } = readScenario(bytes);
    if (!scenario) throw new Error(JSON.stringify(problems));
    return scenario;
  };

  it.each(["2026.1", "2026.2"])(
    "gives at each rate exactly the pool and Gini of the scenario at that rate, simulated on its own (framework %s)",
    async (version) => {
      const scenarios = [
        ...(await Promise.all(Object.values(FIXTURE_SCENARIO_FILES).map((file) => readFile(file)))),
        new TextEncoder().encode(JSON.stringify(LOCAL_ONLY)),
      ].map(scenarioOf);
      const rates = [0.2, 0, 0.03, 1, 0.07];
      const framework = loadFramework(version);
      const { countries } = lake.dependencies;
      const engine = await DuckDbEngine.open({ lake: lake.store, countries });
      try {
        const run = new ScenarioRun(
          engine,
          framework,
          await computeIndicators(engine, framework, { countries }),
        );
        for (const scenario of scenarios) {
          const series = await run.sensitivity(scenario, rates);
          const reference = [];
          for (const rate of rates) {
            const alone = await run.simulate({
              ...scenario,
              contribution: { ...scenario.contribution, local_revenue_rate: rate },
            });
            for (const year of alone.summary)
              reference.push({
                year: year.year,
                local_revenue_rate: rate,
                pool_usd: year.pool_usd,
                funding_gini: year.funding_gini.value,
              });
          }
          expect(series, scenario.id).toEqual(reference);
          expect(new Set(series.map((point) => point.pool_usd)).size, scenario.id).toBe(rates.length);
          for (const point of series) expect(point.funding_gini, scenario.id).toBeTypeOf("number");
        }
      } finally {
        await engine.close();
      }
    },
  );
});
