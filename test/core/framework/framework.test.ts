import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  FRAMEWORK_SCHEMA_FILE,
  FrameworkDefinitionError,
  frameworkVersions,
  loadFramework,
  newestFrameworkVersion,
  QUERIES_DIR,
  targetMet,
  UnknownFrameworkVersionError,
} from "../../../functions/core/framework/framework.js";
import { tempDir } from "../../helpers/temp.js";

/** framework-2026.2.md, "Scopes": each indicator's scopes, and the indicators whose region counts by seat. */
const SCOPES_2026_2: Record<string, string[]> = {
  deployed_usd: ["movement", "region", "hub", "country"],
  deployed_per_editor_usd: ["movement", "region", "hub", "country"],
  global_south_share: ["movement", "hub"],
  funding_gini: ["movement"],
  funding_theil: ["movement"],
  funding_theil_between: ["movement"],
  funding_theil_within: ["movement"],
  underrepresented_grant_share: ["movement", "region", "hub"],
  local_revenue_share: ["movement", "region", "hub"],
  board_global_south_share: ["movement", "region", "hub"],
  board_women_share: ["movement", "region", "hub"],
  participants: ["movement", "region", "hub", "country"],
  newcomer_share: ["movement", "region", "hub", "country"],
  gender_diverse_share: ["movement", "region", "hub", "country"],
  content_per_1k_usd: ["movement", "region", "hub", "country"],
  language_diversity: ["movement", "region", "hub", "country"],
  raised_usd: ["movement", "region", "hub", "country"],
  net_transfer_usd: ["region", "country"],
  redistribution_intensity: ["movement"],
  reporting_rate: ["movement", "region"],
};
const BY_SEAT = ["local_revenue_share", "board_global_south_share", "board_women_share", "reporting_rate"];

describe("the shipped framework versions", () => {
  it("are 2026.1 and 2026.2, and the newest is what is computed unless asked otherwise", () => {
    expect(frameworkVersions()).toEqual(["2026.1", "2026.2"]);
    expect(newestFrameworkVersion()).toBe("2026.2");
    expect(loadFramework().version).toBe("2026.2");
  });

  it("2026.2 keeps every indicator of 2026.1, in the same order, with the scopes its spec lists", () => {
    const older = loadFramework("2026.1");
    const newer = loadFramework("2026.2");
    expect(newer.indicators.map((i) => i.id)).toEqual(older.indicators.map((i) => i.id));
    expect(Object.fromEntries(newer.indicators.map((i) => [i.id, i.scopes]))).toEqual(SCOPES_2026_2);
    expect(newer.indicators.filter((i) => i.region_by === "seat").map((i) => i.id)).toEqual(BY_SEAT);
    expect(
      newer.indicators
        .filter((i) => i.scopes.includes("region") && i.region_by !== "seat")
        .map((i) => i.region_by),
    ).toEqual(Array(10).fill("lines"));
    expect(newer.disclosure.suppression_scopes).toEqual(["region", "hub", "country"]);
  });

  it("2026.2 sets the spec's five targets, at movement scope only, on the side its direction says", () => {
    const targets = Object.fromEntries(
      loadFramework("2026.2")
        .indicators.filter((i) => i.target)
        .map((i) => [i.id, i.target]),
    );
    const atLeast = (value: number) => ({ value, comparison: ">=", scopes: ["movement"] });
    expect(targets).toEqual({
      global_south_share: atLeast(0.5),
      underrepresented_grant_share: atLeast(0.5),
      board_women_share: atLeast(0.4),
      gender_diverse_share: atLeast(0.4),
      reporting_rate: atLeast(0.9),
    });
  });

  it("2026.2 publishes what changed, in the spec's six items, each naming the indicators it concerns", () => {
    const { changes } = loadFramework("2026.2");
    expect(changes).toHaveLength(6);
    expect(changes[0]?.text).toMatch(/^New scopes hub and country/);
    expect(changes[1]?.indicators).toEqual(BY_SEAT);
    expect(changes[3]?.text).toMatch(/Antarctica, AQ/);
    expect(changes[5]?.indicators).toEqual([
      "global_south_share",
      "underrepresented_grant_share",
      "board_women_share",
      "gender_diverse_share",
      "reporting_rate",
    ]);
  });

  it("2026.1, whose file predates these fields, reads as it always computed", () => {
    const framework = loadFramework("2026.1");
    expect(framework.stages).toEqual([]);
    expect(framework.changes).toEqual([]);
    expect(framework.disclosure).toMatchObject({
      suppression_scopes: ["region"],
      participants_query: "checks/region_participants.sql",
    });
    expect(framework.indicators.find((i) => i.id === "local_revenue_share")?.region_by).toBe("lines");
    expect(framework.indicators.find((i) => i.id === "funding_gini")?.region_by).toBeNull();
  });

  it("refuses a version that is not shipped, naming the shipped ones", () => {
    expect(() => loadFramework("2027.1")).toThrow(UnknownFrameworkVersionError);
    expect(() => loadFramework("2027.1")).toThrow(
      "framework 2027.1 is not shipped; the shipped versions are 2026.1, 2026.2",
    );
  });
});

/** A queries folder holding the schema, 2026.2's SQL and a framework file edited by `edit`. */
async function queriesWith(edit: (framework: Record<string, unknown>) => void): Promise<string> {
  const dir = await tempDir();
  await copyFile(join(QUERIES_DIR, FRAMEWORK_SCHEMA_FILE), join(dir, FRAMEWORK_SCHEMA_FILE));
  const framework = JSON.parse(await readFile(join(QUERIES_DIR, "framework-2026.2.json"), "utf8"));
  for (const path of [
    ...framework.stages,
    framework.disclosure.participants_query,
    ...framework.indicators.map((i: { query: string }) => i.query),
  ]) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await copyFile(join(QUERIES_DIR, path), join(dir, path));
  }
  edit(framework);
  await writeFile(join(dir, "framework-2026.2.json"), JSON.stringify(framework));
  return dir;
}

const problemsOf = (queriesDir: string) => {
  try {
    loadFramework("2026.2", queriesDir);
  } catch (error) {
    if (error instanceof FrameworkDefinitionError) return error.problems;
    throw error;
  }
  return [];
};

describe("loadFramework checks a framework file where it reads it", () => {
  it("accepts the shipped file copied as it is", async () => {
    expect(problemsOf(await queriesWith(() => {}))).toEqual([]);
  });

  it("against the schema: every problem at once, with where it is", async () => {
    const dir = await queriesWith((framework) => {
      const [first, second] = framework.indicators as Record<string, unknown>[];
      if (!first || !second) throw new Error("framework too small");
      first.scopes = ["movement", "planet"];
      second.weight = 2;
      delete second.formula;
      (framework.disclosure as Record<string, unknown>).suppression_scopes = ["movement"];
    });
    expect(problemsOf(dir)).toEqual([
      "/disclosure/suppression_scopes/0 must be equal to one of the allowed values (region, hub, country)",
      "/indicators/0/scopes/1 must be equal to one of the allowed values (movement, region, hub, country)",
      "/indicators/1 must have required property 'formula'",
      "/indicators/1 must NOT have additional properties (weight)",
    ]);
  });

  it("beyond the schema: files that must exist inside queries/, targets, seats, changes, duplicate ids", async () => {
    const dir = await queriesWith((framework) => {
      const indicators = framework.indicators as Record<string, unknown>[];
      const byId = (id: string) => indicators.find((i) => i.id === id) as Record<string, unknown>;
      byId("deployed_usd").query = "2026.2/indicators/missing.sql";
      byId("raised_usd").query = "2026.2/../../secrets.sql";
      byId("reporting_rate").target = { value: 0.9, comparison: "<=", scopes: ["movement"] };
      byId("global_south_share").region_by = "seat";
      byId("board_women_share").target = { value: 0.4, comparison: ">=", scopes: ["country"] };
      indicators.push({ ...byId("participants") });
      (framework.stages as string[]).push("2026.2/stages/07_report_years.sql");
      (framework.changes as { indicators: string[] }[])[0]?.indicators.push("happiness");
    });
    expect(problemsOf(dir)).toEqual([
      "the query of deployed_usd, 2026.2/indicators/missing.sql does not exist",
      "indicator global_south_share counts regions by seat but has no region scope",
      "the target of board_women_share names a scope the indicator does not have",
      "the query of raised_usd, 2026.2/../../secrets.sql lies outside queries/",
      "the target of reporting_rate says <= but its direction is higher_is_better",
      "indicator participants is defined twice",
      "stage 2026.2/stages/07_report_years.sql does not exist",
      "two stages are named report_years",
      "a change names indicator happiness, which this version does not define",
    ]);
  });
});

describe("targetMet", () => {
  const framework = loadFramework("2026.2");
  const indicator = (id: string) => {
    const found = framework.indicators.find((i) => i.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it("reads a movement figure against its target, on the side of the indicator's direction", () => {
    expect(targetMet(indicator("reporting_rate"), { scope: "movement", value: 0.9 })).toBe(true);
    expect(targetMet(indicator("reporting_rate"), { scope: "movement", value: 0.6 })).toBe(false);
    expect(
      targetMet(
        { ...indicator("funding_gini"), target: { value: 0.3, comparison: "<=" } },
        {
          scope: "movement",
          value: 0.2,
        },
      ),
    ).toBe(true);
  });

  it("says nothing where no target is set: other scopes, empty figures, indicators without one", () => {
    expect(targetMet(indicator("reporting_rate"), { scope: "region", value: 1 })).toBeNull();
    expect(targetMet(indicator("gender_diverse_share"), { scope: "movement", value: null })).toBeNull();
    expect(targetMet(indicator("deployed_usd"), { scope: "movement", value: 1 })).toBeNull();
  });
});
