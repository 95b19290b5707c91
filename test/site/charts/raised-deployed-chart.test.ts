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

  it("pairs each region's two series, named by the catalogue, largest first", () => {
    const chart = drawnChart(RAISED_DEPLOYED, chartSources(rows));
    const row = (region: string, series: string, value: number, label: string) => ({
      year: 2025,
      region,
      name: region,
      series,
      value,
      label,
    });
    expect(valuesOf(chart).filter((value) => value.year === 2025)).toEqual([
      row("North America", "Deployed", 12_100_000, "$12,100,000"),
      row("South Asia", "Raised", 1_200_000, "$1,200,000"),
      row("South Asia", "Deployed", 3_300_000, "$3,300,000"),
    ]);
    expect(JSON.stringify(chart.spec)).toContain('"sort":{"field":"value","op":"max","order":"descending"}');
    expect(chart.descriptions?.["2025"]).toContain(
      "North America: raised no data, deployed $12,100,000. South Asia: raised $1,200,000, deployed $3,300,000.",
    );
  });

  it("names the regions and writes the amounts in the page's language", () => {
    const chart = drawnChart(RAISED_DEPLOYED, chartSources(rows), "fr");
    expect(valuesOf(chart).find((value) => value.region === "South Asia")).toMatchObject({
      name: "Asie du Sud",
      series: "Collecté",
      label: "1\u202f200\u202f000\u00a0$US",
    });
    expect(chart.table.rows[0]).toMatchObject({ region: "Amérique du Nord" });
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
