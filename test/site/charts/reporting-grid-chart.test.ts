import { describe, expect, it } from "vitest";
import { drawnChart, lensChart, valuesOf } from "../fixtures/charts.js";
import { FIXTURE_DASHBOARD } from "../fixtures/dashboard.js";

const GRID = lensChart("reporting.grid");

describe("reportingGridChart", () => {
  it("marks each cell with a symbol as well as a colour, and lists who is not complete", () => {
    const chart = drawnChart(GRID);
    const cells = valuesOf(chart);
    expect(cells).toHaveLength(FIXTURE_DASHBOARD.reporting_status.length);
    expect(new Set(cells.map((cell) => `${cell.state} ${cell.symbol}`))).toEqual(
      new Set(["complete ✓", "partial ◐", "missing ✗"]),
    );
    expect(chart.description).toContain("2023: 2 complete, 1 partial, 1 missing.");
    expect(chart.description).toContain("Not complete in 2025: East Africa Hub (partial).");
  });
});
