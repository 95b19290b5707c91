import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { readManifest } from "../../functions/core/lake/manifest.js";
import { observatory } from "../helpers/cli.js";
import { FX_CSV, financialCsv, HUBS_CSV, impactCsv, snapshot } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

async function files(dir: string, contents: Record<string, string>): Promise<string[]> {
  return Promise.all(
    Object.entries(contents).map(async ([name, text]) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    }),
  );
}

describe("observatory ingest", () => {
  it("accepts reference data and reports, recognising each kind from its header", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    const [hubs, fx] = await files(dir, { "hubs.csv": HUBS_CSV, "fx.csv": FX_CSV });
    const council = await observatory([
      "ingest",
      "--lake",
      lake,
      "--as",
      "council",
      hubs as string,
      fx as string,
    ]);
    expect(council.code).toBe(0);
    expect(council.stdout).toMatch(
      /hubs\.csv: accepted as report r-[0-9a-f]{16} \(hubs reference data, 4 rows, #1\)/,
    );
    const [report] = await files(dir, {
      "ng.csv": financialCsv("wm-ng", "2025-Q1", ["expense,staff,0,NGN,NG,,"]),
    });
    const hub = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", report as string]);
    expect(hub.code).toBe(0);
    expect(hub.stdout).toContain("financial report of wm-ng for 2025-Q1, 1 rows, #3");
    expect(hub.stdout).toContain(`${report}: zeroAmount — row 2, column amount: warning: the amount is 0`);
  });

  it("prints every problem as FILE: RULE — row N, column C: sentence, exits 1, and still lands the good files", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    const [hubs, fx] = await files(dir, { "hubs.csv": HUBS_CSV, "fx.csv": FX_CSV });
    await observatory(["ingest", "--lake", lake, "--as", "council", hubs as string, fx as string]);
    const [bad, good] = await files(dir, {
      "bad.csv": financialCsv("wm-ng", "2025", [
        'expense,programs,"1.234,56",NGN,NG,,',
        "expense,travel,5,NGN,NG,,",
      ]),
      "good.csv": impactCsv("wm-ng", "2025", ["NG,participants,12,"]),
    });
    const result = await observatory([
      "ingest",
      "--lake",
      lake,
      "--as",
      "wm-ng",
      bad as string,
      good as string,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${bad}: rejected, nothing was changed (2 errors):`);
    expect(result.stdout).toContain(
      `${bad}: decimalComma — row 2, column amount: "1.234,56" is not a number (use . as the decimal separator)`,
    );
    expect(result.stdout).toContain(
      `${bad}: categoryNotInFlow — row 3, column category: "travel" is not a category of expense lines`,
    );
    expect(result.stdout).toContain(`${good}: accepted`);
    expect((await readManifest(new FolderStore(lake))).map((e) => e.kind)).toEqual([
      "hubs",
      "fx_rates",
      "impact",
    ]);
  });

  it("groups the problems of a rule: its id, how many, the first three and how many more", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    const [hubs, fx] = await files(dir, { "hubs.csv": HUBS_CSV, "fx.csv": FX_CSV });
    await observatory(["ingest", "--lake", lake, "--as", "council", hubs as string, fx as string]);
    const [bad] = await files(dir, {
      "bad.csv": financialCsv("wm-ng", "2025", [
        "expense,programs,a,NGN,NG,,",
        "expense,programs,b,NGN,Nigeria,,",
        "expense,programs,c,NGN,NG,,",
        "expense,programs,d,NGN,NG,,",
        "expense,programs,e,NGN,NG,,",
      ]),
    });
    const result = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", bad as string]);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      `${bad}: rejected, nothing was changed (6 errors):`,
      `${bad}: notANumber — 5 problems, first at row 2, column amount: "a" is not a number`,
      `${bad}:   row 3, column amount: "b" is not a number`,
      `${bad}:   row 4, column amount: "c" is not a number`,
      `${bad}:   …and 2 more`,
      `${bad}: countryName — row 3, column country: "Nigeria" is a country's name, not its code: write NG (the ISO 3166-1 alpha-2 code of Nigeria)`,
    ]);
    const json = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", "--json", bad as string]);
    const [outcome] = JSON.parse(json.stdout);
    expect(outcome.problems).toHaveLength(6);
    expect(outcome.groups.map((g: { rule: string; count: number }) => [g.rule, g.count])).toEqual([
      ["notANumber", 5],
      ["countryName", 1],
    ]);
    expect(outcome.groups[1]).toEqual({
      rule: "countryName",
      severity: "error",
      count: 1,
      examples: [
        {
          row: 3,
          column: "country",
          message:
            '"Nigeria" is a country\'s name, not its code: write NG (the ISO 3166-1 alpha-2 code of Nigeria)',
        },
      ],
    });
  });

  it("prints the same as JSON with --json", async () => {
    const dir = await tempDir();
    const [bad] = await files(dir, { "bad.csv": "hub_id,period\n" });
    const result = await observatory([
      "ingest",
      "--lake",
      join(dir, "lake"),
      "--as",
      "wm-ng",
      "--json",
      bad as string,
    ]);
    expect(result.code).toBe(1);
    const [outcome] = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ file: bad, status: "rejected", kind: null, report: null });
    expect(outcome.problems[0]).toMatchObject({ severity: "error", code: "unknownKind", row: 1 });
  });

  it("tells the uploader that a duplicate changed nothing", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    const [hubs] = await files(dir, { "hubs.csv": HUBS_CSV });
    await observatory(["ingest", "--lake", lake, "--as", "council", hubs as string]);
    const before = await snapshot(lake);
    const again = await observatory(["ingest", "--lake", lake, "--as", "council", hubs as string]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already in the lake as report r-[0-9a-f]{16} .*; nothing changed/);
    expect(await snapshot(lake)).toEqual(before);
  });

  it.each([
    [["ingest", "--as", "council", "x.csv"], /--lake is required/],
    [["ingest", "--lake", "l", "x.csv"], /--as is required/],
    [["ingest", "--lake", "l", "--as", "Bad Hub", "x.csv"], /--as must be a hub_id/],
    [["ingest", "--lake", "l", "--as", "council", "--kind", "budget", "x.csv"], /--kind must be financial/],
    [["ingest", "--lake", "l", "--as", "council"], /name at least one FILE/],
    [
      ["ingest", "--lake", "l", "--as", "council", "missing.csv"],
      /missing\.csv does not exist: check the path/,
    ],
    [["ingest", "--lake", "l", "--as", "council", "--colour", "x.csv"], /Unknown option '--colour'/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("exits 2 on a usage error: %j", async (args, message) => {
    const dir = await tempDir();
    const result = await observatory(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("runs as `npx observatory` from the repository root", async () => {
    const { execFile } = await import("node:child_process");
    const output = await new Promise<string>((resolve, reject) =>
      execFile("npx", ["--no-install", "observatory", "ingest", "--help"], (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    expect(output).toContain("Usage: observatory ingest --lake DIR --as ID");
  });

  it("describes every option in --help", async () => {
    const main = await observatory(["--help"]);
    expect(main.code).toBe(0);
    for (const command of ["ingest", "compute", "build", "serve", "demo"])
      expect(main.stdout).toContain(command);
    const ingest = await observatory(["ingest", "--help"]);
    for (const option of ["--lake", "--as", "--kind", "--json"]) expect(ingest.stdout).toContain(option);
  });
});

describe("two ingest processes at once on the same lake", () => {
  it("lose and corrupt nothing", async () => {
    const dir = await tempDir();
    const lake = join(dir, "lake");
    const [hubs, fx] = await files(dir, { "hubs.csv": HUBS_CSV, "fx.csv": FX_CSV });
    await observatory(["ingest", "--lake", lake, "--as", "council", hubs as string, fx as string]);
    const quarters = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];
    const ng: Record<string, string> = {};
    const de: Record<string, string> = {};
    for (const period of quarters) {
      ng[`ng-fin-${period}.csv`] = financialCsv("wm-ng", period, [
        `expense,staff,${period.length * 100},NGN,NG,,`,
      ]);
      ng[`ng-imp-${period}.csv`] = impactCsv("wm-ng", period, ["NG,participants,20,"]);
      de[`de-fin-${period}.csv`] = financialCsv("wm-de", period, ["expense,staff,100,EUR,DE,,"]);
      de[`de-imp-${period}.csv`] = impactCsv("wm-de", period, ["DE,participants,30,"]);
    }
    const ngFiles = await files(dir, ng);
    const deFiles = await files(dir, de);
    const shared = ngFiles.slice(0, 4);
    const [first, second, third] = await Promise.all([
      observatory(["ingest", "--lake", lake, "--as", "wm-ng", ...ngFiles]),
      observatory(["ingest", "--lake", lake, "--as", "wm-de", ...deFiles]),
      observatory(["ingest", "--lake", lake, "--as", "wm-ng", ...shared]),
    ]);
    expect([first.code, second.code, third.code]).toEqual([0, 0, 0]);

    const entries = await readManifest(new FolderStore(lake));
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries).toHaveLength(2 + ngFiles.length + deFiles.length);
    expect(new Set(entries.map((e) => e.sha256)).size).toBe(entries.length);
    const store = new FolderStore(lake);
    for (const entry of entries) {
      expect(await store.get(entry.raw_key)).toBeDefined();
      expect(await store.get(entry.curated_key)).toBeDefined();
    }
    const stray = (await store.list("")).filter((key) => key.includes(".tmp-"));
    expect(stray).toEqual([]);
  });
});
