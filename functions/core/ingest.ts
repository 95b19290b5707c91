import { createHash, type Hash } from "node:crypto";
import { type ByteSource, bytesSource, SourceChangedError } from "../ports/byte-source.js";
import { type ObjectBody, ObjectExistsError, type ObjectStore } from "../ports/object-store.js";
import { fullJitterDelay } from "./backoff.js";
import { LakeReader } from "./lake/lake-reader.js";
import { lakeLayout, reportIdOf } from "./lake/layout.js";
import {
  compareUploadOrder,
  currentOf,
  type ManifestEntry,
  nextSeq,
  supersessionKey,
  tryAppendManifestEntry,
} from "./lake/manifest.js";
import { ParquetStreamWriter } from "./lake/parquet.js";
import { CURATED_TABLES } from "./lake/tables.js";
import type { CountryTable } from "./reference/countries.js";
import { isHubReportKind, isValidUploader, type UploadKind } from "./reporting/kinds.js";
import { messages } from "./reporting/messages.js";
import type { Problem, RuleCount } from "./reporting/problems.js";
import type { UploadFormat } from "./reporting/upload-reader.js";
import {
  DEFAULT_MAX_BYTES,
  type ReportSummary,
  type ValidationOptions,
  type ValidationResult,
  validateUpload,
} from "./reporting/validate.js";
import type { WorkbookLimits } from "./reporting/workbook.js";

/**
 * One file handed in for ingest: its bytes in memory, or a source it is read from as a stream, as often as ingest
 * needs (a file of any size is then ingested in bounded memory).
 */
export type IngestRequest = IngestRequestDetails &
  (
    | { readonly bytes: Uint8Array; readonly source?: undefined }
    | { readonly source: ByteSource; readonly bytes?: undefined }
  );

/** What is said of a file handed in for ingest, besides its bytes. */
export interface IngestRequestDetails {
  /** The name the uploader gave the file; kept as provenance, never used as a path. */
  readonly fileName: string;
  /** A hub_id, or `council`. */
  readonly uploader: string;
  readonly kind?: UploadKind;
  /** The upload the file came through (upload API); a replay of the same upload is recognised by it. */
  readonly uploadId?: string;
  /** When the file reached the observatory; newer uploads supersede older ones in this order. @default now */
  readonly receivedAt?: Date;
}

export type IngestOutcome =
  | {
      readonly status: "accepted";
      readonly fileName: string;
      readonly kind: UploadKind;
      readonly entry: ManifestEntry;
      /** The report this one replaces (it stays in the lake as evidence). */
      readonly supersedes: ManifestEntry | undefined;
      /** A newer upload of the same period that was already in the lake: this one arrived late and is not current. */
      readonly supersededBy: ManifestEntry | undefined;
      readonly problems: Problem[];
      /** How often each rule was broken, also beyond the problems listed; absent when they list every one. */
      readonly counts?: readonly RuleCount[];
    }
  | {
      readonly status: "duplicate";
      readonly fileName: string;
      readonly kind: UploadKind;
      /** The earlier upload of the same bytes. */
      readonly entry: ManifestEntry;
      readonly problems: Problem[];
      /** How often each rule was broken, also beyond the problems listed; absent when they list every one. */
      readonly counts?: readonly RuleCount[];
    }
  | {
      readonly status: "rejected";
      readonly fileName: string;
      readonly kind: UploadKind | undefined;
      readonly problems: Problem[];
      /** How often each rule was broken, also beyond the problems listed; absent when they list every one. */
      readonly counts?: readonly RuleCount[];
      /** Every error found, also those beyond the problems listed. */
      readonly errorCount: number;
    };

export interface IngestDependencies {
  readonly store: ObjectStore;
  readonly countries: CountryTable;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** Larger files are rejected before they are read. @default 256 MiB */
  readonly maxBytes?: number;
  /** How much of a workbook is read (its own size included). @default DEFAULT_WORKBOOK_LIMITS */
  readonly workbookLimits?: WorkbookLimits;
  /** Rows per row group of the curated Parquet (the rows converted at a time). @default DEFAULT_ROWS_PER_GROUP */
  readonly rowsPerGroup?: number;
  /** Shared between calls so that a session reads each manifest entry and reference file once. */
  readonly reader?: LakeReader;
}

/** How often a writer that lost the race for a manifest sequence number re-reads and tries again. */
const MAX_COMMIT_ATTEMPTS = 100;

/**
 * Ingests one file: validates it against the reporting standard (a redistribution scenario: against the scenario
 * format) and, if it passes, stores it byte for byte in the raw zone, as typed Parquet in the curated zone (a
 * scenario: as JSON with its defaults written out), and commits it with a new manifest entry — last, so that a crash
 * before the commit leaves nothing visible. A rejected file changes nothing.
 * Safe to run concurrently from several processes on the same lake.
 *
 * The file is read as a stream, in bounded memory whatever its size (a workbook is held whole, up to
 * `workbookLimits.maxFileBytes`; a scenario, up to `MAX_SCENARIO_BYTES`): once to hash and validate it, once more to
 * write it to the raw zone and convert it, row group by row group, to Parquet (and again for each validation at
 * commit time). Every read after the first
 * must give the same bytes (size and SHA-256), or it fails with {@link SourceChangedError} before its writes
 * complete, so that nothing but the bytes validated is ever stored. A file larger than `maxBytes` (by the size the
 * source states) is rejected before it is read.
 *
 * What the file is checked against — the registry, the exchange rates, the reports already there (duplicates,
 * annual/quarterly overlap) — is the manifest as read before validation, entries 1..n. The commit creates entry
 * n + 1 only if it is absent, and every writer creates only the number after the last entry it read, so no
 * entry n + 2 can exist before n + 1 does. When the create succeeds, no other report was committed between the
 * read and the commit: the lake the file was checked against is exactly the one its entry follows, and nothing
 * needs checking again. (This needs a store that lists what it has created, which the local folder and S3 do.)
 * When the create fails, another writer committed first: the manifest is read again, and the file is checked
 * again against what changed — a duplicate, an overlap, and, when a registry or exchange-rate upload came in
 * between, the whole validation against the new reference data — before it tries the next number.
 *
 * A file rejected at that point (or that never gets a number) leaves nothing behind: its raw and curated
 * objects are deleted again, except any a manifest entry names. No other writer can be about to commit the
 * same objects, since they are named by content and uploader: such a writer would be checked against the same
 * manifest and rejected alike, or have committed first, which makes this file its duplicate. When the commit
 * fails in any other way (the process dies, the store errs), whether the entry was written is unknown, so the
 * objects stay: nothing names them, and compute counts only reports the manifest names.
 */
export async function ingestReport(
  dependencies: IngestDependencies,
  request: IngestRequest,
): Promise<IngestOutcome> {
  const { store, countries } = dependencies;
  if (!isValidUploader(request.uploader))
    throw new Error(`invalid uploader id: ${JSON.stringify(request.uploader)}`);
  const source = request.source ?? bytesSource(request.bytes);
  const maxBytes = dependencies.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.size > maxBytes) return rejectTooLarge(request.fileName, source.size, maxBytes);
  const reader = dependencies.reader ?? new LakeReader(store);
  let entries = await reader.manifest();

  const receivedAt = request.receivedAt ?? (dependencies.clock ?? (() => new Date()))();
  const optionsAt = async (state: readonly ManifestEntry[]): Promise<SourceValidationOptions> => ({
    uploader: request.uploader,
    kind: request.kind,
    countries,
    reference: await reader.referenceStateAt(state),
    now: receivedAt,
    maxBytes,
    workbookLimits: dependencies.workbookLimits,
    expectedBytes: source.size,
  });
  const hash = createHash("sha256");
  const firstOptions = await optionsAt(entries);
  let validation = await validateUpload(hashing(source, hash, request.fileName), firstOptions);
  const sha256 = hash.digest("hex");

  const duplicate = findDuplicate(entries, sha256, request.uploader);
  if (duplicate) return duplicateOutcome(dependencies, reader, request, source, sha256, duplicate, entries);

  const validateAt = async (state: readonly ManifestEntry[]) =>
    validateUpload(verified(source, sha256, request.fileName), await optionsAt(state));
  let validatedThrough = nextSeq(entries) - 1;
  const { report, format } = validation;
  if (!report || !format) return rejected(request, validation);

  const overlap = findOverlap(entries, report);
  if (overlap) return rejectForOverlap(request, report, overlap, validation);

  const reportId = reportIdOf(sha256);
  const rawKey = lakeLayout.rawKey(request.uploader, sha256, format);
  const curatedKey = lakeLayout.curatedKey(report.kind, reportId, report.year, report.hubId);
  await storeFiles(store, {
    fileName: request.fileName,
    report,
    chunks: verified(source, sha256, request.fileName),
    options: firstOptions,
    raw: { key: rawKey, contentType: RAW_CONTENT_TYPES[format] },
    curated: { key: curatedKey, reportId, rowsPerGroup: dependencies.rowsPerGroup },
  });
  const rowCount = report.rowCount;

  for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
    const entry: ManifestEntry = {
      report_id: reportId,
      seq: nextSeq(entries),
      kind: report.kind,
      hub_id: report.hubId,
      period: report.period,
      year: report.year,
      quarter: report.quarter,
      sha256,
      uploader: request.uploader,
      uploaded_at: receivedAt.toISOString(),
      upload_id: request.uploadId ?? null,
      file_name: request.fileName,
      row_count: rowCount,
      warning_count: validation.warningCount,
      raw_key: rawKey,
      curated_key: curatedKey,
      ...(report.document ? { scenario_id: report.document.id } : {}),
    };
    if (await tryAppendManifestEntry(store, entry)) {
      await reader.checkpointIfDue(entry);
      return {
        status: "accepted",
        fileName: request.fileName,
        kind: report.kind,
        entry,
        ...succession(entries, entry),
        problems: validation.problems,
        ...countsOf(validation),
      };
    }
    await pause(attempt);
    entries = await reader.manifest();
    const raced = findDuplicate(entries, sha256, request.uploader);
    if (raced) return duplicateOutcome(dependencies, reader, request, source, sha256, raced, entries);
    if (referenceChangedSince(entries, validatedThrough)) {
      validation = await validateAt(entries);
      validatedThrough = nextSeq(entries) - 1;
      if (!validation.report) {
        await removeUnnamed(store, reader, [rawKey, curatedKey]);
        return rejected(request, validation);
      }
    }
    const racedOverlap = findOverlap(entries, report);
    if (racedOverlap) {
      await removeUnnamed(store, reader, [rawKey, curatedKey]);
      return rejectForOverlap(request, report, racedOverlap, validation);
    }
  }
  await removeUnnamed(store, reader, [rawKey, curatedKey]);
  throw new Error(
    `could not commit ${request.fileName}: the manifest kept changing (${MAX_COMMIT_ATTEMPTS} attempts)`,
  );
}

/** What a file read from a source is validated with. */
type SourceValidationOptions = ValidationOptions & { readonly expectedBytes: number };

/** The media type of each format, as the raw zone keeps it. */
const RAW_CONTENT_TYPES: Readonly<Record<UploadFormat, string>> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  json: "application/json",
};

/** A validation's rule counts as an outcome carries them (none when its problems list every one). */
function countsOf(validation: ValidationResult): { counts?: readonly RuleCount[] } {
  return validation.counts === undefined ? {} : { counts: validation.counts };
}

function rejected(request: IngestRequestDetails, validation: ValidationResult): IngestOutcome {
  return {
    status: "rejected",
    fileName: request.fileName,
    kind: validation.kind,
    problems: validation.problems,
    ...countsOf(validation),
    errorCount: validation.errorCount,
  };
}

/**
 * The source's chunks, each added to `hash` as it passes; throws {@link SourceChangedError} at the end when the
 * source did not hold as many bytes as it said.
 */
async function* hashing(source: ByteSource, hash: Hash, fileName: string): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of source.chunks()) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    yield chunk;
  }
  if (bytes !== source.size)
    throw new SourceChangedError(fileName, `${bytes} bytes were read, but it had ${source.size}`);
}

/**
 * The source's chunks, read again: throws {@link SourceChangedError} after the last one unless they are the bytes
 * first read (the same size and SHA-256), so that a write fed with them fails instead of storing other bytes.
 */
async function* verified(source: ByteSource, sha256: string, fileName: string): AsyncGenerator<Uint8Array> {
  const hash = createHash("sha256");
  yield* hashing(source, hash, fileName);
  if (hash.digest("hex") !== sha256)
    throw new SourceChangedError(fileName, "its SHA-256 differs from the one it had when it was validated");
}

/**
 * Writes an accepted file's raw and curated objects from one more read of it: each chunk goes to the raw zone as it
 * is, and through the validation again, whose typed rows become the curated Parquet, row group by row group, in
 * bounded memory (a scenario, a small JSON document, becomes its curated JSON once it has been read again). The
 * chunks are the bytes first validated (see `verified`) and must be accepted again. The raw write is completed last,
 * once the curated object is written: a read that turns out to differ, or a write that fails, leaves neither object
 * (except when a write fails as it completes).
 */
async function storeFiles(
  store: ObjectStore,
  file: {
    readonly fileName: string;
    readonly report: ReportSummary;
    readonly chunks: AsyncIterable<Uint8Array>;
    readonly options: SourceValidationOptions;
    readonly raw: { readonly key: string; readonly contentType: string };
    readonly curated: { readonly key: string; readonly reportId: string; readonly rowsPerGroup?: number };
  },
): Promise<void> {
  const { kind } = file.report;
  const raw = new ChunkChannel(RAW_QUEUE_CHUNKS);
  const rawWritten = putOnce(store, file.raw.key, raw, file.raw.contentType);
  rawWritten.catch((error: unknown) => raw.fail(error));
  const parquet =
    kind === "scenario"
      ? undefined
      : new ParquetStreamWriter(CURATED_TABLES[kind], {
          constants: { report_id: file.curated.reportId },
          rowsPerGroup: file.curated.rowsPerGroup,
        });
  const parquetWritten =
    parquet && putOnce(store, file.curated.key, parquet.bytes(), "application/vnd.apache.parquet");
  parquetWritten?.catch((error: unknown) => parquet?.fail(error));
  try {
    const again = await validateUpload(copiedInto(file.chunks, raw), file.options, parquet);
    const validatedAsBefore =
      again.report?.rowCount === file.report.rowCount &&
      again.report.document?.id === file.report.document?.id;
    if (!again.report || !validatedAsBefore)
      throw new Error(`${file.fileName} did not validate as before when it was read again to be stored`);
    if (parquet) {
      await parquet.close();
      await parquetWritten;
    } else if (again.report.document)
      await putOnce(store, file.curated.key, again.report.document.curated, "application/json");
    else throw new Error(`${file.fileName} was read again as a ${kind} without its document`);
    raw.close();
    await rawWritten;
  } catch (error) {
    raw.fail(error);
    parquet?.fail(error);
    await Promise.allSettled([rawWritten, parquetWritten]);
    throw error;
  }
}

/** How many chunks of a file may wait for the raw zone's write before its reading waits. */
const RAW_QUEUE_CHUNKS = 4;

/** The chunks, each handed to the channel (waiting while it is full) before it is passed on. */
async function* copiedInto(
  chunks: AsyncIterable<Uint8Array>,
  channel: ChunkChannel,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    await channel.push(chunk);
    yield chunk;
  }
}

/**
 * Chunks handed from one task to another: `push` waits while `capacity` chunks wait to be taken; the reading side
 * ends when the channel is closed, or throws when it failed (and `push` then throws too).
 */
class ChunkChannel implements AsyncIterable<Uint8Array> {
  private readonly queue: Uint8Array[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  private wakeReader: (() => void) | undefined;
  private wakeWriter: (() => void) | undefined;

  constructor(private readonly capacity: number) {}

  async push(chunk: Uint8Array): Promise<void> {
    while (this.queue.length >= this.capacity && !this.failure)
      await new Promise<void>((resolve) => {
        this.wakeWriter = resolve;
      });
    if (this.failure) throw this.failure.error;
    this.queue.push(chunk);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.wake();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      const chunk = this.queue.shift();
      if (chunk) {
        this.wake();
        yield chunk;
      } else if (this.closed) return;
      else
        await new Promise<void>((resolve) => {
          this.wakeReader = resolve;
        });
    }
  }

  private wake(): void {
    const reader = this.wakeReader;
    const writer = this.wakeWriter;
    this.wakeReader = undefined;
    this.wakeWriter = undefined;
    reader?.();
    writer?.();
  }
}

/** Whether a registry or exchange-rate upload was committed after entry `seq`: what validation reads changed. */
function referenceChangedSince(entries: readonly ManifestEntry[], seq: number): boolean {
  return entries.some((e) => e.seq > seq && !isHubReportKind(e.kind));
}

/**
 * Deletes the objects an upload wrote before it was rejected at commit time, except any that a manifest entry
 * names (read afresh), so that a rejected upload leaves nothing in the lake.
 */
async function removeUnnamed(store: ObjectStore, reader: LakeReader, keys: readonly string[]): Promise<void> {
  const named = new Set((await reader.manifest()).flatMap((e) => [e.raw_key, e.curated_key]));
  for (const key of keys) if (!named.has(key)) await store.delete(key);
}

/** The outcome for a file too large to read: rejected before its bytes are loaded. */
export function rejectTooLarge(fileName: string, size: number, limit: number): IngestOutcome {
  const problem: Problem = {
    severity: "error",
    code: "fileTooLarge",
    message: messages.fileTooLarge(size, limit),
  };
  return { status: "rejected", fileName, kind: undefined, problems: [problem], errorCount: 1 };
}

/** Where a new entry stands among the current reports of its period: what it replaces, or what replaced it. */
function succession(
  entries: readonly ManifestEntry[],
  entry: ManifestEntry,
): { supersedes: ManifestEntry | undefined; supersededBy: ManifestEntry | undefined } {
  if (entry.kind === "fx_rates") return { supersedes: undefined, supersededBy: undefined };
  const current = currentOf(entries, supersessionKey(entry));
  if (!current) return { supersedes: undefined, supersededBy: undefined };
  return compareUploadOrder(current, entry) < 0
    ? { supersedes: current, supersededBy: undefined }
    : { supersedes: undefined, supersededBy: current };
}

/**
 * The outcome for bytes the uploader already sent. When it is the same upload delivered again (an at-least-once
 * event), the original acceptance is reported once more, with the problems its validation found then.
 */
async function duplicateOutcome(
  dependencies: IngestDependencies,
  reader: LakeReader,
  request: IngestRequest,
  source: ByteSource,
  sha256: string,
  earlier: ManifestEntry,
  entries: readonly ManifestEntry[],
): Promise<IngestOutcome> {
  if (request.uploadId !== undefined && earlier.upload_id === request.uploadId) {
    const before = entries.filter((e) => e.seq < earlier.seq);
    const validation = await validateUpload(verified(source, sha256, request.fileName), {
      uploader: request.uploader,
      kind: earlier.kind,
      countries: dependencies.countries,
      reference: await reader.referenceStateAt(before),
      now: new Date(earlier.uploaded_at),
      maxBytes: dependencies.maxBytes,
      workbookLimits: dependencies.workbookLimits,
      expectedBytes: source.size,
    });
    return {
      status: "accepted",
      fileName: request.fileName,
      kind: earlier.kind,
      entry: earlier,
      ...succession(before, earlier),
      problems: validation.problems,
      ...countsOf(validation),
    };
  }
  return {
    status: "duplicate",
    fileName: request.fileName,
    kind: earlier.kind,
    entry: earlier,
    problems: [],
  };
}

function findDuplicate(
  entries: readonly ManifestEntry[],
  sha256: string,
  uploader: string,
): ManifestEntry | undefined {
  return entries.find((e) => e.sha256 === sha256 && e.uploader === uploader);
}

/** An annual report where a quarter of the same year is current, or the other way round. */
function findOverlap(entries: readonly ManifestEntry[], report: ReportSummary): ManifestEntry | undefined {
  if (!isHubReportKind(report.kind)) return undefined;
  const otherPeriods = entries.filter(
    (e) =>
      e.kind === report.kind &&
      e.hub_id === report.hubId &&
      e.year === report.year &&
      (e.quarter === null) !== (report.quarter === null),
  );
  return otherPeriods.find((e) => currentOf(otherPeriods, supersessionKey(e)) === e);
}

function rejectForOverlap(
  request: IngestRequestDetails,
  report: ReportSummary,
  existing: ManifestEntry,
  warnings: ValidationResult,
): IngestOutcome {
  const problem: Problem = {
    severity: "error",
    code: "overlap",
    row: 2,
    column: "period",
    message: messages.overlap(existing.period ?? "", existing.report_id, report.period ?? ""),
  };
  return {
    status: "rejected",
    fileName: request.fileName,
    kind: report.kind,
    problems: [problem, ...warnings.problems],
    ...(warnings.counts === undefined
      ? {}
      : {
          counts: [
            { code: problem.code, severity: problem.severity, count: 1, first: problem },
            ...warnings.counts,
          ],
        }),
    errorCount: 1,
  };
}

/** Writes an object that is named by its content: if it is already there, it already holds these bytes. */
async function putOnce(
  store: ObjectStore,
  key: string,
  body: ObjectBody,
  contentType: string,
): Promise<void> {
  try {
    await store.put(key, body, { ifAbsent: true, contentType });
  } catch (error) {
    if (!(error instanceof ObjectExistsError)) throw error;
  }
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(resolve, fullJitterDelay(attempt + 1, { baseMs: 5, capMs: 200 })),
  );
}
