/**
 * The hand-checked scenario fixture (test/fixtures/scenarios/, see its derivation.md): a movement of one year
 * whose two scenario files, one per_editor and one level_up, are uploaded by the Global Council and computed by
 * `compute`. Every row of both published files is compared with the figures worked out by hand and by the
 * independent compute_expected.py (1e-9 relative; a change, a difference of two figures, to 1e-9 of the larger).
 * The fixture covers the floor, the cap at a hub's deployment, a hub with no deployment, a Global South weight,
 * a country with no editors, a global fund's allocation share, a hub seated in a protected country, and the
 * balance identity.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { publishIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import { readManifest } from "../../../functions/core/lake/manifest.js";
import { parseCsv } from "../../../functions/core/reporting/csv.js";
import type { ScenarioIndex } from "../../../functions/core/scenarios/published-scenarios.js";
import { SCENARIO_FIXTURE as FIXTURE, ingestScenarioFixture } from "./fixture.js";

const SCENARIOS = ["fixture-per-editor", "fixture-level-up"] as const;

let root: string;
let out: FolderStore;
let manifest: Awaited<ReturnType<typeof readManifest>>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "scenario-fixture-"));
  const lake = await ingestScenarioFixture(join(root, "lake"));
  manifest = await readManifest(lake.store);
  out = new FolderStore(join(root, "out"));
  const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
  try {
    await publishIndicators(
      { engine, lake: lake.store, output: out },
      { framework: loadFramework("2026.2"), countries: lake.dependencies.countries },
    );
  } finally {
    await engine.close();
  }
});

afterAll(() => rm(root, { recursive: true, force: true }));

const text = async (file: string) => new TextDecoder().decode((await out.get(file)) ?? new Uint8Array());
const rowsOf = (csv: string) => parseCsv(csv).records.map((record) => record.fields);

/** Every difference between a published file and its expected file: rows by position, numbers to 1e-9. */
function differences(published: string, expected: string, numeric: readonly number[], changeColumn?: number) {
  const found: string[] = [];
  const got = parseCsv(published);
  const want = parseCsv(expected);
  if (got.header?.fields.join(",") !== want.header?.fields.join(","))
    found.push(`header ${got.header?.fields.join(",")}`);
  const wantRows = want.records.map((record) => record.fields);
  const gotRows = got.records.map((record) => record.fields);
  if (gotRows.length !== wantRows.length) found.push(`${gotRows.length} rows, expected ${wantRows.length}`);
  wantRows.forEach((row, i) => {
    const other = gotRows[i] ?? [];
    row.forEach((cell, column) => {
      const actual = other[column] ?? "(none)";
      if (!numeric.includes(column) || cell === "" || actual === "") {
        if (actual !== cell) found.push(`row ${i + 2}, ${column}: ${actual}, expected ${cell}`);
        return;
      }
      const scale =
        column === changeColumn
          ? Math.max(...row.slice(column - 2, column + 1).map((value) => Math.abs(Number(value) || 0)))
          : Math.abs(Number(cell));
      if (!(Math.abs(Number(actual) - Number(cell)) <= 1e-9 * scale))
        found.push(
          `row ${i + 2} (${row.slice(2, 6).join(" ")}), column ${column}: ${actual}, expected ${cell}`,
        );
    });
  });
  return found;
}

describe.each(SCENARIOS)("the hand-checked scenario %s, as compute publishes it", (id) => {
  it("scenario-<id>.csv has exactly the expected rows, in order, with the expected figures", async () => {
    const expected = await readFile(join(FIXTURE, `expected-${id}.csv`), "utf8");
    const published = await text(`scenario-${id}.csv`);
    expect(rowsOf(published)).toHaveLength(50);
    expect(differences(published, expected, [6, 7, 8], 8)).toEqual([]);
  });

  it("scenario-<id>-hubs.csv has a row for each hub not seated in a protected country, with the expected money", async () => {
    const expected = await readFile(join(FIXTURE, `expected-${id}-hubs.csv`), "utf8");
    const published = await text(`scenario-${id}-hubs.csv`);
    expect(rowsOf(published).map((row) => row[2])).toEqual([
      "hub-br",
      "hub-de",
      "hub-fr",
      "hub-in",
      "hub-ng",
    ]);
    expect(differences(published, expected, [3, 4, 5, 6, 7, 8])).toEqual([]);
  });
});

describe("the hand-checked scenarios' index", () => {
  it("lists both scenarios with their parameters, years, evidence and what moved", async () => {
    const index = JSON.parse(await text("scenarios.json")) as ScenarioIndex;
    const evidence = (id: string) => {
      const entry = manifest.find((e) => e.scenario_id === id);
      return { report_id: entry?.report_id, sha256: entry?.sha256, uploaded_at: entry?.uploaded_at };
    };
    expect(index.framework_version).toBe("2026.2");
    expect(index.scenarios.map((s) => s.id)).toEqual(["fixture-level-up", "fixture-per-editor"]);
    const [levelUp, perEditor] = index.scenarios;
    expect(perEditor).toMatchObject({
      id: "fixture-per-editor",
      parameters: {
        contribution: { local_revenue_rate: 0.1, floor_usd: 50000, global_fund_reallocation: 0.25 },
        allocation: { rule: "per_editor", south_weight: 1.5 },
      },
      years: [2025],
      evidence: evidence("fixture-per-editor"),
      files: { figures: "scenario-fixture-per-editor.csv", hubs: "scenario-fixture-per-editor-hubs.csv" },
    });
    expect(perEditor?.summary).toEqual([
      {
        year: 2025,
        pool_usd: 39000,
        contributing_hubs: 5,
        receiving_hubs: 6,
        funding_gini: {
          baseline: expect.closeTo(0.24122117400419288, 12),
          value: expect.closeTo(0.23152187778187897, 12),
        },
        funding_theil: {
          baseline: expect.closeTo(0.11277894889104062, 12),
          value: expect.closeTo(0.10813707193888178, 12),
        },
      },
    ]);
    expect(levelUp?.summary[0]).toMatchObject({
      year: 2025,
      pool_usd: 56000,
      contributing_hubs: 4,
      receiving_hubs: 3,
    });
    expect(levelUp?.evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("publishes the pool while the withheld hub's row is left out: the published contributions fall short by its share", async () => {
    const published = rowsOf(await text("scenario-fixture-per-editor-hubs.csv"));
    const contributed = published.reduce((total, row) => total + Number(row[4]), 0);
    const received = published.reduce((total, row) => total + Number(row[5]), 0);
    expect(contributed).toBe(39000 - 3000);
    expect(received).toBe(39000 - 1828.125);
  });
});
