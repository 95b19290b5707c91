import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { computeDashboardData, type DashboardData } from "../../functions/core/dashboards/dashboard-data.js";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { computeIndicators } from "../../functions/core/indicators/compute.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { COUNCIL } from "../../functions/core/reporting/kinds.js";
import { DEFAULT_SAMPLE_YEARS, generateSample } from "../../functions/sample/generate.js";
import { ingestSamplePlan } from "../../functions/sample/ingest-plan.js";
import { HUB_PROFILES } from "../../functions/sample/profiles.js";
import { tempDir } from "../helpers/temp.js";

const countries = bundledCountryTable();
/** The sample's hub seated in a protected country, and its hub that works in Antarctica. */
const PROTECTED_SEAT_HUB = "pakistan";
const ANTARCTIC_HUB = "polar";
/** The hubs seated in South Asia, the region of the protected seat. */
const SOUTH_ASIA_HUBS = HUB_PROFILES.filter(
  (hub) => countries.byCode.get(hub.seat)?.wikimediaRegion === "South Asia",
).map((hub) => hub.id);

let rows: IndicatorRow[];
let rows2026_1: IndicatorRow[];
let dashboard: DashboardData;

/** The sample's council files, the global fund and the South Asian and polar hubs, computed with 2026.2. */
beforeAll(async () => {
  const dir = await tempDir();
  const samples = join(dir, "samples");
  const { uploads } = await generateSample({ outDir: samples, financialLines: 0 });
  const wanted = new Set([COUNCIL, "global-fund", ANTARCTIC_HUB, ...SOUTH_ASIA_HUBS]);
  const subset = uploads.filter((upload) => upload.expect === "accepted" && wanted.has(upload.uploader));
  for await (const { upload, outcome } of ingestSamplePlan(samples, subset, join(dir, "lake")))
    expect(outcome.status, upload.file).toBe("accepted");
  const engine = await DuckDbEngine.open({ lake: new FolderStore(join(dir, "lake")), countries });
  try {
    rows2026_1 = await computeIndicators(engine, loadFramework("2026.1"), { countries });
    rows = await computeIndicators(engine, loadFramework("2026.2"), { countries });
    dashboard = await computeDashboardData(engine, { frameworkVersion: "2026.2" });
  } finally {
    await engine.close();
  }
}, 120_000);

const figure = (indicator: string, year: number, scope: string, scopeId: string) =>
  rows.find(
    (r) => r.indicator === indicator && r.year === year && r.scope === scope && r.scope_id === scopeId,
  );

describe("the sample movement under framework 2026.2", () => {
  it("has a hub seated in a protected country, and lines in Antarctica", () => {
    expect(SOUTH_ASIA_HUBS).toContain(PROTECTED_SEAT_HUB);
    const seat = HUB_PROFILES.find((hub) => hub.id === PROTECTED_SEAT_HUB)?.seat ?? "";
    expect(countries.byCode.get(seat)?.isProtected).toBe(true);
    expect(HUB_PROFILES.find((hub) => hub.id === ANTARCTIC_HUB)?.activity).toContain("AQ:");
  });

  it("publishes no hub figure of the hub seated in a protected country, and nothing for that country", () => {
    expect(rows.filter((r) => r.scope === "hub" && r.scope_id === PROTECTED_SEAT_HUB)).toEqual([]);
    expect(
      rows.filter((r) => r.scope === "country" && countries.byCode.get(r.scope_id)?.isProtected),
    ).toEqual([]);
    expect(rows.filter((r) => r.scope === "hub").length).toBeGreaterThan(0);
  });

  it("leaves that hub out of its region's seat figures and keeps it in the movement's", () => {
    for (const year of DEFAULT_SAMPLE_YEARS) {
      const population = (hubs: readonly string[]) =>
        dashboard.reporting_status.filter((r) => r.year === year && hubs.includes(r.hub_id));
      const rate = (statuses: readonly { status: string }[]) =>
        statuses.filter((s) => s.status === "complete").length / statuses.length;
      const seated = population(SOUTH_ASIA_HUBS.filter((hub) => hub !== PROTECTED_SEAT_HUB));
      expect(figure("reporting_rate", year, "region", "South Asia")?.value).toBeCloseTo(rate(seated), 12);
      const all = dashboard.reporting_status.filter((r) => r.year === year);
      expect(all.some((r) => r.hub_id === PROTECTED_SEAT_HUB)).toBe(true);
      expect(figure("reporting_rate", year, "movement", "movement")?.value).toBeCloseTo(rate(all), 12);
    }
  });

  it("counts Antarctica as a country in no region, a group of its own in the Theil decomposition", () => {
    for (const year of DEFAULT_SAMPLE_YEARS) {
      expect(figure("participants", year, "country", "AQ")?.value).toBeGreaterThan(10);
      const total = figure("funding_theil", year, "movement", "movement")?.value ?? Number.NaN;
      const between = figure("funding_theil_between", year, "movement", "movement")?.value ?? Number.NaN;
      const within = figure("funding_theil_within", year, "movement", "movement")?.value ?? Number.NaN;
      expect(between + within).toBeCloseTo(total, 12);
      expect(within).toBeGreaterThanOrEqual(0);
    }
    const withEditors = DEFAULT_SAMPLE_YEARS.filter(
      (year) => (figure("deployed_per_editor_usd", year, "country", "AQ")?.value ?? 0) > 0,
    );
    expect(withEditors.length).toBeGreaterThan(0);
    for (const year of withEditors) {
      const before = rows2026_1.find((r) => r.indicator === "funding_theil_between" && r.year === year);
      expect(figure("funding_theil_between", year, "movement", "movement")?.value).not.toBeCloseTo(
        before?.value ?? Number.NaN,
        6,
      );
    }
    expect(rows.filter((r) => r.scope === "region" && !countries.regions.includes(r.scope_id))).toEqual([]);
  });
});
