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
      "2024 not reported by the hub (-$80,000)",
      "2025 gap (-$60,000)",
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

  it("leaves a side with nothing on record empty in its table, as the page shows it, never 0", () => {
    const chart = drawnChart(RECONCILIATION);
    const notReported = FIXTURE_DASHBOARD.allocations.find((row) => row.state === "not-reported");
    const notAllocated = FIXTURE_DASHBOARD.allocations.find((row) => row.state === "not-allocated");
    if (!notReported || !notAllocated) throw new Error("the fixture lost its unmatched allocations");
    const rowOf = (year: number, hubId: string) =>
      chart.table.rows.find(
        (row) =>
          row.year === year && row.hub === FIXTURE_DASHBOARD.hubs.find((hub) => hub.hub_id === hubId)?.name,
      );
    expect(rowOf(notReported.year, notReported.hub_id)?.received_usd).toBeNull();
    expect(rowOf(notAllocated.year, notAllocated.hub_id)?.allocated_usd).toBeNull();
  });

  it("is not drawn without allocations", () => {
    expect(
      drawn(RECONCILIATION, chartSources(FIXTURE_ROWS, { ...FIXTURE_DASHBOARD, allocations: [] })),
    ).toBeNull();
  });
});
