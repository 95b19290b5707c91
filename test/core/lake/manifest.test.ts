import { describe, expect, it } from "vitest";
import {
  compareUploadOrder,
  currentOf,
  type ManifestEntry,
  type ManifestRecord,
  supersessionKey,
  withStatus,
} from "../../../functions/core/lake/manifest.js";
import type { ReportKind } from "../../../functions/core/reporting/kinds.js";
import { syntheticEntry } from "../../helpers/counting-store.js";

/** The statuses as their definition states them: every entry in upload order, the newest of each key current. */
function statusByDefinition(entries: readonly ManifestEntry[]): ManifestRecord[] {
  const inUploadOrder = [...entries].sort(compareUploadOrder);
  const newest = new Map<string, ManifestEntry>();
  for (const entry of inUploadOrder) newest.set(supersessionKey(entry), entry);
  const next = new Map<string, string>();
  const previous = new Map<string, ManifestEntry>();
  for (const entry of inUploadOrder) {
    const before = previous.get(supersessionKey(entry));
    if (before) next.set(before.report_id, entry.report_id);
    previous.set(supersessionKey(entry), entry);
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

/** Entries of few hubs and periods, uploaded out of order, some at the same instant, with reference uploads. */
function tangledManifest(count: number): ManifestEntry[] {
  let state = 7;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  return Array.from({ length: count }, (_, i): ManifestEntry => {
    const seq = i + 1;
    const base = syntheticEntry(seq, `hub-${random(4)}`);
    const kinds: readonly ReportKind[] = ["financial", "impact", "hubs", "fx_rates"];
    const kind = kinds[random(10) < 8 ? random(2) : 2 + random(2)] as ReportKind;
    const year = 2024 + random(2);
    const period = random(3) === 0 ? `${year}` : `${year}-Q${1 + random(4)}`;
    return {
      ...base,
      kind,
      hub_id: kind === "financial" || kind === "impact" ? base.hub_id : null,
      period: kind === "financial" || kind === "impact" ? period : null,
      uploaded_at: new Date(Date.UTC(2026, 0, 1, 0, 0, random(40))).toISOString(),
    };
  });
}

describe("withStatus", () => {
  it("marks each entry as its definition does, in the order given, with the same bytes as JSON", () => {
    for (const count of [0, 1, 2, 17, 300]) {
      const entries = tangledManifest(count);
      const records = withStatus(entries);
      expect(JSON.stringify(records)).toBe(JSON.stringify(statusByDefinition(entries)));
      expect(records.filter((r) => r.status === "superseded").length).toBe(
        count - new Set(entries.map(supersessionKey)).size,
      );
    }
  });

  it("finds the same current entry of a key as it marks current (currentOf)", () => {
    const entries = tangledManifest(300);
    const records = withStatus(entries);
    for (const key of new Set(entries.map(supersessionKey)))
      expect(currentOf(entries, key)?.seq).toBe(
        records.find((r) => r.status === "current" && supersessionKey(r) === key)?.seq,
      );
    expect(currentOf(entries, "financial/no-such-hub/2024")).toBeUndefined();
  });
});
