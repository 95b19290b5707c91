import type { ManifestEntry, ManifestRecord } from "../lake/manifest.js";

/** The manifest entries `reportsJsonChunks` writes the reports of, with the line the manifest stores for each. */
export interface StoredEntries {
  /** `entries[i]` is the entry `records[i]` was made from (see `withStatus`). */
  readonly entries: readonly ManifestEntry[];
  /** The line the manifest stores for an entry (see `LakeReader.lineOf`), if known. */
  readonly lineOf: (entry: ManifestEntry) => string | undefined;
}

/** How many reports `reportsJsonChunks` encodes at a time: about 1 MiB of JSON. */
const REPORTS_PER_CHUNK = 2_000;

/**
 * `reports.json` as UTF-8, a chunk of 2,000 reports at a time, each made as it is written: a lake of a million
 * reports is never one string or one buffer in memory. Every report is one line of a JSON array, its manifest
 * entry followed by its `status` and `superseded_by`. A report whose entry's stored line is known (`stored`) is
 * written from that line as stored, without serialising its entry again (at 40,000 reports, under half the
 * time). Other reports, and an entry that itself has a `status` or `superseded_by` field, are serialised; an
 * entry ingest wrote gives the same line either way.
 */
export async function* reportsJsonChunks(
  records: readonly ManifestRecord[],
  stored?: StoredEntries,
): AsyncGenerator<Uint8Array> {
  if (records.length === 0) {
    yield Buffer.from("[]\n");
    return;
  }
  for (let start = 0; start < records.length; start += REPORTS_PER_CHUNK) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(start + REPORTS_PER_CHUNK, records.length); index++)
      lines.push(reportLine(records[index] as ManifestRecord, stored, index));
    const end = start + REPORTS_PER_CHUNK >= records.length ? "\n]\n" : ",\n";
    yield Buffer.from(`${start === 0 ? "[\n" : ""}${lines.join(",\n")}${end}`, "utf8");
  }
}

function reportLine(record: ManifestRecord, stored: StoredEntries | undefined, index: number): string {
  const entry = stored?.entries[index];
  const line = entry === undefined ? undefined : stored?.lineOf(entry);
  if (line === undefined || !extensible(entry as ManifestEntry, line)) return `  ${JSON.stringify(record)}`;
  const next = record.superseded_by === null ? "null" : JSON.stringify(record.superseded_by);
  return `  ${line.slice(0, -1)},"status":"${record.status}","superseded_by":${next}}`;
}

/** A stored line a status may be appended to: a JSON object with a report id, whose entry names no status yet. */
function extensible(entry: ManifestEntry, line: string): boolean {
  return (
    line.startsWith("{") &&
    line.endsWith("}") &&
    Object.hasOwn(entry, "report_id") &&
    !Object.hasOwn(entry, "status") &&
    !Object.hasOwn(entry, "superseded_by")
  );
}

/** A `reports.json` that is not the list `reportsJsonChunks` writes. */
export class ReportsFileError extends Error {
  constructor(readonly detail: string) {
    super(`reports.json ${detail}`);
    this.name = "ReportsFileError";
  }
}

const STATUSES: readonly unknown[] = ["current", "superseded"];

/**
 * Reads `reports.json`: a JSON array of reports, each with a text `report_id`, a whole `seq`, a `kind` and a
 * `status` of current or superseded, and `superseded_by` a report id or null. Anything else is refused with the
 * position of the first report at fault.
 */
export function reportsFromJson(text: string): ManifestRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ReportsFileError("is not JSON");
  }
  if (!Array.isArray(parsed)) throw new ReportsFileError("is not a list of reports");
  parsed.forEach((report: unknown, index) => {
    const fields = (typeof report === "object" && report !== null ? report : {}) as Record<string, unknown>;
    const valid =
      typeof fields.report_id === "string" &&
      typeof fields.seq === "number" &&
      Number.isSafeInteger(fields.seq) &&
      typeof fields.kind === "string" &&
      STATUSES.includes(fields.status) &&
      (fields.superseded_by === null || typeof fields.superseded_by === "string");
    if (!valid)
      throw new ReportsFileError(
        `report ${index + 1} is not a report with report_id, seq, kind, status and superseded_by`,
      );
  });
  return parsed as ManifestRecord[];
}
