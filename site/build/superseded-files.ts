/**
 * Which content-hashed files of a published site may be deleted: the pure decision the publish step acts on.
 *
 * A page loads the content-hashed files of the build that wrote it. Pages are revalidated on every visit, but a
 * browser may keep one open (or in its back-forward cache) and load the rest later, so a build's files stay while
 * any page it wrote may still be open: until a later build that completed after it rewrote every such page, and
 * a grace period has passed since. Only then, and only for files no such build still needs, may a file go.
 */
import { isValidObjectKey } from "../../functions/ports/object-store.js";
import { isContentHashed } from "../web/assets.js";
import { BUILD_RECORD_PREFIX, type BuildRecord, isSitePage } from "./build-record.js";

const DAY_MS = 86_400_000;

/** What the decision is made from. */
export interface SupersededFilesInput {
  readonly now: Date;
  /** How long a page replaced by a later build may still be open in a browser: whole days, at least one. */
  readonly gracePeriodDays: number;
  /** The key of the record of the build just published: its files are never deleted. */
  readonly currentBuild: string;
  /** Every build record in the store, the current build's among them. */
  readonly records: readonly BuildRecord[];
  /** Every key in the site's store, listed before the records were. */
  readonly storedKeys: readonly string[];
}

/** What may be deleted, and what holds the rest. */
export interface SupersededFiles {
  /** Content-hashed files no build that may still be open needs, sorted: delete these first. */
  readonly files: string[];
  /** Records of builds no page may still show, sorted: delete these once the files are gone. */
  readonly records: string[];
  /**
   * Pages in the store that the current build does not write: still served, they keep the files of the build
   * that last wrote them for as long as they stay. The publish step deletes the ones a recorded build wrote first
   * (`withdrawnFiles`), so those left were written before builds were recorded, or by hand.
   */
  readonly stalePages: string[];
}

/**
 * Decides which content-hashed files and build records may be deleted.
 *
 * A build is still needed when it is the current one, or when some page it wrote is still stored and has not been
 * rewritten, at least `gracePeriodDays` ago, by a complete build that began after this one finished (or, if this
 * one never finished, after it began). A file is kept if a needed build names it. Files no record names (written
 * before builds were recorded) count as written by a build older than every record, whose pages are every stored
 * page. Only keys that are content-hashed site paths outside the records' prefix are ever candidates; pages,
 * other files and records named by a needed build never are.
 */
export function supersededFiles(input: SupersededFilesInput): SupersededFiles {
  const { currentBuild, storedKeys } = input;
  if (!(Number.isInteger(input.gracePeriodDays) && input.gracePeriodDays >= 1))
    throw new Error(
      `the grace period must be a whole number of days, at least 1, not ${input.gracePeriodDays}`,
    );
  const current = input.records.find((record) => record.key === currentBuild);
  if (!current) throw new Error(`the current build's record ${currentBuild} is not among the records`);
  const cutoff = input.now.getTime() - input.gracePeriodDays * DAY_MS;
  const builds = [...input.records]
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || compare(a.key, b.key))
    .map((record) => ({ record, pages: new Set(record.pages) }));
  const storedPages = new Set(
    storedKeys.filter((key) => !key.startsWith(BUILD_RECORD_PREFIX) && isSitePage(key)),
  );

  const rewrittenLongAgo = (page: string, laterThan: number, writesEnded: number) =>
    builds.some(
      ({ record, pages }, index) =>
        index > laterThan &&
        record.completedAt !== undefined &&
        record.completedAt.getTime() <= cutoff &&
        record.publishedAt.getTime() >= writesEnded &&
        pages.has(page),
    );
  const needed = new Set<BuildRecord>();
  builds.forEach(({ record }, index) => {
    const writesEnded = (record.completedAt ?? record.publishedAt).getTime();
    if (
      record === current ||
      record.pages.some((page) => storedPages.has(page) && !rewrittenLongAgo(page, index, writesEnded))
    )
      needed.add(record);
  });
  const unrecordedNeeded = [...storedPages].some(
    (page) => !rewrittenLongAgo(page, -1, Number.NEGATIVE_INFINITY),
  );

  const kept = new Set([...needed].flatMap((record) => record.hashedFiles));
  const recorded = new Set(input.records.flatMap((record) => record.hashedFiles));
  const files = storedKeys
    .filter((key) => isPrunable(key) && !kept.has(key) && (recorded.has(key) || !unrecordedNeeded))
    .sort(compare);
  const records = input.records
    .filter((record) => !needed.has(record))
    .map((record) => record.key)
    .sort(compare);
  const written = new Set(current.pages);
  const stalePages = [...storedPages].filter((page) => !written.has(page)).sort(compare);
  return { files, records, stalePages };
}

/** A key the prune may ever delete: a content-hashed site path, outside the records' prefix. */
function isPrunable(key: string): boolean {
  return isValidObjectKey(key) && !key.startsWith(BUILD_RECORD_PREFIX) && isContentHashed(key);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
