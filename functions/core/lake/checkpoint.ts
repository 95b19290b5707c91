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

/**
 * The newest verified checkpoint with its lines, and the checkpoints passed over on the way, with why. Its entries
 * are parsed only when asked for (`checkpointEntries`): an engine that reads the checkpoint itself needs only to
 * know that it verified.
 */
export interface CheckpointRead {
  readonly checkpoint: ManifestCheckpoint | undefined;
  /**
   * The entries 1..throughSeq as checkpoint lines, in order, each stating its sequence number; whether each is
   * all JSON is known when they are parsed (`checkpointEntries`).
   */
  readonly lines: string[];
  readonly problems: string[];
}

/**
 * A checkpoint holds a line that is not the manifest entry it claims to be, found when its entries are parsed
 * (after it verified: its content is what its name states, so the writer that made it was at fault). A reader
 * passes it over and reads the entry objects instead, unless an engine already computes from it.
 */
export class CheckpointLineError extends Error {
  constructor(
    readonly key: string,
    /** What is wrong, as a checkpoint passed over says it: e.g. "line 3 is not JSON". */
    readonly detail: string,
  ) {
    super(
      `manifest checkpoint ${key}: ${detail}; it was written wrongly: delete it, and the manifest is read from an older checkpoint or the entry objects`,
    );
    this.name = "CheckpointLineError";
  }

  /** What a reader that passes the checkpoint over says of it, as verification says of one it passes over. */
  get passedOver(): string {
    return messages.passedOver(this.key, this.detail);
  }
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
 * used only if its content has the SHA-256 its name states, its lines state the sequence numbers 1..n in order,
 * and its last line is the entry object `manifest/<n>.json` itself; one that does not (damaged, truncated,
 * claiming entries the manifest does not have) is passed over and said so in `problems`, as is a pointer that
 * names nothing. When no checkpoint verifies, there is none: the reader then reads every entry, which is always
 * right. Its lines are parsed later (`checkpointEntries`); a line that is not all JSON, or not the entry it states,
 * is found then (`CheckpointLineError`), and `LakeReader` passes the checkpoint over at that point.
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
  return found ?? { checkpoint: undefined, lines: [], problems };
}

/**
 * The checkpoint this process verified last, by key, with its bytes, lines and (once parsed) entries: a second
 * reader in the process that reads the very same bytes reuses them instead of decompressing, hashing and parsing
 * again, still checking the entry they end with.
 */
const verified = new Map<
  string,
  { readonly compressed: Buffer; readonly lines: string[]; entries?: Promise<ManifestEntry[]> }
>();

/** How many checkpoint lines `checkpointEntries` parses before letting other work run. */
const LINES_PER_TURN = 2_000;

/**
 * The entries of a checkpoint `readLatestCheckpoint` verified, parsed from its lines a slice at a time, yielding to
 * other work between slices (an engine computing meanwhile is not held up). Throws `CheckpointLineError` for a
 * line that is not JSON, not an object, or not the entry of its sequence number.
 */
export function checkpointEntries(
  checkpoint: ManifestCheckpoint,
  lines: readonly string[],
): Promise<ManifestEntry[]> {
  const known = verified.get(checkpoint.key);
  if (!known) return parseLines(checkpoint.key, lines);
  known.entries ??= parseLines(checkpoint.key, known.lines);
  return known.entries.then((entries) => [...entries]);
}

async function parseLines(key: string, lines: readonly string[]): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = new Array(lines.length);
  for (let start = 0; start < lines.length; start += LINES_PER_TURN) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (let index = start; index < Math.min(start + LINES_PER_TURN, lines.length); index++) {
      let entry: ManifestEntry;
      try {
        entry = JSON.parse(lines[index] as string) as ManifestEntry;
      } catch {
        throw new CheckpointLineError(key, `line ${index + 1} is not JSON`);
      }
      if (typeof entry !== "object" || entry === null || entry.seq !== index + 1)
        throw new CheckpointLineError(key, `line ${index + 1} is not manifest entry ${index + 1}`);
      entries[index] = entry;
    }
  }
  return entries;
}

/**
 * The sequence number a checkpoint line states: read from the line's start when it begins as ingest writes every
 * entry (report id, then seq), else from its JSON; undefined when it is not JSON.
 */
function seqOfLine(line: string): number | undefined {
  const written = seqAfterReportId(line);
  if (written !== undefined) return written;
  try {
    const entry = JSON.parse(line) as { seq?: unknown } | null;
    return typeof entry?.seq === "number" ? entry.seq : Number.NaN;
  } catch {
    return undefined;
  }
}

const REPORT_ID_FIRST = '{"report_id":"';
const SEQ_NEXT = '","seq":';

/** The seq of a line that starts `{"report_id":"<id without escapes>","seq":<digits>,"`, else undefined. */
function seqAfterReportId(line: string): number | undefined {
  if (!line.startsWith(REPORT_ID_FIRST)) return undefined;
  const idEnd = line.indexOf('"', REPORT_ID_FIRST.length);
  if (
    idEnd < 0 ||
    line.lastIndexOf("\\", idEnd) >= REPORT_ID_FIRST.length ||
    !line.startsWith(SEQ_NEXT, idEnd)
  )
    return undefined;
  const digitsFrom = idEnd + SEQ_NEXT.length;
  let seq = 0;
  let index = digitsFrom;
  for (; index < line.length && index - digitsFrom < 15; index++) {
    const digit = line.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) break;
    seq = seq * 10 + digit;
  }
  const digits = index - digitsFrom;
  if (digits === 0 || (digits > 1 && line.charCodeAt(digitsFrom) === 48) || !line.startsWith(',"', index))
    return undefined;
  return seq;
}

async function verifiedCheckpoint(
  store: ObjectStore,
  checkpoint: ManifestCheckpoint,
  problems: string[],
): Promise<{ checkpoint: ManifestCheckpoint; lines: string[] } | undefined> {
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
      return { checkpoint, lines: [...known.lines] };
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
    return content.byteLength === 0 ? { checkpoint, lines: [] } : fail("it claims no entries but holds some");
  const text = content.toString("utf8");
  if (!text.endsWith("\n")) return fail("its last line is not complete");
  const lines = text.slice(0, -1).split("\n");
  if (lines.length !== checkpoint.throughSeq)
    return fail(`it holds ${lines.length} lines, not the ${checkpoint.throughSeq} entries its name states`);
  for (const [index, line] of lines.entries()) {
    const seq = seqOfLine(line);
    if (seq === undefined) return fail(`line ${index + 1} is not JSON`);
    if (seq !== index + 1) return fail(`line ${index + 1} holds entry ${seq}, not ${index + 1}`);
  }
  const lastKey = lakeLayout.manifestKey(checkpoint.throughSeq);
  const last = await store.get(lastKey);
  if (!last) return fail(`${lastKey}, the entry it ends with, is not in the manifest`);
  if (checkpointLine(new TextDecoder().decode(last)) !== lines.at(-1))
    return fail(`its last line differs from ${lastKey}`);
  verified.clear();
  verified.set(checkpoint.key, { compressed: Buffer.from(compressed), lines });
  return { checkpoint, lines: [...lines] };
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
