import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import {
  computeIndicators,
  LakeIntegrityError,
  withoutProtectedCountries,
} from "../../../functions/core/indicators/compute.js";
import type { IndicatorRow } from "../../../functions/core/indicators/indicator-row.js";
import { readManifest } from "../../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { financialCsv, impactCsv, lakeWithReference } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

async function compute(root: string, k?: number) {
  const lake = await lakeWithReference(root);
  await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
  await lake.ingest(impactCsv("wm-ng", "2025", ["NG,participants,25,", "NG,new_participants,5,"]), "wm-ng");
  await lake.ingest(impactCsv("wm-de", "2025", ["DE,participants,12,", "DE,new_participants,6,"]), "wm-de");
  const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
  try {
    return await computeIndicators(engine, loadFramework(), { countries: lake.dependencies.countries, k });
  } finally {
    await engine.close();
  }
}

const find = (rows: IndicatorRow[], indicator: string, scopeId: string) =>
  rows.find((r) => r.indicator === indicator && r.scope_id === scopeId && r.year === 2025);

describe("computeIndicators", () => {
  it("suppresses region outcomes figures below k participants, never the movement figure", async () => {
    const atTen = await compute(await tempDir());
    expect(find(atTen, "newcomer_share", "Sub-Saharan Africa")).toMatchObject({
      value: 0.2,
      suppressed: false,
    });
    expect(find(atTen, "newcomer_share", "Northern & Western Europe")).toMatchObject({
      value: 0.5,
      suppressed: false,
    });
    const atTwenty = await compute(await tempDir(), 20);
    expect(find(atTwenty, "newcomer_share", "Northern & Western Europe")).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(find(atTwenty, "participants", "Northern & Western Europe")).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(find(atTwenty, "participants", "movement")).toMatchObject({ value: 37, suppressed: false });
  });

  it("labels every row with the framework version that made it, in a stable order", async () => {
    const rows = await compute(await tempDir());
    expect(new Set(rows.map((r) => r.framework_version))).toEqual(new Set(["2026.1"]));
    const ids = loadFramework().indicators.map((i) => i.id);
    const order = rows.map((r) => ids.indexOf(r.indicator));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("stops, rather than drop money, when an exchange rate vanished from the lake behind its back", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    await lake.ingest(financialCsv("wm-de", "2025", ["expense,staff,100,EUR,DE,,"]), "wm-de");
    const fx = (await readManifest(lake.store)).find((e) => e.kind === "fx_rates");
    await rm(join(root, fx?.curated_key as string));
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    await expect(
      computeIndicators(engine, loadFramework(), { countries: lake.dependencies.countries }),
    ).rejects.toThrow(LakeIntegrityError);
    await engine.close();
  });
});

describe("withoutProtectedCountries", () => {
  it("drops country-scope rows of protected countries and keeps the rest", () => {
    const row = (scope: IndicatorRow["scope"], scope_id: string): IndicatorRow => ({
      framework_version: "2026.1",
      indicator: "participants",
      year: 2025,
      scope,
      scope_id,
      value: 1,
      suppressed: false,
    });
    const countries = bundledCountryTable();
    expect(countries.byCode.get("AF")?.isProtected).toBe(true);
    const kept = withoutProtectedCountries(
      [row("country", "AF"), row("country", "DE"), row("country", "ZZ"), row("region", "South Asia")],
      countries,
    );
    expect(kept.map((r) => r.scope_id)).toEqual(["DE", "South Asia"]);
  });
});
