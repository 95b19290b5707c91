import { createHash } from "node:crypto";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { PUBLISHED_FILES, publishIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { generateSample } from "../../../functions/sample/generate.js";
import { ingestSamplePlan } from "../../../functions/sample/ingest-plan.js";
import { financialCsv, lakeWithReference } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

const countries = bundledCountryTable();
let lakeDir: string;

/**
 * The sample movement at the demo's size (about 20,000 financial lines in some 350 reports, 8,700 impact lines):
 * enough files and rows for DuckDB to aggregate on several threads, which adds floating-point numbers in an
 * order that changes from run to run.
 */
beforeAll(async () => {
  const dir = await tempDir();
  const { uploads } = await generateSample({ outDir: join(dir, "samples"), financialLines: 20_000 });
  lakeDir = join(dir, "lake");
  const accepted = uploads.filter((upload) => upload.expect !== "rejected");
  for await (const { upload, outcome } of ingestSamplePlan(join(dir, "samples"), accepted, lakeDir))
    if (outcome.status !== upload.expect) throw new Error(`${upload.file} was ${outcome.status}`);
});

/** Computes and publishes on `threads` DuckDB threads; the SHA-256 of each published file. */
async function publishedDigests(threads: number, from = lakeDir): Promise<Record<string, string>> {
  const lake = new FolderStore(from);
  const output = new FolderStore(await tempDir());
  const engine = await DuckDbEngine.open({ lake, countries, threads });
  try {
    await publishIndicators({ engine, lake, output }, { framework: loadFramework(), countries });
  } finally {
    await engine.close();
  }
  const digest = async (file: string) =>
    createHash("sha256")
      .update((await output.get(file)) ?? new Uint8Array())
      .digest("hex");
  return {
    csv: await digest(PUBLISHED_FILES.csv),
    dashboard: await digest(PUBLISHED_FILES.dashboard),
  };
}

describe("published figures are reproducible", () => {
  it("indicators.csv and dashboard.json are byte-identical across runs and thread counts", async () => {
    const runs: { threads: number; digests: Record<string, string> }[] = [];
    for (const threads of [1, 2, 4, 4, 2, 1])
      runs.push({ threads, digests: await publishedDigests(threads) });
    const first = runs[0]?.digests;
    expect(first?.csv).toMatch(/^[0-9a-f]{64}$/);
    for (const run of runs) expect(run.digests, `${run.threads} threads`).toEqual(first);
  });

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
      digests.add((await publishedDigests(threads, root)).dashboard as string);
    expect(digests.size).toBe(1);
  });
});
