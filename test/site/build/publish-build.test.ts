import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import type { ObjectStore, PutOptions } from "../../../functions/ports/object-store.js";
import { BuildRecordError, parseBuildRecord } from "../../../site/build/build-record.js";
import { publishBuild, ReservedSitePathError } from "../../../site/build/publish-build.js";
import { tempDir } from "../../helpers/temp.js";

const AT = new Date("2026-11-20T03:00:00.000Z");
const LATER = new Date("2026-11-20T03:02:00.000Z");
const BUILD = new Map<string, string>([
  ["index.html", '<link href="style.0123456789.css">'],
  ["data/indicators.json", "[]\n"],
  ["style.0123456789.css", "body{}"],
  ["es/index.html", '<link href="../style.0123456789.css">'],
  ["site-QX7ZK2PA.js", "/* chunk */"],
]);

/** A folder store that remembers every write and delete, in order. */
async function recordingStore(): Promise<ObjectStore & { readonly operations: string[] }> {
  const folder = new FolderStore(join(await tempDir(), "site"));
  const operations: string[] = [];
  return Object.assign(Object.create(folder) as FolderStore, {
    operations,
    async put(key: string, body: Uint8Array, options?: PutOptions) {
      operations.push(`put ${key}`);
      await folder.put(key, body, options);
    },
    async delete(key: string) {
      operations.push(`delete ${key}`);
      await folder.delete(key);
    },
  });
}

describe("publishing a build", () => {
  it("writes its record, its hashed files, its other files, its pages, then its record complete", async () => {
    const store = await recordingStore();
    const published = await publishBuild(store, BUILD, {
      publishedAt: AT,
      clock: () => LATER,
      gracePeriodDays: 7,
    });
    expect(published).toEqual({
      record: published.record,
      prunedFiles: 0,
      prunedRecords: 0,
      withdrawn: 0,
      stalePages: 0,
    });
    expect(store.operations).toEqual([
      `put ${published.record}`,
      "put style.0123456789.css",
      "put site-QX7ZK2PA.js",
      "put data/indicators.json",
      "put index.html",
      "put es/index.html",
      `put ${published.record}`,
    ]);
    const record = parseBuildRecord(published.record, (await store.get(published.record)) as Uint8Array);
    expect(record).toMatchObject({
      publishedAt: AT,
      completedAt: LATER,
      pages: ["es/index.html", "index.html"],
    });
  });

  it("refuses a build that writes where the records live, before writing anything", async () => {
    const store = await recordingStore();
    const build = new Map([...BUILD, ["_builds/index.html", "<p>"]]);
    await expect(
      publishBuild(store, build, { publishedAt: AT, clock: () => LATER, gracePeriodDays: 7 }),
    ).rejects.toThrow(new ReservedSitePathError("_builds/index.html"));
    expect(store.operations).toEqual([]);
  });

  it("deletes nothing when a stored record cannot be read", async () => {
    const store = await recordingStore();
    const unreadable = "_builds/20261101T030000000Z-0123456789.json";
    await store.put(unreadable, new TextEncoder().encode('{"format": 2}'));
    await store.put("style.1111111111.css", new TextEncoder().encode("body{}"));
    const publishing = publishBuild(store, BUILD, {
      publishedAt: AT,
      clock: () => new Date("2027-11-20T03:00:00.000Z"),
      gracePeriodDays: 7,
    });
    await expect(publishing).rejects.toThrow(BuildRecordError);
    await expect(publishing).rejects.toThrow(
      `build record ${unreadable} cannot be read: its format is 2; this publish step reads format 1`,
    );
    expect(store.operations.filter((operation) => operation.startsWith("delete"))).toEqual([]);
    expect(await store.get("style.1111111111.css")).toBeDefined();
  });
});
