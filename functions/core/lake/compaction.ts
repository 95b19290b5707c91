import { createHash } from "node:crypto";
import { Table, tableFromIPC, tableToIPC } from "apache-arrow";
import * as parquet from "parquet-wasm";
import { ObjectExistsError, type ObjectStore } from "../../ports/object-store.js";
import { HUB_REPORT_KINDS, type ReportKind } from "../reporting/kinds.js";
import { checkpointLine, type ManifestCheckpoint } from "./checkpoint.js";
import { LakeReader, ManifestGapError } from "./lake-reader.js";
import { lakeLayout } from "./layout.js";
import type { ManifestEntry } from "./manifest.js";

/**
 * What one compaction of a kind's year did, as recorded in the lake (`compactions/<kind>/year=<y>/<generation>.json`,
 * created only if absent): the compacted file, every report whose rows it holds, and the files it absorbed.
 */
export interface CompactionRecord {
  readonly kind: ReportKind;
  readonly year: number;
  /** 1 for a year's first compaction; each later one absorbs the previous one's file. */
  readonly generation: number;
  readonly compacted_at: string;
  /** The last manifest entry the compaction had read: it absorbed only reports committed by then. */
  readonly manifest_through_seq: number;
  readonly file: {
    readonly key: string;
    readonly sha256: string;
    readonly bytes: number;
    readonly rows: number;
  };
  /** Every report whose rows the file holds, in the file's order (by sequence number), with its row count. */
  readonly reports: readonly { readonly report_id: string; readonly seq: number; readonly rows: number }[];
  /** The files whose rows the compacted file holds: the reports' own files and the previous compacted file. */
  readonly absorbed: readonly string[];
}

/** Which curated files of a kind count, after the compactions recorded in the lake. */
export interface CuratedFiles {
  /**
   * The Parquet files whose rows count: every file under `curated/<kind>/`, but the files the newest compaction of
   * each year absorbed and the compacted files it does not name.
   */
  readonly live: string[];
  /** Files that do not count but are still there: left by a compaction that was interrupted (or is running). */
  readonly leftover: string[];
  /** The newest compaction of each year that has one. */
  readonly compactions: CompactionRecord[];
}

/** A compaction cannot go on: the lake is not as its manifest and compaction records say. Nothing was lost. */
export class CompactionError extends Error {
  constructor(
    message: string,
    readonly files: readonly string[],
  ) {
    super(message);
    this.name = "CompactionError";
  }
}

/**
 * A file the compaction's view of a year names is not there: either the lake lost it, or another compaction
 * committed a newer generation of the year (and deleted what it absorbed) after that view was read. The
 * compaction tells the two apart by reading the year again (see `compactYearOverRaces`).
 */
class FileGoneError extends CompactionError {}

/** Raised where only whole files can be read (Athena's tables): a compaction was interrupted and must be finished. */
export class UnfinishedCompactionError extends Error {
  constructor(readonly leftover: readonly string[]) {
    super(
      `a compaction of the curated files was interrupted: ${leftover.length} file(s) it absorbed or wrote are still there (${leftover
        .slice(0, 3)
        .join(
          ", ",
        )}${leftover.length > 3 ? ", …" : ""}), and Athena would count their rows twice; run the compaction again (observatory compact, or the workflow's compact step)`,
    );
    this.name = "UnfinishedCompactionError";
  }
}

/** What a compaction did to one kind's year. */
export interface CompactedYear {
  readonly kind: ReportKind;
  readonly year: number;
  /**
   * `compacted`: a new compacted file holds the year's reports; `already compact`: no report's own file was left;
   * `lost race`: another compaction committed this generation first (its work stands).
   */
  readonly status: "compacted" | "already compact" | "lost race";
  readonly record?: CompactionRecord;
  /** Files deleted: absorbed ones, and compacted files of interrupted or lost compactions. */
  readonly deleted: readonly string[];
}

export interface CompactionSummary {
  readonly years: CompactedYear[];
  /** The manifest checkpoint written after compacting (through the newest entry). */
  readonly checkpoint: ManifestCheckpoint | undefined;
  /** Checkpoints that did not hold what the entries say, deleted; and any other checkpoint finding. */
  readonly checkpointProblems: string[];
}

export interface CompactionOptions {
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** How many files are read at once. @default 16 */
  readonly readConcurrency?: number;
}

/** The newest compaction record of each year of a kind (of one year when given). */
export async function latestCompactions(
  store: ObjectStore,
  kind: ReportKind,
  year?: number,
): Promise<CompactionRecord[]> {
  const newest = await newestRecordKeys(store, kind, year);
  const records: CompactionRecord[] = [];
  for (const [year, { key, generation }] of [...newest].sort(([a], [b]) => a - b)) {
    const bytes = await store.get(key);
    if (!bytes) throw new CompactionError(`${key} vanished while being read`, [key]);
    records.push(recordOf(key, kind, year, generation, new TextDecoder().decode(bytes)));
  }
  return records;
}

/** The key and generation of the newest compaction record of each year of a kind (of one year when given). */
async function newestRecordKeys(
  store: ObjectStore,
  kind: ReportKind,
  year?: number,
): Promise<Map<number, { key: string; generation: number }>> {
  const newest = new Map<number, { key: string; generation: number }>();
  const prefix =
    year === undefined ? lakeLayout.compactionPrefix(kind) : lakeLayout.compactionYearPrefix(kind, year);
  for (const key of await store.list(prefix)) {
    const parsed = lakeLayout.compactionOfRecordKey(key);
    if (!parsed) continue;
    if ((newest.get(parsed.year)?.generation ?? 0) < parsed.generation)
      newest.set(parsed.year, { key, generation: parsed.generation });
  }
  return newest;
}

function recordOf(
  key: string,
  kind: ReportKind,
  year: number,
  generation: number,
  text: string,
): CompactionRecord {
  let record: CompactionRecord;
  try {
    record = JSON.parse(text) as CompactionRecord;
  } catch {
    throw new CompactionError(`${key} is not a compaction record (not JSON); restore it from a backup`, [
      key,
    ]);
  }
  const expectedFile = lakeLayout.compactedOfKey(record?.file?.key ?? "");
  if (
    record?.kind !== kind ||
    record.year !== year ||
    record.generation !== generation ||
    !expectedFile ||
    expectedFile.generation !== generation ||
    !record.file.key.startsWith(lakeLayout.curatedYearPrefix(kind, year)) ||
    !Array.isArray(record.reports) ||
    !Array.isArray(record.absorbed)
  )
    throw new CompactionError(
      `${key} is not the record of compaction ${generation} of ${kind} ${year}; restore it from a backup`,
      [key],
    );
  return record;
}

/**
 * Which curated files of a kind count. Engines read exactly these (DuckDB), or check that nothing else is there
 * (Athena, whose tables read every object under a year's prefix); the lake-integrity check looks for strays
 * among them. A file copied anywhere under `curated/<kind>/` still counts, and is caught by the integrity check.
 * The records are read before the files are listed and listed again after: when a compaction committed in
 * between (its files would be judged by older records), both are read again.
 */
export async function curatedFiles(store: ObjectStore, kind: ReportKind): Promise<CuratedFiles> {
  for (let attempt = 1; ; attempt++) {
    const compactions = await latestCompactions(store, kind);
    const files = (await store.list(lakeLayout.curatedPrefix(kind))).filter((key) =>
      key.endsWith(".parquet"),
    );
    const newest = [...(await newestRecordKeys(store, kind)).values()].map((record) => record.key);
    const read = compactions.map((record) =>
      lakeLayout.compactionRecordKey(kind, record.year, record.generation),
    );
    if (newest.length === read.length && newest.every((key) => read.includes(key)))
      return classifiedFiles(files, compactions);
    if (attempt === CURATED_READ_ATTEMPTS)
      throw new CompactionError(
        `compactions of ${kind} committed while its files were listed, ${attempt} times in a row; run again once they are done`,
        [],
      );
  }
}

/** How many times `curatedFiles` reads a kind's records and files when compactions commit in between. */
const CURATED_READ_ATTEMPTS = 3;

function classifiedFiles(files: readonly string[], compactions: CompactionRecord[]): CuratedFiles {
  const named = new Set(compactions.map((record) => record.file.key));
  const absorbed = new Set(compactions.flatMap((record) => record.absorbed));
  const counts = (key: string) =>
    named.has(key) || (!absorbed.has(key) && lakeLayout.compactedOfKey(key) === undefined);
  return {
    live: files.filter(counts),
    leftover: files.filter((key) => !counts(key)),
    compactions,
  };
}

/** Throws `UnfinishedCompactionError` when a compaction left files that do not count (see `curatedFiles`). */
export async function assertNoUnfinishedCompaction(store: ObjectStore): Promise<void> {
  const leftover = (
    await Promise.all(HUB_REPORT_KINDS.map(async (kind) => (await curatedFiles(store, kind)).leftover))
  ).flat();
  if (leftover.length > 0) throw new UnfinishedCompactionError(leftover);
}

/**
 * Where the rows of each report lie: for a report a compaction absorbed, the compacted file its newest record
 * names, with that record's key; otherwise the report's own file, as its manifest entry names it.
 */
export async function reportHomes(
  store: ObjectStore,
): Promise<Map<string, { readonly key: string; readonly record: string }>> {
  const homes = new Map<string, { key: string; record: string }>();
  for (const kind of HUB_REPORT_KINDS)
    for (const record of await latestCompactions(store, kind))
      for (const report of record.reports)
        homes.set(report.report_id, {
          key: record.file.key,
          record: lakeLayout.compactionRecordKey(kind, record.year, record.generation),
        });
  return homes;
}

/**
 * Compacts the curated files of hub reports: for each kind and year, the reports' own small Parquet files (and the
 * year's previous compacted file) become one compacted file that keeps every row and its report id, in the order
 * the reports were accepted; superseded reports' rows are kept too (the figures read only current reports, as
 * before). Only reports the manifest names are absorbed, so the files of an ingest not yet committed are left
 * alone and count once they are.
 *
 * Each year goes through the same steps, each safe to interrupt: write the compacted file (created only if
 * absent, named by its generation and its content's SHA-256); commit by creating the record of that generation
 * (only if absent: of two compactions, one commits, the other deletes its own file); delete the absorbed files.
 * Until the record exists, readers ignore the new file; once it does, they ignore the absorbed ones (see
 * `curatedFiles`), so the rows of every report count exactly once at every step. A rerun first finishes what an
 * interrupted one left (deletes absorbed files still there, and compacted files no record names).
 *
 * Compactions may run at once (the workflow's step and a manual `observatory compact`). A year's records are read
 * before its files are listed, so a file the newest record names is missing from the listing, or a listed file
 * vanishes before it is read, only if the lake lost it or another compaction committed a newer generation
 * meanwhile; in the second case the year is read again and compacted from there (usually: already compact).
 *
 * Then the manifest: every entry the newest checkpoint holds is compared with its own object (a checkpoint that
 * differs is deleted), and a checkpoint through the newest entry is written. The raw zone, the manifest entries
 * and the published evidence are never touched.
 */
export async function compactLake(
  store: ObjectStore,
  options: CompactionOptions = {},
): Promise<CompactionSummary> {
  const clock = options.clock ?? (() => new Date());
  const concurrency = options.readConcurrency ?? 16;
  const checkpointProblems: string[] = [];
  const reader = await auditedManifestReader(store, concurrency, checkpointProblems);
  const entries = await reader.manifest();
  const throughSeq = entries.at(-1)?.seq ?? 0;
  const years: CompactedYear[] = [];
  for (const kind of HUB_REPORT_KINDS) {
    const records = new Map((await latestCompactions(store, kind)).map((record) => [record.year, record]));
    const files = (await store.list(lakeLayout.curatedPrefix(kind))).filter((key) =>
      key.endsWith(".parquet"),
    );
    const entriesByKey = new Map<string, ManifestEntry[]>();
    for (const entry of entries)
      if (entry.kind === kind)
        entriesByKey.set(entry.curated_key, [...(entriesByKey.get(entry.curated_key) ?? []), entry]);
    const yearsOfKind = new Set([
      ...records.keys(),
      ...files.flatMap((key) => lakeLayout.yearOfCuratedKey(key) ?? []),
    ]);
    for (const year of [...yearsOfKind].sort((a, b) => a - b)) {
      const group = files.filter((key) => lakeLayout.yearOfCuratedKey(key) === year);
      years.push(
        await compactYearOverRaces(store, {
          kind,
          year,
          group,
          previous: records.get(year),
          entriesByKey,
          throughSeq,
          now: clock(),
          concurrency,
        }),
      );
    }
  }
  let checkpoint: ManifestCheckpoint | undefined;
  try {
    checkpoint = await reader.writeCheckpoint();
  } catch (error) {
    if (!(error instanceof ManifestGapError)) throw error;
    checkpointProblems.push(error.message);
  }
  return { years, checkpoint, checkpointProblems: [...reader.checkpointProblems, ...checkpointProblems] };
}

/**
 * A reader whose checkpoint holds exactly what the entry objects say: each entry of the newest verified
 * checkpoint is compared with its object; a checkpoint that differs anywhere is deleted (with the pointer when it
 * names it), and the next newest is tried.
 */
async function auditedManifestReader(
  store: ObjectStore,
  concurrency: number,
  problems: string[],
): Promise<LakeReader> {
  for (;;) {
    const reader = new LakeReader(store);
    await reader.manifest();
    const { checkpoint } = reader.sources();
    if (!checkpoint || checkpoint.throughSeq === 0) return reader;
    const lines = reader.lines(checkpoint.throughSeq);
    const differing = (
      await mapLimited(lines, concurrency, async (line, index) => {
        const key = lakeLayout.manifestKey(index + 1);
        const bytes = await store.get(key);
        return !bytes || checkpointLine(new TextDecoder().decode(bytes)) !== line ? key : undefined;
      })
    ).filter((key) => key !== undefined);
    if (differing.length === 0) return reader;
    problems.push(
      `manifest checkpoint ${checkpoint.key} was deleted: its lines for ${differing.slice(0, 3).join(", ")}${
        differing.length > 3 ? ", …" : ""
      } differ from those entries' objects`,
    );
    await store.delete(checkpoint.key);
    await store.delete(lakeLayout.lastCheckpointKey);
  }
}

interface YearToCompact {
  readonly kind: ReportKind;
  readonly year: number;
  /** Every Parquet key under the year's prefix. */
  readonly group: readonly string[];
  readonly previous: CompactionRecord | undefined;
  readonly entriesByKey: ReadonlyMap<string, readonly ManifestEntry[]>;
  readonly throughSeq: number;
  readonly now: Date;
  readonly concurrency: number;
}

/**
 * Compacts a year; when a file its view of the year names is gone and the year's newest record is no longer the
 * one that view held, another compaction committed meanwhile: the year is read again (records first, then files)
 * and compacted from that view. A file gone while the newest record is unchanged was lost: that error stands.
 */
async function compactYearOverRaces(store: ObjectStore, task: YearToCompact): Promise<CompactedYear> {
  for (let view = task; ; ) {
    try {
      return await compactYear(store, view);
    } catch (error) {
      if (!(error instanceof FileGoneError)) throw error;
      const [previous] = await latestCompactions(store, view.kind, view.year);
      if (previous?.generation === view.previous?.generation) throw error;
      const group = (await store.list(lakeLayout.curatedYearPrefix(view.kind, view.year))).filter((key) =>
        key.endsWith(".parquet"),
      );
      view = { ...view, previous, group };
    }
  }
}

async function compactYear(store: ObjectStore, task: YearToCompact): Promise<CompactedYear> {
  const { kind, year, group, previous, entriesByKey } = task;
  const present = new Set(group);
  const deleted: string[] = [];
  const remove = async (keys: readonly string[]) => {
    for (const key of keys) {
      if (!present.has(key)) continue;
      await store.delete(key);
      present.delete(key);
      deleted.push(key);
    }
  };
  const staleCompacted = (generation: number, keep: string) =>
    group.filter((key) => {
      const compacted = lakeLayout.compactedOfKey(key);
      return compacted !== undefined && compacted.generation <= generation && key !== keep;
    });

  if (previous) {
    if (!present.has(previous.file.key))
      throw new FileGoneError(
        `${previous.file.key} is missing: ${lakeLayout.compactionRecordKey(kind, year, previous.generation)} names it for ${previous.reports.length} ${kind} reports of ${year}; restore it from a backup`,
        [previous.file.key],
      );
    await remove(previous.absorbed);
    await remove(staleCompacted(previous.generation, previous.file.key));
  }

  const absorbedBefore = new Set(previous?.absorbed ?? []);
  const own = group
    .filter((key) => present.has(key) && entriesByKey.has(key) && !absorbedBefore.has(key))
    .map((key) => ({ key, entries: entriesByKey.get(key) as readonly ManifestEntry[] }))
    .sort((a, b) => firstSeq(a.entries) - firstSeq(b.entries));
  if (own.length === 0) return { kind, year, status: "already compact", deleted };

  const parts: { table: Table; reports: CompactionRecord["reports"] }[] = [];
  if (previous) parts.push(await readPrevious(store, previous));
  parts.push(
    ...(await mapLimited(own, task.concurrency, (file) => readOwnFile(store, file.key, file.entries))),
  );
  const table = new Table(parts.flatMap((part) => part.table.batches));
  const bytes = writeCompacted(table);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const generation = (previous?.generation ?? 0) + 1;
  const key = lakeLayout.compactedKey(kind, year, generation, sha256);
  try {
    await store.put(key, bytes, { ifAbsent: true, contentType: "application/vnd.apache.parquet" });
  } catch (error) {
    if (!(error instanceof ObjectExistsError)) throw error;
  }
  present.add(key);
  const record: CompactionRecord = {
    kind,
    year,
    generation,
    compacted_at: task.now.toISOString(),
    manifest_through_seq: task.throughSeq,
    file: { key, sha256, bytes: bytes.byteLength, rows: table.numRows },
    reports: parts.flatMap((part) => part.reports),
    absorbed: [...(previous ? [previous.file.key] : []), ...own.map((file) => file.key)],
  };
  const recordKey = lakeLayout.compactionRecordKey(kind, year, generation);
  try {
    await store.put(recordKey, new TextEncoder().encode(`${JSON.stringify(record, null, 1)}\n`), {
      ifAbsent: true,
      contentType: "application/json",
    });
  } catch (error) {
    if (!(error instanceof ObjectExistsError)) throw error;
    const winner = recordOf(
      recordKey,
      kind,
      year,
      generation,
      new TextDecoder().decode(await store.get(recordKey)),
    );
    if (winner.file.key !== key) await remove([key]);
    return { kind, year, status: "lost race", record: winner, deleted };
  }
  await remove(record.absorbed);
  await remove(staleCompacted(generation, key));
  return { kind, year, status: "compacted", record, deleted };
}

function firstSeq(entries: readonly ManifestEntry[]): number {
  return Math.min(...entries.map((entry) => entry.seq));
}

function readTable(bytes: Uint8Array): Table {
  return tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
}

/** Rows per report id of a table, in the order the reports first appear. */
function rowsByReport(table: Table): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of table.getChild("report_id") ?? []) {
    const id = String(value);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function readPrevious(store: ObjectStore, previous: CompactionRecord) {
  const bytes = await store.get(previous.file.key);
  if (!bytes) throw new FileGoneError(`${previous.file.key} vanished while being read`, [previous.file.key]);
  const table = readTable(bytes);
  const found = rowsByReport(table);
  const expected = new Map(previous.reports.map((report) => [report.report_id, report.rows]));
  if (found.size !== expected.size || [...expected].some(([id, rows]) => found.get(id) !== rows))
    throw new CompactionError(
      `${previous.file.key} does not hold the rows its compaction record lists; restore it from a backup, then compact again`,
      [previous.file.key],
    );
  return { table, reports: previous.reports };
}

async function readOwnFile(store: ObjectStore, key: string, entries: readonly ManifestEntry[]) {
  const bytes = await store.get(key);
  if (!bytes) throw new FileGoneError(`${key} vanished while being read; compact again`, [key]);
  const table = readTable(bytes);
  const found = rowsByReport(table);
  const entry = entries[0] as ManifestEntry;
  const wrong = [...found.keys()].filter((id) => !entries.some((e) => e.report_id === id));
  if (wrong.length > 0 || (found.get(entry.report_id) ?? 0) !== entry.row_count)
    throw new CompactionError(
      `${key} holds ${[...found].map(([id, rows]) => `${rows} rows of report ${id}`).join(" and ") || "no rows"}, but the manifest records ${entry.row_count} rows of ${entry.kind} report ${entry.report_id} in it; restore the file from a backup, then compact again`,
      [key],
    );
  return { table, reports: [{ report_id: entry.report_id, seq: entry.seq, rows: entry.row_count }] };
}

function writeCompacted(table: Table): Uint8Array {
  const properties = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setCreatedBy("equity-observatory")
    .build();
  return parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(table, "stream")), properties);
}

/** Maps every item with at most `limit` at work at once; results in the items' order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
