import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { ObjectExistsError, type ObjectStore } from "../../ports/object-store.js";
import { lakeLayout } from "./layout.js";
import type { ManifestEntry } from "./manifest.js";

/** How many entries may follow the newest checkpoint before the ingest that commits the next writes a new one. */
export const CHECKPOINT_INTERVAL = 100;

/**
 * A manifest checkpoint: the entries 1..`throughSeq` in one object, so that a reader gets the whole manifest from
 * it and the entries after it, whatever the size of the lake. Derived data: every entry it holds is also its own
 * object under `manifest/`, and a checkpoint that does not verify is passed over.
 */
export interface ManifestCheckpoint {
  readonly key: string;
  /** `<seq>-<sha256>`: the checkpoint's folder, and its partition in Athena's `manifest_checkpoints` table. */
  readonly id: string;
  readonly throughSeq: number;
  /** SHA-256 of the uncompressed content: the entries' lines, each ended by `\n`. */
  readonly sha256: string;
}

/** The newest verified checkpoint with its entries, and the checkpoints passed over on the way, with why. */
export interface CheckpointRead {
  readonly checkpoint: ManifestCheckpoint | undefined;
  /** The entries 1..throughSeq, in order; none without a checkpoint. */
  readonly entries: ManifestEntry[];
  /** The same entries as checkpoint lines. */
  readonly lines: string[];
  readonly problems: string[];
}

/**
 * An entry object's text as a checkpoint line: its JSON on one line. Ingest writes each entry as one line of
 * JSON, which is kept byte for byte; an entry written otherwise (by hand, pretty-printed) is re-serialised.
 */
export function checkpointLine(entryText: string): string {
  const text = entryText.replace(/\r?\n$/, "");
  return /[\r\n]/.test(text) ? JSON.stringify(JSON.parse(text)) : text;
}

/**
 * Writes the checkpoint of the entries 1..`lines.length` (each line the entry of that sequence number), created
 * only if absent: its key names its last sequence number and its content's SHA-256, so two writers of the same
 * entries write the same object, once. Then points `checkpoints/manifest-last.json` at it, unless that already
 * names a later one. Returns the checkpoint.
 */
export async function writeCheckpoint(
  store: ObjectStore,
  lines: readonly string[],
): Promise<ManifestCheckpoint> {
  const content = Buffer.from(lines.map((line) => `${line}\n`).join(""), "utf8");
  const sha256 = createHash("sha256").update(content).digest("hex");
  const checkpoint: ManifestCheckpoint = {
    key: lakeLayout.checkpointKey(lines.length, sha256),
    id: lakeLayout.checkpointId(lines.length, sha256),
    throughSeq: lines.length,
    sha256,
  };
  try {
    await store.put(checkpoint.key, new Uint8Array(gzipSync(content)), {
      ifAbsent: true,
      contentType: "application/x-ndjson",
    });
  } catch (error) {
    if (!(error instanceof ObjectExistsError)) throw error;
  }
  await pointAt(store, checkpoint);
  return checkpoint;
}

/**
 * Points `checkpoints/manifest-last.json` at a checkpoint, unless it already names this one or a later one. The
 * pointer is only a hint for listing: a stale one (two writers racing) costs a reader a longer listing, no more.
 */
export async function pointAt(store: ObjectStore, checkpoint: ManifestCheckpoint): Promise<void> {
  const pointer = await readPointer(store, []);
  if (pointer && pointer.throughSeq >= checkpoint.throughSeq) return;
  await store.put(
    lakeLayout.lastCheckpointKey,
    new TextEncoder().encode(
      `${JSON.stringify({ through_seq: checkpoint.throughSeq, sha256: checkpoint.sha256 })}\n`,
    ),
    { contentType: "application/json" },
  );
}

/**
 * The checkpoint `readLatestCheckpoint` tries first: the newest that the pointer leads to (or, without a pointer,
 * the newest of all), found by reading the pointer and listing, without reading or verifying the checkpoint. An
 * engine may start loading it while the manifest is read and verified, and must drop what it loaded unless the
 * checkpoint the manifest was read from is this one (see `LakeReader.sources`).
 */
export async function checkpointTriedFirst(store: ObjectStore): Promise<ManifestCheckpoint | undefined> {
  const pointer = await readPointer(store, []);
  const keys = await store.list(
    lakeLayout.checkpointPrefix,
    pointer ? { startAfter: lakeLayout.checkpointsFrom(pointer.throughSeq) } : {},
  );
  const [newest] = candidatesNewestFirst(keys, new Set());
  return newest?.length === 1 ? newest[0] : undefined;
}

/** The checkpoints among `keys` not yet tried, grouped by the last entry they claim, newest first. */
function candidatesNewestFirst(keys: readonly string[], tried: ReadonlySet<string>): ManifestCheckpoint[][] {
  const bySeq = new Map<number, ManifestCheckpoint[]>();
  for (const key of keys) {
    const parsed = lakeLayout.checkpointOfKey(key);
    if (!parsed || tried.has(key)) continue;
    bySeq.set(parsed.throughSeq, [...(bySeq.get(parsed.throughSeq) ?? []), { key, ...parsed }]);
  }
  return [...bySeq.keys()].sort((a, b) => b - a).map((seq) => bySeq.get(seq) ?? []);
}

/**
 * Finds the newest checkpoint that verifies, reading a bounded number of objects: the pointer, a listing of the
 * checkpoints from the one it names on, and the checkpoint itself with the entry it ends with. A checkpoint is
 * used only if its content has the SHA-256 its name states, holds exactly the entries 1..n in order, and its last
 * line is the entry object `manifest/<n>.json` itself; one that does not (damaged, truncated, claiming entries
 * the manifest does not have) is passed over and said so in `problems`, as is a pointer that names nothing. When
 * no checkpoint verifies, there is none: the reader then reads every entry, which is always right.
 */
export async function readLatestCheckpoint(store: ObjectStore): Promise<CheckpointRead> {
  const problems: string[] = [];
  const pointer = await readPointer(store, problems);
  const tried = new Set<string>();
  const attempt = async (keys: readonly string[]): Promise<CheckpointRead | undefined> => {
    for (const candidates of candidatesNewestFirst(keys, tried)) {
      for (const candidate of candidates) tried.add(candidate.key);
      if (candidates.length > 1) {
        problems.push(
          messages.ambiguous(
            (candidates[0] as ManifestCheckpoint).throughSeq,
            candidates.map((c) => c.key),
          ),
        );
        continue;
      }
      const [candidate] = candidates as [ManifestCheckpoint];
      const read = await verifiedCheckpoint(store, candidate, problems);
      if (read) return { ...read, problems };
    }
    return undefined;
  };
  if (pointer) {
    const found = await attempt(
      await store.list(lakeLayout.checkpointPrefix, {
        startAfter: lakeLayout.checkpointsFrom(pointer.throughSeq),
      }),
    );
    if (found) return found;
    problems.push(messages.pointerUnverified(pointer.throughSeq));
  }
  const found = await attempt(await store.list(lakeLayout.checkpointPrefix));
  return found ?? { checkpoint: undefined, entries: [], lines: [], problems };
}

/**
 * The checkpoint this process verified last, by key, with its bytes and parsed entries: a second reader in the
 * process (compute reads the manifest twice) that reads the very same bytes reuses the entries instead of
 * decompressing, hashing and parsing them again, still checking the entry they end with.
 */
const verified = new Map<
  string,
  { readonly compressed: Buffer; readonly entries: ManifestEntry[]; readonly lines: string[] }
>();

async function verifiedCheckpoint(
  store: ObjectStore,
  checkpoint: ManifestCheckpoint,
  problems: string[],
): Promise<{ checkpoint: ManifestCheckpoint; entries: ManifestEntry[]; lines: string[] } | undefined> {
  const fail = (why: string) => {
    problems.push(messages.passedOver(checkpoint.key, why));
    return undefined;
  };
  const compressed = await store.get(checkpoint.key);
  if (!compressed) return fail("it vanished while being read");
  const known = verified.get(checkpoint.key);
  if (known && Buffer.from(compressed).equals(known.compressed)) {
    const last = await store.get(lakeLayout.manifestKey(checkpoint.throughSeq));
    if (last && checkpointLine(new TextDecoder().decode(last)) === known.lines.at(-1))
      return { checkpoint, entries: [...known.entries], lines: [...known.lines] };
  }
  let content: Buffer;
  try {
    content = gunzipWhole(compressed);
  } catch {
    return fail("it is not complete gzip");
  }
  const sha256 = createHash("sha256").update(content).digest("hex");
  if (sha256 !== checkpoint.sha256)
    return fail(`its content's SHA-256 is ${sha256}, not the one its name states`);
  if (checkpoint.throughSeq === 0)
    return content.byteLength === 0
      ? { checkpoint, entries: [], lines: [] }
      : fail("it claims no entries but holds some");
  const text = content.toString("utf8");
  if (!text.endsWith("\n")) return fail("its last line is not complete");
  const lines = text.slice(0, -1).split("\n");
  if (lines.length !== checkpoint.throughSeq)
    return fail(`it holds ${lines.length} lines, not the ${checkpoint.throughSeq} entries its name states`);
  const entries: ManifestEntry[] = [];
  for (const [index, line] of lines.entries()) {
    try {
      entries.push(JSON.parse(line) as ManifestEntry);
    } catch {
      return fail(`line ${index + 1} is not JSON`);
    }
  }
  const misplaced = entries.findIndex((entry, index) => entry?.seq !== index + 1);
  if (misplaced >= 0)
    return fail(`line ${misplaced + 1} holds entry ${entries[misplaced]?.seq}, not ${misplaced + 1}`);
  const lastKey = lakeLayout.manifestKey(checkpoint.throughSeq);
  const last = await store.get(lastKey);
  if (!last) return fail(`${lastKey}, the entry it ends with, is not in the manifest`);
  if (checkpointLine(new TextDecoder().decode(last)) !== lines.at(-1))
    return fail(`its last line differs from ${lastKey}`);
  verified.clear();
  verified.set(checkpoint.key, { compressed: Buffer.from(compressed), entries, lines });
  return { checkpoint, entries: [...entries], lines: [...lines] };
}

/** The most output one gzip member's stated size makes `gunzipWhole` allocate in one piece. */
const ONE_PIECE_LIMIT = 256 * 1024 * 1024;

/**
 * Decompresses gzip into one buffer sized by the size its trailer states (ISIZE), so that tens of megabytes are
 * not produced in 64 KiB pieces and copied together again. The stated size is only a hint, never trusted beyond
 * 256 MiB: of several members it is the last one's, which costs the usual pieces; a wrong one gzip refuses.
 */
export function gunzipWhole(compressed: Uint8Array): Buffer {
  const stated =
    compressed.byteLength >= 18
      ? Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength).readUInt32LE(
          compressed.byteLength - 4,
        )
      : 0;
  return gunzipSync(compressed, { chunkSize: Math.max(64 * 1024, Math.min(stated + 1, ONE_PIECE_LIMIT)) });
}

/** The checkpoint `checkpoints/manifest-last.json` names, if it is readable. */
async function readPointer(
  store: ObjectStore,
  problems: string[],
): Promise<{ throughSeq: number; sha256: string } | undefined> {
  const bytes = await store.get(lakeLayout.lastCheckpointKey);
  if (!bytes) return undefined;
  try {
    const { through_seq: throughSeq, sha256 } = JSON.parse(new TextDecoder().decode(bytes)) as Record<
      string,
      unknown
    >;
    if (
      typeof throughSeq === "number" &&
      Number.isSafeInteger(throughSeq) &&
      throughSeq >= 0 &&
      typeof sha256 === "string"
    )
      return { throughSeq, sha256 };
  } catch {
    // reported below
  }
  problems.push(messages.pointerUnreadable());
  return undefined;
}

const messages = {
  passedOver: (key: string, why: string) => `manifest checkpoint ${key} was passed over: ${why}`,
  ambiguous: (seq: number, keys: readonly string[]) =>
    `manifest checkpoints ${keys.join(" and ")} both claim entries 1..${seq} with different content; both were passed over`,
  pointerUnverified: (seq: number) =>
    `${lakeLayout.lastCheckpointKey} names a checkpoint through entry ${seq}, but no checkpoint from there on verifies; the older ones were tried`,
  pointerUnreadable: () => `${lakeLayout.lastCheckpointKey} is not a checkpoint pointer; it was ignored`,
};
