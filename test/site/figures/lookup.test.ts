import { describe, expect, it } from "vitest";
import { latestYear, movementValue, regionsWithData, regionValue } from "../../../site/figures/lookup.js";
import { countries } from "../fixtures/charts.js";
import { FIXTURE_DASHBOARD } from "../fixtures/dashboard.js";
import { FIXTURE_ROWS, indicatorRow } from "../fixtures/indicator-rows.js";

describe("figure lookups", () => {
  it("find the movement's and a region's published figure, and none for a withheld one", () => {
    expect(movementValue(FIXTURE_ROWS, "deployed_usd", 2025)).toBe(47_900_000);
    expect(regionValue(FIXTURE_ROWS, "deployed_usd", "South Asia", 2025)).toBe(3_300_000);
    expect(regionValue(FIXTURE_ROWS, "participants", "Middle East & North Africa", 2023)).toBeNull();
    expect(movementValue(FIXTURE_ROWS, "deployed_usd", 1999)).toBeNull();
  });

  it("find the latest year, and none among no rows", () => {
    expect(latestYear(FIXTURE_ROWS)).toBe(2025);
    expect(latestYear([])).toBeUndefined();
  });

  it("list the regions with figures or reports (by lines or seat) in the country table's order, unknown ones last", () => {
    const rows = [
      indicatorRow("participants", 2025, "region", "South Asia", 10),
      indicatorRow("participants", 2025, "region", "Atlantis", 10),
    ];
    const dashboard = {
      ...FIXTURE_DASHBOARD,
      contributions: [
        { year: 2025, basis: "seat", scope: "region", scope_id: "North America", report_ids: ["r"] },
        { year: 2025, basis: "country", scope: "country", scope_id: "Atlantis", report_ids: ["r"] },
      ] as const,
    };
    expect(regionsWithData({ rows, dashboard, countries })).toEqual([
      "North America",
      "South Asia",
      "Atlantis",
    ]);
  });
});
