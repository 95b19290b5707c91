import { describe, expect, it } from "vitest";
import {
  type ReportContribution,
  SCOPE_OF_BASIS,
} from "../../../functions/core/dashboards/dashboard-data.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { publishableDashboard, publishableRows } from "../../../site/build/publishable.js";
import { countries, framework } from "../fixtures/charts.js";
import { FIXTURE_CONTRIBUTIONS, FIXTURE_DASHBOARD, FIXTURE_REPORTS } from "../fixtures/dashboard.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const contribution = (
  basis: ReportContribution["basis"],
  scope_id: string,
  ...report_ids: string[]
): ReportContribution => ({
  year: 2025,
  basis,
  scope: SCOPE_OF_BASIS[basis],
  scope_id,
  report_ids,
});

describe("publishableRows", () => {
  it("holds back a hub's figures when it is seated in a protected country or the registry does not know it", () => {
    const rows = [
      indicatorRow("participants", 2025, "hub", "hub-ke", 40),
      indicatorRow("participants", 2025, "hub", "hub-bd", 41),
      indicatorRow("participants", 2025, "hub", "hub-x", 42),
      indicatorRow("participants", 2025, "hub", "hub-unknown", 43),
    ];
    const published = publishableRows(framework, rows, countries, FIXTURE_DASHBOARD.hubs);
    expect(published.rows.map((row) => row.scope_id)).toEqual(["hub-ke"]);
    expect(published.withheld).toBe(3);
  });
});

describe("publishableDashboard", () => {
  it("keeps the reports behind every instance compute lists, and none of a protected country or a hub seated in one", () => {
    const leaked = [
      contribution("country", "BD", "r-bd-fin-2025"),
      contribution("country", "ZZ", "r-bd-fin-2025"),
      contribution("hub", "hub-bd", "r-bd-fin-2025"),
      contribution("seat", "South Asia", "r-bd-fin-2025"),
      contribution("hub", "hub-unknown", "r-ke-fin-2025"),
    ];
    const published = publishableDashboard(
      framework,
      { ...FIXTURE_DASHBOARD, contributions: [...FIXTURE_CONTRIBUTIONS, ...leaked] },
      countries,
      FIXTURE_REPORTS,
    );
    expect(published.contributions).toEqual(FIXTURE_CONTRIBUTIONS);
  });

  it("keeps a seat region's open reports when a hub seated in a protected country shares it, and drops an instance left with none", () => {
    const published = publishableDashboard(
      framework,
      {
        ...FIXTURE_DASHBOARD,
        contributions: [
          contribution("seat", "South Asia", "r-bd-fin-2025"),
          contribution("seat", "Sub-Saharan Africa", "r-bd-fin-2025", "r-ke-fin-2025"),
        ],
      },
      countries,
      FIXTURE_REPORTS,
    );
    expect(published.contributions).toEqual([contribution("seat", "Sub-Saharan Africa", "r-ke-fin-2025")]);
  });

  it("keeps only the ways of counting the framework uses: 2026.1 counts regions by their lines and has no hub or country scope", () => {
    const previous = loadFramework("2026.1");
    const published = publishableDashboard(
      previous,
      { ...FIXTURE_DASHBOARD, framework_version: "2026.1" },
      countries,
      FIXTURE_REPORTS,
    );
    expect(new Set(published.contributions.map((c) => c.basis))).toEqual(new Set(["movement", "lines"]));
  });

  it("leaves out the allocations to hubs seated in a protected country, and their seats", () => {
    const published = publishableDashboard(framework, FIXTURE_DASHBOARD, countries, FIXTURE_REPORTS);
    expect(published.allocations.map((row) => row.hub_id)).not.toContain("hub-bd");
    expect(published.allocations.map((row) => row.hub_id)).not.toContain("hub-x");
    expect(published.allocations).toHaveLength(FIXTURE_DASHBOARD.allocations.length - 2);
    expect(published.hubs.find((hub) => hub.hub_id === "hub-bd")?.country).toBe("");
    expect(published.hubs.find((hub) => hub.hub_id === "hub-ke")?.country).toBe("KE");
  });
});
