import type { ObjectStore } from "../../functions/ports/object-store.js";
import { isContentHashed, REVALIDATE_CACHE } from "../web/assets.js";
import { CONTENT_TYPES } from "../web/content-types.js";
import {
  BUILD_RECORD_PREFIX,
  type BuildRecord,
  buildRecordJson,
  isBuildRecordKey,
  isSitePage,
  newBuildRecord,
  parseBuildRecord,
} from "./build-record.js";
import { objectStoreSiteWriter } from "./site-writer.js";
import { supersededFiles } from "./superseded-files.js";
import { withdrawnFiles } from "./withdrawn-files.js";

/** Raised before anything is written when a build would write where the build records live. */
export class ReservedSitePathError extends Error {
  constructor(readonly path: string) {
    super(`site path ${path} is under ${BUILD_RECORD_PREFIX}, where the build records live`);
    this.name = "ReservedSitePathError";
  }
}

/** How a build is published. */
export interface PublishBuildOptions {
  /** When the publish began (the build's `generatedAt`): the record's `publishedAt`. */
  readonly publishedAt: Date;
  /** The time when every page is written, for `completedAt`, and for the grace period. */
  readonly clock: () => Date;
  /** How long a superseded build's content-hashed files stay (see `supersededFiles`). */
  readonly gracePeriodDays: number;
}

/** What publishing a build did. */
export interface PublishedBuild {
  /** The key of the build's record. */
  readonly record: string;
  /** Content-hashed files of superseded builds deleted. */
  readonly prunedFiles: number;
  /** Records of superseded builds deleted. */
  readonly prunedRecords: number;
  /** Pages and other files an earlier build published and this one does not, deleted (see `withdrawnFiles`). */
  readonly withdrawn: number;
  /**
   * Pages in the store the build does not write and no build record names (written before builds were recorded,
   * or by hand): never deleted, they keep the files they load (see `supersededFiles`).
   */
  readonly stalePages: number;
}

/**
 * Publishes a built site into its store so that every page, at every moment, finds the files it loads, then
 * deletes what superseded builds left behind once no open page may need it:
 *
 * 1. the build's record, naming its pages and content-hashed files (so that a concurrent prune keeps them);
 * 2. its content-hashed files, then the other files, then its pages last;
 * 3. the record again, now complete;
 * 4. every key of the store is listed, then the records (keys under `_builds/` that are not records' are neither
 *    read nor deleted); a record that cannot be read stops the publish here (`BuildRecordError`), before anything
 *    is deleted;
 * 5. the withdrawn files, which earlier builds published and this one does not (`withdrawnFiles`: a hub page
 *    whose seat became protected must not stay online), are deleted at once;
 * 6. the prune: `supersededFiles` decides over what is left; its files are deleted, then the records of the
 *    builds they belonged to.
 *
 * A publish killed at any step leaves a whole site: earlier builds' files are kept while its record stays
 * incomplete, and the next publish finishes the prune. Publishing again is idempotent. Two publishes are not
 * meant to overlap (the workflow runs them one after the other); if they do, a file deleted by one's prune while
 * the other re-adds it is the one case this order does not cover.
 */
export async function publishBuild(
  store: ObjectStore,
  files: ReadonlyMap<string, string | Uint8Array>,
  options: PublishBuildOptions,
): Promise<PublishedBuild> {
  const paths = [...files.keys()];
  const reserved = paths.find((path) => path.startsWith(BUILD_RECORD_PREFIX));
  if (reserved !== undefined) throw new ReservedSitePathError(reserved);
  const record = newBuildRecord(options.publishedAt, paths);
  await putRecord(store, record);

  const writer = objectStoreSiteWriter(store);
  const order = (path: string) => (isContentHashed(path) ? 0 : isSitePage(path) ? 2 : 1);
  for (const stage of [0, 1, 2])
    for (const path of paths)
      if (order(path) === stage) await writer.write(path, files.get(path) as string | Uint8Array);
  await putRecord(store, { ...record, completedAt: options.clock() });

  const storedKeys = await store.list("");
  const records: BuildRecord[] = [];
  for (const key of await store.list(BUILD_RECORD_PREFIX)) {
    if (!isBuildRecordKey(key)) continue;
    const bytes = await store.get(key);
    if (bytes) records.push(parseBuildRecord(key, bytes));
  }
  const withdrawn = withdrawnFiles({ currentBuild: record.key, records, storedKeys });
  for (const key of withdrawn) await store.delete(key);
  const gone = new Set(withdrawn);
  const superseded = supersededFiles({
    now: options.clock(),
    gracePeriodDays: options.gracePeriodDays,
    currentBuild: record.key,
    records,
    storedKeys: storedKeys.filter((key) => !gone.has(key)),
  });
  for (const key of superseded.files) await store.delete(key);
  for (const key of superseded.records) await store.delete(key);
  return {
    record: record.key,
    prunedFiles: superseded.files.length,
    prunedRecords: superseded.records.length,
    withdrawn: withdrawn.length,
    stalePages: superseded.stalePages.length,
  };
}

async function putRecord(store: ObjectStore, record: BuildRecord): Promise<void> {
  await store.put(record.key, new TextEncoder().encode(buildRecordJson(record)), {
    contentType: CONTENT_TYPES[".json"],
    cacheControl: REVALIDATE_CACHE,
  });
}
