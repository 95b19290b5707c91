/**
 * Published scenario files are byte-reproducible, as indicators.csv is: the sample movement at the demo's size
 * (some 350 reports: enough for DuckDB to aggregate on several threads, adding numbers in an order that changes
 * from run to run) with the two example scenarios, computed on 1, 2 and 4 threads.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { publishIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { generateSample } from "../../../functions/sample/generate.js";
import { ingestExampleScenarios, ingestSamplePlan } from "../../../functions/sample/ingest-plan.js";

const countries = bundledCountryTable();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "scenario-reproducible-"));
  const { uploads } = await generateSample({ outDir: join(root, "samples"), financialLines: 20_000 });
  const accepted = uploads.filter((upload) => upload.expect !== "rejected");
  for await (const { upload, outcome } of ingestSamplePlan(
    join(root, "samples"),
    accepted,
    join(root, "lake"),
  ))
    if (outcome.status !== upload.expect) throw new Error(`${upload.file} was ${outcome.status}`);
  for await (const { file, outcome } of ingestExampleScenarios(join(root, "lake")))
    if (outcome.status !== "accepted") throw new Error(`${file} was ${outcome.status}`);
});

afterAll(() => rm(root, { recursive: true, force: true }));

/** The SHA-256 of every scenario file a compute on `threads` DuckDB threads publishes. */
async function scenarioDigests(threads: number): Promise<Record<string, string>> {
  const lake = new FolderStore(join(root, "lake"));
  const output = new FolderStore(join(root, `out-${threads}`));
  const engine = await DuckDbEngine.open({ lake, countries, threads });
  try {
    await publishIndicators({ engine, lake, output }, { framework: loadFramework(), countries });
  } finally {
    await engine.close();
  }
  const digests: Record<string, string> = {};
  for (const file of await output.list(""))
    if (file.startsWith("scenario"))
      digests[file] = createHash("sha256")
        .update((await output.get(file)) ?? new Uint8Array())
        .digest("hex");
  return digests;
}

describe("published scenarios are reproducible", () => {
  it("scenario files and their index are byte-identical across runs and thread counts", async () => {
    const runs = [];
    for (const threads of [1, 4, 2]) runs.push(await scenarioDigests(threads));
    expect(Object.keys(runs[0] ?? {}).sort()).toEqual([
      "scenario-level-up-global-south-hubs.csv",
      "scenario-level-up-global-south.csv",
      "scenario-solidarity-5-per-editor-hubs.csv",
      "scenario-solidarity-5-per-editor.csv",
      "scenarios.json",
    ]);
    for (const run of runs) expect(run).toEqual(runs[0]);
  });
});
