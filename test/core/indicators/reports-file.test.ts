import { describe, expect, it } from "vitest";
import {
  ReportsFileError,
  reportsFromJson,
  reportsJsonChunks,
  type StoredEntries,
} from "../../../functions/core/indicators/reports-file.js";
import {
  type ManifestEntry,
  type ManifestRecord,
  manifestEntryText,
  withStatus,
} from "../../../functions/core/lake/manifest.js";
import { syntheticEntry } from "../../helpers/counting-store.js";

/** Three uploads: the first financial report superseded by the second, and the registry. */
function entries(): ManifestEntry[] {
  const first = { ...syntheticEntry(1, "wm-ng"), period: "2025-Q1", uploaded_at: "2026-01-01T00:00:00.000Z" };
  const second = {
    ...syntheticEntry(2, "wm-ng"),
    period: "2025-Q1",
    uploaded_at: "2026-02-01T00:00:00.000Z",
  };
  const third = { ...syntheticEntry(3, "wm-fr"), period: "2025-Q1", file_name: 'Q1 "final"; é.csv' };
  return [first, second, third];
}

/** The lines the manifest stores for entries ingest wrote: each entry's JSON on one line. */
const storedLines = (list: readonly ManifestEntry[]) =>
  new Map(list.map((entry) => [entry, manifestEntryText(entry).trimEnd()]));

/** The text `reportsJsonChunks` writes, its chunks put together. */
async function reportsToJson(records: readonly ManifestRecord[], stored?: StoredEntries): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of reportsJsonChunks(records, stored)) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

describe("reportsJsonChunks", () => {
  it("writes one report per line, each its entry with its status, and reads back as the reports", async () => {
    const list = entries();
    const records = withStatus(list);
    const text = await reportsToJson(records);
    const lines = text.split("\n");
    expect(lines[0]).toBe("[");
    expect(lines.at(-2)).toBe("]");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(records.length + 3);
    expect(reportsFromJson(text)).toEqual(records);
    expect(records.map((r) => [r.status, r.superseded_by])).toEqual([
      ["superseded", list[1]?.report_id],
      ["current", null],
      ["current", null],
    ]);
  });

  it("gives the same bytes from the stored lines of entries ingest wrote as from serialising them", async () => {
    const list = entries();
    const records = withStatus(list);
    const lines = storedLines(list);
    expect(await reportsToJson(records, { entries: list, lineOf: (entry) => lines.get(entry) })).toBe(
      await reportsToJson(records),
    );
  });

  it("keeps an entry's stored line as stored, and serialises one that already names a status", async () => {
    const list = entries();
    const records = withStatus(list);
    const handWritten = new Map<ManifestEntry, string>([
      [list[0] as ManifestEntry, JSON.stringify(list[0], null, 0).replace('"seq":1,', '"seq": 1 ,')],
      [list[2] as ManifestEntry, manifestEntryText(list[2] as ManifestEntry).trimEnd()],
    ]);
    const withOwnStatus = { ...(list[1] as ManifestEntry), status: "bogus" } as ManifestEntry;
    const list2 = [list[0], withOwnStatus, list[2]] as ManifestEntry[];
    handWritten.set(withOwnStatus, manifestEntryText(withOwnStatus).trimEnd());
    const text = await reportsToJson(withStatus(list2), {
      entries: list2,
      lineOf: (entry) => handWritten.get(entry),
    });
    const lines = text.split("\n");
    expect(lines[1]).toContain('"seq": 1 ,');
    expect(lines[2]?.match(/"status"/g)).toHaveLength(1);
    expect(reportsFromJson(text).map((r) => r.status)).toEqual(withStatus(list2).map((r) => r.status));
    expect(reportsFromJson(text)[0]).toEqual(records[0]);
  });

  it("writes an empty list as []", async () => {
    expect(await reportsToJson([])).toBe("[]\n");
    expect(reportsFromJson("[]\n")).toEqual([]);
  });
});

describe("reportsFromJson", () => {
  it.each([
    ["not JSON", "[{", "reports.json is not JSON"],
    ["not a list", '{"report_id":"r-1"}', "reports.json is not a list of reports"],
    [
      "a report without a status",
      JSON.stringify([{ report_id: "r-1", seq: 1, kind: "financial", superseded_by: null }]),
      "reports.json report 1 is not a report with report_id, seq, kind, status and superseded_by",
    ],
    [
      "a report whose seq is not whole",
      JSON.stringify([
        { report_id: "r-1", seq: 1, kind: "hubs", status: "current", superseded_by: null },
        { report_id: "r-2", seq: 2.5, kind: "hubs", status: "current", superseded_by: null },
      ]),
      "reports.json report 2 is not a report with report_id, seq, kind, status and superseded_by",
    ],
  ])("refuses %s", (_, text, message) => {
    expect(() => reportsFromJson(text)).toThrow(ReportsFileError);
    expect(() => reportsFromJson(text)).toThrow(message);
  });
});
