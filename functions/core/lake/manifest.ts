import { ObjectExistsError, type ObjectStore } from "../../ports/object-store.js";
import { isHubReportKind, type ReportKind } from "../reporting/kinds.js";
import { LakeReader } from "./lake-reader.js";
import { lakeLayout } from "./layout.js";

/** One accepted report, as recorded in the manifest. Entries are immutable once written. */
export interface ManifestEntry {
  readonly report_id: string;
  /** Gap-free, strictly increasing across the whole lake: the order in which reports were accepted. */
  readonly seq: number;
  readonly kind: ReportKind;
  readonly hub_id: string | null;
  readonly period: string | null;
  readonly year: number | null;
  readonly quarter: number | null;
  readonly sha256: string;
  readonly uploader: string;
  /** ISO 8601, UTC. */
  readonly uploaded_at: string;
  readonly file_name: string;
  readonly row_count: number;
  readonly warning_count: number;
  readonly raw_key: string;
  readonly curated_key: string;
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
 * for `hubs`; none for `fx_rates`, whose uploads merge (a later rate for the same currency and year wins).
 */
export function supersessionKey(
  entry: Pick<ManifestEntry, "kind" | "hub_id" | "period" | "report_id">,
): string {
  if (isHubReportKind(entry.kind)) return `${entry.kind}/${entry.hub_id}/${entry.period}`;
  if (entry.kind === "hubs") return "hubs";
  return `${entry.kind}/${entry.report_id}`;
}

/** Reads every manifest entry, in sequence order. */
export async function readManifest(store: ObjectStore): Promise<ManifestEntry[]> {
  return new LakeReader(store).manifest();
}

/** Marks each entry current or superseded: the newest accepted upload of each supersession key is current. */
export function withStatus(entries: readonly ManifestEntry[]): ManifestRecord[] {
  const newest = new Map<string, ManifestEntry>();
  for (const entry of entries) newest.set(supersessionKey(entry), entry);
  const next = new Map<string, string>();
  const previous = new Map<string, ManifestEntry>();
  for (const entry of entries) {
    const key = supersessionKey(entry);
    const before = previous.get(key);
    if (before) next.set(before.report_id, entry.report_id);
    previous.set(key, entry);
  }
  return entries.map((entry) => {
    const current = newest.get(supersessionKey(entry)) === entry;
    return {
      ...entry,
      status: current ? "current" : "superseded",
      superseded_by: current ? null : (next.get(entry.report_id) ?? null),
    };
  });
}

/**
 * Appends an entry with the next sequence number. The entry object is created only if absent, so of two
 * writers that read the same manifest, exactly one gets each number; the loser gets `false` and must re-read
 * the manifest, re-check, and try again.
 */
export async function tryAppendManifestEntry(store: ObjectStore, entry: ManifestEntry): Promise<boolean> {
  try {
    await store.put(
      lakeLayout.manifestKey(entry.seq),
      new TextEncoder().encode(`${JSON.stringify(entry)}\n`),
      {
        ifAbsent: true,
        contentType: "application/json",
      },
    );
    return true;
  } catch (error) {
    if (error instanceof ObjectExistsError) return false;
    throw error;
  }
}

/** The next free sequence number after the entries read. */
export function nextSeq(entries: readonly ManifestEntry[]): number {
  return (entries.at(-1)?.seq ?? 0) + 1;
}
