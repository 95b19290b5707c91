import { describe, expect, it } from "vitest";
import type { ScenarioIndexEntry } from "../../../functions/core/scenarios/published-scenarios.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import { en } from "../../../site/i18n/en.js";
import { scenarioSummary } from "../../../site/pages/parts/scenario-text.js";
import { FIXTURE_SCENARIOS } from "../fixtures/scenarios.js";

const [LEVEL_UP, SOLIDARITY] = FIXTURE_SCENARIOS.index.scenarios as [ScenarioIndexEntry, ScenarioIndexEntry];

/** The solidarity scenario with another pool and Gini in 2025. */
function withResult(pool: number, gini: readonly [number, number], from = 6, to = 14): ScenarioIndexEntry {
  return {
    ...SOLIDARITY,
    summary: [
      {
        year: 2025,
        pool_usd: pool,
        contributing_hubs: from,
        receiving_hubs: to,
        funding_gini: { baseline: gini[0], value: gini[1] },
        funding_theil: { baseline: 0.5, value: 0.5 },
      },
    ],
  };
}

describe("the plain-language summary of a scenario", () => {
  it("says what the policy takes, the pool, from how many hubs to how many, and that it lowered the Gini", () => {
    expect(scenarioSummary(withResult(1_234_567, [0.52, 0.47]), 2025, en)).toEqual([
      "A 5% contribution on local revenue above $100,000 would have moved $1.2M in 2025 from 6 hubs to 14 and lowered the funding Gini from 0.520 to 0.470.",
      "The pool would have been shared among the countries with active editors, in proportion to their editors.",
    ]);
  });

  it("says raised when the Gini rises, and left unchanged when both figures read the same", () => {
    expect(scenarioSummary(withResult(50_000, [0.4, 0.41], 1, 3), 2025, en)[0]).toBe(
      "A 5% contribution on local revenue above $100,000 would have moved $50K in 2025 from 1 hub to 3 and raised the funding Gini from 0.400 to 0.410.",
    );
    expect(scenarioSummary(withResult(900, [0.5201, 0.52009]), 2025, en)[0]).toBe(
      "A 5% contribution on local revenue above $100,000 would have moved $900 in 2025 from 6 hubs to 14 and left the funding Gini unchanged at 0.520.",
    );
    expect(scenarioSummary(withResult(0, [0.52, 0.52], 0, 0), 2025, en)[0]).toBe(
      "A 5% contribution on local revenue above $100,000 would have moved no money in 2025 and left the funding Gini unchanged at 0.520.",
    );
  });

  it("gives the levelling-up rule its own sentence, with the Global South weight, and names a share of the fund", () => {
    expect(scenarioSummary(LEVEL_UP, 2025, en)).toEqual([
      "A 10% contribution on local revenue and 20% of the global fund's allocations would have moved $1.2M in 2025 from 2 hubs to 3 and lowered the funding Gini from 0.520 to 0.418.",
      "The pool would have raised the countries with the lowest funds per editor to a common level, an editor in the Global South counting 1.5 times.",
    ]);
    const shareOnly: ScenarioIndexEntry = {
      ...LEVEL_UP,
      parameters: {
        ...LEVEL_UP.parameters,
        contribution: { local_revenue_rate: 0, floor_usd: 50_000, global_fund_reallocation: 0.25 },
      },
    };
    expect(scenarioSummary(shareOnly, 2025, en)[0]).toMatch(
      /^A contribution of 25% of the global fund's allocations would have moved \$1\.2M in 2025/,
    );
  });

  it("is written in every language from its catalogue, numbers from Intl, hubs counted by the language's plural rules", () => {
    expect(scenarioSummary(SOLIDARITY, 2025, CATALOGUES.es)[0]?.replace(/\u00a0/g, " ")).toBe(
      "Una aportación del 5 % de los ingresos locales por encima de 100.000 US$ habría movido 105 mil US$ en 2025 de 1 hub a 2 y habría reducido el Gini de la financiación de 0,520 a 0,517.",
    );
    expect(scenarioSummary(LEVEL_UP, 2025, CATALOGUES.fr)).toEqual([
      "Une contribution de 10\u00a0% des recettes locales et de 20\u00a0% des allocations du fonds mondial aurait déplacé 1,2\u00a0M\u00a0$US en 2025 de 2 hubs vers 3 et aurait réduit le Gini du financement de 0,520 à 0,418.",
      "Le fonds commun aurait hissé à un niveau commun les pays les moins financés par contributeur\u00a0; un contributeur du Sud global compterait 1,5 fois.",
    ]);
    expect(scenarioSummary(LEVEL_UP, 2025, CATALOGUES.ar)[0]).toContain("من مركزين إلى 3");
    expect(scenarioSummary(SOLIDARITY, 2025, CATALOGUES.ar)[0]).toContain("من مركز واحد إلى 2");
    expect(scenarioSummary(withResult(10, [0.5, 0.4], 11, 2), 2025, CATALOGUES.ar)[0]).toContain(
      "من 11 مركزًا",
    );
  });
});
