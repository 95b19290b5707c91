import { copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { observatory } from "../helpers/cli.js";
import { FX_CSV, financialCsv, HUBS_CSV, impactCsv } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

async function lakeWithReports(dir: string): Promise<string> {
  const lake = join(dir, "lake");
  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const reference = await observatory([
    "ingest",
    "--lake",
    lake,
    "--as",
    "council",
    await write("hubs.csv", HUBS_CSV),
    await write("fx.csv", FX_CSV),
  ]);
  expect(reference.code).toBe(0);
  for (const [hub, files] of [
    [
      "wm-ng",
      [
        ["ng-2024.csv", financialCsv("wm-ng", "2024", ["expense,programs,700000,NGN,NG,,"])],
        ["ng-2025.csv", financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"])],
        ["ng-imp.csv", impactCsv("wm-ng", "2025", ["NG,participants,40,", "NG,active_editors,12,"])],
      ],
    ],
    ["wm-de", [["de-2025.csv", financialCsv("wm-de", "2025", ["expense,programs,2000,EUR,DE,,"])]]],
  ] as const) {
    const paths = [];
    for (const [name, text] of files) paths.push(await write(name, text));
    expect((await observatory(["ingest", "--lake", lake, "--as", hub, ...paths])).code).toBe(0);
  }
  return lake;
}

async function compute(lake: string, out: string) {
  const result = await observatory(["compute", "--lake", lake, "--out", out]);
  expect(result.code).toBe(0);
  return Object.fromEntries(
    await Promise.all(
      ["indicators.csv", "dashboard.json", "reports.json"].map(async (file) => [
        file,
        await readFile(join(out, file), "utf8"),
      ]),
    ),
  );
}

describe("observatory compact", () => {
  it("compacts each kind's year, says what it did, and compute gives the same files", async () => {
    const dir = await tempDir();
    const lake = await lakeWithReports(dir);
    const before = await compute(lake, join(dir, "before"));

    const result = await observatory(["compact", "--lake", lake]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(
        /^financial 2024: 1 reports, 1 rows → curated\/financial\/year=2024\/compacted-000001-[0-9a-f]{64}\.parquet \(generation 1\); 1 file\(s\) deleted$/,
      ),
      expect.stringMatching(
        /^financial 2025: 2 reports, 2 rows → curated\/financial\/year=2025\/compacted-000001-[0-9a-f]{64}\.parquet \(generation 1\); 2 file\(s\) deleted$/,
      ),
      expect.stringMatching(
        /^impact 2025: 1 reports, 2 rows → curated\/impact\/year=2025\/compacted-000001-/,
      ),
    ]);
    expect(lines[3]).toMatch(
      /^manifest checkpoint through entry 6: checkpoints\/manifest\/000000000006-[0-9a-f]{64}\/entries\.ndjson\.gz$/,
    );
    expect(lines[4]).toMatch(new RegExp(`^compacted ${lake} in \\d+\\.\\d\\d s$`));
    expect(await new FolderStore(lake).list("curated/financial/year=2025/")).toEqual([
      expect.stringMatching(/^curated\/financial\/year=2025\/compacted-000001-[0-9a-f]{64}\.parquet$/),
    ]);
    expect(await compute(lake, join(dir, "after"))).toEqual(before);

    const again = await observatory(["compact", "--lake", lake, "--json"]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as { years: { status: string }[]; checkpointProblems: string[] };
    expect(summary.years.map((year) => year.status)).toEqual(Array(3).fill("already compact"));
    expect(summary.checkpointProblems).toEqual([]);
  });

  it("stops with exit 1 on a report file that does not hold what the manifest records, naming it", async () => {
    const dir = await tempDir();
    const lake = await lakeWithReports(dir);
    const folder = join(lake, "curated", "financial", "year=2025");
    const [ng, de] = await Promise.all(
      ["hub=wm-ng", "hub=wm-de"].map(async (hub) =>
        join(folder, hub, (await readdir(join(folder, hub)))[0] as string),
      ),
    );
    await copyFile(de as string, ng as string);
    const result = await observatory(["compact", "--lake", lake]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^observatory compact: curated\/financial\/year=2025\/hub=wm-ng\/r-[0-9a-f]{16}\.parquet holds 1 rows of report r-[0-9a-f]{16}, but the manifest records 1 rows of financial report r-[0-9a-f]{16} in it; restore the file from a backup, then compact again\n$/,
    );
  });

  it("is a usage error on a folder that is not a lake", async () => {
    const dir = await tempDir();
    const result = await observatory(["compact", "--lake", join(dir, "none")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--lake ${join(dir, "none")} does not exist`);
    expect((await observatory(["compact", "--help"])).stdout).toContain(
      "Usage: observatory compact --lake DIR",
    );
  });
});
