import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import {
  type AllocationRow,
  computeDashboardData,
  type DashboardData,
  dashboardToJson,
  LORENZ_EDITOR_SHARES,
  type LorenzVertex,
  lorenzVertices,
  readDashboardData,
  resampleLorenz,
} from "../../../functions/core/dashboards/dashboard-data.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import type { IndicatorRow } from "../../../functions/core/indicators/indicator-row.js";
import { PUBLISHED_FILES, publishIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import { csvField } from "../../../functions/core/reporting/csv.js";
import { ingestHandchecked } from "../../helpers/handchecked.js";
import { FX_CSV, financialCsv, impactCsv, lakeAt } from "../../helpers/movement.js";
import { roughly } from "../../helpers/roughly.js";
import { tempDir } from "../../helpers/temp.js";

/** The trapezoid Gini of a year's exact Lorenz vertices: 1 − Σ (x_k − x_{k−1})(y_k + y_{k−1}), from (0, 0). */
function trapezoidGini(vertices: readonly LorenzVertex[]): number {
  let area = 0;
  let [x, y] = [0, 0];
  for (const vertex of vertices) {
    area += (vertex.editor_share - x) * (vertex.funding_share + y);
    [x, y] = [vertex.editor_share, vertex.funding_share];
  }
  return 1 - area;
}

/** The indicator's movement value per year. */
const movementValues = (rows: readonly IndicatorRow[], indicator: string) =>
  new Map(
    rows.filter((r) => r.indicator === indicator && r.scope === "movement").map((r) => [r.year, r.value]),
  );

/** Checks the invariants that tie the dashboard data to the indicators computed on the same engine. */
function expectConsistentWithIndicators(
  data: DashboardData,
  vertices: readonly LorenzVertex[],
  rows: readonly IndicatorRow[],
) {
  const gini = movementValues(rows, "funding_gini");
  const curveYears = [...new Set(vertices.map((v) => v.year))];
  expect(curveYears).toEqual([...gini].filter(([, value]) => value !== null).map(([year]) => year));
  for (const year of curveYears)
    expect(
      Math.abs(trapezoidGini(vertices.filter((v) => v.year === year)) - (gini.get(year) as number)),
      `funding_gini ${year}`,
    ).toBeLessThanOrEqual(1e-9);
  expect([...new Set(data.lorenz.map((p) => p.year))]).toEqual(curveYears);
  for (const year of curveYears)
    expect(data.lorenz.filter((p) => p.year === year).map((p) => p.editor_share)).toEqual(
      LORENZ_EDITOR_SHARES,
    );

  const rate = movementValues(rows, "reporting_rate");
  const statusYears = [...new Set(data.reporting_status.map((r) => r.year))];
  expect(statusYears).toEqual([...rate.keys()]);
  for (const year of statusYears) {
    const hubs = data.reporting_status.filter((r) => r.year === year);
    const complete = hubs.filter((r) => r.financial === "complete" && r.impact === "complete");
    expect(complete.length / hubs.length, `reporting_rate ${year}`).toBe(rate.get(year));
  }
}

describe("dashboard data of the hand-checked fixture (derivation.md, section 7)", () => {
  let data: DashboardData;
  let vertices: LorenzVertex[];
  let rows: IndicatorRow[];
  const fileOf = new Map<string, string>();

  beforeAll(async () => {
    const { lake, outcomes } = await ingestHandchecked();
    for (const { file, outcome } of outcomes) {
      if (outcome.status !== "accepted") throw new Error(`${file} was ${outcome.status}`);
      fileOf.set(outcome.entry.report_id, file.slice(0, 2));
    }
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    try {
      rows = await computeIndicators(engine, loadFramework(), { countries: lake.dependencies.countries });
      data = await computeDashboardData(engine, { frameworkVersion: "2026.1" });
      vertices = await lorenzVertices(engine);
    } finally {
      await engine.close();
    }
  });

  it("lists the current registry, each hub with its seat's region", () => {
    expect(data.framework_version).toBe("2026.1");
    expect(data.hubs).toEqual([
      hub("global-fund", "Global Fund (Basic Support System)", "global", "US", "North America", 2024),
      hub("hub-de", "Central Europe Hub", "regional", "DE", "Northern & Western Europe", 2024),
      hub("hub-in", "Open Knowledge South Asia", "thematic", "IN", "South Asia", 2024),
      hub("hub-ke", "East Africa Hub", "regional", "KE", "Sub-Saharan Africa", 2024),
      hub("hub-pt", "Lusophone Hub", "linguistic", "BR", "Latin America & Caribbean", 2025),
    ]);
  });

  it("lists the years each currency has a rate, once each (EUR 2025 was uploaded twice), without the rates", () => {
    expect(data.exchange_rate_years).toEqual([
      { currency: "EUR", year: 2024 },
      { currency: "EUR", year: 2025 },
      { currency: "INR", year: 2024 },
      { currency: "INR", year: 2025 },
      { currency: "KES", year: 2024 },
      { currency: "KES", year: 2025 },
    ]);
  });

  it("gives each active hub's reporting state per kind: hub-ke's impact Q1–Q3 is partial, hub-in's missing", () => {
    expect(
      data.reporting_status.map((r) => `${r.year} ${r.hub_id} ${r.financial}/${r.impact} → ${r.status}`),
    ).toEqual([
      "2024 hub-de complete/complete → complete",
      "2024 hub-in complete/missing → partial",
      "2024 hub-ke complete/partial → partial",
      "2025 hub-de complete/complete → complete",
      "2025 hub-in complete/complete → complete",
      "2025 hub-ke complete/complete → complete",
      "2025 hub-pt complete/complete → complete",
    ]);
  });

  it("reconciles each allocation with its receipt; hub-ke 2025 is 350 USD short, exactly 1%, so matched", () => {
    const allocation = (
      year: number,
      hub_id: string,
      allocated_usd: number,
      received_usd: number,
    ): AllocationRow => ({
      year,
      hub_id,
      allocated_usd,
      received_usd,
      allocated_lines: 1,
      received_lines: 1,
      gap_usd: received_usd - allocated_usd,
      state: "matched",
    });
    expect(data.allocations).toEqual(
      [
        allocation(2024, "hub-in", 12000, 12000),
        allocation(2024, "hub-ke", 30000, 30000),
        allocation(2025, "hub-in", 10000, 10030),
        allocation(2025, "hub-ke", 35000, 34650),
        allocation(2025, "hub-pt", 8000, 8000),
      ].map(roughly),
    );
  });

  it("records which current report fed which region by its lines (the superseded hub-de 2024 v1, file 05, fed none)", () => {
    const got = data.contributions
      .filter((c) => c.basis === "lines")
      .flatMap((c) => c.report_ids.map((id) => `${c.year} ${c.scope_id}: ${fileOf.get(id)}`));
    const expected = Object.entries({
      "2024 North America": ["04"],
      "2024 Northern & Western Europe": ["04", "06", "12"],
      "2024 South Asia": ["04", "11"],
      "2024 Sub-Saharan Africa": ["04", "07", "08", "09", "10", "12"],
      "2025 Latin America & Caribbean": ["13", "26", "27"],
      "2025 North America": ["13"],
      "2025 Northern & Western Europe": ["13", "14", "15"],
      "2025 South Asia": ["13", "24", "25"],
      "2025 Sub-Saharan Africa": ["13", "16", "17", "18", "19", "20", "21", "22", "23"],
    }).flatMap(([key, files]) => files.map((file) => `${key}: ${file}`));
    expect([...got].sort()).toEqual(expected);
    const movement = data.contributions.filter((c) => c.basis === "movement");
    expect(movement.flatMap((c) => c.report_ids.map((id) => `${c.year} ${fileOf.get(id)}`)).sort()).toEqual([
      ...["04", "06", "07", "08", "09", "10", "11", "12"].map((file) => `2024 ${file}`),
      ...Array.from({ length: 15 }, (_, i) => `2025 ${String(13 + i)}`),
    ]);
    const keys = data.contributions.map((c) => [c.year, c.basis, c.scope_id].join("|"));
    expect(keys).toEqual([...new Set(keys)].sort());
    for (const c of data.contributions) expect(c.report_ids).toEqual([...new Set(c.report_ids)].sort());
  });

  it("has the Lorenz vertices worked out by hand, and publishes only the 21 resampled points per year", () => {
    expect(vertices.map((v) => [v.year, v.editor_share, v.funding_share])).toEqual(
      [
        [2024, 40 / 305, 3240 / 64074.27375],
        [2024, 45 / 305, 3990 / 64074.27375],
        [2024, 245 / 305, 36174.27 / 64074.27375],
        [2024, 1, 1],
        [2025, 45 / 375, 2240 / 73150.5659],
        [2025, 255 / 375, 39200.56 / 73150.5659],
        [2025, 261 / 375, 40355.56 / 73150.5659],
        [2025, 341 / 375, 60760.56 / 73150.5659],
        [2025, 345 / 375, 61940.56 / 73150.5659],
        [2025, 1, 1],
      ].map(roughly),
    );
    const at = (year: number, share: number) =>
      data.lorenz.find((p) => p.year === year && p.editor_share === share)?.funding_share;
    expect(data.lorenz).toHaveLength(42);
    expect(at(2024, 0)).toBe(0);
    expect(at(2024, 0.05)).toBeCloseTo((0.05 * 81) / (64074.27375 / 305), 12);
    expect(at(2024, 0.5)).toBeCloseTo((3990 + (0.5 * 305 - 45) * 160.92135) / 64074.27375, 12);
    expect(at(2025, 1)).toBe(1);
    const published = new Set(data.lorenz.map((p) => p.editor_share));
    for (const vertex of vertices.filter((v) => v.editor_share < 1))
      expect(published.has(vertex.editor_share)).toBe(false);
  });

  it("agrees with the indicators: trapezoid Gini = funding_gini, complete share = reporting_rate", () => {
    expectConsistentWithIndicators(data, vertices, rows);
  });

  it("reads back from its published JSON unchanged", () => {
    const json = dashboardToJson(data);
    expect(json.split("\n")).toHaveLength(2);
    expect(Object.keys(JSON.parse(json))).toEqual([
      "framework_version",
      "hubs",
      "reporting_status",
      "allocations",
      "lorenz",
      "contributions",
      "exchange_rate_years",
    ]);
    expect(readDashboardData(json)).toEqual(data);
  });
});

describe("the reports behind each scope instance, on the extended hand-checked fixture (2026)", () => {
  let data: DashboardData;
  const fileOf = new Map<string, string>();

  beforeAll(async () => {
    const { lake, outcomes } = await ingestHandchecked({ extended: true });
    for (const { file, outcome } of outcomes) {
      if (outcome.status !== "accepted") throw new Error(`${file} was ${outcome.status}`);
      fileOf.set(outcome.entry.report_id, file.slice(0, 2));
    }
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    try {
      await computeIndicators(engine, loadFramework("2026.2"), { countries: lake.dependencies.countries });
      data = await computeDashboardData(engine, { frameworkVersion: "2026.2" });
    } finally {
      await engine.close();
    }
  });

  /**
   * Worked out from the 2026 files by hand: 30 global fund (US, AQ, EG, KE, JO), 31 hub-de financial (DE, US,
   * AQ, FR), 32 hub-de impact (DE, AQ), 33 hub-ke financial (KE, NG), 34 hub-ke impact (KE, NG, GB), 35 and
   * 36 hub-eg (EG, JO), hub-eg seated in Egypt, which is protected; Antarctica (AQ) has no region.
   */
  it("lists each instance's reports: none for Egypt or hub-eg, no seat region for hub-eg, Antarctica as a country only", () => {
    const got = new Map<string, string[]>();
    for (const c of data.contributions.filter((c) => c.year === 2026)) {
      const key = `${c.basis} ${c.scope_id}`;
      expect(got.has(key)).toBe(false);
      got.set(key, c.report_ids.map((id) => fileOf.get(id) ?? id).sort());
    }
    expect(Object.fromEntries([...got].sort(([a], [b]) => a.localeCompare(b)))).toEqual({
      "country AQ": ["30", "31", "32"],
      "country DE": ["31", "32"],
      "country FR": ["31"],
      "country GB": ["34"],
      "country JO": ["30", "35", "36"],
      "country KE": ["30", "33", "34"],
      "country NG": ["33", "34"],
      "country US": ["30", "31"],
      "hub global-fund": ["30"],
      "hub hub-de": ["31", "32"],
      "hub hub-ke": ["33", "34"],
      "lines Middle East & North Africa": ["30", "35", "36"],
      "lines North America": ["30", "31"],
      "lines Northern & Western Europe": ["31", "32", "34"],
      "lines Sub-Saharan Africa": ["30", "33", "34"],
      "movement movement": ["30", "31", "32", "33", "34", "35", "36"],
      "seat North America": ["30"],
      "seat Northern & Western Europe": ["31", "32"],
      "seat Sub-Saharan Africa": ["33", "34"],
    });
    for (const c of data.contributions)
      expect(c.scope, `${c.basis} ${c.scope_id}`).toBe(
        { movement: "movement", lines: "region", seat: "region", hub: "hub", country: "country" }[c.basis],
      );
  });
});

const HOSTILE_NAME = `=cmd|' /C calc'!A0 "Hub" <script>alert('x')</script> & <b>Ünïcødé</b> ✊🏽`;

const HOSTILE_HUBS = `hub_id,name,kind,country,active_from,active_to
global-fund,Global Fund,global,US,2024,
hub-a,${csvField(HOSTILE_NAME)},regional,NG,2024,
hub-b,Hub B,regional,DE,2024,
hub-c,Hub C,thematic,BR,2024,2024
`;

/**
 * A small lake built to reach every allocation state and reporting state: in 2024 hub-a books 700 USD of a
 * 1000 USD allocation (gap), hub-b books nothing of 500 (not reported), hub-c books 200 that was never
 * allocated (not allocated); in 2025 hub-a books 49.40 of 50 (matched: within 1 USD) and nothing is deployed.
 */
async function hostileLake() {
  const root = await tempDir();
  const lake = lakeAt(join(root, "lake"));
  const uploads: [string, string][] = [
    [HOSTILE_HUBS, "council"],
    [FX_CSV, "council"],
    [
      financialCsv("global-fund", "2024", [
        "grant,hub_allocation,1000,USD,NG,hub-a,",
        "grant,hub_allocation,500,USD,DE,hub-b,",
        "expense,staff,100,USD,US,,",
      ]),
      "global-fund",
    ],
    [
      financialCsv("hub-a", "2024", [
        "revenue,movement_allocation,1000000,NGN,NG,,",
        "expense,programs,500000,NGN,NG,,",
      ]),
      "hub-a",
    ],
    [impactCsv("hub-a", "2024", ["NG,active_editors,10,", "NG,participants,12,"]), "hub-a"],
    [impactCsv("hub-b", "2024-Q1", ["DE,active_editors,4,"]), "hub-b"],
    [financialCsv("hub-c", "2024", ["revenue,movement_allocation,200,USD,BR,,"]), "hub-c"],
    [financialCsv("global-fund", "2025", ["grant,hub_allocation,50,USD,NG,hub-a,"]), "global-fund"],
    [financialCsv("hub-a", "2025", ["revenue,movement_allocation,76000,NGN,NG,,"]), "hub-a"],
    [impactCsv("hub-a", "2025", ["NG,active_editors,12,"]), "hub-a"],
  ];
  for (const [text, uploader] of uploads) {
    const outcome = await lake.ingest(text, uploader);
    if (outcome.status !== "accepted") throw new Error(`${uploader}: ${JSON.stringify(outcome.problems)}`);
  }
  return { root, lake };
}

describe("dashboard data of a small lake with every state", () => {
  it("flags gaps, unreported and unallocated money, missing reporting, and draws no curve for 2025", async () => {
    const { root, lake } = await hostileLake();
    const output = new FolderStore(join(root, "out"));
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    try {
      const published = await publishIndicators(
        { engine, lake: lake.store, output },
        { framework: loadFramework(), countries: lake.dependencies.countries },
      );
      const data = published.dashboard;
      expect(data.allocations.map((r) => `${r.year} ${r.hub_id} ${r.state}`)).toEqual([
        "2024 hub-a gap",
        "2024 hub-b not-reported",
        "2024 hub-c not-allocated",
        "2025 hub-a matched",
      ]);
      expect(data.allocations[0]).toEqual(
        roughly({
          year: 2024,
          hub_id: "hub-a",
          allocated_usd: 1000,
          received_usd: 700,
          allocated_lines: 1,
          received_lines: 1,
          gap_usd: -300,
          state: "gap",
        }),
      );
      expect(data.allocations[1]).toMatchObject({ allocated_usd: 500, received_usd: 0, received_lines: 0 });
      expect(data.allocations[2]).toMatchObject({ allocated_usd: 0, received_usd: 200, allocated_lines: 0 });
      expect(data.allocations[3]?.gap_usd).toBeCloseTo(-0.6, 9);

      expect(
        data.reporting_status.map((r) => `${r.year} ${r.hub_id} ${r.financial}/${r.impact} → ${r.status}`),
      ).toEqual([
        "2024 hub-a complete/complete → complete",
        "2024 hub-b missing/partial → partial",
        "2024 hub-c complete/missing → partial",
        "2025 hub-a complete/complete → complete",
        "2025 hub-b missing/missing → missing",
      ]);
      expect(new Set(data.lorenz.map((p) => p.year))).toEqual(new Set([2024]));
      expectConsistentWithIndicators(data, await lorenzVertices(engine), published.rows);

      const file = await output.get(PUBLISHED_FILES.dashboard);
      const read = readDashboardData(new TextDecoder().decode(file as Uint8Array));
      expect(read).toEqual(data);
      expect(read.hubs.find((h) => h.hub_id === "hub-a")?.name).toBe(HOSTILE_NAME);
      expect(read.hubs.find((h) => h.hub_id === "hub-c")).toMatchObject({
        active_to: 2024,
        region: "Latin America & Caribbean",
      });
    } finally {
      await engine.close();
    }
  });
});

describe("resampleLorenz", () => {
  it("interpolates along the polyline from (0, 0) at the 21 editor shares, year by year", () => {
    const points = resampleLorenz([
      { year: 2025, editor_share: 1, funding_share: 1 },
      { year: 2024, editor_share: 0.5, funding_share: 0.2 },
      { year: 2024, editor_share: 1, funding_share: 1 },
      { year: 2025, editor_share: 0.1, funding_share: 0 },
    ]);
    expect(points).toHaveLength(42);
    const at = (year: number, share: number) =>
      points.find((p) => p.year === year && p.editor_share === share)?.funding_share;
    expect(points.slice(0, 21).map((p) => p.year)).toEqual(Array(21).fill(2024));
    expect(at(2024, 0.25)).toBeCloseTo(0.1, 15);
    expect(at(2024, 0.5)).toBeCloseTo(0.2, 15);
    expect(at(2024, 0.75)).toBeCloseTo(0.6, 15);
    expect(at(2025, 0.1)).toBe(0);
    expect(at(2025, 0.55)).toBeCloseTo(0.5, 15);
    expect(at(2025, 1)).toBe(1);
  });

  it("ends every curve at (1, 1) even when the running sums fall short by a rounding", () => {
    const points = resampleLorenz([
      { year: 2024, editor_share: 0.4, funding_share: 0.1 },
      { year: 2024, editor_share: 0.9999999999999998, funding_share: 0.9999999999999997 },
    ]);
    expect(points.at(-1)).toEqual({ year: 2024, editor_share: 1, funding_share: 1 });
    const shares = points.map((p) => p.funding_share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it("publishes nothing for no vertices", () => {
    expect(resampleLorenz([])).toEqual([]);
  });
});

describe("readDashboardData", () => {
  const minimal = {
    framework_version: "2026.1",
    hubs: [],
    reporting_status: [],
    allocations: [],
    lorenz: [],
    contributions: [],
    exchange_rate_years: [],
  };

  it("refuses a file that is not a dashboard file, saying what is wrong", async () => {
    expect(() => readDashboardData("framework_version,indicator,year\n")).toThrow(
      /not a dashboard file: it is not JSON/,
    );
    expect(() => readDashboardData("[]")).toThrow(/not a dashboard file: it is not a JSON object/);
    expect(() => readDashboardData(JSON.stringify({ ...minimal, framework_version: 2026 }))).toThrow(
      /framework_version must be a non-empty string/,
    );
    const { lorenz: _, ...noLorenz } = minimal;
    expect(() => readDashboardData(JSON.stringify(noLorenz))).toThrow(
      /not a dashboard file: lorenz must be a list/,
    );
    const badState = {
      ...minimal,
      reporting_status: [
        { year: 2024, hub_id: "a", financial: "complete", impact: "done", status: "partial" },
      ],
    };
    expect(() => readDashboardData(JSON.stringify(badState))).toThrow(
      "not a dashboard file: reporting_status[0].impact must be one of complete, partial, missing",
    );
    expect(() =>
      readDashboardData(
        JSON.stringify({ ...minimal, lorenz: [{ year: 2024, editor_share: 0.5, funding_share: 2 }] }),
      ),
    ).toThrow(/lorenz\[0\].funding_share must be a number from 0 to 1/);
    const badBasis = {
      ...minimal,
      contributions: [
        { year: 2024, basis: "seats", scope: "region", scope_id: "North America", report_ids: ["r"] },
      ],
    };
    expect(() => readDashboardData(JSON.stringify(badBasis))).toThrow(
      "not a dashboard file: contributions[0].basis must be one of movement, lines, seat, hub, country",
    );
    const behind = (report_ids: unknown) => ({
      ...minimal,
      contributions: [{ year: 2024, basis: "movement", scope: "movement", scope_id: "movement", report_ids }],
    });
    for (const bad of ["r-a", [], ["r-b", "r-a"], ["r-a", "r-a"], ["r-a", 7], [""]])
      expect(() => readDashboardData(JSON.stringify(behind(bad)))).toThrow(
        "not a dashboard file: contributions[0].report_ids must be a non-empty list of distinct strings in order",
      );
    expect(readDashboardData(JSON.stringify(behind(["r-a", "r-b"]))).contributions[0]?.report_ids).toEqual([
      "r-a",
      "r-b",
    ]);
    expect(readDashboardData(JSON.stringify(minimal))).toEqual(minimal);
  });
});

function hub(
  hub_id: string,
  name: string,
  kind: string,
  country: string,
  region: string | null,
  active_from: number,
) {
  return { hub_id, name, kind, country, region, active_from, active_to: null };
}
