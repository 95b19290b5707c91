import { randomBytes } from "node:crypto";
import {
  type DeleteObjectCommand,
  type DeleteObjectCommandInput,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandInput,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import {
  InvalidObjectKeyError,
  S3ObjectStore,
  S3StoreError,
} from "../../../functions/adapters/aws/s3-store.js";
import { ObjectExistsError } from "../../../functions/ports/object-store.js";
import { encode } from "../../helpers/movement.js";
import { startS3rver } from "../../helpers/s3rver.js";

const BUCKET = "lake";

async function storeOnS3rver(options: { keyPrefix?: string } = {}) {
  const s3 = await startS3rver([BUCKET]);
  return { s3, store: new S3ObjectStore({ client: s3.client, bucket: BUCKET, ...options }) };
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) =>
  a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

describe("S3ObjectStore on an S3-compatible server", () => {
  it("reads back exactly the bytes it wrote: binary, empty, several megabytes, a CSV with BOM, CRLF and UTF-8", async () => {
    const { store } = await storeOnS3rver();
    const bodies: Record<string, Uint8Array> = {
      "bin/every-byte": Uint8Array.from({ length: 256 }, (_, i) => i),
      "bin/empty": new Uint8Array(),
      "bin/large": new Uint8Array(randomBytes(5 * 1024 * 1024 + 7)),
      "raw/wm-ng/report.csv": encode("\uFEFFhub_id,name\r\nwm-ng,Łódź São Paulo 東京 🌍\r\n"),
    };
    for (const [key, body] of Object.entries(bodies)) await store.put(key, body);
    for (const [key, body] of Object.entries(bodies))
      expect(sameBytes(await store.get(key), body), key).toBe(true);
  });

  it("reads a missing key as undefined, but a missing bucket as an error naming it", async () => {
    const { s3, store } = await storeOnS3rver();
    expect(await store.get("manifest/000000000001.json")).toBeUndefined();
    const elsewhere = new S3ObjectStore({ client: s3.client, bucket: "no-such-bucket" });
    await expect(elsewhere.get("manifest/000000000001.json")).rejects.toThrow(
      /s3:\/\/no-such-bucket\/manifest\/000000000001\.json failed: NoSuchBucket/,
    );
    await expect(elsewhere.list("manifest/")).rejects.toBeInstanceOf(S3StoreError);
  });

  it("lists every key under a prefix, in lexicographic order", async () => {
    const { store } = await storeOnS3rver();
    const keys = [
      "manifest/000000000003.json",
      "raw/wm-ng/b.csv",
      "manifest/000000000001.json",
      "manifest-old/x.json",
      "manifest/000000000002.json",
      "curated/hubs/r-1.parquet",
    ];
    for (const key of keys) await store.put(key, encode(key));
    expect(await store.list("manifest/")).toEqual([
      "manifest/000000000001.json",
      "manifest/000000000002.json",
      "manifest/000000000003.json",
    ]);
    expect(await store.list("manifest")).toEqual([
      "manifest-old/x.json",
      "manifest/000000000001.json",
      "manifest/000000000002.json",
      "manifest/000000000003.json",
    ]);
    expect(await store.list("")).toEqual([...keys].sort());
    expect(await store.list("nothing/")).toEqual([]);
  });

  it("lists only the keys after startAfter, also below its key prefix", async () => {
    const { s3, store } = await storeOnS3rver({ keyPrefix: "lake/" });
    const outside = new S3ObjectStore({ client: s3.client, bucket: BUCKET });
    await outside.put("manifest/000000000009.json", encode("not the lake's"));
    for (const seq of [1, 2, 3]) await store.put(`manifest/00000000000${seq}.json`, encode(`${seq}`));
    await store.put("raw/wm-ng/a.csv", encode("a"));
    expect(await store.list("manifest/", { startAfter: "manifest/000000000001.json" })).toEqual([
      "manifest/000000000002.json",
      "manifest/000000000003.json",
    ]);
    expect(await store.list("manifest/", { startAfter: "manifest/000000000003.json" })).toEqual([]);
    expect(await store.list("", { startAfter: "manifest/000000000002" })).toEqual([
      "manifest/000000000002.json",
      "manifest/000000000003.json",
      "raw/wm-ng/a.csv",
    ]);
  });

  it("does not list the empty folder markers the S3 console creates", async () => {
    const { s3, store } = await storeOnS3rver();
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "manifest/", Body: new Uint8Array() }));
    await store.put("manifest/000000000001.json", encode("{}"));
    expect(await store.list("manifest/")).toEqual(["manifest/000000000001.json"]);
  });

  it("keeps its objects below its key prefix, out of sight of the rest of the bucket", async () => {
    const { s3, store } = await storeOnS3rver({ keyPrefix: "lake-a/" });
    const neighbour = new S3ObjectStore({ client: s3.client, bucket: BUCKET, keyPrefix: "lake-b/" });
    await store.put("manifest/000000000001.json", encode("a"));
    await neighbour.put("manifest/000000000001.json", encode("b"));
    expect(await store.list("")).toEqual(["manifest/000000000001.json"]);
    expect(new TextDecoder().decode(await store.get("manifest/000000000001.json"))).toBe("a");
    expect(store.locate("manifest/000000000001.json")).toBe(
      `s3://${BUCKET}/lake-a/manifest/000000000001.json`,
    );
    const inBucket = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(inBucket.Contents?.map((object) => object.Key).sort()).toEqual([
      "lake-a/manifest/000000000001.json",
      "lake-b/manifest/000000000001.json",
    ]);
    expect(() => new S3ObjectStore({ client: s3.client, bucket: BUCKET, keyPrefix: "lake" })).toThrow(
      /invalid key prefix/,
    );
  });

  it("locates a key as an s3:// URI an engine can read", async () => {
    const { store } = await storeOnS3rver();
    expect(store.locate("curated/financial/year=2025/hub=wm-ng/r-1.parquet")).toBe(
      `s3://${BUCKET}/curated/financial/year=2025/hub=wm-ng/r-1.parquet`,
    );
  });

  it("stores the content type it is given", async () => {
    const { s3, store } = await storeOnS3rver();
    await store.put("raw/wm-ng/a.csv", encode("x"), { contentType: "text/csv" });
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "raw/wm-ng/a.csv" }));
    expect(head.ContentType).toBe("text/csv");
  });
});

describe("S3ObjectStore deletes", () => {
  it("deletes an object so that neither get nor list sees it, and deleting nothing succeeds", async () => {
    const { s3, store } = await storeOnS3rver({ keyPrefix: "lake/" });
    await store.put("raw/wm-ng/a.csv", encode("a"));
    await store.put("raw/wm-ng/b.csv", encode("b"));
    await store.delete("raw/wm-ng/a.csv");
    expect(await store.get("raw/wm-ng/a.csv")).toBeUndefined();
    expect(await store.list("raw/")).toEqual(["raw/wm-ng/b.csv"]);
    await store.delete("raw/wm-ng/a.csv");
    const inBucket = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(inBucket.Contents?.map((object) => object.Key)).toEqual(["lake/raw/wm-ng/b.csv"]);
    const elsewhere = new S3ObjectStore({ client: s3.client, bucket: "no-such-bucket" });
    await expect(elsewhere.delete("raw/wm-ng/b.csv")).rejects.toThrow(
      /^S3 delete of s3:\/\/no-such-bucket\/raw\/wm-ng\/b\.csv failed: NoSuchBucket/,
    );
  });

  /**
   * s3rver keeps no versions and ignores Object Lock, so what the store asks of S3 is checked on a client that
   * records each request: a plain delete (a delete marker on a versioned bucket), never a version's removal or a
   * bypass of the governance-mode retention.
   */
  it("asks S3 for a plain delete: no version id, no bypass of the Object Lock retention", async () => {
    const requests: DeleteObjectCommandInput[] = [];
    const store = new S3ObjectStore({
      client: {
        send: async (command: DeleteObjectCommand) => {
          requests.push(command.input);
          return {};
        },
      } as unknown as Pick<S3Client, "send">,
      bucket: "observatory-raw",
      retention: { mode: "GOVERNANCE", days: 365 },
    });
    await store.delete("raw/wm-ng/0a1b.csv");
    expect(requests).toEqual([{ Bucket: "observatory-raw", Key: "raw/wm-ng/0a1b.csv" }]);
    await expect(store.delete("../escape")).rejects.toBeInstanceOf(InvalidObjectKeyError);
    expect(requests).toHaveLength(1);
  });
});

type Answer = "ok" | S3ServiceException;

const s3Error = (name: string, httpStatusCode: number, message = name) =>
  new S3ServiceException({
    name,
    message,
    $fault: httpStatusCode >= 500 ? "server" : "client",
    $metadata: { httpStatusCode },
  });

const preconditionFailed = () => s3Error("PreconditionFailed", 412);
const conditionalConflict = () => s3Error("ConditionalRequestConflict", 409);

/**
 * A fake S3 that answers each request from a script. s3rver ignores `If-None-Match` (it overwrites), and S3's
 * 409 ConditionalRequestConflict cannot be provoked on demand, so conditional writes are tested against the
 * answers real S3 documents for them, built as the SDK builds them (`S3ServiceException` with the HTTP status).
 */
function scriptedS3(answers: readonly Answer[]) {
  const requests: PutObjectCommandInput[] = [];
  const send = async (command: PutObjectCommand) => {
    requests.push(command.input);
    const answer = answers[requests.length - 1] ?? answers.at(-1);
    if (answer === undefined) throw new Error("the script has no answer for this request");
    if (answer !== "ok") throw answer;
    return {};
  };
  const delays: number[] = [];
  const store = new S3ObjectStore({
    client: { send } as unknown as Pick<S3Client, "send">,
    bucket: BUCKET,
    conflictRetry: {
      maxAttempts: 4,
      baseDelayMs: 100,
      maxDelayMs: 150,
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
  });
  return { store, requests, delays };
}

describe("S3ObjectStore conditional writes", () => {
  it("asks S3 to create only if absent when told to, and to overwrite otherwise", async () => {
    const { store, requests } = scriptedS3(["ok"]);
    await store.put("manifest/000000000001.json", encode("{}"), {
      ifAbsent: true,
      contentType: "application/json",
    });
    await store.put("published/indicators.csv", encode("x"));
    expect(requests.map((r) => [r.Key, r.IfNoneMatch, r.ContentType])).toEqual([
      ["manifest/000000000001.json", "*", "application/json"],
      ["published/indicators.csv", undefined, undefined],
    ]);
  });

  it("raises ObjectExistsError when S3 answers that the key is taken (412)", async () => {
    const { store } = scriptedS3([preconditionFailed()]);
    const write = store.put("manifest/000000000001.json", encode("{}"), { ifAbsent: true });
    await expect(write).rejects.toBeInstanceOf(ObjectExistsError);
    await expect(write).rejects.toMatchObject({ key: "manifest/000000000001.json" });
  });

  it("retries a write that conflicted with a concurrent one (409), backing off exponentially with jitter", async () => {
    const { store, requests, delays } = scriptedS3([conditionalConflict(), conditionalConflict(), "ok"]);
    await store.put("manifest/000000000001.json", encode("{}"), { ifAbsent: true });
    expect(requests).toHaveLength(3);
    expect(delays).toEqual([50, 75]);
  });

  it("reports the key as taken when the concurrent writer that caused the conflict won", async () => {
    const { store, requests } = scriptedS3([conditionalConflict(), preconditionFailed()]);
    await expect(
      store.put("manifest/000000000001.json", encode("{}"), { ifAbsent: true }),
    ).rejects.toBeInstanceOf(ObjectExistsError);
    expect(requests).toHaveLength(2);
  });

  it("gives up after its attempts when the conflict persists, saying so", async () => {
    const { store, requests, delays } = scriptedS3([conditionalConflict()]);
    const write = store.put("manifest/000000000001.json", encode("{}"), { ifAbsent: true });
    await expect(write).rejects.toBeInstanceOf(S3StoreError);
    await expect(write).rejects.toThrow(
      `S3 put of s3://${BUCKET}/manifest/000000000001.json failed: concurrent writes kept conflicting with it (409 ConditionalRequestConflict, 4 attempts)`,
    );
    expect(requests).toHaveLength(4);
    expect(delays).toEqual([50, 75, 75]);
  });

  it.each([
    ["AccessDenied", 403],
    ["InternalError", 500],
  ])("passes on %s (%i) at once, naming the object", async (name, status) => {
    const { store, requests } = scriptedS3([s3Error(name, status, "it went wrong")]);
    const write = store.put("raw/wm-ng/a.csv", encode("x"), { ifAbsent: true });
    await expect(write).rejects.toThrow(
      `S3 put of s3://${BUCKET}/raw/wm-ng/a.csv failed: ${name} (HTTP ${status}): it went wrong`,
    );
    await expect(write).rejects.toMatchObject({ cause: { name } });
    expect(requests).toHaveLength(1);
  });
});

describe("S3ObjectStore keys", () => {
  it.each([
    "",
    "../escape",
    "a/../../b",
    "a/./b",
    "/absolute",
    "a//b",
    "trailing/",
    "with space",
    "tab\there",
    "nul\u0000",
    "line\nbreak",
  ])("refuses the key %j before sending any request", async (key) => {
    const { store, requests } = scriptedS3(["ok"]);
    await expect(store.put(key, encode("x"))).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await expect(store.get(key)).rejects.toThrow(/invalid object key/);
    expect(() => store.locate(key)).toThrow(InvalidObjectKeyError);
    expect(requests).toEqual([]);
  });
});

/**
 * A fake S3 bucket that only lists, page by page, as S3 documents ListObjectsV2: keys in order (after StartAfter,
 * which S3 keeps for the whole listing, as the continuation token carries it), at most MaxKeys per page, an opaque
 * NextContinuationToken while IsTruncated. s3rver cannot page here: it encrypts its
 * continuation tokens with DES, which OpenSSL 3 (Node 17 and later) refuses, so a truncated listing answers 500.
 */
function pagedS3(keys: readonly string[]) {
  const requests: ListObjectsV2CommandInput[] = [];
  const sorted = [...keys].sort();
  const send = async (command: ListObjectsV2Command): Promise<ListObjectsV2CommandOutput> => {
    requests.push(command.input);
    const { Prefix = "", MaxKeys = 1000, ContinuationToken, StartAfter = "" } = command.input;
    const start = ContinuationToken === undefined ? 0 : Number(ContinuationToken.replace("opaque-", ""));
    const matching = sorted.filter((key) => key.startsWith(Prefix) && key > StartAfter);
    const page = matching.slice(start, start + MaxKeys);
    const truncated = start + MaxKeys < matching.length;
    return {
      $metadata: {},
      Contents: page.map((Key) => ({ Key })),
      KeyCount: page.length,
      IsTruncated: truncated,
      NextContinuationToken: truncated ? `opaque-${start + MaxKeys}` : undefined,
    };
  };
  const store = new S3ObjectStore({
    client: { send } as unknown as Pick<S3Client, "send">,
    bucket: BUCKET,
    listPageSize: 2,
  });
  return { store, requests };
}

describe("S3ObjectStore listings longer than a page", () => {
  it("follows the continuation tokens to the last page", async () => {
    const manifest = Array.from({ length: 5 }, (_, i) => `manifest/00000000000${i + 1}.json`);
    const { store, requests } = pagedS3([...manifest, "curated/hubs/r-1.parquet", "raw/wm-ng/a.csv"]);
    expect(await store.list("manifest/")).toEqual(manifest);
    expect(requests.map((r) => [r.Prefix, r.MaxKeys, r.ContinuationToken])).toEqual([
      ["manifest/", 2, undefined],
      ["manifest/", 2, "opaque-2"],
      ["manifest/", 2, "opaque-4"],
    ]);
  });

  it("sends startAfter as StartAfter with every page, as the SDK's paginator does, and follows the tokens", async () => {
    const manifest = Array.from({ length: 9 }, (_, i) => `manifest/00000000000${i + 1}.json`);
    const { store, requests } = pagedS3([...manifest, "raw/wm-ng/a.csv"]);
    expect(await store.list("manifest/", { startAfter: "manifest/000000000004.json" })).toEqual(
      manifest.slice(4),
    );
    expect(requests.map((r) => [r.Prefix, r.StartAfter, r.ContinuationToken])).toEqual([
      ["manifest/", "manifest/000000000004.json", undefined],
      ["manifest/", "manifest/000000000004.json", "opaque-2"],
      ["manifest/", "manifest/000000000004.json", "opaque-4"],
    ]);
  });
});

/** A streamed body: the bytes in pieces of `piece` bytes. */
async function* inPieces(bytes: Uint8Array, piece = 1024 * 1024): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += piece) yield bytes.subarray(start, start + piece);
}

describe("S3ObjectStore streamed writes on an S3-compatible server", () => {
  it("writes a body longer than a part as a multipart upload, and one within a part with one PutObject", async () => {
    const { store } = await storeOnS3rver();
    const long = new Uint8Array(randomBytes(11 * 1024 * 1024 + 3));
    const short = encode("hub_id,name\nwm-ng,Wikimedia Nigeria\n");
    await store.put("raw/wm-ng/long.csv", inPieces(long, 700_001), {
      ifAbsent: true,
      contentType: "text/csv",
    });
    await store.put("raw/wm-ng/short.csv", inPieces(short, 5), { ifAbsent: true });
    expect(sameBytes(await store.get("raw/wm-ng/long.csv"), long)).toBe(true);
    expect(sameBytes(await store.get("raw/wm-ng/short.csv"), short)).toBe(true);
  });

  it("reads an object back as a stream, and a missing one as undefined", async () => {
    const { store } = await storeOnS3rver();
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024));
    await store.put("curated/hubs/r-1.parquet", bytes);
    const chunks: Uint8Array[] = [];
    for await (const chunk of (await store.getStream("curated/hubs/r-1.parquet")) ?? []) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(sameBytes(Buffer.concat(chunks), bytes)).toBe(true);
    expect(await store.getStream("curated/hubs/none.parquet")).toBeUndefined();
  });
});

type MultipartAnswer = "ok" | S3ServiceException;

/**
 * A fake S3 that records every request of a multipart upload and answers from a script by operation. s3rver ignores
 * `If-None-Match`, Object Lock and checksums, and cannot be made to refuse a completion, so what the store asks of
 * S3 is checked against the requests, and S3's documented refusals are played back.
 */
function multipartS3(script: Partial<Record<string, MultipartAnswer>> = {}) {
  const requests: [string, Record<string, unknown>][] = [];
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const operation = command.constructor.name.replace(/Command$/, "");
    requests.push([operation, command.input]);
    const answer = script[operation] ?? "ok";
    if (answer !== "ok") throw answer;
    if (operation === "CreateMultipartUpload") return { UploadId: "upload-1" };
    if (operation === "UploadPart")
      return { ETag: `"etag-${command.input.PartNumber}"`, ChecksumCRC32: `crc-${command.input.PartNumber}` };
    return {};
  };
  const store = new S3ObjectStore({
    client: { send } as unknown as Pick<S3Client, "send">,
    bucket: "observatory-raw",
    partBytes: 5 * 1024 * 1024,
    retention: { mode: "GOVERNANCE", days: 365, clock: () => new Date("2026-01-01T00:00:00Z") },
  });
  return { store, requests };
}

const LOCK = { ObjectLockMode: "GOVERNANCE", ObjectLockRetainUntilDate: new Date("2027-01-01T00:00:00Z") };

describe("S3ObjectStore multipart uploads", () => {
  it("creates the upload with the retention, content type and CRC32, sends each part with its checksum, and completes it only if absent", async () => {
    const { store, requests } = multipartS3();
    const bytes = new Uint8Array(12 * 1024 * 1024);
    await store.put("raw/wm-ng/big.csv", inPieces(bytes), { ifAbsent: true, contentType: "text/csv" });
    expect(requests.map(([operation, input]) => [operation, { ...input, Body: undefined }])).toEqual([
      [
        "CreateMultipartUpload",
        {
          Bucket: "observatory-raw",
          Key: "raw/wm-ng/big.csv",
          ContentType: "text/csv",
          ChecksumAlgorithm: "CRC32",
          ...LOCK,
        },
      ],
      ...[1, 2, 3].map((PartNumber) => [
        "UploadPart",
        {
          Bucket: "observatory-raw",
          Key: "raw/wm-ng/big.csv",
          UploadId: "upload-1",
          PartNumber,
          ChecksumAlgorithm: "CRC32",
        },
      ]),
      [
        "CompleteMultipartUpload",
        {
          Bucket: "observatory-raw",
          Key: "raw/wm-ng/big.csv",
          UploadId: "upload-1",
          IfNoneMatch: "*",
          MultipartUpload: {
            Parts: [1, 2, 3].map((PartNumber) => ({
              PartNumber,
              ETag: `"etag-${PartNumber}"`,
              ChecksumCRC32: `crc-${PartNumber}`,
            })),
          },
        },
      ],
    ]);
    expect(
      requests
        .filter(([operation]) => operation === "UploadPart")
        .map(([, input]) => (input.Body as Uint8Array).byteLength),
    ).toEqual([5 * 1024 * 1024, 5 * 1024 * 1024, 2 * 1024 * 1024]);
  });

  it("writes a streamed body within one part with one PutObject, locked", async () => {
    const { store, requests } = multipartS3();
    await store.put("raw/wm-ng/small.csv", inPieces(new Uint8Array(5 * 1024 * 1024), 1000), {
      ifAbsent: true,
    });
    expect(
      requests.map(([operation, input]) => [
        operation,
        input.IfNoneMatch,
        input.ObjectLockMode,
        (input.Body as Uint8Array).byteLength,
      ]),
    ).toEqual([["PutObject", "*", "GOVERNANCE", 5 * 1024 * 1024]]);
  });

  it("raises ObjectExistsError when S3 answers the completion that the key is taken (412), and aborts the upload", async () => {
    const { store, requests } = multipartS3({ CompleteMultipartUpload: preconditionFailed() });
    const write = store.put("raw/wm-ng/big.csv", inPieces(new Uint8Array(6 * 1024 * 1024)), {
      ifAbsent: true,
    });
    await expect(write).rejects.toBeInstanceOf(ObjectExistsError);
    expect(requests.map(([operation]) => operation).slice(-2)).toEqual([
      "CompleteMultipartUpload",
      "AbortMultipartUpload",
    ]);
    expect(requests.at(-1)?.[1]).toEqual({
      Bucket: "observatory-raw",
      Key: "raw/wm-ng/big.csv",
      UploadId: "upload-1",
    });
  });

  it("says that a conflict on completion (409) needs the whole upload again, and aborts it", async () => {
    const { store, requests } = multipartS3({ CompleteMultipartUpload: conditionalConflict() });
    const write = store.put("raw/wm-ng/big.csv", inPieces(new Uint8Array(6 * 1024 * 1024)), {
      ifAbsent: true,
    });
    await expect(write).rejects.toBeInstanceOf(S3StoreError);
    await expect(write).rejects.toThrow(
      "S3 put of s3://observatory-raw/raw/wm-ng/big.csv failed: a concurrent write conflicted with it (409 ConditionalRequestConflict); the multipart upload was aborted and must be sent again",
    );
    expect(requests.at(-1)?.[0]).toBe("AbortMultipartUpload");
  });

  it("aborts the upload and never completes it when the body throws, passing the body's error on", async () => {
    const { store, requests } = multipartS3();
    async function* changing() {
      yield* inPieces(new Uint8Array(7 * 1024 * 1024));
      throw new Error("the source changed");
    }
    await expect(store.put("raw/wm-ng/big.csv", changing(), { ifAbsent: true })).rejects.toThrow(
      "the source changed",
    );
    expect(requests.map(([operation]) => operation)).toEqual([
      "CreateMultipartUpload",
      "UploadPart",
      "AbortMultipartUpload",
    ]);
  });

  it("sends nothing at all when a body within one part throws", async () => {
    const { store, requests } = multipartS3();
    async function* changing() {
      yield encode("x");
      throw new Error("the source changed");
    }
    await expect(store.put("raw/wm-ng/small.csv", changing())).rejects.toThrow("the source changed");
    expect(requests).toEqual([]);
  });

  it("aborts the upload when a part is refused, naming the object", async () => {
    const { store, requests } = multipartS3({ UploadPart: s3Error("InternalError", 500, "it went wrong") });
    const write = store.put("raw/wm-ng/big.csv", inPieces(new Uint8Array(6 * 1024 * 1024)));
    await expect(write).rejects.toThrow(
      "S3 put of s3://observatory-raw/raw/wm-ng/big.csv failed: InternalError (HTTP 500): it went wrong",
    );
    expect(requests.map(([operation]) => operation)).toEqual([
      "CreateMultipartUpload",
      "UploadPart",
      "AbortMultipartUpload",
    ]);
  });
});
