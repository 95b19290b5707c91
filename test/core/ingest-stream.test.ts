/**
 * Ingest reads a file as a stream (see `ingestReport`). These tests hand it a file cut into pieces at the awkward
 * places — inside the byte-order mark, between CR and LF, inside multi-byte characters, inside a quoted value and
 * between the quotes of `""` — and convert it in row groups far smaller than the file, and check that the lake gets
 * exactly what the whole-buffer path gives: the same Parquet rows, problems and manifest entry, byte for byte the
 * same raw file, nothing at all for a rejected file or one that changes between two reads.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { type IngestOutcome, ingestReport } from "../../functions/core/ingest.js";
import { readManifest } from "../../functions/core/lake/manifest.js";
import { readParquetRows } from "../../functions/core/lake/parquet.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { validateReport } from "../../functions/core/reporting/validate.js";
import { type ByteSource, SourceChangedError } from "../../functions/ports/byte-source.js";
import { encode, lakeWithReference, snapshot } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";
import { REFERENCE } from "./reporting/helpers.js";

const HEADER =
  "hub_id,period,flow,category,amount,currency,country,counterparty_id,underrepresented_focus,description";
/** Line shapes of a financial report: quoted descriptions with commas, quotes and characters of 2 to 4 bytes. */
const LINES = [
  (i: number) => `expense,programs,${1000 + i}.${i % 100},NGN,NG,,,"Café, Lagos ""${i}"""`,
  (i: number) => `grant,team_grant,${250 + i},NGN,GH,team-${i % 17},yes,東京 🌍 grant ${i}`,
  (i: number) => `revenue,local_fundraising,${i % 9}.5,USD,NG,,,`,
  (i: number) => `expense,staff,${i * 3},EUR,DE,,,"Gehälter; März, ""Q${(i % 4) + 1}"""`,
];

/** A financial report of wm-ng for 2025 with a BOM and CRLF line ends; `bad` rewrites some lines into errors. */
function largeReport(lines: number, bad: (i: number) => string | undefined = () => undefined): Uint8Array {
  const body = Array.from(
    { length: lines },
    (_, i) => bad(i) ?? (LINES[i % LINES.length] as (i: number) => string)(i),
  );
  return encode(`\uFEFF${HEADER}\r\n${body.map((line) => `wm-ng,2025,${line}`).join("\r\n")}\r\n`);
}

function indexesOf(bytes: Uint8Array, needle: readonly number[], limit: number): number[] {
  const found: number[] = [];
  for (
    let at = bytes.indexOf(needle[0] as number);
    at >= 0 && found.length < limit;
    at = bytes.indexOf(needle[0] as number, at + 1)
  )
    if (needle.every((byte, offset) => bytes[at + offset] === byte)) found.push(at);
  return found;
}

/**
 * Where to cut a file: inside the BOM, between CR and LF, inside characters of 2, 3 and 4 bytes, right after an
 * opening quote and between the two quotes of `""`, and every 997 bytes besides.
 */
function awkwardCuts(bytes: Uint8Array): number[] {
  const cuts = new Set([1, 2]);
  for (const at of indexesOf(bytes, [13, 10], 20)) cuts.add(at + 1);
  for (const at of indexesOf(bytes, [0xc3, 0xa9], 20)) cuts.add(at + 1);
  for (const at of indexesOf(bytes, [0xe6, 0x9d, 0xb1], 20)) cuts.add(at + 2);
  for (const at of indexesOf(bytes, [0xf0, 0x9f, 0x8c, 0x8d], 20))
    for (const offset of [1, 2, 3]) cuts.add(at + offset);
  for (const at of indexesOf(bytes, [0x2c, 0x22], 20)) cuts.add(at + 2);
  for (const at of indexesOf(bytes, [0x22, 0x22], 20)) cuts.add(at + 1);
  for (let at = 997; at < bytes.length; at += 997) cuts.add(at);
  return [...cuts].filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b);
}

/** A source that hands its bytes out cut at the given offsets, and counts how often it is read. */
function cutSource(
  bytes: Uint8Array,
  cuts: readonly number[],
  changed?: (read: number) => Uint8Array | undefined,
) {
  const source = {
    size: bytes.byteLength,
    reads: 0,
    async *chunks() {
      source.reads++;
      const content = changed?.(source.reads) ?? bytes;
      let start = 0;
      for (const cut of [...cuts, content.byteLength]) {
        if (cut > start) yield content.slice(start, Math.min(cut, content.byteLength));
        start = Math.max(start, cut);
      }
    },
  };
  return source satisfies ByteSource;
}

async function rowGroups(path: string): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      "SELECT count(DISTINCT row_group_id) FROM parquet_metadata(?)",
      [path],
    );
    return Number(reader.getRows()[0]?.[0]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Ingests the same bytes into two lakes: whole, and streamed in awkward pieces with small row groups. */
async function ingestBothWays(bytes: Uint8Array) {
  const wholeRoot = await tempDir();
  const streamedRoot = await tempDir();
  const whole = await lakeWithReference(wholeRoot);
  const streamed = await lakeWithReference(streamedRoot);
  const before = await snapshot(streamedRoot);
  const source = cutSource(bytes, awkwardCuts(bytes));
  const wholeOutcome = await ingestReport(whole.dependencies, {
    fileName: "ng.csv",
    bytes,
    uploader: "wm-ng",
  });
  const streamedOutcome = await ingestReport(
    { ...streamed.dependencies, rowsPerGroup: 500 },
    { fileName: "ng.csv", source, uploader: "wm-ng" },
  );
  return { wholeRoot, streamedRoot, wholeOutcome, streamedOutcome, source, before, streamed };
}

const NOW = new Date("2026-01-01T00:00:02Z");

describe("ingestReport reading a file as a stream", () => {
  it("cuts the test file at every awkward place", () => {
    const bytes = largeReport(40);
    const cuts = awkwardCuts(bytes);
    const cutAt = (needle: number[], offset: number) =>
      indexesOf(bytes, needle, 1).some((at) => cuts.includes(at + offset));
    expect(cuts.slice(0, 2)).toEqual([1, 2]);
    expect(cutAt([13, 10], 1)).toBe(true);
    expect(cutAt([0xc3, 0xa9], 1)).toBe(true);
    expect(cutAt([0xf0, 0x9f, 0x8c, 0x8d], 2)).toBe(true);
    expect(cutAt([0x22, 0x22], 1)).toBe(true);
  });

  it("stores the same raw bytes, Parquet rows and manifest entry as the whole-buffer path, in several row groups", async () => {
    const bytes = largeReport(6000);
    const { wholeRoot, streamedRoot, wholeOutcome, streamedOutcome, source } = await ingestBothWays(bytes);
    if (wholeOutcome.status !== "accepted" || streamedOutcome.status !== "accepted")
      throw new Error(`expected acceptance: ${JSON.stringify(streamedOutcome.problems.slice(0, 3))}`);
    expect(source.reads).toBe(2);
    expect(streamedOutcome).toEqual(wholeOutcome);
    const { entry } = streamedOutcome;
    expect(entry).toMatchObject({
      row_count: 6000,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      raw_key: `raw/wm-ng/${entry.sha256}.csv`,
    });

    const raw = await readFile(join(streamedRoot, entry.raw_key));
    expect(Buffer.compare(raw, Buffer.from(bytes))).toBe(0);
    const streamedRows = readParquetRows(
      new Uint8Array(await readFile(join(streamedRoot, entry.curated_key))),
    );
    const wholeRows = readParquetRows(new Uint8Array(await readFile(join(wholeRoot, entry.curated_key))));
    expect(streamedRows).toEqual(wholeRows);
    const validated = validateReport({
      bytes,
      uploader: "wm-ng",
      countries: bundledCountryTable(),
      reference: REFERENCE,
      now: NOW,
    });
    const columns = Object.entries(validated.report?.columns ?? {});
    expect(streamedRows).toEqual(
      streamedRows.map((_, row) => ({
        report_id: entry.report_id,
        ...Object.fromEntries(columns.map(([name, values]) => [name, values[row]])),
      })),
    );
    expect(streamedRows[1]).toMatchObject({
      source_row: 3,
      description: "東京 🌍 grant 1",
      counterparty_id: "team-1",
    });
    expect(streamedRows[3]).toMatchObject({ description: 'Gehälter; März, "Q4"' });
    expect(await rowGroups(join(streamedRoot, entry.curated_key))).toBe(12);
    expect(await rowGroups(join(wholeRoot, entry.curated_key))).toBe(1);
  });

  it("finds the same problems as the whole-buffer path, counts them all, and leaves the lake unchanged", async () => {
    const bad = (i: number) =>
      i % 4 === 1
        ? "expense,programs,1.234,56,NGN,NG,,,x"
        : i % 7 === 3
          ? `expense,programs,5,NGN,Nigeria,,,"tab\tand escape \u001b, 🌍"`
          : undefined;
    const bytes = largeReport(6000, bad);
    const { wholeOutcome, streamedOutcome, streamedRoot, before, source } = await ingestBothWays(bytes);
    expect(streamedOutcome.status).toBe("rejected");
    expect(source.reads).toBe(1);
    expect(streamedOutcome).toEqual(wholeOutcome);
    const rejected = streamedOutcome as Extract<IngestOutcome, { status: "rejected" }>;
    expect(rejected.errorCount).toBe(1500 + 2 * 643);
    expect(rejected.problems).toHaveLength(1001);
    expect(rejected.problems.slice(0, 3).map((p) => [p.row, p.column, p.code])).toEqual([
      [3, undefined, "wrongFieldCount"],
      [5, "description", "controlCharacter"],
      [5, "country", "invalidCountry"],
    ]);
    expect(await snapshot(streamedRoot)).toEqual(before);
  });

  it("stores nothing when the file changes between two reads, and says which file", async () => {
    const bytes = largeReport(3000);
    for (const changed of [
      (read: number) => (read === 1 ? undefined : bytes.map((byte, at) => (at === 40_000 ? byte ^ 1 : byte))),
      (read: number) => (read === 2 ? bytes.subarray(0, bytes.length - 2) : undefined),
    ]) {
      const root = await tempDir();
      const lake = await lakeWithReference(root);
      const before = await snapshot(root);
      const source = cutSource(bytes, awkwardCuts(bytes), changed);
      const ingest = ingestReport(
        { ...lake.dependencies, rowsPerGroup: 500 },
        { fileName: "ng.csv", source, uploader: "wm-ng" },
      );
      await expect(ingest).rejects.toBeInstanceOf(SourceChangedError);
      await expect(ingest).rejects.toThrow(/^ng\.csv changed while it was being ingested/);
      expect(await snapshot(root)).toEqual(before);
      expect((await readManifest(lake.store)).map((e) => e.kind)).toEqual(["hubs", "fx_rates"]);
    }
  });

  it("rejects a source larger than the limit by the size it states, without reading it", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    let read = false;
    const outcome = await ingestReport(
      { ...lake.dependencies, maxBytes: 1024 },
      {
        fileName: "big.csv",
        uploader: "wm-ng",
        source: {
          size: 5000,
          async *chunks() {
            read = true;
            yield new Uint8Array(5000);
          },
        },
      },
    );
    expect(read).toBe(false);
    expect(outcome).toMatchObject({
      status: "rejected",
      errorCount: 1,
      problems: [{ code: "fileTooLarge" }],
    });
  });
});
