import { describe, expect, it } from "vitest";
import {
  chartSources,
  drawn,
  drawnChart,
  lensChart,
  PUBLISHED_DASHBOARD,
  valuesOf,
} from "../fixtures/charts.js";
import { FIXTURE_DASHBOARD } from "../fixtures/dashboard.js";
import { FIXTURE_ROWS } from "../fixtures/indicator-rows.js";

const RECONCILIATION = lensChart("allocations.reconciliation");

describe("reconciliationChart", () => {
  it("flags what does not match, in words and by shape as well as colour", () => {
    const chart = drawnChart(RECONCILIATION);
    expect(
      valuesOf(chart)
        .filter((row) => row.flagged)
        .map((row) => `${row.year} ${row.label}`),
    ).toEqual([
      "2023 no allocation recorded ($15,000)",
      "2024 not reported by the hub (−$80,000)",
      "2025 gap (−$60,000)",
    ]);
    expect(JSON.stringify(chart.spec)).toContain('"shape"');
    expect(chart.descriptions?.["2025"]).toContain("1 of 2 hubs do not match");
  });

  it("tabulates every allocation with both sides, the difference and the verdict", () => {
    const chart = drawnChart(RECONCILIATION);
    expect(chart.table.columns.map((column) => column.key)).toEqual([
      "year",
      "hub",
      "allocated_usd",
      "received_usd",
      "gap_usd",
      "state",
    ]);
    expect(chart.table.rows).toHaveLength(PUBLISHED_DASHBOARD.allocations.length);
    expect(PUBLISHED_DASHBOARD.allocations).toHaveLength(FIXTURE_DASHBOARD.allocations.length - 2);
  });

  it("is not drawn without allocations", () => {
    expect(
      drawn(RECONCILIATION, chartSources(FIXTURE_ROWS, { ...FIXTURE_DASHBOARD, allocations: [] })),
    ).toBeNull();
  });
});
