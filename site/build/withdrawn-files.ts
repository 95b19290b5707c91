/**
 * Which files of a published site were withdrawn: what an earlier build published and the current one does not —
 * the page of a hub now seated in a protected country, of a scenario the Council withdrew, their chart specs and
 * data. The publish step deletes them once the current build is complete: a withdrawn page must stop being served
 * (disclosure comes before a browser that still shows it), and the content-hashed files it loaded are left to the
 * grace period of `supersededFiles`.
 */
import { isValidObjectKey } from "../../functions/ports/object-store.js";
import { isContentHashed } from "../web/assets.js";
import { BUILD_RECORD_PREFIX, type BuildRecord } from "./build-record.js";

/** What the decision is made from. */
export interface WithdrawnFilesInput {
  /** The key of the record of the build just published, complete. */
  readonly currentBuild: string;
  /** Every build record in the store, the current build's among them. */
  readonly records: readonly BuildRecord[];
  /** Every key in the site's store. */
  readonly storedKeys: readonly string[];
}

/**
 * The stored pages and other files (never content-hashed ones, never records) that a recorded build wrote and the
 * current build does not, sorted. A file no record names (written before builds were recorded, or by hand) is
 * never withdrawn: the publish step deletes only what it published.
 */
export function withdrawnFiles(input: WithdrawnFilesInput): string[] {
  const current = input.records.find((record) => record.key === input.currentBuild);
  if (!current) throw new Error(`the current build's record ${input.currentBuild} is not among the records`);
  if (current.completedAt === undefined)
    throw new Error(`the current build ${current.key} is not complete: nothing is withdrawn before it is`);
  const published = new Set([...current.pages, ...current.otherFiles]);
  const recorded = new Set(input.records.flatMap((record) => [...record.pages, ...record.otherFiles]));
  return input.storedKeys
    .filter(
      (key) =>
        isValidObjectKey(key) &&
        !key.startsWith(BUILD_RECORD_PREFIX) &&
        !isContentHashed(key) &&
        recorded.has(key) &&
        !published.has(key),
    )
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
