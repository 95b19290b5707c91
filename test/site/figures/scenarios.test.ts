import { describe, expect, it } from "vitest";
import { scenarioFiguresToCsv } from "../../../functions/core/scenarios/scenario-files.js";
import { siteScenarios } from "../../../site/figures/scenarios.js";
import { countries, PUBLISHED_DASHBOARD } from "../fixtures/charts.js";
import { FIXTURE_SCENARIOS } from "../fixtures/scenarios.js";

const FIGURES = "scenario-fixture-level-up.csv";
const HUBS = "scenario-fixture-level-up-hubs.csv";

describe("siteScenarios", () => {
  it("reads each published scenario's files back, in index order", () => {
    const scenarios = siteScenarios(FIXTURE_SCENARIOS, countries, PUBLISHED_DASHBOARD.hubs);
    expect(scenarios.map((scenario) => scenario.entry.id)).toEqual([
      "fixture-level-up",
      "fixture-solidarity",
    ]);
    expect(scenarios[0]?.hubs.map((row) => [row.hub_id, row.net_usd])).toEqual([
      ["hub-de", -330_000],
      ["hub-ke", 732_400],
    ]);
    expect(siteScenarios(undefined, countries, PUBLISHED_DASHBOARD.hubs)).toEqual([]);
  });

  it("drops, whatever upstream did, a figure of a protected country and the row of a hub seated in one", () => {
    const figures = FIXTURE_SCENARIOS.files.get(FIGURES) ?? "";
    const hubs = FIXTURE_SCENARIOS.files.get(HUBS) ?? "";
    const bangladesh = scenarioFiguresToCsv([
      {
        framework_version: "2026.2",
        scenario: "fixture-level-up",
        indicator: "deployed_usd",
        year: 2025,
        scope: "country",
        scope_id: "BD",
        baseline: 120_000,
        value: 131_313.13,
        change: 11_313.13,
      },
    ]).split("\n")[1];
    const tampered = {
      ...FIXTURE_SCENARIOS,
      files: new Map([
        ...FIXTURE_SCENARIOS.files,
        [FIGURES, `${figures}${bangladesh}\n`],
        [HUBS, `${hubs}fixture-level-up,2025,hub-bd,45000,0,459600,459600,820000,1279600\n`],
      ]),
    };
    const [levelUp] = siteScenarios(tampered, countries, PUBLISHED_DASHBOARD.hubs);
    expect(levelUp?.figures.some((figure) => figure.scope_id === "BD")).toBe(false);
    expect(levelUp?.figures.some((figure) => figure.scope_id === "KE")).toBe(true);
    expect(levelUp?.hubs.map((row) => row.hub_id)).toEqual(["hub-de", "hub-ke"]);
  });

  it("refuses a file that is not in the spec's format, naming it", () => {
    const broken = {
      ...FIXTURE_SCENARIOS,
      files: new Map([...FIXTURE_SCENARIOS.files, [HUBS, "scenario,year,hub_id\nx,2025,hub-de\n"]]),
    };
    expect(() => siteScenarios(broken, countries, PUBLISHED_DASHBOARD.hubs)).toThrow(
      "scenario-fixture-level-up-hubs.csv is not a published scenario file: the header must be scenario,year,hub_id,local_revenue_usd,contribution_usd,receipt_usd,net_usd,deployed_baseline_usd,deployed_scenario_usd",
    );
  });
});
