import { describe, expect, it } from "vitest";
import { chartSources, drawn, drawnChart, lensChart, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const THEIL = lensChart("funding.theil");

describe("theilChart", () => {
  it("stacks each year's index from its parts, named by the catalogue, and reads the total in words", () => {
    const chart = drawnChart(THEIL);
    expect(valuesOf(chart).filter((row) => row.year === 2025)).toEqual([
      { year: 2025, part: "Between regions", order: 0, value: 0.455, label: "0.455" },
      { year: 2025, part: "Within regions", order: 1, value: 0.313, label: "0.313" },
    ]);
    expect(chart.description).toContain("2025: 0.768 in all, 0.455 between regions and 0.313 within them.");
    expect(chart.table.caption).toBe(
      "Inequality of funding per editor (Theil T): Theil index by part, 2023–2025",
    );
  });

  it("is not drawn when no part has a figure", () => {
    const rows = [indicatorRow("funding_theil", 2025, "movement", "movement", 0.7)];
    expect(drawn(THEIL, chartSources(rows))).toBeNull();
  });
});
