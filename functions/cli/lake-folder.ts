import { stat } from "node:fs/promises";
import { FolderStore } from "../adapters/local/folder-store.js";
import { lakeLayout } from "../core/lake/layout.js";
import { fileErrorReason, isFileSystemError } from "./file-errors.js";
import { UsageError } from "./usage-error.js";

/**
 * The lake a command reads from: a folder that exists and holds a manifest (at least one ingested report).
 * Anything else is a usage error, never an empty lake: computing from a mistyped path must not publish nothing.
 */
export async function existingLake(path: string, option = "--lake"): Promise<FolderStore> {
  const info = await stat(path).catch((error: unknown) => {
    if (!isFileSystemError(error)) throw error;
    if (error.code === "ENOENT")
      throw new UsageError(
        `${option} ${path} does not exist: check the path, or ingest reports into it first (observatory ingest --lake ${path} ...)`,
      );
    throw new UsageError(`${option} ${path}: ${fileErrorReason(error, "open")}`);
  });
  if (!info.isDirectory())
    throw new UsageError(`${option} ${path} is a file, not a lake folder: name the folder you ingested into`);
  const store = new FolderStore(path);
  if (!(await holdsManifest(store)))
    throw new UsageError(
      `${option} ${path} holds no manifest, so nothing was ever ingested there: check the path, or ingest reports first (observatory ingest --lake ${path} ...)`,
    );
  return store;
}

/** Whether the lake holds a manifest entry: its first (read, not listed: the folder may hold 40,000), or any. */
async function holdsManifest(store: FolderStore): Promise<boolean> {
  if ((await store.get(lakeLayout.manifestKey(1))) !== undefined) return true;
  return (await store.list(lakeLayout.manifestPrefix)).some(
    (key) => lakeLayout.seqOfManifestKey(key) !== undefined,
  );
}
