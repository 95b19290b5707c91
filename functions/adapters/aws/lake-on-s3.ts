import type { S3Client } from "@aws-sdk/client-s3";
import type { ListOptions, ObjectBody, ObjectStore, PutOptions } from "../../ports/object-store.js";
import { type ObjectRetention, S3ObjectStore } from "./s3-store.js";

/** Keys that start with `prefix` live in `store`. */
export interface PrefixRoute {
  readonly prefix: string;
  readonly store: ObjectStore;
}

/**
 * One object store made of several: each key goes to the store of the longest route prefix it starts with, or to
 * the fallback. Listing merges the stores a prefix can reach, and shows only keys that `get` would read from
 * the same store.
 */
export class PrefixRoutedStore implements ObjectStore {
  private readonly routes: readonly PrefixRoute[];

  constructor(
    routes: readonly PrefixRoute[],
    private readonly fallback: ObjectStore,
  ) {
    if (routes.some((route) => route.prefix === ""))
      throw new Error("a route needs a non-empty prefix; the fallback takes every other key");
    this.routes = [...routes].sort((a, b) => b.prefix.length - a.prefix.length);
  }

  get(key: string): Promise<Uint8Array | undefined> {
    return this.storeOf(key).get(key);
  }

  getStream(key: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    return this.storeOf(key).getStream(key);
  }

  put(key: string, body: ObjectBody, options?: PutOptions): Promise<void> {
    return this.storeOf(key).put(key, body, options);
  }

  delete(key: string): Promise<void> {
    return this.storeOf(key).delete(key);
  }

  async list(prefix: string, options?: ListOptions): Promise<string[]> {
    const reads: { store: ObjectStore; prefix: string }[] = [];
    for (const route of this.routes) {
      if (route.prefix.startsWith(prefix)) reads.push({ store: route.store, prefix: route.prefix });
      else if (prefix.startsWith(route.prefix)) reads.push({ store: route.store, prefix });
    }
    if (!this.routes.some((route) => prefix.startsWith(route.prefix)))
      reads.push({ store: this.fallback, prefix });
    const listed = await Promise.all(
      reads.map(async (read) =>
        (await read.store.list(read.prefix, options)).filter((key) => this.storeOf(key) === read.store),
      ),
    );
    return [...new Set(listed.flat())].sort();
  }

  locate(key: string): string {
    return this.storeOf(key).locate(key);
  }

  private storeOf(key: string): ObjectStore {
    return this.routes.find((route) => key.startsWith(route.prefix))?.store ?? this.fallback;
  }
}

/** The key prefixes kept in the raw bucket (with Object Lock): the evidence and what produced it. */
export const RAW_BUCKET_PREFIXES = ["raw/", "uploads/", "results/"] as const;

/**
 * The lake on S3: the raw zone, incoming uploads and ingest results in the raw bucket; everything else (curated
 * Parquet, manifest, published indicators) in the curated bucket, where Athena reads it. With `evidenceRetention`,
 * every object written under `raw/` (the accepted files, byte for byte) is put under Object Lock for that long;
 * uploads and results are not, so hubs can upload without computing checksums.
 */
export function lakeOnS3(options: {
  readonly client: Pick<S3Client, "send">;
  readonly rawBucket: string;
  readonly curatedBucket: string;
  readonly evidenceRetention?: ObjectRetention;
}): PrefixRoutedStore {
  const raw = new S3ObjectStore({ client: options.client, bucket: options.rawBucket });
  const evidence = options.evidenceRetention
    ? new S3ObjectStore({
        client: options.client,
        bucket: options.rawBucket,
        retention: options.evidenceRetention,
      })
    : raw;
  const curated = new S3ObjectStore({ client: options.client, bucket: options.curatedBucket });
  return new PrefixRoutedStore(
    RAW_BUCKET_PREFIXES.map((prefix) => ({ prefix, store: prefix === "raw/" ? evidence : raw })),
    curated,
  );
}
