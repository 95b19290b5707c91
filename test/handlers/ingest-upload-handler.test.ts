/**
 * The ingest Lambda's handler, driven by S3 event fixtures against a real S3-compatible server (s3rver over HTTP
 * on 127.0.0.1). Lambda itself and Step Functions cannot run here: the handler is called directly, and the
 * recompute trigger is a recording fake.
 */
import { readFile } from "node:fs/promises";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import type { S3Event } from "aws-lambda";
import { beforeEach, describe, expect, it } from "vitest";
import { lakeOnS3 } from "../../functions/adapters/aws/lake-on-s3.js";
import { ingestReport } from "../../functions/core/ingest.js";
import { LakeReader } from "../../functions/core/lake/lake-reader.js";
import { readManifest, withStatus } from "../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import type { UploadResult } from "../../functions/core/uploads/result-document.js";
import { createIngestUploadHandler } from "../../functions/handlers/ingest-upload-handler.js";
import { memoryLogger } from "../../functions/handlers/log.js";
import { workbookFile, xlsxParts } from "../core/reporting/workbook-files.js";
import { encode, FX_CSV, HUBS_CSV } from "../helpers/movement.js";
import { type LocalS3, startS3rver } from "../helpers/s3rver.js";

const FIXTURES = new URL("../fixtures/events/", import.meta.url);
const RAW = "observatory-raw";
const CURATED = "observatory-curated";

async function fixture<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(new URL(name, FIXTURES), "utf8")) as T;
}

async function uploadFile(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(`uploads/${name}`, FIXTURES)));
}

let s3: LocalS3;
let store: ReturnType<typeof lakeOnS3>;
let recomputes: Date[];
let logger: ReturnType<typeof memoryLogger>;
let handler: ReturnType<typeof createIngestUploadHandler>;

async function everyObject(): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  for (const key of await store.list(""))
    objects.set(key, Buffer.from((await store.get(key)) ?? []).toString("base64"));
  return objects;
}

async function resultOf(key: string): Promise<UploadResult> {
  const bytes = await store.get(key);
  if (!bytes) throw new Error(`no result at ${key}`);
  return JSON.parse(new TextDecoder().decode(bytes)) as UploadResult;
}

beforeEach(async () => {
  s3 = await startS3rver([RAW, CURATED]);
  store = lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED });
  const countries = bundledCountryTable();
  for (const text of [HUBS_CSV, FX_CSV])
    await ingestReport(
      { store, countries },
      { fileName: "reference.csv", bytes: encode(text), uploader: "council" },
    );
  recomputes = [];
  logger = memoryLogger();
  handler = createIngestUploadHandler({
    store,
    reader: new LakeReader(store),
    countries,
    maxBytes: 256 * 1024 * 1024,
    uploadBucket: RAW,
    recompute: async (at) => {
      recomputes.push(at);
    },
    logger,
  });
});

describe("ingest-upload handler", () => {
  it("ingests an uploaded report, stores the hub's result, and asks for a recompute", async () => {
    const event = await fixture<S3Event>("s3-upload-created.json");
    const bytes = await uploadFile("wm-ng-2025.csv");
    expect(bytes.byteLength).toBe(event.Records[0]?.s3.object.size);
    await store.put("uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv", bytes);

    expect(await handler(event)).toEqual({ processed: ["processed"] });

    const result = await resultOf("results/wm-ng/20261120T100000Z-0123456789abcdef.json");
    expect(result).toMatchObject({
      status: "accepted",
      kind: "financial",
      uploader: "wm-ng",
      received_at: "2026-11-20T10:00:01.250Z",
      report: {
        hub_id: "wm-ng",
        period: "2025",
        row_count: 3,
        upload_id: "20261120T100000Z-0123456789abcdef",
      },
    });
    const raw = await store.get(`raw/wm-ng/${result.report?.sha256}.csv`);
    expect(Buffer.from(raw ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(await store.list("curated/financial/year=2025/hub=wm-ng/")).toHaveLength(1);
    expect(recomputes).toHaveLength(1);
    expect(logger.lines.at(-1)).toMatchObject({
      level: "INFO",
      message: "upload processed",
      status: "accepted",
    });
  });

  it("changes nothing when S3 delivers the same record twice, in one event or in two", async () => {
    await store.put(
      "uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv",
      await uploadFile("wm-ng-2025.csv"),
    );
    const twice = await fixture<S3Event>("s3-upload-created-twice.json");
    expect(await handler(twice)).toEqual({ processed: ["processed", "already-processed"] });
    const after = await everyObject();

    expect(await handler(await fixture<S3Event>("s3-upload-created.json"))).toEqual({
      processed: ["already-processed"],
    });
    expect(await everyObject()).toEqual(after);
    expect(withStatus(await readManifest(store)).filter((r) => r.kind === "financial")).toHaveLength(1);
    expect(recomputes).toHaveLength(1);
  });

  it("stores every problem of a malformed upload for the hub, and adds nothing to the lake", async () => {
    await store.put(
      "uploads/wm-ng/20261120T100200Z-fedcba9876543210.csv",
      await uploadFile("wm-ng-malformed.csv"),
    );
    const manifest = await readManifest(store);
    expect(await handler(await fixture<S3Event>("s3-upload-malformed.json"))).toEqual({
      processed: ["processed"],
    });

    const result = await resultOf("results/wm-ng/20261120T100200Z-fedcba9876543210.json");
    expect(result.status).toBe("rejected");
    expect(result.report).toBeNull();
    expect(result.problems.filter((p) => p.severity === "error").map((p) => [p.row, p.column])).toEqual([
      [2, "amount"],
      [3, "category"],
      [4, "period"],
      [4, "country"],
    ]);
    expect(await readManifest(store)).toEqual(manifest);
    expect(await store.list("raw/wm-ng/")).toEqual([]);
    expect(await store.list("curated/financial/")).toEqual([]);
    expect(recomputes).toEqual([]);
  });

  /** The created-upload event for bytes put at its key, with their size. */
  async function uploaded(bytes: Uint8Array): Promise<S3Event> {
    const event = await fixture<S3Event>("s3-upload-created.json");
    const record = event.Records[0];
    if (!record) throw new Error("fixture has no record");
    record.s3.object.size = bytes.byteLength;
    await store.put(decodeURIComponent(record.s3.object.key), bytes);
    return event;
  }

  it("ingests an uploaded .xlsx workbook, keeping it as raw/<sha256>.xlsx", async () => {
    const sheet = {
      name: "Report",
      rows: [
        { cells: ["hub_id", "period", "flow", "category", "amount", "currency", "country"] },
        { cells: ["wm-ng", "2025", "expense", "programs", 1500.5, "NGN", "NG"] },
      ],
    };
    const bytes = workbookFile("xlsx", xlsxParts([sheet]));
    expect(await handler(await uploaded(bytes))).toEqual({ processed: ["processed"] });
    const result = await resultOf("results/wm-ng/20261120T100000Z-0123456789abcdef.json");
    expect(result).toMatchObject({ status: "accepted", kind: "financial", report: { row_count: 1 } });
    expect(result.report?.raw_key).toBe(`raw/wm-ng/${result.report?.sha256}.xlsx`);
    const raw = await store.get(result.report?.raw_key ?? "");
    expect(Buffer.from(raw ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it("rejects a workbook with the sheet's rows and lettered columns, keeping nothing of it", async () => {
    const workbook = new Uint8Array(
      await readFile(new URL("../fixtures/workbooks/financial-report.ods", import.meta.url)),
    );
    expect(await handler(await uploaded(workbook))).toEqual({ processed: ["processed"] });
    const result = await resultOf("results/wm-ng/20261120T100000Z-0123456789abcdef.json");
    expect(result).toMatchObject({ status: "rejected", kind: "financial", error_count: 1 });
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, "amount (E)", "decimalComma"],
      [5, "country (G)", "allocationOutsideSeat"],
    ]);
    expect(await store.list("raw/wm-ng/")).toEqual([]);
  });

  it("ingests the Global Council's scenario, recognised by its bytes, as raw/council/<sha256>.json and its curated JSON", async () => {
    await ingestReport(
      { store, countries: bundledCountryTable() },
      {
        fileName: "wm-ng-2025.csv",
        bytes: await uploadFile("wm-ng-2025.csv"),
        uploader: "wm-ng",
      },
    );
    const scenario = await readFile(
      new URL("../../docs/examples/scenario-solidarity-per-editor.json", import.meta.url),
    );
    const event = await fixture<S3Event>("s3-upload-created.json");
    const record = event.Records[0];
    if (!record) throw new Error("fixture has no record");
    record.s3.object.key = "uploads/council/20261120T100000Z-0123456789abcdef.csv";
    record.s3.object.size = scenario.byteLength;
    await store.put(record.s3.object.key, new Uint8Array(scenario));

    expect(await handler(event)).toEqual({ processed: ["processed"] });
    const result = await resultOf("results/council/20261120T100000Z-0123456789abcdef.json");
    const id = JSON.parse(scenario.toString("utf8")).id;
    expect(result).toMatchObject({
      status: "accepted",
      kind: "scenario",
      report: { scenario_id: id, raw_key: `raw/council/${result.report?.sha256}.json` },
    });
    const rawKey = result.report?.raw_key ?? "";
    const curatedKey = result.report?.curated_key ?? "";
    expect(Buffer.from((await store.get(rawKey)) ?? []).equals(scenario)).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(await store.get(curatedKey)))).toMatchObject({ id });
    for (const [bucket, key] of [
      [RAW, rawKey],
      [CURATED, curatedKey],
    ] as const) {
      const head = await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      expect(head.ContentType).toBe("application/json");
    }
  });

  it("rejects an upload over the size limit from the event alone, without reading it", async () => {
    expect(await handler(await fixture<S3Event>("s3-upload-too-large.json"))).toEqual({
      processed: ["processed"],
    });
    const result = await resultOf("results/wm-ng/20261120T100400Z-00000000000000aa.json");
    expect(result).toMatchObject({ status: "rejected", problems: [{ code: "fileTooLarge" }] });
  });

  it("ignores an object that is not an upload, with a warning in the log and nothing written", async () => {
    const before = await everyObject();
    expect(await handler(await fixture<S3Event>("s3-not-an-upload.json"))).toEqual({
      processed: ["ignored"],
    });
    expect(await everyObject()).toEqual(before);
    expect(logger.lines.at(-1)).toMatchObject({
      level: "WARN",
      message: "upload ignored",
      key: "uploads/wm-ng/notes for the council.txt",
    });
  });

  it("refuses events from another bucket, so that Lambda retries them into the dead-letter queue", async () => {
    const event = await fixture<S3Event>("s3-upload-created.json");
    const record = event.Records[0];
    if (!record) throw new Error("fixture has no record");
    record.s3.bucket.name = "someone-elses-bucket";
    await expect(handler(event)).rejects.toThrow(/someone-elses-bucket/);
  });
});
