import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadStages, readQuery } from "../../../functions/core/indicators/compute.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { tempDir } from "../../helpers/temp.js";

/**
 * The framework's inequality SQL against published reference values: R's `ineq` package, equal weights,
 * for x = 541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261 — Gini 0.4620911, Theil T 0.3623412.
 * Each value is deployed funds D_c in a country with one editor (E_c = 1), so x_c = D_c / E_c.
 */
const X = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261];
const COUNTRIES = ["NG", "KE", "GH", "IN", "BR", "DE", "FR", "US", "JP", "AU"];

async function engineWith(facts: { country: string; deployed: number; editors: number }[]) {
  const countries = bundledCountryTable();
  const engine = await DuckDbEngine.open({ lake: new FolderStore(await tempDir()), countries });
  const stages = new Map(loadStages());
  await engine.stage("geography", stages.get("geography") as string);
  const values = facts.map((f) => `(2025, '${f.country}', ${f.deployed}, ${f.editors})`).join(", ");
  await engine.stage(
    "country_facts",
    `SELECT f.year, f.country, g.region, CAST(f.deployed AS DOUBLE) AS deployed_usd, CAST(f.editors AS DOUBLE) AS editors
     FROM (VALUES ${values}) AS f(year, country, deployed, editors) JOIN geography g ON g.country = f.country`,
  );
  await engine.stage("editor_countries", stages.get("editor_countries") as string);
  await engine.stage("theil_components", stages.get("theil_components") as string);
  return engine;
}

async function indicator(engine: DuckDbEngine, id: string): Promise<number | null> {
  const [row] = await engine.query(readQuery(`indicators/${id}.sql`));
  return (row?.value ?? null) as number | null;
}

describe("inequality indices", () => {
  it("match R ineq's Gini and Theil T for the reference vector", async () => {
    const engine = await engineWith(
      X.map((x, i) => ({ country: COUNTRIES[i] as string, deployed: x, editors: 1 })),
    );
    expect(await indicator(engine, "funding_gini")).toBeCloseTo(0.4620911, 7);
    expect(await indicator(engine, "funding_theil")).toBeCloseTo(0.3623412, 7);
    await engine.close();
  });

  it("weight countries by editors: a country of 3 editors counts as 3 countries of the same x", async () => {
    const weighted = await engineWith([
      { country: "NG", deployed: 300, editors: 3 },
      { country: "DE", deployed: 900, editors: 1 },
    ]);
    const expanded = await engineWith([
      { country: "NG", deployed: 100, editors: 1 },
      { country: "KE", deployed: 100, editors: 1 },
      { country: "GH", deployed: 100, editors: 1 },
      { country: "DE", deployed: 900, editors: 1 },
    ]);
    const gini = await indicator(weighted, "funding_gini");
    expect(gini).toBeCloseTo((await indicator(expanded, "funding_gini")) as number, 12);
    // By hand: x = (100, 100, 100, 900), mean 300; Σ|xi − xj| over ordered pairs = 6·800 = 4800; G = 4800 / (2·16·300) = 0.5
    expect(gini).toBeCloseTo(0.5, 12);
    await weighted.close();
    await expanded.close();
  });

  it("split Theil T into between- and within-region parts that add up", async () => {
    const engine = await engineWith([
      { country: "NG", deployed: 100, editors: 10 },
      { country: "KE", deployed: 400, editors: 10 },
      { country: "DE", deployed: 1000, editors: 5 },
      { country: "FR", deployed: 500, editors: 5 },
    ]);
    const theil = (await indicator(engine, "funding_theil")) as number;
    const between = (await indicator(engine, "funding_theil_between")) as number;
    const within = (await indicator(engine, "funding_theil_within")) as number;
    // By hand: Sub-Saharan Africa s = 0.25, p = 2/3; Northern & Western Europe s = 0.75, p = 1/3
    expect(between).toBeCloseTo(0.25 * Math.log(0.25 / (2 / 3)) + 0.75 * Math.log(0.75 / (1 / 3)), 12);
    expect(between + within).toBeCloseTo(theil, 12);
    expect(within).toBeGreaterThan(0);
    await engine.close();
  });

  it("are 0 when funds follow editors exactly, and null when nothing was deployed", async () => {
    const even = await engineWith([
      { country: "NG", deployed: 200, editors: 2 },
      { country: "DE", deployed: 500, editors: 5 },
    ]);
    expect(await indicator(even, "funding_gini")).toBeCloseTo(0, 12);
    expect(await indicator(even, "funding_theil")).toBeCloseTo(0, 12);
    await even.close();
    const nothing = await engineWith([{ country: "NG", deployed: 0, editors: 2 }]);
    expect(await indicator(nothing, "funding_gini")).toBeNull();
    expect(await indicator(nothing, "funding_theil")).toBeNull();
    await nothing.close();
  });
});
