/** Raised by `ObjectStore.put` with `ifAbsent` when the key already holds an object. */
export class ObjectExistsError extends Error {
  constructor(readonly key: string) {
    super(`an object already exists at ${key}`);
    this.name = "ObjectExistsError";
  }
}

const OBJECT_KEY = /^[A-Za-z0-9=_.-]+(\/[A-Za-z0-9=_.-]+)*$/;

/**
 * Whether a key is one the lake would ever write: `/`-separated segments of letters, digits and `=_.-`, none of
 * them `.` or `..`. Every store refuses other keys before touching storage.
 */
export function isValidObjectKey(key: string): boolean {
  return OBJECT_KEY.test(key) && !key.split("/").some((part) => part === "." || part === "..");
}

/** Options of a write. */
export interface PutOptions {
  /** Write only if no object exists at the key (S3 `If-None-Match: *`); otherwise raise `ObjectExistsError`. */
  readonly ifAbsent?: boolean;
  readonly contentType?: string;
  /** The `Cache-Control` the object is served with (S3 keeps it as metadata; CloudFront and browsers follow it). */
  readonly cacheControl?: string;
}

/** Options of a listing. */
export interface ListOptions {
  /**
   * List only keys that sort after this one (S3 `StartAfter`): a reader that knows the lake up to a key asks only
   * for what came later, so the listing does not grow with what it already knows. The key need not exist.
   */
  readonly startAfter?: string;
}

/**
 * What a write stores: bytes in memory, or a stream of chunks that is consumed once, in order, as it is written (so
 * that a large object never sits in memory whole). When the stream throws, the write fails and stores nothing.
 */
export type ObjectBody = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * The lake's storage: a flat namespace of immutable-by-convention objects under `/`-separated keys.
 * Implemented by a local folder (embedded default) and by S3. Every write is atomic, streamed or not: a reader sees
 * the whole object or nothing.
 */
export interface ObjectStore {
  /** The object's bytes, or undefined when there is none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /**
   * The object's bytes as a stream of chunks, read as they are consumed, or undefined when there is none. Each call
   * reads the object again from its first byte.
   */
  getStream(key: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  put(key: string, body: ObjectBody, options?: PutOptions): Promise<void>;
  /** Every key that starts with the prefix (and sorts after `startAfter`, if given), in lexicographic order. */
  list(prefix: string, options?: ListOptions): Promise<string[]>;
  /**
   * Removes the object at the key, so that `get` and `list` no longer see it; removing a key that holds nothing
   * succeeds. Where the storage keeps versions under a retention lock (the S3 raw bucket), the locked bytes stay
   * as an older version: see `S3ObjectStore.delete`. Ingest uses it only for objects no manifest entry names.
   */
  delete(key: string): Promise<void>;
  /** A location an engine can read the key from (a file path or an `s3://` URI). */
  locate(key: string): string;
}
