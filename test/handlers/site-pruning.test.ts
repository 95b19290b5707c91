/**
 * The publish step's prune, against a real S3 API (s3rver over HTTP on 127.0.0.1): a site published day after day
 * keeps a superseded build's content-hashed files for the grace period after a later build replaced its pages,
 * then deletes them, never the current build's, never anything else. Time is the handler's injected clock.
 */
import { posix } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { S3ObjectStore } from "../../functions/adapters/aws/s3-store.js";
import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { publishIndicators } from "../../functions/core/indicators/publish-indicators.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { memoryLogger } from "../../functions/handlers/log.js";
import { createPublishSiteHandler } from "../../functions/handlers/publish-site-handler.js";
import type { ObjectStore } from "../../functions/ports/object-store.js";
import { contentHash } from "../../site/web/assets.js";
import { financialCsv, HUBS_CSV, impactCsv, lakeWithReference } from "../helpers/movement.js";
import { type LocalS3, startS3rver } from "../helpers/s3rver.js";
import { tempDir } from "../helpers/temp.js";

const SITE_BUCKET = "observatory-site";
const DAY_MS = 86_400_000;
const FIRST_PUBLISH = Date.parse("2026-11-01T03:00:00.000Z");
const day = (days: number) => new Date(FIRST_PUBLISH + days * DAY_MS);
const HASHED_REFERENCE = /[A-Za-z0-9_./-]+\.[0-9a-f]{10}\.(?:css|js|svg|vg\.json|json)\b/g;
const CHUNK_IMPORT = /import\("\.\/(site-[A-Za-z0-9]+\.js)"\)/g;

/** The browser files of one version of the script: `site.js` and the chunk it imports. */
function clientFiles(version: string): Record<string, string> {
  const chunk = `site-CHUNK${version.toUpperCase()}.js`;
  return { "site.js": `/* ${version} */ import("./${chunk}");`, [chunk]: `/* chunk ${version} */` };
}
const scriptOf = (version: string) => `site.${contentHash(clientFiles(version)["site.js"] as string)}.js`;
const chunkOf = (version: string) => `site-CHUNK${version.toUpperCase()}.js`;

let published: FolderStore;
let lake: Awaited<ReturnType<typeof lakeWithReference>>;

/** Computes the lake's figures into `published`, as the compute step does before each publish. */
async function compute(): Promise<void> {
  const engine = await DuckDbEngine.open({ lake: lake.store, countries: bundledCountryTable() });
  try {
    await publishIndicators(
      { engine, lake: lake.store, output: published },
      { framework: loadFramework(), countries: bundledCountryTable(), k: 3 },
    );
  } finally {
    await engine.close();
  }
}

beforeEach(async () => {
  const root = await tempDir();
  lake = await lakeWithReference(root);
  await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
  await lake.ingest(impactCsv("wm-ng", "2025", ["NG,participants,40,"]), "wm-ng");
  published = new FolderStore(`${root}/published`);
  await compute();
});

/**
 * Publishes the site into `site` as the publish step would on `at`, with version `version` of the script.
 */
async function publishOn(site: ObjectStore, at: Date, version: string) {
  const logger = memoryLogger();
  const publish = createPublishSiteHandler({
    published,
    site,
    countries: bundledCountryTable(),
    logger,
    clock: () => at,
    clientFiles: async () => clientFiles(version),
    supersededFilesGraceDays: 7,
  });
  const result = await publish();
  return { result, log: logger.lines.at(-1) };
}

/** Every content-hashed file a stored page or script loads that the store does not hold, as `page → file`. */
async function missingFiles(site: ObjectStore): Promise<string[]> {
  const keys = await site.list("");
  const stored = new Set(keys);
  const missing: string[] = [];
  for (const key of keys) {
    if (!key.endsWith(".html") && !/^site\.[0-9a-f]{10}\.js$/.test(key)) continue;
    const text = new TextDecoder().decode(await site.get(key));
    const references = key.endsWith(".html")
      ? [...text.matchAll(HASHED_REFERENCE)].map((match) => match[0])
      : [...text.matchAll(CHUNK_IMPORT)].map((match) => match[1] as string);
    for (const reference of references) {
      const file = posix.normalize(posix.join(posix.dirname(key), reference));
      if (!stored.has(file)) missing.push(`${key} → ${file}`);
    }
  }
  return missing;
}

async function startSite(): Promise<{ s3: LocalS3; bucket: S3ObjectStore; site: S3ObjectStore }> {
  const s3 = await startS3rver([SITE_BUCKET]);
  return {
    s3,
    bucket: new S3ObjectStore({ client: s3.client, bucket: SITE_BUCKET }),
    site: new S3ObjectStore({ client: s3.client, bucket: SITE_BUCKET, keyPrefix: "site/" }),
  };
}

describe("the publish step's prune", () => {
  it("keeps a superseded build's hashed files for the grace period, then deletes them and nothing else", async () => {
    const { bucket, site } = await startSite();
    const bytes = new TextEncoder().encode("/* not the site's */");
    const untouchable = [
      "style.0123456789.css",
      "other/site.0123456789.js",
      "site/style.0123456789.css.bak",
      "site/style.012345678.css",
      "site/downloads/report-2024.csv",
    ];
    for (const key of untouchable) await bucket.put(key, bytes);
    await site.put("style.1111111111.css", bytes);

    const first = await publishOn(site, day(0), "one");
    const afterFirst = new Set(await site.list(""));
    expect(first.log).toMatchObject({
      message: "site published",
      pruned: 0,
      prunedRecords: 0,
      stalePages: 0,
    });

    const second = await publishOn(site, day(1), "two");
    expect(second.log).toMatchObject({ pruned: 0, prunedRecords: 0 });
    for (const kept of [
      scriptOf("one"),
      chunkOf("one"),
      scriptOf("two"),
      chunkOf("two"),
      "style.1111111111.css",
    ])
      expect(await site.get(kept), kept).toBeDefined();
    expect(await missingFiles(site)).toEqual([]);

    const beforeThird = new Set(await site.list(""));
    const third = await publishOn(site, day(8), "two");
    const afterThird = new Set(await site.list(""));
    const firstRecord = first.log?.record as string;
    expect([...beforeThird].filter((key) => !afterThird.has(key)).sort()).toEqual(
      [chunkOf("one"), firstRecord, scriptOf("one"), "style.1111111111.css"].sort(),
    );
    expect([...afterThird].filter((key) => !beforeThird.has(key))).toEqual([third.log?.record]);
    expect(third.result.pruned).toBe(3);
    expect(third.log).toMatchObject({
      message: "site published",
      pruned: 3,
      prunedRecords: 1,
      stalePages: 0,
    });
    expect(await missingFiles(site)).toEqual([]);
    expect([...afterFirst].filter((key) => key.endsWith(".html") && !afterThird.has(key))).toEqual([]);

    const again = await publishOn(site, day(8), "two");
    expect(again.log).toMatchObject({ record: third.log?.record, pruned: 0, prunedRecords: 0 });
    expect(new Set(await site.list(""))).toEqual(afterThird);

    const fourth = await publishOn(site, day(9), "one");
    expect(fourth.log).toMatchObject({ pruned: 0 });
    for (const kept of [scriptOf("one"), chunkOf("one"), scriptOf("two"), chunkOf("two")])
      expect(await site.get(kept), kept).toBeDefined();
    expect(await missingFiles(site)).toEqual([]);

    for (const key of untouchable) expect(await bucket.get(key), key).toEqual(bytes);
  });

  it("after a publish killed mid-way, every page finds its files, and the next publish deletes none of them", async () => {
    const { site } = await startSite();
    await publishOn(site, day(0), "one");

    let pagesWritten = 0;
    const killed: ObjectStore = Object.assign(Object.create(site) as S3ObjectStore, {
      put: async (...args: Parameters<ObjectStore["put"]>) => {
        if (args[0].endsWith(".html") && ++pagesWritten > 10) throw new Error("the function timed out");
        return site.put(...args);
      },
    });
    await expect(publishOn(killed, day(1), "two")).rejects.toThrow("the function timed out");
    const scripts = new Set<string>();
    for (const page of (await site.list("")).filter((key) => key.endsWith(".html")))
      for (const version of ["one", "two"])
        if (new TextDecoder().decode(await site.get(page)).includes(scriptOf(version))) scripts.add(version);
    expect(scripts, "pages of both builds are served").toEqual(new Set(["one", "two"]));
    expect(await missingFiles(site)).toEqual([]);

    const next = await publishOn(site, day(8.5), "three");
    expect(next.log).toMatchObject({ pruned: 0, prunedRecords: 0 });
    for (const kept of [scriptOf("one"), chunkOf("one"), scriptOf("two"), chunkOf("two")])
      expect(await site.get(kept), kept).toBeDefined();
    expect(await missingFiles(site)).toEqual([]);
  });

  it("deletes at once what the registry no longer gives a page (a hub, the region only its seat was in), and keeps a page no build wrote", async () => {
    const { site } = await startSite();
    await site.put("by-hand.html", new TextEncoder().encode("<p>kept</p>"));
    await publishOn(site, day(0), "one");
    const region = "latin-america-and-caribbean";
    const withdrawn = ["", "es/", "fr/", "ar/"]
      .flatMap((language) => [
        `${language}hub-wm-edu.html`,
        `${language}region-${region}.html`,
        `${language}specs/region.${region}.shares.vl.json`,
        `${language}data/charts/region.${region}.shares.csv`,
      ])
      .sort();
    const before = await site.list("");
    expect(before.filter((key) => withdrawn.includes(key)).sort()).toEqual(withdrawn);

    const registry = HUBS_CSV.split("\n")
      .filter((line) => !line.startsWith("wm-edu,"))
      .join("\n");
    expect((await lake.ingest(registry, "council", "hubs.csv")).status).toBe("accepted");
    await compute();
    const next = await publishOn(site, day(1), "one");
    const stored = await site.list("");
    expect(before.filter((key) => !stored.includes(key)).sort()).toEqual(withdrawn);
    expect(next.log).toMatchObject({ withdrawn: 16, stalePages: 1, pruned: 0 });
    expect(next.result.withdrawn).toBe(16);
    expect(await site.get("by-hand.html")).toBeDefined();
    for (const page of stored.filter((key) => key.endsWith(".html")))
      expect(new TextDecoder().decode(await site.get(page)), page).not.toContain("Education Hub");
    expect(await missingFiles(site)).toEqual([]);
  });
});
