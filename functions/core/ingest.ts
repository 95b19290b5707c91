import { createHash } from "node:crypto";
import { ObjectExistsError, type ObjectStore } from "../ports/object-store.js";
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
import { writeParquet } from "./lake/parquet.js";
import { CURATED_TABLES } from "./lake/tables.js";
import type { CountryTable } from "./reference/countries.js";
import { isHubReportKind, isValidUploader, type ReportKind } from "./reporting/kinds.js";
import { messages } from "./reporting/messages.js";
import type { Problem } from "./reporting/problems.js";
import { type ValidatedReport, validateReport } from "./reporting/validate.js";

/** One file handed in for ingest. */
export interface IngestRequest {
  /** The name the uploader gave the file; kept as provenance, never used as a path. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** A hub_id, or `council`. */
  readonly uploader: string;
  readonly kind?: ReportKind;
  /** The upload the file came through (upload API); a replay of the same upload is recognised by it. */
  readonly uploadId?: string;
  /** When the file reached the observatory; newer uploads supersede older ones in this order. @default now */
  readonly receivedAt?: Date;
}

export type IngestOutcome =
  | {
      readonly status: "accepted";
      readonly fileName: string;
      readonly kind: ReportKind;
      readonly entry: ManifestEntry;
      /** The report this one replaces (it stays in the lake as evidence). */
      readonly supersedes: ManifestEntry | undefined;
      /** A newer upload of the same period that was already in the lake: this one arrived late and is not current. */
      readonly supersededBy: ManifestEntry | undefined;
      readonly problems: Problem[];
    }
  | {
      readonly status: "duplicate";
      readonly fileName: string;
      readonly kind: ReportKind;
      /** The earlier upload of the same bytes. */
      readonly entry: ManifestEntry;
      readonly problems: Problem[];
    }
  | {
      readonly status: "rejected";
      readonly fileName: string;
      readonly kind: ReportKind | undefined;
      readonly problems: Problem[];
      /** Every error found, also those beyond the problems listed. */
      readonly errorCount: number;
    };

export interface IngestDependencies {
  readonly store: ObjectStore;
  readonly countries: CountryTable;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** @default 256 MiB */
  readonly maxBytes?: number;
  /** Shared between calls so that a session reads each manifest entry and reference file once. */
  readonly reader?: LakeReader;
}

/** How often a writer that lost the race for a manifest sequence number re-reads and tries again. */
const MAX_COMMIT_ATTEMPTS = 100;

/**
 * Ingests one file: validates it against the reporting standard and, if it passes, stores it byte for byte in
 * the raw zone, as typed Parquet in the curated zone, and commits it with a new manifest entry — last, so that
 * a crash before the commit leaves nothing visible. A rejected file changes nothing.
 * Safe to run concurrently from several processes on the same lake.
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
  const reader = dependencies.reader ?? new LakeReader(store);
  const sha256 = createHash("sha256").update(request.bytes).digest("hex");
  let entries = await reader.manifest();

  const duplicate = findDuplicate(entries, sha256, request.uploader);
  if (duplicate) return duplicateOutcome(dependencies, reader, request, duplicate, entries);

  const receivedAt = request.receivedAt ?? (dependencies.clock ?? (() => new Date()))();
  const validateAt = async (state: readonly ManifestEntry[]) =>
    validateReport({
      bytes: request.bytes,
      uploader: request.uploader,
      kind: request.kind,
      countries,
      reference: await reader.referenceStateAt(state),
      now: receivedAt,
      maxBytes: dependencies.maxBytes,
    });
  let validation = await validateAt(entries);
  let validatedThrough = nextSeq(entries) - 1;
  const { report } = validation;
  if (!report)
    return {
      status: "rejected",
      fileName: request.fileName,
      kind: validation.kind,
      problems: validation.problems,
      errorCount: validation.errorCount,
    };

  const overlap = findOverlap(entries, report);
  if (overlap) return rejectForOverlap(request, report, overlap, validation.problems);

  const reportId = reportIdOf(sha256);
  const rawKey = lakeLayout.rawKey(request.uploader, sha256);
  const curatedKey = lakeLayout.curatedKey(report.kind, reportId, report.year, report.hubId);
  await putOnce(store, rawKey, request.bytes, "text/csv");
  const rowCount = report.rowCount;
  const reportIds = new Array<string>(rowCount).fill(reportId);
  await putOnce(
    store,
    curatedKey,
    writeParquet(CURATED_TABLES[report.kind], { report_id: reportIds, ...report.columns }),
    "application/vnd.apache.parquet",
  );

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
      };
    }
    await pause(attempt);
    entries = await reader.manifest();
    const raced = findDuplicate(entries, sha256, request.uploader);
    if (raced) return duplicateOutcome(dependencies, reader, request, raced, entries);
    if (referenceChangedSince(entries, validatedThrough)) {
      validation = await validateAt(entries);
      validatedThrough = nextSeq(entries) - 1;
      if (!validation.report) {
        await removeUnnamed(store, reader, [rawKey, curatedKey]);
        return {
          status: "rejected",
          fileName: request.fileName,
          kind: validation.kind,
          problems: validation.problems,
          errorCount: validation.errorCount,
        };
      }
    }
    const racedOverlap = findOverlap(entries, report);
    if (racedOverlap) {
      await removeUnnamed(store, reader, [rawKey, curatedKey]);
      return rejectForOverlap(request, report, racedOverlap, validation.problems);
    }
  }
  await removeUnnamed(store, reader, [rawKey, curatedKey]);
  throw new Error(
    `could not commit ${request.fileName}: the manifest kept changing (${MAX_COMMIT_ATTEMPTS} attempts)`,
  );
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
  earlier: ManifestEntry,
  entries: readonly ManifestEntry[],
): Promise<IngestOutcome> {
  if (request.uploadId !== undefined && earlier.upload_id === request.uploadId) {
    const before = entries.filter((e) => e.seq < earlier.seq);
    const validation = validateReport({
      bytes: request.bytes,
      uploader: request.uploader,
      kind: earlier.kind,
      countries: dependencies.countries,
      reference: await reader.referenceStateAt(before),
      now: new Date(earlier.uploaded_at),
      maxBytes: dependencies.maxBytes,
    });
    return {
      status: "accepted",
      fileName: request.fileName,
      kind: earlier.kind,
      entry: earlier,
      ...succession(before, earlier),
      problems: validation.problems,
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
function findOverlap(entries: readonly ManifestEntry[], report: ValidatedReport): ManifestEntry | undefined {
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
  request: IngestRequest,
  report: ValidatedReport,
  existing: ManifestEntry,
  warnings: Problem[],
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
    problems: [problem, ...warnings],
    errorCount: 1,
  };
}

/** Writes an object that is named by its content: if it is already there, it already holds these bytes. */
async function putOnce(
  store: ObjectStore,
  key: string,
  body: Uint8Array,
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
