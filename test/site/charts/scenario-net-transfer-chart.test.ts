import { describe, expect, it } from "vitest";
import { scenarioChartDefinitions } from "../../../site/charts/definitions.js";
import { checkSpec } from "../../../site/vega/validate-spec.js";
import { drawnChart, valuesOf } from "../fixtures/charts.js";

const NET = scenarioChartDefinitions("fixture-level-up")[1];
if (!NET) throw new Error("no net-transfer chart");

describe("scenarioNetTransferChart", () => {
  it("draws each region's net transfer real and under the scenario either side of a zero line", () => {
    const chart = drawnChart(NET);
    expect(valuesOf(chart).map((row) => [row.region, row.series, row.value])).toEqual([
      ["North America", "Real", -166_400_000],
      ["North America", "Under the scenario", -167_100_000],
      ["Northern & Western Europe", "Real", -250_000],
      ["Northern & Western Europe", "Under the scenario", -580_000],
      ["South Asia", "Real", 775_000],
      ["South Asia", "Under the scenario", 1_234_600],
      ["Sub-Saharan Africa", "Real", 388_000],
      ["Sub-Saharan Africa", "Under the scenario", 1_120_400],
    ]);
    const zero = (chart.spec as { layer: { mark: { type: string }; encoding: unknown }[] }).layer[1];
    expect(zero).toMatchObject({ mark: { type: "rule" }, encoding: { x: { datum: 0 } } });
    expect(chart.title).toBe("Net transfer by region, 2025");
  });

  it("reads the regions out largest under the scenario first, in whole dollars", () => {
    expect(drawnChart(NET).description).toContain(
      "South Asia: $775,000 real, $1,234,600 under the scenario; Sub-Saharan Africa: $388,000 real, $1,120,400 under the scenario; Northern & Western Europe",
    );
  });

  it("is a valid Vega-Lite spec with no compiler warning", () => {
    expect(checkSpec(drawnChart(NET, undefined, "ar").spec).problems).toEqual([]);
  });
});
