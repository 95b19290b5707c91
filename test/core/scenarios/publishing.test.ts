/**
 * Scenarios through the publishing workflow: the compute step (the handler the compute Lambda wires, given
 * DuckDB here: the handler is engine-agnostic, and the Athena form of the scenario SQL is tested in
 * athena-form.test.ts) computes every current scenario of the lake and publishes its files and the index beside
 * indicators.csv; the publish step copies them into the site's data/ as downloads. A published set that lacks a
 * scenario file, or a scenario that fails, publishes nothing.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { readPublishedIndicators } from "../../../functions/core/indicators/publish-indicators.js";
import { readManifest } from "../../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import type { ScenarioIndex } from "../../../functions/core/scenarios/published-scenarios.js";
import { createComputeIndicatorsHandler } from "../../../functions/handlers/compute-indicators-handler.js";
import { memoryLogger } from "../../../functions/handlers/log.js";
import { createPublishSiteHandler } from "../../../functions/handlers/publish-site-handler.js";
import type { ObjectStore } from "../../../functions/ports/object-store.js";
import { oneHubLake } from "../../helpers/movement.js";
import { ingestScenarioFixture } from "./fixture.js";

const countries = bundledCountryTable();
const FILES = [
  "scenario-fixture-level-up-hubs.csv",
  "scenario-fixture-level-up.csv",
  "scenario-fixture-per-editor-hubs.csv",
  "scenario-fixture-per-editor.csv",
  "scenarios.json",
];

let root: string;
let lakeStore: ObjectStore;
let published: FolderStore;

const compute = (lake: ObjectStore, output: ObjectStore) =>
  createComputeIndicatorsHandler({
    lake,
    published: output,
    openEngine: () => DuckDbEngine.open({ lake, countries }),
    countries,
    logger: memoryLogger(),
  })();
const bytesOf = async (store: ObjectStore, key: string) => new TextDecoder().decode(await store.get(key));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "scenario-publishing-"));
  lakeStore = (await ingestScenarioFixture(join(root, "lake"))).store;
  published = new FolderStore(join(root, "published"));
  await compute(lakeStore, published);
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe("the compute step", () => {
  it("publishes every current scenario's two files and the index beside indicators.csv", async () => {
    const files = (await published.list("")).filter((key) => key.startsWith("scenario"));
    expect(files.sort()).toEqual(FILES);
    const index = JSON.parse(await bytesOf(published, "scenarios.json")) as ScenarioIndex;
    const manifest = await readManifest(lakeStore);
    expect(index.scenarios.map((s) => [s.id, s.evidence.report_id])).toEqual(
      ["fixture-level-up", "fixture-per-editor"].map((id) => [
        id,
        manifest.find((entry) => entry.scenario_id === id)?.report_id,
      ]),
    );
  });

  it("computes a superseded scenario no more: the newer upload with the same id is published", async () => {
    const dir = join(root, "superseded");
    const lake = await ingestScenarioFixture(join(dir, "lake"));
    const changed = {
      scenario: "1",
      id: "fixture-per-editor",
      title: "A second thought",
      description: "The same id, a lower rate.",
      contribution: { local_revenue_rate: 0.01 },
      allocation: { rule: "per_editor" },
    };
    expect((await lake.ingest(JSON.stringify(changed), "council", "v2.json")).status).toBe("accepted");
    const output = new FolderStore(join(dir, "published"));
    await compute(lake.store, output);
    const index = JSON.parse(await bytesOf(output, "scenarios.json")) as ScenarioIndex;
    expect(index.scenarios.map((s) => [s.id, s.title])).toEqual([
      [
        "fixture-level-up",
        "20% above 100,000 USD and half the global fund's allocations, levelling up funds per editor",
      ],
      ["fixture-per-editor", "A second thought"],
    ]);
    expect(index.scenarios[1]?.summary[0]?.pool_usd).toBe(2000 + 300 + 50 + 1500 + 800);
  });

  it("publishes nothing, not even the indicators, when a scenario's money does not balance", async () => {
    const dir = join(root, "unbalanced");
    const lake = await oneHubLake(join(dir, "lake"));
    const scenario = {
      scenario: "1",
      id: "no-one-to-receive",
      title: "t",
      description: "d",
      contribution: { local_revenue_rate: 0.5 },
      allocation: { rule: "level_up" },
    };
    expect((await lake.ingest(JSON.stringify(scenario), "council", "s.json")).status).toBe("accepted");
    const output = new FolderStore(join(dir, "published"));
    await expect(compute(lake.store, output)).rejects.toThrow(
      "scenario no-one-to-receive, 2025: the money does not balance (pool 32.5, withdrawn 32.5, top-ups 0, receipts 0)",
    );
    expect(await readdir(join(dir, "published")).catch(() => [])).toEqual([]);
  });

  it("publishes nothing when a point of a scenario's sensitivity series does not balance, naming its year and rate", async () => {
    const dir = join(root, "unbalanced-at-a-rate");
    const lake = await oneHubLake(join(dir, "lake"));
    const scenario = {
      scenario: "1",
      id: "nothing-at-its-own-rate",
      title: "t",
      description: "d",
      contribution: { local_revenue_rate: 0 },
      allocation: { rule: "per_editor" },
    };
    expect((await lake.ingest(JSON.stringify(scenario), "council", "s.json")).status).toBe("accepted");
    const output = new FolderStore(join(dir, "published"));
    await expect(compute(lake.store, output)).rejects.toThrow(
      "scenario nothing-at-its-own-rate, 2025 at a local revenue rate of 0.01: the money does not balance (pool 0.65, withdrawn 0.65, top-ups 0, receipts 0)",
    );
    expect(await readdir(join(dir, "published")).catch(() => [])).toEqual([]);
  });

  it("stops, naming the file, when a scenario's curated file no longer holds the scenario the manifest records", async () => {
    const dir = join(root, "altered");
    const lake = await ingestScenarioFixture(join(dir, "lake"));
    const entry = (await readManifest(lake.store)).find((e) => e.scenario_id === "fixture-level-up");
    if (!entry) throw new Error("no scenario entry");
    await writeFile(lake.store.locate(entry.curated_key), '{"scenario": "1"}');
    await expect(compute(lake.store, new FolderStore(join(dir, "published")))).rejects.toThrow(
      `${entry.curated_key} is not the scenario fixture-level-up its manifest entry records`,
    );
  });
});

describe("the publish step", () => {
  it("copies the scenario files and their index into the site's data/, byte for byte", async () => {
    const site = new FolderStore(join(root, "site"));
    await createPublishSiteHandler({
      published,
      site,
      countries,
      logger: memoryLogger(),
      clock: () => new Date("2026-11-20T12:00:00Z"),
      clientFiles: async () => ({ "site.js": "/* site.js */" }),
      supersededFilesGraceDays: 7,
    })();
    for (const file of FILES)
      expect(await bytesOf(site, `data/${file}`), file).toBe(await bytesOf(published, file));
  });

  it("refuses a published set whose index names a file that is not there, or another framework's", async () => {
    const copy = new FolderStore(join(root, "published-copy"));
    for (const key of await published.list("")) await copy.put(key, (await published.get(key)) as Uint8Array);
    await copy.delete("scenario-fixture-level-up-hubs.csv");
    await expect(readPublishedIndicators(copy)).rejects.toThrow(
      "scenario-fixture-level-up-hubs.csv has not been published yet; run the compute step first",
    );
    const index = JSON.parse(await bytesOf(published, "scenarios.json")) as ScenarioIndex;
    await copy.put(
      "scenarios.json",
      new TextEncoder().encode(JSON.stringify({ ...index, framework_version: "2026.1" })),
    );
    await expect(readPublishedIndicators(copy)).rejects.toThrow(
      "scenarios.json is not an index of scenarios of framework 2026.2; run the compute step again to publish a consistent set",
    );
    await copy.delete("scenarios.json");
    await expect(readPublishedIndicators(copy)).rejects.toThrow("scenarios.json has not been published yet");
  });
});
