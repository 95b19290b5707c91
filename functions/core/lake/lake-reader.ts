import type { ObjectStore } from "../../ports/object-store.js";
import type { HubKind } from "../reporting/kinds.js";
import type { HubRecord, ReferenceState } from "../reporting/validate.js";
import { lakeLayout } from "./layout.js";
import { compareUploadOrder, type ManifestEntry } from "./manifest.js";
import { readParquetRows } from "./parquet.js";

/**
 * Reads the lake for ingest: its manifest, and what validation needs to know of it (the registry of the newest
 * `hubs` upload, every exchange rate with its value: of several uploads of a (currency, year), the newest
 * upload's, as the indicators read it). Manifest entries and curated files are immutable, so each is read once
 * and cached: a session that ingests many files reads each entry once, not once per file.
 */
export class LakeReader {
  private readonly rowsByKey = new Map<string, Record<string, string | number | boolean | null>[]>();
  private readonly entriesByKey = new Map<string, ManifestEntry>();

  constructor(private readonly store: ObjectStore) {}

  /** Every manifest entry, in sequence order, reading only the entries not seen before. */
  async manifest(): Promise<ManifestEntry[]> {
    const keys = (await this.store.list(lakeLayout.manifestPrefix)).filter(
      (key) => lakeLayout.seqOfManifestKey(key) !== undefined,
    );
    const unseen = keys.filter((key) => !this.entriesByKey.has(key));
    const read = await Promise.all(
      unseen.map(async (key) => {
        const bytes = await this.store.get(key);
        if (!bytes) throw new Error(`manifest entry ${key} vanished while being read`);
        return [key, JSON.parse(new TextDecoder().decode(bytes)) as ManifestEntry] as const;
      }),
    );
    for (const [key, entry] of read) this.entriesByKey.set(key, entry);
    return keys.map((key) => this.entriesByKey.get(key) as ManifestEntry).sort((a, b) => a.seq - b.seq);
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
