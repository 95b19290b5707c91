import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../../site/charts/chart.js";
import { chartSources, drawnChart, parameterOf, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const MENA = "Middle East & North Africa";
const byRegion = (indicator: string): ChartDefinition => ({
  kind: "by-region",
  name: `${indicator}.by-region`,
  indicator,
});

describe("byRegionChart", () => {
  it("keeps a withheld region's row in every year, with the word instead of a bar", () => {
    const rows = [
      indicatorRow("newcomer_share", 2025, "region", "South Asia", 0.41),
      indicatorRow("newcomer_share", 2025, "region", MENA, "suppressed"),
      indicatorRow("newcomer_share", 2025, "region", "North America", null),
      indicatorRow("newcomer_share", 2024, "region", "Sub-Saharan Africa", 0.3),
    ];
    const chart = drawnChart(byRegion("newcomer_share"), chartSources(rows));
    expect(valuesOf(chart).filter((row) => row.year === 2025)).toEqual([
      { year: 2025, region: MENA, value: null, label: "suppressed", labelAt: 0 },
      { year: 2025, region: "North America", value: null, label: "no value", labelAt: 0 },
      { year: 2025, region: "South Asia", value: 0.41, label: "41.0%", labelAt: 0.41 },
      { year: 2025, region: "Sub-Saharan Africa", value: null, label: "no data", labelAt: 0 },
    ]);
    expect((chart.spec.title as { subtitle: string[] }).subtitle).toEqual([
      "Suppressed: fewer than 10 participants in the region that year",
    ]);
    expect(chart.descriptions?.["2025"]).toContain("South Asia: 41.0%");
    expect(chart.descriptions?.["2025"]).toContain(`${MENA}: suppressed`);
    expect(chart.descriptions?.["2024"]).toContain("Sub-Saharan Africa: 30.0%");
  });

  it("follows the year and region filters, starting at the latest year with a figure and titling every year", () => {
    const chart = drawnChart(byRegion("newcomer_share"));
    expect(chart.filters).toEqual(["year", "region"]);
    expect(parameterOf(chart, "year")).toBe(2025);
    expect(parameterOf(chart, "region")).toBe("");
    expect(parameterOf(chart, "titles")).toEqual({
      "2023": "By region, 2023",
      "2024": "By region, 2024",
      "2025": "By region, 2025",
    });
    expect(chart.title).toBe("By region, 2025");
    expect(chart.description).toBe(chart.descriptions?.["2025"]);
  });
});
