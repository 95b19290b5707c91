import { describe, expect, it } from "vitest";
import { scenarioChartDefinitions } from "../../../site/charts/definitions.js";
import { checkSpec } from "../../../site/vega/validate-spec.js";
import { drawnChart, valuesOf } from "../fixtures/charts.js";

const INEQUALITY = scenarioChartDefinitions("fixture-level-up")[2];
if (!INEQUALITY) throw new Error("no inequality chart");

describe("scenarioInequalityChart", () => {
  it("draws the Gini, and the Theil index from its parts, real and under the scenario, from zero", () => {
    const chart = drawnChart(INEQUALITY);
    expect(valuesOf(chart).map((row) => [row.measure, row.part, row.series, row.value])).toEqual([
      ["Funding Gini", "Funding Gini", "Real", 0.52],
      ["Funding Gini", "Funding Gini", "Under the scenario", 0.418],
      ["Theil index", "Between regions", "Real", 0.455],
      ["Theil index", "Between regions", "Under the scenario", 0.301],
      ["Theil index", "Within regions", "Real", 0.313],
      ["Theil index", "Within regions", "Under the scenario", 0.219],
    ]);
    const y = (chart.spec as { encoding: { y: { stack: string; scale: unknown } } }).encoding.y;
    expect(y).toMatchObject({ stack: "zero", scale: { zero: true } });
  });

  it("says every figure before and after, totals first", () => {
    expect(drawnChart(INEQUALITY).description).toContain(
      "Inequality of funding per editor, 2025. Funding Gini: 0.520 real, 0.418 under the scenario; Theil index: 0.768 real, 0.520 under the scenario; Between regions: 0.455 real, 0.301 under the scenario; Within regions: 0.313 real, 0.219 under the scenario.",
    );
    expect(drawnChart(INEQUALITY).table.rows.map((row) => row.part)).toEqual([
      "Funding Gini",
      "Theil index",
      "Between regions",
      "Within regions",
    ]);
  });

  it("is a valid Vega-Lite spec with no compiler warning", () => {
    expect(checkSpec(drawnChart(INEQUALITY, undefined, "es").spec).problems).toEqual([]);
  });
});
