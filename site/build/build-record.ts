/**
 * The record of one published build: which pages it wrote, which content-hashed files those pages need, and which
 * other files it wrote. The publish step stores one per build beside the site (under {@link BUILD_RECORD_PREFIX}),
 * before it uploads the build, and marks it complete once every page is written; deciding which files were
 * withdrawn (`withdrawnFiles`) and which superseded files may go (`supersededFiles`) reads nothing else.
 */
import { isValidObjectKey } from "../../functions/ports/object-store.js";
import { contentHash, isContentHashed } from "../web/assets.js";

/** Where the build records live in the site's store. No site path starts with it, and CloudFront never serves it. */
export const BUILD_RECORD_PREFIX = "_builds/";

/** The version of the record's JSON; a record of another version is refused, never guessed at. */
export const BUILD_RECORD_FORMAT = 1;

const RECORD_KEY = /^_builds\/\d{8}T\d{9}Z-[0-9a-f]{10}\.json$/;
const PAGE = /\.html$/i;

/** One build as its record says. */
export interface BuildRecord {
  /** Where the record is stored, e.g. `_builds/20261120T120000000Z-0123456789.json`. */
  readonly key: string;
  /** When the publish step began: it writes the record, then the build's content-hashed files, then its pages. */
  readonly publishedAt: Date;
  /** When every page was written; absent while the publish runs, and for ever when it was killed. */
  readonly completedAt?: Date;
  /** The pages the build writes (`.html`): the only files that load content-hashed files. */
  readonly pages: readonly string[];
  /** The content-hashed files the build writes: everything its pages load, directly or through its script. */
  readonly hashedFiles: readonly string[];
  /** The other files the build writes (data, downloads, chart specs people link to): neither pages nor hashed. */
  readonly otherFiles: readonly string[];
}

/** A stored build record that cannot be read: the prune decision depends on it, so nothing is deleted. */
export class BuildRecordError extends Error {
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`build record ${key} cannot be read: ${problem}`);
    this.name = "BuildRecordError";
  }
}

/** Whether a site file is a page (`.html`, in any case): a file that loads content-hashed files. */
export function isSitePage(path: string): boolean {
  return PAGE.test(path);
}

/** Whether a site file is neither a page nor content-hashed: data, downloads and chart specs people link to. */
function isOtherFile(path: string): boolean {
  return !isSitePage(path) && !isContentHashed(path);
}

/** Whether a key of the site's store names a build record (rather than a site file or anything else). */
export function isBuildRecordKey(key: string): boolean {
  return RECORD_KEY.test(key);
}

/**
 * The record of a build about to be published, from the paths it writes: its key sorts by `publishedAt` (to the
 * millisecond), then by a hash of the paths, so that publishing the same paths at the same instant is idempotent.
 */
export function newBuildRecord(publishedAt: Date, paths: readonly string[]): BuildRecord {
  const sorted = [...paths].sort();
  const stamp = publishedAt.toISOString().replace(/[-:.]/g, "");
  return {
    key: `${BUILD_RECORD_PREFIX}${stamp}-${contentHash(sorted.join("\n"))}.json`,
    publishedAt,
    pages: sorted.filter(isSitePage),
    hashedFiles: sorted.filter(isContentHashed),
    otherFiles: sorted.filter(isOtherFile),
  };
}

/** The record as stored: JSON, indented, with a final newline. */
export function buildRecordJson(record: BuildRecord): string {
  const stored = {
    format: BUILD_RECORD_FORMAT,
    published_at: record.publishedAt.toISOString(),
    ...(record.completedAt && { completed_at: record.completedAt.toISOString() }),
    pages: record.pages,
    hashed_files: record.hashedFiles,
    other_files: record.otherFiles,
  };
  return `${JSON.stringify(stored, null, 2)}\n`;
}

/**
 * Reads a stored record, checking everything the prune decision relies on: the format, the times (an ISO instant
 * each; completed no earlier than published), pages that are pages, hashed files that are content-hashed and other
 * files that are neither, each
 * a key the store could hold. Throws {@link BuildRecordError} naming the first problem.
 */
export function parseBuildRecord(key: string, bytes: Uint8Array): BuildRecord {
  if (!isBuildRecordKey(key)) throw new BuildRecordError(key, "its key is not a build record's");
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new BuildRecordError(key, `it is not JSON (${error instanceof Error ? error.message : error})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new BuildRecordError(key, "it is not a JSON object");
  const fields = value as Record<string, unknown>;
  if (fields.format !== BUILD_RECORD_FORMAT)
    throw new BuildRecordError(
      key,
      `its format is ${JSON.stringify(fields.format)}; this publish step reads format ${BUILD_RECORD_FORMAT}`,
    );
  const publishedAt = instantOf(key, "published_at", fields.published_at);
  const completedAt =
    fields.completed_at === undefined ? undefined : instantOf(key, "completed_at", fields.completed_at);
  if (completedAt && completedAt < publishedAt)
    throw new BuildRecordError(key, "completed_at is earlier than published_at");
  const pages = pathsOf(key, "pages", fields.pages, isSitePage, "a page");
  const hashedFiles = pathsOf(key, "hashed_files", fields.hashed_files, isContentHashed, "content-hashed");
  const otherFiles = pathsOf(
    key,
    "other_files",
    fields.other_files,
    isOtherFile,
    "a data file (neither a page nor content-hashed)",
  );
  return { key, publishedAt, ...(completedAt && { completedAt }), pages, hashedFiles, otherFiles };
}

function instantOf(key: string, field: string, value: unknown): Date {
  const time = typeof value === "string" ? new Date(value) : undefined;
  if (!time || Number.isNaN(time.getTime()) || time.toISOString() !== value)
    throw new BuildRecordError(key, `${field} is not an ISO instant such as 2026-11-20T12:00:00.000Z`);
  return time;
}

function pathsOf(
  key: string,
  field: string,
  value: unknown,
  belongs: (path: string) => boolean,
  what: string,
): string[] {
  if (!Array.isArray(value)) throw new BuildRecordError(key, `${field} is not a list`);
  for (const path of value) {
    if (typeof path !== "string" || !isValidObjectKey(path) || path.startsWith(BUILD_RECORD_PREFIX))
      throw new BuildRecordError(key, `${field} holds ${JSON.stringify(path)}, which is not a site path`);
    if (!belongs(path)) throw new BuildRecordError(key, `${field} holds ${path}, which is not ${what}`);
  }
  return value as string[];
}
