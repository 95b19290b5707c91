import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../../site/charts/chart.js";
import { regionChartDefinitions } from "../../../site/charts/definitions.js";
import { chartSources, drawn, drawnChart, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const money = (region: string) => regionChartDefinitions(region)[0] as ChartDefinition;

describe("regionMoneyChart", () => {
  it("sets the region's two series side by side in each year, and links to its evidence", () => {
    const rows = [
      indicatorRow("raised_usd", 2024, "region", "South Asia", 900_000),
      indicatorRow("deployed_usd", 2024, "region", "South Asia", 2_900_000),
      indicatorRow("deployed_usd", 2025, "region", "South Asia", 3_300_000),
      indicatorRow("deployed_usd", 2025, "region", "North America", 12_100_000),
    ];
    const chart = drawnChart(money("South Asia"), chartSources(rows));
    expect(valuesOf(chart)).toEqual([
      { year: 2024, series: "Raised", value: 900_000, label: "$900,000" },
      { year: 2024, series: "Deployed", value: 2_900_000, label: "$2,900,000" },
      { year: 2025, series: "Deployed", value: 3_300_000, label: "$3,300,000" },
    ]);
    expect(chart.description).toContain("2025: raised no data, deployed $3,300,000.");
    expect(chart.evidence).toEqual({ year: 2025, region: "South Asia" });
  });

  it("draws nothing for a region without figures", () => {
    expect(drawn(money("Atlantis"))).toBeNull();
  });
});
