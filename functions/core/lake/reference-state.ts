import type { ObjectStore } from "../../ports/object-store.js";
import type { HubKind } from "../reporting/kinds.js";
import type { HubRecord, ReferenceState } from "../reporting/validate.js";
import type { ManifestEntry } from "./manifest.js";
import { readParquetRows } from "./parquet.js";

/**
 * Builds what validation needs to know of the lake from its manifest: the registry of the newest `hubs`
 * upload, and every exchange rate (a later upload's rate for the same currency and year wins). Curated files
 * are immutable, so they are cached by key.
 */
export class ReferenceReader {
  private readonly cache = new Map<string, Record<string, string | number | boolean | null>[]>();

  constructor(private readonly store: ObjectStore) {}

  async stateAt(entries: readonly ManifestEntry[]): Promise<ReferenceState> {
    const registryEntry = entries.filter((e) => e.kind === "hubs").at(-1);
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
    const rates = new Set<string>();
    for (const entry of entries.filter((e) => e.kind === "fx_rates")) {
      for (const row of await this.rows(entry.curated_key)) rates.add(`${row.currency}/${row.year}`);
    }
    return { hubs, hasRate: (currency, year) => rates.has(`${currency}/${year}`) };
  }

  private async rows(key: string) {
    let rows = this.cache.get(key);
    if (!rows) {
      const bytes = await this.store.get(key);
      if (!bytes) throw new Error(`the lake is missing ${key}, which its manifest names`);
      rows = readParquetRows(bytes);
      this.cache.set(key, rows);
    }
    return rows;
  }
}
