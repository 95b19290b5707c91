import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { fullJitterDelay } from "../../core/backoff.js";
import {
  isValidObjectKey,
  type ListOptions,
  type ObjectBody,
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
  /**
   * The size of each part when a streamed body is written as a multipart upload; a stream that ends within one
   * part is written with one PutObject. At least 5 MiB, S3's smallest part. @default 8 MiB
   */
  readonly partBytes?: number;
}

const MiB = 1024 * 1024;

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
 *
 * A streamed body longer than one part is written as a multipart upload, one part in memory at a time (one buffer,
 * reused for each part once S3 has it): the
 * retention and content type are given when it is created, each part carries its CRC32 (as Object Lock requires),
 * and `If-None-Match: *` is sent when it is completed, so the object appears whole or not at all. An upload that
 * fails, or whose body throws, is aborted.
 */
export class S3ObjectStore implements ObjectStore {
  readonly bucket: string;
  readonly keyPrefix: string;
  private readonly client: Pick<S3Client, "send">;
  private readonly listPageSize: number;
  private readonly retry: Required<ConflictRetryOptions>;
  private readonly retention: ObjectRetention | undefined;
  private readonly partBytes: number;

  constructor(options: S3ObjectStoreOptions) {
    this.partBytes = options.partBytes ?? 8 * MiB;
    if (!(Number.isInteger(this.partBytes) && this.partBytes >= 5 * MiB))
      throw new Error(`partBytes must be a whole number of bytes, at least 5 MiB, not ${this.partBytes}`);
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

  async getStream(key: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    const objectKey = this.objectKeyOf(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return (response.Body as AsyncIterable<Uint8Array> | undefined) ?? emptyStream();
    } catch (error) {
      const { name, status } = s3ErrorOf(error);
      if (name === "NoSuchKey" || (status === 404 && name !== "NoSuchBucket")) return undefined;
      throw new S3StoreError("get", this.uriOf(objectKey), { cause: error });
    }
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<void> {
    const objectKey = this.objectKeyOf(key);
    if (body instanceof Uint8Array) return this.putObject(key, objectKey, body, options);
    const parts = partsOf(body, this.partBytes)[Symbol.asyncIterator]();
    const first = (await parts.next()).value as Part;
    if (first.last) return this.putObject(key, objectKey, first.bytes, options);
    return this.putMultipart(key, objectKey, first, parts, options);
  }

  /** One PutObject, retried while S3 answers 409 ConditionalRequestConflict. */
  private async putObject(
    key: string,
    objectKey: string,
    body: Uint8Array,
    options: PutOptions,
  ): Promise<void> {
    const { maxAttempts, baseDelayMs, maxDelayMs, sleep, random } = this.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: objectKey,
            Body: body,
            ContentType: options.contentType,
            CacheControl: options.cacheControl,
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
   * A multipart upload of the parts of a streamed body, one at a time. A 409 ConditionalRequestConflict when it is
   * completed cannot be retried here (S3 asks for the whole upload again, and the stream is spent): it is an
   * `S3StoreError` that says so.
   */
  private async putMultipart(
    key: string,
    objectKey: string,
    first: Part,
    parts: AsyncIterator<Part>,
    options: PutOptions,
  ): Promise<void> {
    const location = this.uriOf(objectKey);
    const request = async <T>(sent: () => Promise<T>): Promise<T> => {
      try {
        return await sent();
      } catch (error) {
        throw new S3RequestFailure(error);
      }
    };
    let uploadId: string | undefined;
    try {
      const created = await request(() =>
        this.client.send(
          new CreateMultipartUploadCommand({
            Bucket: this.bucket,
            Key: objectKey,
            ContentType: options.contentType,
            ChecksumAlgorithm: "CRC32",
            ...this.lockOf(),
          }),
        ),
      );
      uploadId = created.UploadId;
      if (!uploadId) throw new S3RequestFailure(new Error("CreateMultipartUpload returned no UploadId"));
      const completed: CompletedPart[] = [];
      for (let part = first, number = 1; ; number++) {
        const uploaded = { UploadId: uploadId, PartNumber: number };
        const answer = await request(() =>
          this.client.send(
            new UploadPartCommand({
              Bucket: this.bucket,
              Key: objectKey,
              ...uploaded,
              Body: part.bytes,
              ChecksumAlgorithm: "CRC32",
            }),
          ),
        );
        completed.push({ PartNumber: number, ETag: answer.ETag, ChecksumCRC32: answer.ChecksumCRC32 });
        if (part.last) break;
        part = (await parts.next()).value as Part;
      }
      const completedId = uploadId;
      await request(() =>
        this.client.send(
          new CompleteMultipartUploadCommand({
            Bucket: this.bucket,
            Key: objectKey,
            UploadId: completedId,
            MultipartUpload: { Parts: completed },
            IfNoneMatch: options.ifAbsent ? "*" : undefined,
          }),
        ),
      );
    } catch (failure) {
      await parts.return?.();
      if (uploadId !== undefined)
        await this.client
          .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: objectKey, UploadId: uploadId }))
          .catch(() => undefined);
      if (!(failure instanceof S3RequestFailure)) throw failure;
      const { name, status } = s3ErrorOf(failure.cause);
      if (options.ifAbsent && (status === 412 || name === "PreconditionFailed"))
        throw new ObjectExistsError(key);
      if (status === 409 && name === "ConditionalRequestConflict")
        throw new S3StoreError("put", location, {
          cause: failure.cause,
          detail:
            "a concurrent write conflicted with it (409 ConditionalRequestConflict); the multipart upload was aborted and must be sent again",
        });
      throw new S3StoreError("put", location, { cause: failure.cause });
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

/** A request of a multipart upload that S3 (or the SDK) refused, told apart from an error of the body's stream. */
class S3RequestFailure extends Error {
  constructor(override readonly cause: unknown) {
    super("S3 request failed", { cause });
  }
}

/** One part of a streamed body; `last` when the stream ended with it. */
interface Part {
  readonly bytes: Uint8Array;
  readonly last: boolean;
}

/**
 * Cuts a stream into parts of exactly `partBytes` (the last one shorter, or empty when the stream is), copied into
 * one buffer that each part reuses: a part is valid until the next is asked for. A full part is handed over only once
 * more bytes arrive, so that the last part says so.
 */
async function* partsOf(body: AsyncIterable<Uint8Array>, partBytes: number): AsyncGenerator<Part> {
  const part = new Uint8Array(partBytes);
  let filled = 0;
  for await (const chunk of body) {
    for (let offset = 0; offset < chunk.byteLength; ) {
      if (filled === partBytes) {
        yield { bytes: part, last: false };
        filled = 0;
      }
      const taken = Math.min(partBytes - filled, chunk.byteLength - offset);
      part.set(chunk.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
    }
  }
  yield { bytes: part.subarray(0, filled), last: true };
}

async function* emptyStream(): AsyncGenerator<Uint8Array> {}

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
