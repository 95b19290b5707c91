/**
 * `observatory simulate`, run as a user runs it (a child process): the two files per scenario, byte for byte what
 * compute publishes for the same scenario, the summary per year, every problem of a bad file at once, and the
 * exit codes of ingest (0 written, 1 a file rejected or a scenario failed, 2 usage).
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { publishIndicators } from "../../functions/core/indicators/publish-indicators.js";
import { FIXTURE_SCENARIO_FILES, ingestScenarioFixture } from "../core/scenarios/fixture.js";
import { observatory } from "../helpers/cli.js";
import { financialCsv, impactCsv, lakeWithReference, oneHubLake } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

const PER_EDITOR = FIXTURE_SCENARIO_FILES["fixture-per-editor"];
const LEVEL_UP = FIXTURE_SCENARIO_FILES["fixture-level-up"];

const scenario = (changes: Record<string, unknown> = {}) =>
  JSON.stringify({
    scenario: "1",
    id: "test-policy",
    title: "A test policy",
    description: "For the tests.",
    contribution: { local_revenue_rate: 0.1 },
    allocation: { rule: "per_editor" },
    ...changes,
  });

describe("observatory simulate", () => {
  it("writes each scenario's two files, byte for byte what compute publishes, and prints a summary per year", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    await ingestScenarioFixture(lake, { scenarios: false });
    const out = join(dir, "out");
    const result = await observatory([
      "simulate",
      "--lake",
      lake,
      "--scenario",
      PER_EDITOR,
      "--scenario",
      LEVEL_UP,
      "--out",
      out,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `${PER_EDITOR}: scenario fixture-per-editor (framework 2026.2) → ${join(out, "scenario-fixture-per-editor.csv")}, ${join(out, "scenario-fixture-per-editor-hubs.csv")}`,
        "  2025: pool 39,000.00 USD from 5 hubs to 6 hubs; funding Gini 0.2412 → 0.2315, Theil 0.1128 → 0.1081",
        `${LEVEL_UP}: scenario fixture-level-up (framework 2026.2) → ${join(out, "scenario-fixture-level-up.csv")}, ${join(out, "scenario-fixture-level-up-hubs.csv")}`,
        "  2025: pool 56,000.00 USD from 4 hubs to 3 hubs; funding Gini 0.2412 → 0.1297, Theil 0.1128 → 0.0313",
        "",
      ].join("\n"),
    );
    expect((await readdir(out)).sort()).toEqual([
      "scenario-fixture-level-up-hubs.csv",
      "scenario-fixture-level-up.csv",
      "scenario-fixture-per-editor-hubs.csv",
      "scenario-fixture-per-editor.csv",
    ]);

    const uploaded = await ingestScenarioFixture(join(dir, "lake-with-scenarios"));
    const published = join(dir, "published");
    const engine = await DuckDbEngine.open({
      lake: uploaded.store,
      countries: uploaded.dependencies.countries,
    });
    try {
      await publishIndicators(
        { engine, lake: uploaded.store, output: new FolderStore(published) },
        { framework: loadFramework(), countries: uploaded.dependencies.countries },
      );
    } finally {
      await engine.close();
    }
    for (const file of await readdir(out))
      expect(await readFile(join(out, file), "utf8"), file).toBe(
        await readFile(join(published, file), "utf8"),
      );
  });

  it("rejects a bad file with every problem, naming each field, and still runs the good ones (exit 1)", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    await ingestScenarioFixture(lake, { scenarios: false });
    const bad = join(dir, "bad.json");
    await writeFile(
      bad,
      scenario({ id: "Bad", years: [2024], contribution: { local_revenue_rate: 1.2, rate: 1 } }),
    );
    const copy = join(dir, "copy.json");
    await writeFile(copy, await readFile(PER_EDITOR, "utf8"));
    const out = join(dir, "out");
    const result = await observatory([
      "simulate",
      "--lake",
      lake,
      "--out",
      out,
      "--scenario",
      bad,
      PER_EDITOR,
      copy,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").slice(0, 8)).toEqual([
      `${bad}: not simulated (4 errors):`,
      `${bad}: id: must be 2 to 64 lower-case letters, digits and hyphens, starting with a letter or digit, not "Bad"`,
      `${bad}: years: 2024 has no current financial reports in the lake (years with reports: 2025)`,
      `${bad}: contribution.rate: unknown field; the fields here are local_revenue_rate, floor_usd and global_fund_reallocation`,
      `${bad}: contribution.local_revenue_rate: must be a number from 0 to 1, not 1.2`,
      `${copy}: not simulated (1 error):`,
      `${copy}: id: "fixture-per-editor" is also the id of "${PER_EDITOR}"; each scenario needs an id of its own`,
      `${PER_EDITOR}: scenario fixture-per-editor (framework 2026.2) → ${join(out, "scenario-fixture-per-editor.csv")}, ${join(out, "scenario-fixture-per-editor-hubs.csv")}`,
    ]);
    expect((await readdir(out)).sort()).toEqual([
      "scenario-fixture-per-editor-hubs.csv",
      "scenario-fixture-per-editor.csv",
    ]);
  });

  it("publishes nothing of a scenario whose money does not balance: a pool and no country to receive it (exit 1)", async () => {
    const dir = await tempDir();
    await oneHubLake(join(dir, "lake"));
    const file = join(dir, "policy.json");
    await writeFile(file, scenario());
    const out = join(dir, "out");
    const result = await observatory([
      "simulate",
      "--lake",
      join(dir, "lake"),
      "--scenario",
      file,
      "--out",
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${file}: not published: scenario test-policy, 2025: the money does not balance (pool 6.5, withdrawn 6.5, top-ups 0, receipts 0); ` +
        "Σ contributions = pool = Σ top-ups = Σ receipts must hold to 1e-6 (is there a country with editors to receive the pool?)\n",
    );
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it("applies a scenario to its years only, and sets it beside the figures of the framework asked for", async () => {
    const dir = await tempDir();
    const lake = await lakeWithReference(join(dir, "lake"));
    for (const year of ["2024", "2025"]) {
      await lake.ingest(
        financialCsv("wm-ng", year, [
          "revenue,local_fundraising,1000000,NGN,NG,,",
          "expense,programs,500000,NGN,NG,,",
        ]),
        "wm-ng",
      );
      await lake.ingest(
        financialCsv("wm-de", year, [
          "revenue,local_fundraising,90000,EUR,DE,,",
          "expense,programs,40000,EUR,DE,,",
        ]),
        "wm-de",
      );
      await lake.ingest(impactCsv("wm-ng", year, ["NG,active_editors,12,"]), "wm-ng");
      await lake.ingest(impactCsv("wm-de", year, ["DE,active_editors,30,"]), "wm-de");
    }
    const file = join(dir, "policy.json");
    await writeFile(file, scenario({ years: [2025] }));
    const out = join(dir, "out");
    const result = await observatory([
      "simulate",
      "--lake",
      join(dir, "lake"),
      "--scenario",
      file,
      "--out",
      out,
      "--framework",
      "2026.1",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("scenario test-policy (framework 2026.1)");
    const rows = (await readFile(join(out, "scenario-test-policy.csv"), "utf8")).trim().split("\n");
    expect(rows[0]).toBe("framework_version,scenario,indicator,year,scope,scope_id,baseline,value,change");
    expect(new Set(rows.slice(1).map((row) => row.split(",").slice(0, 4).join(",")))).toEqual(
      new Set([
        "2026.1,test-policy,deployed_usd,2025",
        "2026.1,test-policy,deployed_per_editor_usd,2025",
        "2026.1,test-policy,global_south_share,2025",
        "2026.1,test-policy,funding_gini,2025",
        "2026.1,test-policy,funding_theil,2025",
        "2026.1,test-policy,funding_theil_between,2025",
        "2026.1,test-policy,funding_theil_within,2025",
        "2026.1,test-policy,net_transfer_usd,2025",
        "2026.1,test-policy,redistribution_intensity,2025",
      ]),
    );
    expect(rows.some((row) => row.includes(",country,"))).toBe(false);
    expect(
      (await readFile(join(out, "scenario-test-policy-hubs.csv"), "utf8")).trim().split("\n").slice(1),
    ).toEqual([
      expect.stringMatching(/^test-policy,2025,wm-de,/),
      expect.stringMatching(/^test-policy,2025,wm-ng,/),
    ]);
  });

  it("is a usage error (exit 2) without a scenario, with a missing file, an unknown framework or no lake", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    await ingestScenarioFixture(lake, { scenarios: false });
    const out = join(dir, "out");
    const cases: [string[], string][] = [
      [["--lake", lake, "--out", out], "name at least one scenario file: --scenario FILE"],
      [
        ["--lake", lake, "--out", out, "--scenario", join(dir, "nope.json")],
        `${join(dir, "nope.json")} does not exist`,
      ],
      [
        ["--lake", lake, "--out", out, "--scenario", PER_EDITOR, "--framework", "2030.1"],
        '--framework must be one of 2026.1, 2026.2, not "2030.1"',
      ],
      [
        ["--lake", join(dir, "none"), "--out", out, "--scenario", PER_EDITOR],
        `--lake ${join(dir, "none")} does not exist`,
      ],
      [["--scenario", PER_EDITOR, "--out", out], "--lake is required"],
    ];
    for (const [args, message] of cases) {
      const result = await observatory(["simulate", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});

describe("observatory reports", () => {
  it("names each scenario by its id in a column of its own", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    await ingestScenarioFixture(lake);
    const table = await observatory(["reports", "--lake", lake]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^seq\s+report_id\s+kind\s+hub_id\s+period\s+scenario_id\s+status\s/);
    const scenarios = lines.filter((line) => /\sscenario\s/.test(line));
    expect(scenarios.map((line) => line.split(/\s+/)[5]).sort()).toEqual([
      "fixture-level-up",
      "fixture-per-editor",
    ]);
    expect(
      lines.filter((line) => /\sfinancial\s/.test(line)).every((line) => line.split(/\s+/)[5] === "-"),
    ).toBe(true);
  });
});
