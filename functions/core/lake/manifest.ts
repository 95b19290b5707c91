import { ObjectExistsError, type ObjectStore } from "../../ports/object-store.js";
import { isHubReportKind, type UploadKind } from "../reporting/kinds.js";
import { LakeReader } from "./lake-reader.js";
import { lakeLayout } from "./layout.js";

/** One accepted report, as recorded in the manifest. Entries are immutable once written. */
export interface ManifestEntry {
  readonly report_id: string;
  /** Gap-free, strictly increasing across the whole lake: the order in which reports were accepted. */
  readonly seq: number;
  readonly kind: UploadKind;
  readonly hub_id: string | null;
  readonly period: string | null;
  readonly year: number | null;
  readonly quarter: number | null;
  readonly sha256: string;
  readonly uploader: string;
  /**
   * When the file reached the observatory (ISO 8601, UTC, milliseconds): the ingest time for the CLI, the
   * object's arrival in the upload bucket on AWS. Newer uploads supersede older ones in this order, whatever
   * order they were ingested in.
   */
  readonly uploaded_at: string;
  /** The upload the report came from, when it came through the upload API; null for CLI ingests. */
  readonly upload_id: string | null;
  readonly file_name: string;
  readonly row_count: number;
  readonly warning_count: number;
  readonly raw_key: string;
  readonly curated_key: string;
  /** A scenario's id (only on `scenario` entries): a later upload with the same id supersedes it. */
  readonly scenario_id?: string;
}

export type ReportStatus = "current" | "superseded";

/** An entry with what later uploads made of it. */
export interface ManifestRecord extends ManifestEntry {
  readonly status: ReportStatus;
  /** The report that replaced this one, when superseded. */
  readonly superseded_by: string | null;
}

/**
 * The key under which reports replace each other: (hub, kind, period) for hub reports; the registry as a whole
 * for `hubs`; the scenario's id for a scenario; none for `fx_rates`, whose uploads merge (a later rate for the
 * same currency and year wins).
 */
export function supersessionKey(
  entry: Pick<ManifestEntry, "kind" | "hub_id" | "period" | "report_id" | "scenario_id">,
): string {
  if (isHubReportKind(entry.kind)) return `${entry.kind}/${entry.hub_id}/${entry.period}`;
  if (entry.kind === "hubs") return "hubs";
  if (entry.kind === "scenario") return `scenario/${entry.scenario_id}`;
  return `${entry.kind}/${entry.report_id}`;
}

/** Reads every manifest entry, in sequence order. */
export async function readManifest(store: ObjectStore): Promise<ManifestEntry[]> {
  return new LakeReader(store).manifest();
}

/**
 * The order in which reports replace each other: by upload time, then by sequence number. Ingesting out of
 * order (an S3 event delivered late) therefore never lets an older upload replace a newer one.
 */
export function compareUploadOrder(
  a: Pick<ManifestEntry, "uploaded_at" | "seq">,
  b: Pick<ManifestEntry, "uploaded_at" | "seq">,
): number {
  return a.uploaded_at < b.uploaded_at ? -1 : a.uploaded_at > b.uploaded_at ? 1 : a.seq - b.seq;
}

/**
 * Marks each entry current or superseded: of each supersession key, the newest upload (see
 * `compareUploadOrder`) is current. Returns the entries in sequence order.
 */
export function withStatus(entries: readonly ManifestEntry[]): ManifestRecord[] {
  const groups = new Map<string, ManifestEntry[]>();
  for (const entry of entries) {
    const key = supersessionKey(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const superseded = new Set<ManifestEntry>();
  const next = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length === 1) continue;
    group.sort(compareUploadOrder);
    for (const [index, entry] of group.entries()) {
      const later = group[index + 1];
      if (!later) continue;
      superseded.add(entry);
      next.set(entry.report_id, later.report_id);
    }
  }
  return entries.map((entry) => {
    const current = !superseded.has(entry);
    return Object.assign({}, entry, {
      status: current ? ("current" as const) : ("superseded" as const),
      superseded_by: current ? null : (next.get(entry.report_id) ?? null),
    });
  });
}

/**
 * The current entry of a supersession key (the newest upload of it, see `compareUploadOrder`), or undefined when
 * no entry has the key: what `withStatus` marks current, found without marking every entry of the manifest.
 */
export function currentOf(entries: readonly ManifestEntry[], key: string): ManifestEntry | undefined {
  let newest: ManifestEntry | undefined;
  for (const entry of entries)
    if (supersessionKey(entry) === key && (!newest || compareUploadOrder(newest, entry) <= 0)) newest = entry;
  return newest;
}

/**
 * Appends an entry with the next sequence number. The entry object is created only if absent, so of two
 * writers that read the same manifest, exactly one gets each number; the loser gets `false` and must re-read
 * the manifest, re-check, and try again.
 */
export async function tryAppendManifestEntry(store: ObjectStore, entry: ManifestEntry): Promise<boolean> {
  try {
    await store.put(lakeLayout.manifestKey(entry.seq), new TextEncoder().encode(manifestEntryText(entry)), {
      ifAbsent: true,
      contentType: "application/json",
    });
    return true;
  } catch (error) {
    if (error instanceof ObjectExistsError) return false;
    throw error;
  }
}

/** The text of an entry's object: its JSON on one line. */
export function manifestEntryText(entry: ManifestEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** The next free sequence number after the entries read. */
export function nextSeq(entries: readonly ManifestEntry[]): number {
  return (entries.at(-1)?.seq ?? 0) + 1;
}
