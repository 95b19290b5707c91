import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework, newestFrameworkVersion } from "../../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../../functions/core/indicators/indicator-row.js";
import { indicatorsFromCsv } from "../../../functions/core/indicators/indicators-file.js";
import { PUBLISHED_FILES, publishIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { generateSample } from "../../../functions/sample/generate.js";
import { ingestSamplePlan } from "../../../functions/sample/ingest-plan.js";
import { financialCsv, impactCsv, lakeWithReference } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

const countries = bundledCountryTable();
let sampleDir: string;
let lakeDir: string;

/**
 * The sample movement at the demo's size (about 20,000 financial lines in some 350 reports, 8,700 impact lines):
 * enough files and rows for DuckDB to aggregate on several threads, which adds floating-point numbers in an
 * order that changes from run to run. Made once for every test of the file (tempDir's folders last one test).
 */
beforeAll(async () => {
  sampleDir = await mkdtemp(join(tmpdir(), "observatory-reproducible-"));
  const { uploads } = await generateSample({ outDir: join(sampleDir, "samples"), financialLines: 20_000 });
  lakeDir = join(sampleDir, "lake");
  const accepted = uploads.filter((upload) => upload.expect !== "rejected");
  for await (const { upload, outcome } of ingestSamplePlan(join(sampleDir, "samples"), accepted, lakeDir))
    if (outcome.status !== upload.expect) throw new Error(`${upload.file} was ${outcome.status}`);
});

afterAll(async () => {
  if (sampleDir) await rm(sampleDir, { recursive: true, force: true });
});

/**
 * Every framework version, each with its own SQL: 2026.1 with the shared stages and `queries/indicators/`,
 * 2026.2 with its own stages and indicators under `queries/2026.2/`.
 */
const FRAMEWORK_VERSIONS = ["2026.1", "2026.2"] as const;

interface Published {
  readonly digests: Record<string, string>;
  /** The rows of indicators.csv, as published. */
  readonly rows: IndicatorRow[];
}

/** Computes and publishes a framework version on `threads` DuckDB threads; the SHA-256 of each published file. */
async function publish(version: string, threads: number, from = lakeDir): Promise<Published> {
  const lake = new FolderStore(from);
  const output = new FolderStore(await tempDir());
  const engine = await DuckDbEngine.open({ lake, countries, threads });
  try {
    await publishIndicators({ engine, lake, output }, { framework: loadFramework(version), countries });
  } finally {
    await engine.close();
  }
  const bytes = async (file: string) => (await output.get(file)) ?? new Uint8Array();
  const digest = async (file: string) =>
    createHash("sha256")
      .update(await bytes(file))
      .digest("hex");
  return {
    digests: {
      csv: await digest(PUBLISHED_FILES.csv),
      dashboard: await digest(PUBLISHED_FILES.dashboard),
    },
    rows: indicatorsFromCsv(new TextDecoder().decode(await bytes(PUBLISHED_FILES.csv))),
  };
}

describe("published figures are reproducible", () => {
  it.each(FRAMEWORK_VERSIONS)(
    "framework %s: indicators.csv and dashboard.json are byte-identical across runs and thread counts",
    async (version) => {
      const runs: { threads: number; published: Published }[] = [];
      for (const threads of [1, 2, 4, 4, 2, 1])
        runs.push({ threads, published: await publish(version, threads) });
      const first = runs[0]?.published;
      expect(new Set(first?.rows.map((row) => row.framework_version))).toEqual(new Set([version]));
      expect(first?.digests.csv).toMatch(/^[0-9a-f]{64}$/);
      for (const run of runs) expect(run.published.digests, `${run.threads} threads`).toEqual(first?.digests);
    },
  );

  it("a hub's allocations from four quarterly reports of many lines add up to the same bytes on any thread count", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    let state = 7;
    const amount = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return ((state / 2147483648) * 1000).toFixed(2);
    };
    for (const quarter of [1, 2, 3, 4]) {
      const lines = Array.from({ length: 300 }, () => `grant,hub_allocation,${amount()},NGN,NG,wm-ng,`);
      const outcome = await lake.ingest(
        financialCsv("global-fund", `2025-Q${quarter}`, lines),
        "global-fund",
      );
      expect(outcome.status).toBe("accepted");
    }
    const digests = new Set<string>();
    for (const threads of [1, 2, 4, 1, 2, 4, 1, 2, 4, 1, 2, 4])
      digests.add((await publish(newestFrameworkVersion(), threads, root)).digests.dashboard as string);
    expect(digests.size).toBe(1);
  });

  /**
   * A report may give any integer up to 2^53 − 1. With three more 1s in other countries the total is 2^53 + 2, which
   * a DOUBLE holds; but DOUBLEs added largest first lose each 1 (2^53 + 1 is not a DOUBLE), so the sum would depend
   * on the order in which the engine meets the countries.
   */
  it("framework 2026.2 adds metric values up exactly beyond 2^53, whichever country reports the largest", async () => {
    const largest = String(Number.MAX_SAFE_INTEGER);
    const countriesOfHub = ["NG", "GH", "KE", "ZA"];
    const summedFigures = new Set<string>();
    for (const largestAt of countriesOfHub.keys()) {
      const root = await tempDir();
      const lake = await lakeWithReference(root);
      const lines = countriesOfHub.flatMap((country, index) => {
        const value = index === largestAt ? largest : "1";
        return [`${country},participants,${value},`, `${country},content_created,${value},en`];
      });
      const outcome = await lake.ingest(
        impactCsv("wm-ng", "2025", [...lines, "NG,content_created,1000,fr"]),
        "wm-ng",
      );
      expect(outcome.status).toBe("accepted");
      const summed = (await publish("2026.2", 1, root)).rows.filter(
        (row) =>
          row.scope !== "country" &&
          (row.indicator === "participants" || row.indicator === "language_diversity"),
      );
      expect(
        summed.filter((row) => row.indicator === "participants").map((row) => [row.scope_id, row.value]),
        `the largest value in ${countriesOfHub[largestAt]}`,
      ).toEqual([
        ["movement", 2 ** 53 + 2],
        ["Sub-Saharan Africa", 2 ** 53 + 2],
        ["wm-ng", 2 ** 53 + 2],
      ]);
      summedFigures.add(JSON.stringify(summed));
    }
    expect(summedFigures.size).toBe(1);
  });
});
