/**
 * A scenario file goes through the same streamed ingest as a report (see `ingestReport`): read from a source in
 * pieces, once to hash and validate it and once more to store it, recognised by its first bytes as a JSON document
 * and held whole only up to the scenario format's limit. These tests check that the lake gets exactly what the
 * bytes in memory give, nothing when the file changes between two reads, and the size limit's message, with every
 * byte counted, for a larger file.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestReport } from "../../../functions/core/ingest.js";
import { readManifest } from "../../../functions/core/lake/manifest.js";
import { MAX_SCENARIO_BYTES } from "../../../functions/core/scenarios/scenario-file.js";
import { type ByteSource, SourceChangedError } from "../../../functions/ports/byte-source.js";
import { encode, financialCsv, impactCsv, lakeWithReference, snapshot } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

/** A scenario file with a byte-order mark, white space before its object, and characters of 2 to 4 bytes. */
const SCENARIO_TEXT = `\uFEFF \r\n\t${JSON.stringify(
  {
    scenario: "1",
    id: "solidarity-5",
    title: "5% solidarity — café, 東京 🌍",
    description: "A test policy.\nIt breaks a line.",
    contribution: { local_revenue_rate: 0.05 },
    allocation: { rule: "per_editor" },
  },
  null,
  2,
)}\n`;

/** A source that hands its bytes out in pieces of `size` bytes (the first 16 one by one), counting its reads. */
function pieceSource(bytes: Uint8Array, size: number, changed?: (read: number) => Uint8Array | undefined) {
  const source = {
    size: bytes.byteLength,
    reads: 0,
    async *chunks() {
      source.reads++;
      const content = changed?.(source.reads) ?? bytes;
      let start = 0;
      while (start < content.byteLength) {
        const end = Math.min(content.byteLength, start < 16 ? start + 1 : start + size);
        yield content.slice(start, end);
        start = end;
      }
    },
  };
  return source satisfies ByteSource;
}

async function lakeWithReports() {
  const root = await tempDir();
  const lake = Object.assign(await lakeWithReference(root), { root });
  await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
  await lake.ingest(impactCsv("wm-ng", "2025", ["NG,active_editors,12,"]), "wm-ng");
  return lake;
}

describe("ingesting a scenario file read as a stream", () => {
  it("reads it twice from a source in pieces and stores exactly what its bytes in memory give", async () => {
    const bytes = encode(SCENARIO_TEXT);
    const whole = await lakeWithReports();
    const streamed = await lakeWithReports();
    const source = pieceSource(bytes, 7);
    const fromBytes = await ingestReport(whole.dependencies, {
      fileName: "s.json",
      bytes,
      uploader: "council",
    });
    const fromSource = await ingestReport(streamed.dependencies, {
      fileName: "s.json",
      source,
      uploader: "council",
    });
    expect(fromSource.status).toBe("accepted");
    expect(source.reads).toBe(2);
    expect(fromSource).toEqual(fromBytes);
    if (fromSource.status !== "accepted") return;
    expect(fromSource.entry).toMatchObject({
      kind: "scenario",
      scenario_id: "solidarity-5",
      raw_key: `raw/council/${fromSource.entry.sha256}.json`,
      curated_key: `curated/scenario/${fromSource.entry.report_id}.json`,
    });
    const raw = await readFile(join(streamed.root, fromSource.entry.raw_key));
    expect(Buffer.compare(raw, Buffer.from(bytes))).toBe(0);
    const curated = await readFile(join(streamed.root, fromSource.entry.curated_key));
    expect(curated.equals(await readFile(join(whole.root, fromSource.entry.curated_key)))).toBe(true);
    expect(JSON.parse(curated.toString("utf8"))).toMatchObject({
      id: "solidarity-5",
      title: "5% solidarity — café, 東京 🌍",
      contribution: { local_revenue_rate: 0.05, floor_usd: 0, global_fund_reallocation: 0 },
    });
  });

  it("stores nothing when the file changes between two reads, and says which file", async () => {
    const bytes = encode(SCENARIO_TEXT);
    const at = SCENARIO_TEXT.indexOf("test policy");
    for (const changed of [
      (read: number) => (read === 2 ? bytes.map((byte, i) => (i === at ? byte ^ 1 : byte)) : undefined),
      (read: number) => (read === 2 ? bytes.subarray(0, bytes.length - 2) : undefined),
    ]) {
      const lake = await lakeWithReports();
      const before = await snapshot(lake.root);
      const ingest = ingestReport(lake.dependencies, {
        fileName: "s.json",
        source: pieceSource(bytes, 7, changed),
        uploader: "council",
      });
      await expect(ingest).rejects.toBeInstanceOf(SourceChangedError);
      await expect(ingest).rejects.toThrow(/^s\.json changed while it was being ingested/);
      expect(await snapshot(lake.root)).toEqual(before);
      expect((await readManifest(lake.store)).map((e) => e.kind)).toEqual([
        "hubs",
        "fx_rates",
        "financial",
        "impact",
      ]);
    }
  });

  it("refuses a JSON document larger than a scenario file may be, with every byte counted, and keeps nothing", async () => {
    const padding = "x".repeat(4 * MAX_SCENARIO_BYTES);
    const bytes = encode(SCENARIO_TEXT.replace("A test policy.", padding));
    const lake = await lakeWithReports();
    const before = await snapshot(lake.root);
    const source = pieceSource(bytes, 4096);
    const outcome = await ingestReport(lake.dependencies, {
      fileName: "big.json",
      source,
      uploader: "council",
    });
    expect(source.reads).toBe(1);
    expect(outcome).toEqual({
      status: "rejected",
      fileName: "big.json",
      kind: "scenario",
      errorCount: 1,
      problems: [
        {
          severity: "error",
          code: "scenarioTooLarge",
          message: `the file is ${bytes.byteLength.toLocaleString("en-US")} bytes; a scenario file holds at most 65,536 bytes`,
        },
      ],
    });
    expect(bytes.byteLength).toBeGreaterThan(4 * MAX_SCENARIO_BYTES);
    expect(await snapshot(lake.root)).toEqual(before);
  });

  it("reads a file named a scenario as one, whatever it holds: a CSV report gets the scenario format's message", async () => {
    const lake = await lakeWithReports();
    const report = financialCsv("wm-ng", "2024", ["expense,programs,1000,NGN,NG,,"]);
    const outcome = await ingestReport(lake.dependencies, {
      fileName: "report.csv",
      source: pieceSource(encode(report), 7),
      uploader: "council",
      kind: "scenario",
    });
    expect(outcome).toMatchObject({
      status: "rejected",
      kind: "scenario",
      problems: [
        { code: "scenarioNotJson", message: expect.stringMatching(/^the file is not valid JSON: line 1/) },
      ],
    });
  });

  it("reports a replayed upload of a scenario as the acceptance it was, reading it again", async () => {
    const bytes = encode(SCENARIO_TEXT);
    const lake = await lakeWithReports();
    const request = {
      fileName: "s.json",
      uploader: "council",
      uploadId: "20260101T000000Z-00000000000000aa",
    };
    const first = await ingestReport(lake.dependencies, { ...request, source: pieceSource(bytes, 7) });
    const after = await snapshot(lake.root);
    const source = pieceSource(bytes, 7);
    const replay = await ingestReport(lake.dependencies, { ...request, source });
    expect(first.status).toBe("accepted");
    expect(replay).toEqual(first);
    expect(source.reads).toBe(2);
    expect(await snapshot(lake.root)).toEqual(after);
  });
});
