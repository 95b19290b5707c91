import { spawn } from "node:child_process";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { observatory } from "../helpers/cli.js";
import { FX_CSV, financialCsv, HUBS_CSV, impactCsv } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

async function smallLake(dir: string): Promise<string> {
  const lake = join(dir, "lake");
  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  await observatory([
    "ingest",
    "--lake",
    lake,
    "--as",
    "council",
    await write("hubs.csv", HUBS_CSV),
    await write("fx.csv", FX_CSV),
  ]);
  const ng = await observatory([
    "ingest",
    "--lake",
    lake,
    "--as",
    "wm-ng",
    await write(
      "ng-fin.csv",
      financialCsv("wm-ng", "2025", [
        "expense,programs,1000000,NGN,NG,,",
        "revenue,local_fundraising,300000,NGN,NG,,",
      ]),
    ),
    await write("ng-imp.csv", impactCsv("wm-ng", "2025", ["NG,participants,40,", "NG,active_editors,12,"])),
  ]);
  expect(ng.code).toBe(0);
  return lake;
}

describe("observatory compute", () => {
  it("writes indicators.csv in the framework's Output format, with its columnar copy and the evidence", async () => {
    const dir = await tempDir();
    const lake = await smallLake(dir);
    const result = await observatory(["compute", "--lake", lake, "--out", join(dir, "out")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /computed \d+ indicator rows of framework 2026\.2 \(k = 10\) from 2 current hub reports/,
    );
    const csv = await readFile(join(dir, "out", "indicators.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe("framework_version,indicator,year,scope,scope_id,value,suppressed");
    expect(csv).toContain("2026.2,deployed_usd,2025,movement,movement,650,false");
    expect(csv).toContain("2026.2,deployed_usd,2025,region,Sub-Saharan Africa,650,false");
    expect(csv).toContain("2026.2,deployed_usd,2025,hub,wm-ng,650,false");
    expect(csv).toContain("2026.2,deployed_usd,2025,country,NG,650,false");
    expect((await stat(join(dir, "out", "indicators.parquet"))).size).toBeGreaterThan(0);
    const reports = JSON.parse(await readFile(join(dir, "out", "reports.json"), "utf8"));
    expect(reports.map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`)).toEqual([
      "hubs:current",
      "fx_rates:current",
      "financial:current",
      "impact:current",
    ]);
  });

  it("computes an earlier framework version when asked, exactly as that version computes", async () => {
    const dir = await tempDir();
    const lake = await smallLake(dir);
    const result = await observatory([
      "compute",
      "--lake",
      lake,
      "--out",
      join(dir, "out"),
      "--framework",
      "2026.1",
    ]);
    expect(result.code).toBe(0);
    const csv = await readFile(join(dir, "out", "indicators.csv"), "utf8");
    expect(csv).toContain("2026.1,deployed_usd,2025,region,Sub-Saharan Africa,650,false");
    expect(csv).not.toMatch(/^2026\.2,|,hub,|,country,/m);
  });

  it.each([
    [["--k", "0"], /--k must be a whole number from 1/],
    [["--k", "ten"], /--k must be a whole number/],
    [["--framework", "1999.9"], '--framework must be one of 2026.1, 2026.2, not "1999.9"'],
  ])("exits 2 for %j", async (extra, message) => {
    const dir = await tempDir();
    const result = await observatory([
      "compute",
      "--lake",
      join(dir, "lake"),
      "--out",
      join(dir, "out"),
      ...extra,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("observatory build and reports", () => {
  it("builds the site from computed indicators, and from a lake directly", async () => {
    const dir = await tempDir();
    const lake = await smallLake(dir);
    await observatory(["compute", "--lake", lake, "--out", join(dir, "out")]);
    const fromIndicators = await observatory([
      "build",
      "--indicators",
      join(dir, "out"),
      "--out",
      join(dir, "site"),
    ]);
    expect(fromIndicators.code).toBe(0);
    const pages = Number(/built (\d+) pages and \d+ charts/.exec(fromIndicators.stdout)?.[1]);
    expect(pages % 4).toBe(0);
    expect(pages / 4).toBeGreaterThan(12);
    const fromLake = await observatory(["build", "--lake", lake, "--out", join(dir, "site2")]);
    expect(fromLake.code).toBe(0);
    for (const page of [
      "index.html",
      "opportunities.html",
      "power.html",
      "outcomes.html",
      "redistribution.html",
      "accountability.html",
      "regions.html",
      "hubs.html",
      "evidence.html",
      "framework.html",
    ]) {
      expect(await readFile(join(dir, "site2", page), "utf8")).toContain("framework 2026.2");
      expect(await readFile(join(dir, "site2", "es", page), "utf8")).toContain('<html lang="es" dir="ltr">');
      expect(await readFile(join(dir, "site2", "fr", page), "utf8")).toContain('<html lang="fr" dir="ltr">');
      expect(await readFile(join(dir, "site2", "ar", page), "utf8")).toContain('<html lang="ar" dir="rtl">');
    }
    const scripts = (await readdir(join(dir, "site2"))).filter((name) => name.endsWith(".js"));
    const index = await readFile(join(dir, "site2", "index.html"), "utf8");
    const entry = /<link rel="stylesheet" href="(style\.[0-9a-f]{10}\.css)">/.exec(index)?.[1] ?? "";
    expect((await readdir(join(dir, "site2"))).filter((name) => name.endsWith(".css"))).toEqual([entry]);
    expect(scripts.filter((name) => /^site\.[0-9a-f]{10}\.js$/.test(name))).toHaveLength(1);
    const sizes = await Promise.all(scripts.map(async (name) => (await stat(join(dir, "site2", name))).size));
    expect(Math.max(...sizes), "the Vega chunk").toBeGreaterThan(100_000);
    const missing = await observatory([
      "build",
      "--indicators",
      join(dir, "nothing"),
      "--out",
      join(dir, "site3"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `--indicators ${join(dir, "nothing")} is not a folder of computed indicators: run observatory compute --out`,
    );
    expect(await readFile(join(dir, "site2", "data", "indicators.csv"), "utf8")).toContain("deployed_usd");
  });

  it("refuses to build from both or neither source", async () => {
    const result = await observatory(["build", "--out", "site"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/give either --lake or --indicators/);
  });

  it("lists the lake's reports as evidence", async () => {
    const dir = await tempDir();
    const lake = await smallLake(dir);
    const result = await observatory(["reports", "--lake", lake, "--json"]);
    expect(result.code).toBe(0);
    const reports = JSON.parse(result.stdout);
    expect(reports[2]).toMatchObject({
      kind: "financial",
      hub_id: "wm-ng",
      period: "2025",
      uploader: "wm-ng",
      status: "current",
    });
    expect(reports[2].sha256).toMatch(/^[0-9a-f]{64}$/);
    const table = await observatory(["reports", "--lake", lake]);
    expect(table.stdout.split("\n")[0]).toMatch(/^seq\s+report_id\s+kind\s+hub_id\s+period\s+status/);
  });
});

describe("observatory serve", () => {
  it("prints its URL, serves the site over HTTP, and stops cleanly on SIGTERM", async () => {
    const dir = await tempDir();
    const site = join(dir, "site");
    const lake = await smallLake(dir);
    await observatory(["build", "--lake", lake, "--out", site]);
    const child = spawn(process.execPath, [
      fileURLToPath(new URL("../../bin/observatory.mjs", import.meta.url)),
      "serve",
      site,
      "--port",
      "0",
    ]);
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk) => {
        output += chunk;
        const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      child.on("exit", () => reject(new Error(`serve exited early: ${output}`)));
    });
    const response = await fetch(`${url}outcomes.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain("Participants");
    const busy = await observatory(["serve", site, "--port", new URL(url).port]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`port ${new URL(url).port} is already in use; choose another with --port`);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("observatory demo", () => {
  it("generates, ingests (showing rejections), computes and builds, with nothing left to chance", async () => {
    const dir = await tempDir();
    const result = await observatory(["demo", "--dir", dir, "--lines", "2000", "--no-serve"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1\/4 generating a sample movement \(seed 2026\)/);
    expect(result.stdout).toMatch(/\d+ accepted, 1 duplicate, 4 rejected \(as planned\)/);
    expect(result.stdout).toMatch(/rejected, nothing was changed/);
    expect(result.stdout).toMatch(/supersedes report r-[0-9a-f]{16}/);
    expect(result.stdout).toMatch(/4\/4 building the dashboards/);
    expect(await readFile(join(dir, "site", "index.html"), "utf8")).toContain("Movement at a glance");
    const csv = await readFile(join(dir, "out", "indicators.csv"), "utf8");
    const regions = new Set(
      csv
        .split("\n")
        .filter((l) => l.includes(",region,"))
        .map((l) => l.split(",")[4]),
    );
    expect(regions.size).toBeGreaterThanOrEqual(8);
  });
});
