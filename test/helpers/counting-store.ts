import { type ManifestEntry, tryAppendManifestEntry } from "../../functions/core/lake/manifest.js";
import type { ListOptions, ObjectBody, ObjectStore, PutOptions } from "../../functions/ports/object-store.js";

/** One call a `CountingStore` passed on. */
export interface StoreCall {
  readonly operation: "get" | "put" | "list" | "delete";
  readonly key: string;
  readonly startAfter?: string;
}

/** A store that records every call before passing it on, to count what a use-case reads and writes. */
export class CountingStore implements ObjectStore {
  readonly calls: StoreCall[] = [];
  /** Throws instead of passing the call on when it returns an error: a process killed at that call. */
  failOn: ((call: StoreCall) => Error | undefined) | undefined;

  constructor(readonly inner: ObjectStore) {}

  private record(call: StoreCall): void {
    const error = this.failOn?.(call);
    if (error) throw error;
    this.calls.push(call);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    this.record({ operation: "get", key });
    return this.inner.get(key);
  }

  /** Recorded as a `get`: one read of the object, as S3 counts it. */
  async getStream(key: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    this.record({ operation: "get", key });
    return this.inner.getStream(key);
  }

  async put(key: string, body: ObjectBody, options?: PutOptions): Promise<void> {
    this.record({ operation: "put", key });
    await this.inner.put(key, body, options);
  }

  async list(prefix: string, options?: ListOptions): Promise<string[]> {
    this.record({ operation: "list", key: prefix, startAfter: options?.startAfter });
    return this.inner.list(prefix, options);
  }

  async delete(key: string): Promise<void> {
    this.record({ operation: "delete", key });
    await this.inner.delete(key);
  }

  locate(key: string): string {
    return this.inner.locate(key);
  }

  /** How many calls of each operation were made since `reset`. */
  count(): Record<StoreCall["operation"], number> {
    const counts = { get: 0, put: 0, list: 0, delete: 0 };
    for (const call of this.calls) counts[call.operation]++;
    return counts;
  }

  reset(): void {
    this.calls.length = 0;
  }
}

/** A synthetic financial entry with sequence number `seq`, as ingest would write it. */
export function syntheticEntry(seq: number, hub = `hub-${seq % 50}`): ManifestEntry {
  const sha256 = seq.toString(16).padStart(64, "0");
  const reportId = `r-${sha256.slice(-16)}`;
  const year = 2016 + (seq % 10);
  return {
    report_id: reportId,
    seq,
    kind: "financial",
    hub_id: hub,
    period: `${year}-Q${1 + (seq % 4)}`,
    year,
    quarter: 1 + (seq % 4),
    sha256,
    uploader: hub,
    uploaded_at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
    upload_id: null,
    file_name: `report-${seq}.csv`,
    row_count: 6,
    warning_count: 0,
    raw_key: `raw/${hub}/${sha256}.csv`,
    curated_key: `curated/financial/year=${year}/hub=${hub}/${reportId}.parquet`,
  };
}

/** Appends synthetic entries `from`..`to` to the manifest, as committed reports (no data files). */
export async function appendSyntheticEntries(store: ObjectStore, from: number, to: number): Promise<void> {
  const seqs = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  for (let start = 0; start < seqs.length; start += 32)
    await Promise.all(
      seqs.slice(start, start + 32).map(async (seq) => {
        if (!(await tryAppendManifestEntry(store, syntheticEntry(seq))))
          throw new Error(`entry ${seq} is already there`);
      }),
    );
}
