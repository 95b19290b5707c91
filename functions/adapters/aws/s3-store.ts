import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { fullJitterDelay } from "../../core/backoff.js";
import {
  isValidObjectKey,
  type ListOptions,
  ObjectExistsError,
  type ObjectStore,
  type PutOptions,
} from "../../ports/object-store.js";

/** Raised before any request for a key the lake would never write (the same rule as `FolderStore`). */
export class InvalidObjectKeyError extends Error {
  constructor(readonly key: string) {
    super(`invalid object key: ${JSON.stringify(key)}`);
    this.name = "InvalidObjectKeyError";
  }
}

/** An S3 request that failed; `cause` is the SDK's error. */
export class S3StoreError extends Error {
  constructor(
    readonly operation: "get" | "put" | "list" | "delete",
    readonly location: string,
    options: { readonly cause: unknown; readonly detail?: string },
  ) {
    super(`S3 ${operation} of ${location} failed: ${options.detail ?? describeS3Error(options.cause)}`, {
      cause: options.cause,
    });
    this.name = "S3StoreError";
  }
}

/** How a write that S3 answers with 409 ConditionalRequestConflict is retried: full-jitter exponential backoff. */
export interface ConflictRetryOptions {
  /** Attempts in all, the first included. @default 6 */
  readonly maxAttempts?: number;
  /** @default 50 */
  readonly baseDelayMs?: number;
  /** @default 2000 */
  readonly maxDelayMs?: number;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1). @default Math.random */
  readonly random?: () => number;
}

export interface S3ObjectStoreOptions {
  /** Usually from `createS3Client`; only its `send` is used. */
  readonly client: Pick<S3Client, "send">;
  readonly bucket: string;
  /** Prepended to every key, e.g. `"lake/"`: segments like a key's, ending in `/`. @default "" */
  readonly keyPrefix?: string;
  /** Keys asked for per ListObjectsV2 request (S3 returns at most 1000). @default 1000 */
  readonly listPageSize?: number;
  readonly conflictRetry?: ConflictRetryOptions;
  /**
   * Object Lock retention given to every object this store writes (the bucket must have Object Lock enabled;
   * the SDK's default checksum, which S3 requires with a retention, must stay on). @default no retention
   */
  readonly retention?: ObjectRetention;
}

/** An Object Lock retention: the mode, and for how long from the write. */
export interface ObjectRetention {
  readonly mode: "GOVERNANCE" | "COMPLIANCE";
  readonly days: number;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/**
 * The object store on S3: one bucket, optionally below a key prefix. S3 writes are atomic, and `ifAbsent` is a
 * conditional write (`If-None-Match: *`), so exactly one of several writers creates a key. A missing key reads
 * as undefined only if the caller may list the bucket (`s3:ListBucket`); without it S3 answers 403 and `get` throws.
 */
export class S3ObjectStore implements ObjectStore {
  readonly bucket: string;
  readonly keyPrefix: string;
  private readonly client: Pick<S3Client, "send">;
  private readonly listPageSize: number;
  private readonly retry: Required<ConflictRetryOptions>;
  private readonly retention: ObjectRetention | undefined;

  constructor(options: S3ObjectStoreOptions) {
    this.client = options.client;
    this.retention = options.retention;
    if (this.retention && !(Number.isInteger(this.retention.days) && this.retention.days > 0))
      throw new Error(`retention must be a whole number of days above 0, not ${this.retention.days}`);
    this.bucket = options.bucket;
    this.keyPrefix = options.keyPrefix ?? "";
    if (
      this.keyPrefix !== "" &&
      !(this.keyPrefix.endsWith("/") && isValidObjectKey(this.keyPrefix.slice(0, -1)))
    )
      throw new Error(`invalid key prefix: ${JSON.stringify(this.keyPrefix)}`);
    this.listPageSize = options.listPageSize ?? 1000;
    this.retry = {
      maxAttempts: 6,
      baseDelayMs: 50,
      maxDelayMs: 2000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      ...options.conflictRetry,
    };
  }

  private lockOf() {
    if (!this.retention) return {};
    const now = (this.retention.clock ?? (() => new Date()))();
    return {
      ObjectLockMode: this.retention.mode,
      ObjectLockRetainUntilDate: new Date(now.getTime() + this.retention.days * 86_400_000),
    };
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const objectKey = this.objectKeyOf(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return (await response.Body?.transformToByteArray()) ?? new Uint8Array();
    } catch (error) {
      const { name, status } = s3ErrorOf(error);
      if (name === "NoSuchKey" || (status === 404 && name !== "NoSuchBucket")) return undefined;
      throw new S3StoreError("get", this.uriOf(objectKey), { cause: error });
    }
  }

  async put(key: string, body: Uint8Array, options: PutOptions = {}): Promise<void> {
    const objectKey = this.objectKeyOf(key);
    const { maxAttempts, baseDelayMs, maxDelayMs, sleep, random } = this.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: objectKey,
            Body: body,
            ContentType: options.contentType,
            IfNoneMatch: options.ifAbsent ? "*" : undefined,
            ...this.lockOf(),
          }),
        );
        return;
      } catch (error) {
        const { name, status } = s3ErrorOf(error);
        if (options.ifAbsent && (status === 412 || name === "PreconditionFailed"))
          throw new ObjectExistsError(key);
        if (status !== 409 || name !== "ConditionalRequestConflict")
          throw new S3StoreError("put", this.uriOf(objectKey), { cause: error });
        if (attempt >= maxAttempts)
          throw new S3StoreError("put", this.uriOf(objectKey), {
            cause: error,
            detail: `concurrent writes kept conflicting with it (409 ConditionalRequestConflict, ${attempt} attempts)`,
          });
        await sleep(fullJitterDelay(attempt, { baseMs: baseDelayMs, capMs: maxDelayMs }, random));
      }
    }
  }

  /**
   * Lists with ListObjectsV2, page by page; `startAfter` becomes S3's `StartAfter` (below the store's key prefix),
   * so that S3 starts the listing there rather than at the prefix's first key.
   */
  async list(prefix: string, options: ListOptions = {}): Promise<string[]> {
    const startAfter = options.startAfter === undefined ? undefined : this.keyPrefix + options.startAfter;
    const keys: string[] = [];
    let continuationToken: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.keyPrefix + prefix,
            MaxKeys: this.listPageSize,
            ContinuationToken: continuationToken,
            StartAfter: startAfter,
          }),
        );
      } catch (error) {
        throw new S3StoreError("list", `${this.uriOf(this.keyPrefix + prefix)}*`, { cause: error });
      }
      for (const object of page.Contents ?? []) {
        if (
          object.Key?.startsWith(this.keyPrefix) &&
          !object.Key.endsWith("/") &&
          (startAfter === undefined || object.Key > startAfter)
        )
          keys.push(object.Key.slice(this.keyPrefix.length));
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
    return keys.sort();
  }

  /**
   * Removes the object at the key: a DeleteObject without a VersionId, so that `get` and `list` no longer see it
   * (S3 answers 204 whether or not the key held anything).
   *
   * On a versioned bucket with Object Lock — the raw bucket, whose `raw/` objects are written in governance
   * mode — this never removes locked bytes: S3 adds a delete marker as the key's current version and keeps the
   * locked version, unchanged, as a noncurrent version until its retention ends. Object Lock allows exactly
   * this; removing the version itself would need its VersionId and, in governance mode, the
   * `s3:BypassGovernanceRetention` permission with `x-amz-bypass-governance-retention`, which this store never
   * sends. Ingest deletes only objects no manifest entry names (the files of an upload that was then rejected).
   */
  async delete(key: string): Promise<void> {
    const objectKey = this.objectKeyOf(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch (error) {
      throw new S3StoreError("delete", this.uriOf(objectKey), { cause: error });
    }
  }

  locate(key: string): string {
    return this.uriOf(this.objectKeyOf(key));
  }

  private objectKeyOf(key: string): string {
    if (!isValidObjectKey(key)) throw new InvalidObjectKeyError(key);
    return this.keyPrefix + key;
  }

  private uriOf(objectKey: string): string {
    return `s3://${this.bucket}/${objectKey}`;
  }
}

function s3ErrorOf(error: unknown): { name: string | undefined; status: number | undefined } {
  const candidate = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | undefined;
  return {
    name: typeof candidate?.name === "string" ? candidate.name : undefined,
    status:
      typeof candidate?.$metadata?.httpStatusCode === "number"
        ? candidate.$metadata.httpStatusCode
        : undefined,
  };
}

function describeS3Error(error: unknown): string {
  const { name, status } = s3ErrorOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return `${name ?? "Error"}${status === undefined ? "" : ` (HTTP ${status})`}: ${message}`;
}
