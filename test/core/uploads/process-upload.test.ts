import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import type { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { loadFramework } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { readManifest, withStatus } from "../../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { type ArrivedUpload, processUpload } from "../../../functions/core/uploads/process-upload.js";
import { uploadLayout } from "../../../functions/core/uploads/upload-layout.js";
import { bytesSource } from "../../../functions/ports/byte-source.js";
import { encode, financialCsv, lakeWithReference, snapshot } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

const NG_2025 = financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]);
const NG_2025_CORRECTED = financialCsv("wm-ng", "2025", ["expense,programs,2000000,NGN,NG,,"]);

/** Puts a file in the upload area, as a presigned POST would, and describes it as the storage event does. */
async function arrive(
  store: FolderStore,
  text: string,
  uploader: string,
  uploadId: string,
  receivedAt: string,
): Promise<ArrivedUpload> {
  const key = uploadLayout.uploadKey({ uploader, uploadId });
  const bytes = encode(text);
  await store.put(key, bytes);
  return { key, size: bytes.byteLength, receivedAt: new Date(receivedAt), open: () => store.getStream(key) };
}

describe("processUpload", () => {
  it("ingests an upload and stores its result under the uploader's results prefix", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const upload = await arrive(
      lake.store,
      NG_2025,
      "wm-ng",
      "20261120T100000Z-0123456789abcdef",
      "2026-11-20T10:00:01.250Z",
    );
    const processed = await processUpload(lake.dependencies, upload);
    expect(processed.status).toBe("processed");
    const stored = await lake.store.get("results/wm-ng/20261120T100000Z-0123456789abcdef.json");
    const result = JSON.parse(new TextDecoder().decode(stored));
    expect(result).toMatchObject({
      upload_id: "20261120T100000Z-0123456789abcdef",
      uploader: "wm-ng",
      status: "accepted",
      kind: "financial",
      received_at: "2026-11-20T10:00:01.250Z",
      report: {
        hub_id: "wm-ng",
        period: "2025",
        upload_id: "20261120T100000Z-0123456789abcdef",
        uploaded_at: "2026-11-20T10:00:01.250Z",
      },
    });
  });

  it("changes nothing when the same event is delivered again", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const upload = await arrive(
      lake.store,
      NG_2025,
      "wm-ng",
      "20261120T100000Z-0123456789abcdef",
      "2026-11-20T10:00:01Z",
    );
    const first = await processUpload(lake.dependencies, upload);
    const before = await snapshot(root);
    const again = await processUpload(lake.dependencies, upload);
    expect(again).toEqual({
      status: "already-processed",
      result: first.status === "processed" ? first.result : undefined,
    });
    expect(await snapshot(root)).toEqual(before);
  });

  it("reports the acceptance when processing stopped after the commit and before the result was written", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const upload = await arrive(
      lake.store,
      NG_2025,
      "wm-ng",
      "20261120T100000Z-0123456789abcdef",
      "2026-11-20T10:00:01Z",
    );
    const first = await processUpload(lake.dependencies, upload);
    if (first.status !== "processed") throw new Error("expected processing");
    const { rm } = await import("node:fs/promises");
    await rm(`${root}/results/wm-ng/20261120T100000Z-0123456789abcdef.json`);

    const retried = await processUpload(lake.dependencies, upload);
    expect(retried.status).toBe("processed");
    if (retried.status !== "processed") return;
    expect(retried.result.status).toBe("accepted");
    expect(retried.result.report?.report_id).toBe(first.result.report?.report_id);
    expect(retried.result.problems).toEqual(first.result.problems);
    expect(await readManifest(lake.store)).toHaveLength(3);
  });

  it("lets the newest upload win when the events arrive in the opposite order", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const older = await arrive(
      lake.store,
      NG_2025,
      "wm-ng",
      "20261120T100000Z-000000000000000a",
      "2026-11-20T10:00:00Z",
    );
    const newer = await arrive(
      lake.store,
      NG_2025_CORRECTED,
      "wm-ng",
      "20261120T100500Z-000000000000000b",
      "2026-11-20T10:05:00Z",
    );

    const newerFirst = await processUpload(lake.dependencies, newer);
    const olderLate = await processUpload(lake.dependencies, older);
    if (newerFirst.status !== "processed" || olderLate.status !== "processed")
      throw new Error("expected processing");
    expect(olderLate.result.status).toBe("accepted");
    expect(olderLate.result.superseded_by).toBe(newerFirst.result.report?.report_id);
    expect(olderLate.result.supersedes).toBeNull();

    const records = withStatus(await readManifest(lake.store));
    const current = records.filter((r) => r.kind === "financial" && r.status === "current");
    expect(current.map((r) => r.upload_id)).toEqual(["20261120T100500Z-000000000000000b"]);

    const engine = await DuckDbEngine.open({ lake: lake.store, countries: bundledCountryTable() });
    try {
      await computeIndicators(engine, loadFramework(), { countries: bundledCountryTable() });
      const [corrected] = await engine.query(
        "SELECT sum(amount) AS amount FROM financial f JOIN current_reports c ON c.report_id = f.report_id",
      );
      expect(corrected?.amount).toBe(2000000);
    } finally {
      await engine.close();
    }
  });

  it("stores a rejection with every problem, and changes nothing in the lake", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const bad = financialCsv("wm-ng", "2025", [
      "expense,programs,lots,NGN,NG,,",
      "expense,snacks,10,NGN,NG,,",
    ]);
    const upload = await arrive(
      lake.store,
      bad,
      "wm-ng",
      "20261120T100000Z-0123456789abcdef",
      "2026-11-20T10:00:01Z",
    );
    const manifestBefore = await readManifest(lake.store);
    const processed = await processUpload(lake.dependencies, upload);
    if (processed.status !== "processed") throw new Error("expected processing");
    expect(processed.result.status).toBe("rejected");
    expect(processed.result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "amount"],
      [3, "category"],
    ]);
    expect(await readManifest(lake.store)).toEqual(manifestBefore);
    expect(await lake.store.list("curated/financial/")).toEqual([]);
  });

  it("rejects a file larger than the limit without reading it", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    let read = false;
    const processed = await processUpload(
      { ...lake.dependencies, maxBytes: 1000 },
      {
        key: "uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv",
        size: 5000,
        receivedAt: new Date("2026-11-20T10:00:00Z"),
        open: async () => {
          read = true;
          return bytesSource(encode(NG_2025)).chunks();
        },
      },
    );
    expect(read).toBe(false);
    if (processed.status !== "processed") throw new Error("expected processing");
    expect(processed.result).toMatchObject({ status: "rejected", problems: [{ code: "fileTooLarge" }] });
  });

  it("ignores an upload that is no longer there when it is read, writing nothing", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const before = await snapshot(root);
    const processed = await processUpload(lake.dependencies, {
      key: "uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv",
      size: 120,
      receivedAt: new Date("2026-11-20T10:00:00Z"),
      open: async () => undefined,
    });
    expect(processed).toEqual({
      status: "ignored",
      reason: "uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv is no longer there",
    });
    expect(await snapshot(root)).toEqual(before);
  });

  it("ignores objects that are not uploads, writing nothing", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const before = await snapshot(root);
    for (const key of [
      "uploads/wm-ng/notes.txt",
      "uploads/../raw/x.csv",
      "uploads/WM NG/20261120T100000Z-0123456789abcdef.csv",
      "uploads/wm-ng/../../x.csv",
    ]) {
      const processed = await processUpload(lake.dependencies, {
        key,
        size: 10,
        receivedAt: new Date(),
        open: async () => bytesSource(encode(NG_2025)).chunks(),
      });
      expect(processed.status).toBe("ignored");
    }
    expect(await snapshot(root)).toEqual(before);
  });

  it("refuses a hub's upload of another hub's report", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const upload = await arrive(
      lake.store,
      NG_2025,
      "wm-gh",
      "20261120T100000Z-0123456789abcdef",
      "2026-11-20T10:00:01Z",
    );
    const processed = await processUpload(lake.dependencies, upload);
    if (processed.status !== "processed") throw new Error("expected processing");
    expect(processed.result.status).toBe("rejected");
    expect(processed.result.problems[0]).toMatchObject({ code: "notUploader", column: "hub_id" });
  });
});
