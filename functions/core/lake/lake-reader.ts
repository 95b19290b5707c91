import type { ObjectStore } from "../../ports/object-store.js";
import type { HubKind } from "../reporting/kinds.js";
import type { HubRecord, ReferenceState } from "../reporting/validate.js";
import {
  CHECKPOINT_INTERVAL,
  CheckpointLineError,
  checkpointEntries,
  checkpointLine,
  type ManifestCheckpoint,
  pointAt,
  readLatestCheckpoint,
  writeCheckpoint,
} from "./checkpoint.js";
import { lakeLayout } from "./layout.js";
import { compareUploadOrder, type ManifestEntry, manifestEntryText } from "./manifest.js";
import { readParquetRows } from "./parquet.js";

/** The manifest lacks an entry while later ones exist: no checkpoint may be written over the gap. */
export class ManifestGapError extends Error {
  constructor(readonly missingSeq: number) {
    super(
      `the manifest has no entry ${missingSeq}, though later ones exist; no checkpoint can be written over a gap`,
    );
    this.name = "ManifestGapError";
  }
}

/** How a reader treats the manifest's checkpoints. */
export interface LakeReaderOptions {
  /** How many entries may follow the newest checkpoint before `checkpointIfDue` writes one. @default CHECKPOINT_INTERVAL */
  readonly checkpointInterval?: number;
}

/** Where the manifest a reader read comes from: the checkpoint it started from and the entry objects after it. */
export interface ManifestSources {
  readonly checkpoint: ManifestCheckpoint | undefined;
  /** The entry objects read after the checkpoint (every entry without one), in key order. */
  readonly entryKeys: readonly string[];
}

/**
 * Reads the lake for ingest: its manifest, and what validation needs to know of it (the registry of the newest
 * `hubs` upload, every exchange rate with its value: of several uploads of a (currency, year), the newest
 * upload's, as the indicators read it). The manifest is read from its newest checkpoint that verifies and the
 * entries after it (see `readLatestCheckpoint`), so the objects read do not grow with the lake; later calls list
 * only the entries after the last one seen. The checkpoint's lines are parsed into entries when entries are first
 * asked for (`sourcesRead` does not ask). Manifest entries and curated files are immutable, so each is read
 * once and cached: a session that ingests many files reads each entry once, not once per file.
 */
export class LakeReader {
  private readonly rowsByKey = new Map<string, Record<string, string | number | boolean | null>[]>();
  private entries: ManifestEntry[] = [];
  /** Whether `sourcesRead` has named the checkpoint to an engine (which then computes from it). */
  private sourcesGiven = false;
  /** The checkpoint the reader started from, until its lines are parsed into `entries` (when entries are asked for). */
  private unparsed:
    | { readonly checkpoint: ManifestCheckpoint; readonly lines: readonly string[] }
    | undefined;
  /** Each entry read, with its line as the manifest stores it (see `checkpointLine`). */
  private readonly entryLines = new Map<ManifestEntry, string>();
  /** The checkpoint lines of the entries 1..n that are known without a gap. */
  private knownLines: string[] = [];
  private gapAfter: number | undefined;
  private readonly tailKeys: string[] = [];
  private lastKey: string | undefined;
  private checkpoint: ManifestCheckpoint | undefined;
  private started: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly checkpointInterval: number;
  /** Checkpoints passed over while reading, with why (they were not used; the entries were read instead). */
  readonly checkpointProblems: string[] = [];

  constructor(
    private readonly store: ObjectStore,
    options: LakeReaderOptions = {},
  ) {
    this.checkpointInterval = options.checkpointInterval ?? CHECKPOINT_INTERVAL;
  }

  /** Every manifest entry, in sequence order, reading only the entries not seen before. */
  manifest(): Promise<ManifestEntry[]> {
    return this.serially(async () => {
      await this.readNewEntries();
      return this.parsedEntries();
    });
  }

  /**
   * Reads the manifest as `manifest()` does, and says where from, without parsing the checkpoint's entries: for
   * an engine that reads the checkpoint's objects itself. Its entries are parsed when first asked for.
   */
  sourcesRead(): Promise<ManifestSources> {
    return this.serially(async () => {
      await this.readNewEntries();
      this.sourcesGiven = true;
      return this.sources();
    });
  }

  /**
   * The entries as this reader last read them, in sequence order, without listing the manifest again (it is read
   * first if it never was): what an engine opened with this reader computes from, whatever was committed since.
   */
  entriesRead(): Promise<ManifestEntry[]> {
    return this.serially(async () => {
      if (this.started === undefined) await this.readNewEntries();
      return this.parsedEntries();
    });
  }

  /** Every entry read, in sequence order, the checkpoint's parsed first if they were not yet. */
  private async parsedEntries(): Promise<ManifestEntry[]> {
    await this.parseCheckpoint();
    return [...this.entries].sort((a, b) => a.seq - b.seq);
  }

  /**
   * Parses the lines of the checkpoint the reader started from into entries, once. A line that is not the entry
   * it claims (`CheckpointLineError`) passes the checkpoint over, as verification would have, and the manifest is
   * read from its entry objects; unless `sourcesRead` has already named the checkpoint to an engine, which then
   * computes from it: that is an error.
   */
  private async parseCheckpoint(): Promise<void> {
    const pending = this.unparsed;
    if (!pending) return;
    let parsed: ManifestEntry[];
    try {
      parsed = await checkpointEntries(pending.checkpoint, pending.lines);
    } catch (error) {
      if (!(error instanceof CheckpointLineError) || this.sourcesGiven) throw error;
      this.checkpointProblems.push(error.passedOver);
      this.entries = [];
      this.entryLines.clear();
      this.knownLines = [];
      this.gapAfter = undefined;
      this.tailKeys.length = 0;
      this.lastKey = undefined;
      this.checkpoint = undefined;
      this.unparsed = undefined;
      await this.readNewEntries();
      return;
    }
    for (const [index, entry] of parsed.entries()) this.entryLines.set(entry, pending.lines[index] as string);
    this.entries = [...parsed, ...this.entries];
    this.unparsed = undefined;
  }

  /** Runs one change of the reader's state after the others. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readNewEntries(): Promise<void> {
    this.started ??= this.startFromCheckpoint();
    await this.started;
    const after = this.lastKey;
    const keys = (
      await this.store.list(lakeLayout.manifestPrefix, after === undefined ? {} : { startAfter: after })
    ).filter((key) => lakeLayout.seqOfManifestKey(key) !== undefined && (after === undefined || key > after));
    const texts = await readAll(keys, async (key) => {
      const bytes = await this.store.get(key);
      if (!bytes) throw new Error(`manifest entry ${key} vanished while being read`);
      return new TextDecoder().decode(bytes);
    });
    for (const [index, key] of keys.entries()) {
      const text = texts[index] as string;
      const entry = JSON.parse(text) as ManifestEntry;
      const line = checkpointLine(text);
      this.entries.push(entry);
      this.entryLines.set(entry, line);
      this.tailKeys.push(key);
      const next = this.knownLines.length + 1;
      if (this.gapAfter === undefined && entry.seq === next && lakeLayout.seqOfManifestKey(key) === next)
        this.knownLines.push(line);
      else this.gapAfter ??= this.knownLines.length;
    }
    if (keys.length > 0) this.lastKey = keys.at(-1);
  }

  /**
   * The line the manifest stores for an entry this reader returned: its JSON on one line, as in its object or
   * checkpoint (see `checkpointLine`); undefined for any other object.
   */
  lineOf(entry: ManifestEntry): string | undefined {
    return this.entryLines.get(entry);
  }

  /** The checkpoint lines of the entries 1..`throughSeq`, as read (after `manifest()` or `sourcesRead()`). */
  lines(throughSeq: number): readonly string[] {
    return this.knownLines.slice(0, throughSeq);
  }

  /**
   * The checkpoint the manifest was read from and the entry objects read after it (after `manifest()` or
   * `sourcesRead()`).
   */
  sources(): ManifestSources {
    return { checkpoint: this.checkpoint, entryKeys: [...this.tailKeys] };
  }

  /**
   * Called after committing entry `seq`: when `checkpointInterval` entries or more follow the newest checkpoint,
   * writes a checkpoint through the newest entry. Returns it, or undefined when none was due (or the manifest
   * has a gap, which no checkpoint may cover: `observatory compact` says so).
   */
  async checkpointIfDue(committed: ManifestEntry): Promise<ManifestCheckpoint | undefined> {
    if (committed.seq - (this.checkpoint?.throughSeq ?? 0) < this.checkpointInterval) return undefined;
    return this.serially(async () => {
      if (!this.recordCommit(committed)) await this.readNewEntries();
      await this.parseCheckpoint();
      if (this.gapAfter !== undefined) return undefined;
      return this.checkpointOfKnownEntries();
    });
  }

  /**
   * Takes an entry this process has just created as read, when it directly follows the entries read: its bytes
   * are those `manifestEntryText` gives, so it need not be read back.
   */
  private recordCommit(committed: ManifestEntry): boolean {
    const key = lakeLayout.manifestKey(committed.seq);
    const follows =
      this.gapAfter === undefined &&
      committed.seq === this.knownLines.length + 1 &&
      this.lastKey === (committed.seq === 1 ? undefined : lakeLayout.manifestKey(committed.seq - 1));
    if (!follows) return false;
    const line = checkpointLine(manifestEntryText(committed));
    this.entries.push(committed);
    this.entryLines.set(committed, line);
    this.tailKeys.push(key);
    this.knownLines.push(line);
    this.lastKey = key;
    return true;
  }

  /**
   * Writes a checkpoint through the newest entry, unless the newest checkpoint already covers it (then points
   * `checkpoints/manifest-last.json` at that one if it does not yet), and returns the checkpoint that does. Refuses a manifest with a gap in its sequence numbers: no checkpoint may claim an
   * entry the manifest does not have.
   */
  writeCheckpoint(): Promise<ManifestCheckpoint> {
    return this.serially(async () => {
      await this.readNewEntries();
      await this.parseCheckpoint();
      if (this.gapAfter !== undefined) throw new ManifestGapError(this.gapAfter + 1);
      const covering = this.checkpoint?.throughSeq === this.knownLines.length ? this.checkpoint : undefined;
      if (covering) await pointAt(this.store, covering);
      return this.checkpointOfKnownEntries();
    });
  }

  private async checkpointOfKnownEntries(): Promise<ManifestCheckpoint> {
    if (this.checkpoint && this.checkpoint.throughSeq === this.knownLines.length) return this.checkpoint;
    this.checkpoint = await writeCheckpoint(this.store, this.knownLines);
    return this.checkpoint;
  }

  private async startFromCheckpoint(): Promise<void> {
    const read = await readLatestCheckpoint(this.store);
    this.checkpointProblems.push(...read.problems);
    if (!read.checkpoint) return;
    this.checkpoint = read.checkpoint;
    if (read.lines.length > 0) this.unparsed = { checkpoint: read.checkpoint, lines: read.lines };
    this.knownLines = [...read.lines];
    if (read.checkpoint.throughSeq > 0) this.lastKey = lakeLayout.manifestKey(read.checkpoint.throughSeq);
  }

  /** What validation needs to know of the lake as the given entries describe it. */
  async referenceStateAt(entries: readonly ManifestEntry[]): Promise<ReferenceState> {
    const registryEntry = entries
      .filter((e) => e.kind === "hubs")
      .sort(compareUploadOrder)
      .at(-1);
    let hubs: Map<string, HubRecord> | undefined;
    if (registryEntry) {
      hubs = new Map();
      for (const row of await this.rows(registryEntry.curated_key)) {
        hubs.set(String(row.hub_id), {
          hubId: String(row.hub_id),
          name: String(row.name),
          kind: row.kind as HubKind,
          country: String(row.country),
          activeFrom: Number(row.active_from),
          activeTo: row.active_to === null ? null : Number(row.active_to),
        });
      }
    }
    const ratesByCurrency = new Map<string, Map<number, number>>();
    const rateUploads = entries.filter((e) => e.kind === "fx_rates").sort(compareUploadOrder);
    for (const entry of rateUploads) {
      for (const row of await this.rows(entry.curated_key)) {
        const currency = String(row.currency);
        let byYear = ratesByCurrency.get(currency);
        if (!byYear) {
          byYear = new Map();
          ratesByCurrency.set(currency, byYear);
        }
        byYear.set(Number(row.year), Number(row.usd_per_unit));
      }
    }
    const none: ReadonlyMap<number, number> = new Map();
    return {
      hubs,
      hasRate: (currency, year) => ratesByCurrency.get(currency)?.has(year) ?? false,
      ratesOf: (currency) => ratesByCurrency.get(currency) ?? none,
      financialYears: [
        ...new Set(entries.flatMap((e) => (e.kind === "financial" && e.year !== null ? [e.year] : []))),
      ].sort((a, b) => a - b),
    };
  }

  private async rows(key: string) {
    let rows = this.rowsByKey.get(key);
    if (!rows) {
      const bytes = await this.store.get(key);
      if (!bytes) throw new Error(`the lake is missing ${key}, which its manifest names`);
      rows = readParquetRows(bytes);
      this.rowsByKey.set(key, rows);
    }
    return rows;
  }
}

/** Reads every key, at most 32 at a time, and returns the results in the keys' order. */
async function readAll<T>(keys: readonly string[], read: (key: string) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(keys.length);
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const index = next++;
      results[index] = await read(keys[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, keys.length) }, worker));
  return results;
}
