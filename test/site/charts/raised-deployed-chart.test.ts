import { describe, expect, it } from "vitest";
import { chartSources, drawn, drawnChart, lensChart, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const RAISED_DEPLOYED = lensChart("money.raised-deployed");

describe("raisedDeployedChart", () => {
  const rows = [
    indicatorRow("raised_usd", 2025, "region", "South Asia", 1_200_000),
    indicatorRow("deployed_usd", 2025, "region", "South Asia", 3_300_000),
    indicatorRow("deployed_usd", 2025, "region", "North America", 12_100_000),
    indicatorRow("deployed_usd", 2024, "region", "North America", 11_900_000),
  ];

  it("pairs each region's two series, named by the catalogue, in the order of the country table", () => {
    const chart = drawnChart(RAISED_DEPLOYED, chartSources(rows));
    expect(valuesOf(chart).filter((row) => row.year === 2025)).toEqual([
      { year: 2025, region: "North America", series: "Deployed", value: 12_100_000, label: "$12.1M" },
      { year: 2025, region: "South Asia", series: "Raised", value: 1_200_000, label: "$1.2M" },
      { year: 2025, region: "South Asia", series: "Deployed", value: 3_300_000, label: "$3.3M" },
    ]);
    expect(chart.descriptions?.["2025"]).toContain(
      "North America: raised no data, deployed $12.1M. South Asia: raised $1.2M, deployed $3.3M.",
    );
  });

  it("follows the year and region filters, starting at the latest year", () => {
    const chart = drawnChart(RAISED_DEPLOYED, chartSources(rows));
    expect(chart.filters).toEqual(["year", "region"]);
    expect(chart.title).toBe("Raised and deployed by region, 2025");
    expect(Object.keys(chart.descriptions ?? {})).toEqual(["2024", "2025"]);
  });

  it("is not drawn without region figures of either series", () => {
    expect(drawn(RAISED_DEPLOYED, chartSources([]))).toBeNull();
  });
});
