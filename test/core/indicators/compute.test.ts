import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FrameworkDefinitionError, loadFramework } from "../../../functions/core/framework/framework.js";
import {
  computeIndicators,
  frameworkStages,
  LakeIntegrityError,
  loadStages,
  withoutProtectedCountries,
} from "../../../functions/core/indicators/compute.js";
import type { IndicatorRow } from "../../../functions/core/indicators/indicator-row.js";
import { readManifest } from "../../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { financialCsv, impactCsv, lakeWithReference } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

async function compute(root: string, k?: number, version = "2026.1") {
  const lake = await lakeWithReference(root);
  await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
  await lake.ingest(impactCsv("wm-ng", "2025", ["NG,participants,25,", "NG,new_participants,5,"]), "wm-ng");
  await lake.ingest(impactCsv("wm-de", "2025", ["DE,participants,12,", "DE,new_participants,6,"]), "wm-de");
  const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
  try {
    return await computeIndicators(engine, loadFramework(version), {
      countries: lake.dependencies.countries,
      k,
    });
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
    const ids = loadFramework("2026.1").indicators.map((i) => i.id);
    const order = rows.map((r) => ids.indexOf(r.indicator));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("computes the newest framework by default, its rows ordered by indicator, year, scope and scope id", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    for (const year of ["2024", "2025"]) {
      await lake.ingest(financialCsv("wm-ng", year, ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
      await lake.ingest(financialCsv("wm-de", year, ["expense,staff,100,EUR,DE,,"]), "wm-de");
    }
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    const rows = await computeIndicators(engine, loadFramework(), {
      countries: lake.dependencies.countries,
    }).finally(() => engine.close());
    expect(new Set(rows.map((r) => r.framework_version))).toEqual(new Set(["2026.2"]));
    expect(
      rows.filter((r) => r.indicator === "deployed_usd").map((r) => `${r.year} ${r.scope} ${r.scope_id}`),
    ).toEqual([
      "2024 movement movement",
      "2024 region Northern & Western Europe",
      "2024 region Sub-Saharan Africa",
      "2024 hub wm-de",
      "2024 hub wm-ng",
      "2024 country DE",
      "2024 country NG",
      "2025 movement movement",
      "2025 region Northern & Western Europe",
      "2025 region Sub-Saharan Africa",
      "2025 hub wm-de",
      "2025 hub wm-ng",
      "2025 country DE",
      "2025 country NG",
    ]);
    const ids = loadFramework("2026.2").indicators.map((i) => i.id);
    const order = rows.map((r) => ids.indexOf(r.indicator));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("2026.2: gives the movement-only indicators a row, empty, in a year with reports but nothing to measure", async () => {
    const lake = await lakeWithReference(await tempDir());
    await lake.ingest(impactCsv("wm-ng", "2025", ["NG,participants,25,"]), "wm-ng");
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    const rows = await computeIndicators(engine, loadFramework("2026.2"), {
      countries: lake.dependencies.countries,
    }).finally(() => engine.close());
    const movementOnly = ["funding_gini", "funding_theil", "funding_theil_between", "funding_theil_within"];
    expect(rows.filter((r) => [...movementOnly, "redistribution_intensity"].includes(r.indicator))).toEqual(
      [...movementOnly, "redistribution_intensity"].map((indicator) => ({
        framework_version: "2026.2",
        indicator,
        year: 2025,
        scope: "movement",
        scope_id: "movement",
        value: null,
        suppressed: false,
      })),
    );
    expect(rows.some((r) => r.indicator === "deployed_usd")).toBe(false);
  });

  it("stops, rather than drop money, when an exchange rate vanished from the lake behind its back", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    await lake.ingest(financialCsv("wm-de", "2025", ["expense,staff,100,EUR,DE,,"]), "wm-de");
    const fx = (await readManifest(lake.store)).find((e) => e.kind === "fx_rates");
    await rm(join(root, fx?.curated_key as string));
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    await expect(
      computeIndicators(engine, loadFramework("2026.1"), { countries: lake.dependencies.countries }),
    ).rejects.toThrow(LakeIntegrityError);
    await engine.close();
  });
});

describe("frameworkStages", () => {
  it("runs the shared stages, then the version's own in the order its file lists them", () => {
    const names = frameworkStages(loadFramework("2026.2")).map(([name]) => name);
    const shared = frameworkStages(loadFramework("2026.1")).map(([name]) => name);
    expect(shared).toEqual(loadStages().map(([name]) => name));
    expect(names.slice(0, shared.length)).toEqual(shared);
    expect(names.slice(shared.length)).toEqual([
      "hub_country_facts",
      "scope_members",
      "scope_facts",
      "scope_languages",
      "theil_groups",
      "report_years",
    ]);
  });

  it("refuses a version's stage that would replace a shared one", () => {
    const framework = loadFramework("2026.2");
    const replacing = () => frameworkStages({ ...framework, stages: ["stages/05_financial_facts.sql"] });
    expect(replacing).toThrow(FrameworkDefinitionError);
    expect(replacing).toThrow(
      "framework 2026.2: stage stages/05_financial_facts.sql would replace the stage financial_facts",
    );
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
