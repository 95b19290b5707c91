import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { type IngestOutcome, ingestReport } from "../../functions/core/ingest.js";
import { readManifest, withStatus } from "../../functions/core/lake/manifest.js";
import { readParquetRows } from "../../functions/core/lake/parquet.js";
import { messages } from "../../functions/core/reporting/messages.js";
import type { Problem } from "../../functions/core/reporting/problems.js";
import { ObjectExistsError, type ObjectStore } from "../../functions/ports/object-store.js";
import {
  encode,
  financialCsv,
  HUBS_CSV,
  impactCsv,
  lakeAt,
  lakeWithReference,
  snapshot,
} from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

const NG_2025 = financialCsv("wm-ng", "2025", [
  "expense,programs,1000000,NGN,NG,,",
  "grant,team_grant,250000.50,NGN,GH,team-lagos,yes",
  "revenue,movement_allocation,1500,USD,NG,,",
]);

describe("ingestReport", () => {
  it("keeps an accepted file byte for byte in the raw zone, named by its SHA-256", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const withBom = `\uFEFF${NG_2025}`;
    const outcome = await lake.ingest(withBom, "wm-ng", "ng-2025.csv");
    expect(outcome.status).toBe("accepted");
    const sha = createHash("sha256").update(encode(withBom)).digest("hex");
    const raw = await readFile(join(root, "raw", "wm-ng", `${sha}.csv`));
    expect(raw.equals(Buffer.from(encode(withBom)))).toBe(true);
  });

  it("writes typed Parquet partitioned by kind, year and hub, with provenance on every row", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const outcome = await lake.ingest(NG_2025, "wm-ng");
    if (outcome.status !== "accepted") throw new Error("expected acceptance");
    expect(outcome.entry.curated_key).toBe(
      `curated/financial/year=2025/hub=wm-ng/${outcome.entry.report_id}.parquet`,
    );
    const rows = readParquetRows(new Uint8Array(await readFile(join(root, outcome.entry.curated_key))));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({
      report_id: outcome.entry.report_id,
      source_row: 3,
      hub_id: "wm-ng",
      period: "2025",
      year: 2025,
      quarter: null,
      flow: "grant",
      category: "team_grant",
      amount: 250000.5,
      currency: "NGN",
      country: "GH",
      counterparty_id: "team-lagos",
      underrepresented_focus: true,
      description: null,
    });
  });

  it("records every accepted report in the manifest with its provenance", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    await lake.ingest(NG_2025, "wm-ng", "ng-2025.csv");
    const entries = await readManifest(lake.store);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[2]).toMatchObject({
      kind: "financial",
      hub_id: "wm-ng",
      period: "2025",
      year: 2025,
      uploader: "wm-ng",
      file_name: "ng-2025.csv",
      row_count: 3,
      sha256: createHash("sha256").update(encode(NG_2025)).digest("hex"),
      uploaded_at: "2026-01-01T00:00:02.000Z",
    });
  });

  it("leaves the lake byte-for-byte unchanged when it rejects a file", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    await lake.ingest(NG_2025, "wm-ng");
    const before = await snapshot(root);
    const bad = financialCsv("wm-ng", "2024", [
      "expense,programs,1.234,56,NGN,NG,,",
      "expense,travel,5,NGN,NG,,",
    ]);
    const outcome = await lake.ingest(bad, "wm-ng");
    expect(outcome.status).toBe("rejected");
    expect(outcome.problems.length).toBeGreaterThanOrEqual(2);
    expect(await snapshot(root)).toEqual(before);
  });

  it("says so and changes nothing when the same bytes come again", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const first = await lake.ingest(NG_2025, "wm-ng", "first.csv");
    const before = await snapshot(root);
    const again = await lake.ingest(NG_2025, "wm-ng", "again.csv");
    expect(again.status).toBe("duplicate");
    if (again.status !== "duplicate" || first.status !== "accepted") throw new Error("unexpected");
    expect(again.entry.report_id).toBe(first.entry.report_id);
    expect(await snapshot(root)).toEqual(before);
  });

  it("supersedes the earlier report of the same hub, kind and period, keeping it as evidence", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const first = await lake.ingest(NG_2025, "wm-ng");
    const corrected = await lake.ingest(
      financialCsv("wm-ng", "2025", ["expense,programs,900000,NGN,NG,,"]),
      "wm-ng",
    );
    if (first.status !== "accepted" || corrected.status !== "accepted")
      throw new Error("expected acceptance");
    expect(corrected.supersedes?.report_id).toBe(first.entry.report_id);
    const records = withStatus(await readManifest(lake.store));
    expect(records.find((r) => r.report_id === first.entry.report_id)).toMatchObject({
      status: "superseded",
      superseded_by: corrected.entry.report_id,
    });
    expect(records.find((r) => r.report_id === corrected.entry.report_id)?.status).toBe("current");
    expect(await lake.store.get(first.entry.raw_key)).toBeDefined();
    expect(await lake.store.get(first.entry.curated_key)).toBeDefined();
  });

  it("rejects a quarterly report where an annual one of the same year counts, naming the report already there", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const annual = await lake.ingest(NG_2025, "wm-ng");
    if (annual.status !== "accepted") throw new Error("expected acceptance");
    const before = await snapshot(root);
    const quarter = await lake.ingest(
      financialCsv("wm-ng", "2025-Q2", ["expense,staff,10,NGN,NG,,"]),
      "wm-ng",
    );
    expect(quarter.status).toBe("rejected");
    expect(quarter.problems[0]).toMatchObject({ row: 2, column: "period", code: "overlap" });
    expect(quarter.problems[0]?.message).toContain(`report ${annual.entry.report_id}`);
    expect(await snapshot(root)).toEqual(before);
  });

  it("rejects an annual report where quarters of the same year count", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    expect(
      (await lake.ingest(financialCsv("wm-ng", "2025-Q1", ["expense,staff,10,NGN,NG,,"]), "wm-ng")).status,
    ).toBe("accepted");
    const annual = await lake.ingest(NG_2025, "wm-ng");
    expect(annual.status).toBe("rejected");
    expect(annual.problems[0]?.message).toMatch(/^a quarterly report for 2025-Q1 is already there/);
  });

  it("validates hub reports against the registry and rates in the lake at the time of upload", async () => {
    const root = await tempDir();
    const lake = lakeAt(root);
    const early = await lake.ingest(NG_2025, "wm-ng");
    expect(early.problems.map((p) => p.code)).toContain("noRegistry");
    const withReference = await lakeWithReference(await tempDir());
    const impact = await withReference.ingest(impactCsv("wm-edu", "2024", ["BR,participants,5,"]), "wm-edu");
    expect(impact.problems.map((p) => p.code)).toEqual(["hubNotActive"]);
  });

  it("replaces the registry with a new upload, and merges exchange rates", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const registry =
      "hub_id,name,kind,country,active_from,active_to\nwm-ng,Wikimedia Nigeria,regional,NG,2020,\n";
    expect((await lake.ingest(registry, "council")).status).toBe("accepted");
    const de = await lake.ingest(financialCsv("wm-de", "2025", ["expense,staff,10,EUR,DE,,"]), "wm-de");
    expect(de.problems.map((p) => p.code)).toEqual(["unregisteredHub"]);
    expect((await lake.ingest("currency,year,usd_per_unit\nGHS,2025,0.08\n", "council")).status).toBe(
      "accepted",
    );
    const ng = await lake.ingest(
      financialCsv("wm-ng", "2025", ["expense,staff,10,EUR,DE,,", "expense,staff,10,GHS,GH,,"]),
      "wm-ng",
    );
    expect(ng.status).toBe("accepted");
  });

  it("refuses an uploader id that is neither a hub_id nor council", async () => {
    const lake = lakeAt(await tempDir());
    await expect(lake.ingest(NG_2025, "../etc")).rejects.toThrow(/invalid uploader/);
  });

  it("leaves no report visible when it stops before the commit, and a retry then succeeds", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const crashing: ObjectStore = {
      get: (key) => lake.store.get(key),
      getStream: (key) => lake.store.getStream(key),
      list: (prefix) => lake.store.list(prefix),
      locate: (key) => lake.store.locate(key),
      delete: (key) => lake.store.delete(key),
      put: async (key, body, options) => {
        if (key.startsWith("manifest/")) throw new Error("process killed");
        await lake.store.put(key, body, options);
      },
    };
    await expect(
      ingestReport(
        { ...lake.dependencies, store: crashing },
        { fileName: "ng.csv", bytes: encode(NG_2025), uploader: "wm-ng" },
      ),
    ).rejects.toThrow("process killed");
    expect((await readManifest(lake.store)).map((e) => e.kind)).toEqual(["hubs", "fx_rates"]);
    const retry = await lake.ingest(NG_2025, "wm-ng");
    expect(retry.status).toBe("accepted");
  });

  it("takes the next sequence number when another writer committed first", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    let raced = false;
    const racing: ObjectStore = {
      get: (key) => lake.store.get(key),
      getStream: (key) => lake.store.getStream(key),
      list: (prefix) => lake.store.list(prefix),
      locate: (key) => lake.store.locate(key),
      delete: (key) => lake.store.delete(key),
      put: async (key, body, options) => {
        if (key.startsWith("manifest/") && !raced) {
          raced = true;
          const other = await lake.ingest(impactCsv("wm-de", "2025", ["DE,participants,5,"]), "wm-de");
          expect(other.status).toBe("accepted");
        }
        await lake.store.put(key, body, options);
      },
    };
    const outcome = await ingestReport(
      { ...lake.dependencies, store: racing },
      { fileName: "ng.csv", bytes: encode(NG_2025), uploader: "wm-ng" },
    );
    expect(outcome.status).toBe("accepted");
    const entries = await readManifest(lake.store);
    expect(entries.map((e) => [e.seq, e.hub_id])).toEqual([
      [1, null],
      [2, null],
      [3, "wm-de"],
      [4, "wm-ng"],
    ]);
  });

  it("leaves the raw and curated files in place when the commit fails in an unknown way (it may have landed)", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const failing: ObjectStore = {
      get: (key) => lake.store.get(key),
      getStream: (key) => lake.store.getStream(key),
      list: (prefix) => lake.store.list(prefix),
      locate: (key) => lake.store.locate(key),
      delete: (key) => lake.store.delete(key),
      put: async (key, body, options) => {
        if (key.startsWith("manifest/")) throw new Error("connection reset");
        await lake.store.put(key, body, options);
      },
    };
    await expect(
      ingestReport(
        { ...lake.dependencies, store: failing },
        { fileName: "ng.csv", bytes: encode(NG_2025), uploader: "wm-ng" },
      ),
    ).rejects.toThrow("connection reset");
    const sha = createHash("sha256").update(encode(NG_2025)).digest("hex");
    expect(await lake.store.list("raw/wm-ng/")).toEqual([`raw/wm-ng/${sha}.csv`]);
  });

  it("never overwrites an object it must only create", async () => {
    const lake = lakeAt(await tempDir());
    await lake.store.put("manifest/000000000001.json", encode("{}"), { ifAbsent: true });
    await expect(
      lake.store.put("manifest/000000000001.json", encode("[]"), { ifAbsent: true }),
    ).rejects.toBeInstanceOf(ObjectExistsError);
    expect(new TextDecoder().decode(await lake.store.get("manifest/000000000001.json"))).toBe("{}");
  });
});

/**
 * A store whose first manifest commit loses the race: just before it, another writer commits through the real
 * store (taking the sequence number this one is about to claim). `lakeWithoutLoser` is the lake right after
 * that commit without the files the losing upload had written by then (`loserFiles`): what it must leave.
 */
function losingFirstCommit(store: ObjectStore, root: string, otherWriter: () => Promise<IngestOutcome>) {
  const race: { other?: IngestOutcome; loserFiles: string[]; lakeWithoutLoser?: Map<string, string> } = {
    loserFiles: [],
  };
  const wrapped: ObjectStore = {
    get: (key) => store.get(key),
    getStream: (key) => store.getStream(key),
    list: (prefix) => store.list(prefix),
    locate: (key) => store.locate(key),
    delete: (key) => store.delete(key),
    put: async (key, body, options) => {
      if (key.startsWith("manifest/") && !race.other) {
        race.other = await otherWriter();
        const lake = await snapshot(root);
        for (const file of race.loserFiles) {
          expect(lake.has(`/${file}`), file).toBe(true);
          lake.delete(`/${file}`);
        }
        race.lakeWithoutLoser = lake;
      }
      if (!key.startsWith("manifest/")) race.loserFiles.push(key);
      await store.put(key, body, options);
    },
  };
  return { store: wrapped, race };
}

describe("ingestReport at commit time, after losing the race for a sequence number", () => {
  it("rejects a file that another writer's report now overlaps, and leaves nothing of it in the lake", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const quarter = financialCsv("wm-ng", "2025-Q1", ["expense,staff,10,NGN,NG,,"]);
    const { store, race } = losingFirstCommit(lake.store, root, () => lake.ingest(quarter, "wm-ng"));
    const outcome = await ingestReport(
      { ...lake.dependencies, store },
      { fileName: "ng-2025.csv", bytes: encode(NG_2025), uploader: "wm-ng" },
    );
    if (race.other?.status !== "accepted") throw new Error("the other writer should have committed");
    expect(outcome.status).toBe("rejected");
    expect(outcome.problems[0]).toEqual({
      severity: "error",
      code: "overlap",
      row: 2,
      column: "period",
      message: messages.overlap("2025-Q1", race.other.entry.report_id, "2025"),
    });
    expect(race.loserFiles).toHaveLength(2);
    expect(await snapshot(root)).toEqual(race.lakeWithoutLoser);
    expect((await readManifest(lake.store)).map((e) => e.period)).toEqual([null, null, "2025-Q1"]);
  });

  it("re-validates against a registry that changed meanwhile: a report for a hub just closed is rejected, leaving nothing", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const closing = HUBS_CSV.replace(
      "wm-ng,Wikimedia Nigeria,regional,NG,2020,",
      "wm-ng,Wikimedia Nigeria,regional,NG,2020,2024",
    );
    const { store, race } = losingFirstCommit(lake.store, root, () => lake.ingest(closing, "council"));
    const outcome = await ingestReport(
      { ...lake.dependencies, store },
      { fileName: "ng-2025.csv", bytes: encode(NG_2025), uploader: "wm-ng" },
    );
    expect(race.other?.status).toBe("accepted");
    expect(outcome.status).toBe("rejected");
    expect(outcome.problems).toEqual([
      {
        severity: "error",
        code: "hubNotActive",
        row: 2,
        column: "period",
        message: messages.hubNotActive("wm-ng", 2025, 2020, 2024),
      },
    ]);
    expect(race.loserFiles).toHaveLength(2);
    expect(await snapshot(root)).toEqual(race.lakeWithoutLoser);
  });

  it("re-validates against rates and registry that changed meanwhile, and commits with the next number when the file still passes", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const { store, race } = losingFirstCommit(lake.store, root, () =>
      lake.ingest("currency,year,usd_per_unit\nGHS,2025,0.08\n", "council"),
    );
    const outcome = await ingestReport(
      { ...lake.dependencies, store },
      { fileName: "ng-2025.csv", bytes: encode(NG_2025), uploader: "wm-ng" },
    );
    expect(race.other?.status).toBe("accepted");
    expect(outcome.status).toBe("accepted");
    if (outcome.status !== "accepted") throw new Error("expected acceptance");
    expect(outcome.entry.seq).toBe(4);
    expect(await lake.store.get(outcome.entry.raw_key)).toBeDefined();
    expect(await lake.store.get(outcome.entry.curated_key)).toBeDefined();
  });

  it("leaves nothing behind when it never gets a sequence number, and says why", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const before = await snapshot(root);
    const alwaysTaken: ObjectStore = {
      get: (key) => lake.store.get(key),
      getStream: (key) => lake.store.getStream(key),
      list: (prefix) => lake.store.list(prefix),
      locate: (key) => lake.store.locate(key),
      delete: (key) => lake.store.delete(key),
      put: async (key, body, options) => {
        if (key.startsWith("manifest/")) throw new ObjectExistsError(key);
        await lake.store.put(key, body, options);
      },
    };
    vi.spyOn(Math, "random").mockReturnValue(0);
    try {
      await expect(
        ingestReport(
          { ...lake.dependencies, store: alwaysTaken },
          { fileName: "ng.csv", bytes: encode(NG_2025), uploader: "wm-ng" },
        ),
      ).rejects.toThrow("could not commit ng.csv: the manifest kept changing (100 attempts)");
    } finally {
      vi.restoreAllMocks();
    }
    expect(await snapshot(root)).toEqual(before);
  });

  it("never deletes an object that another manifest entry names", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const sha = createHash("sha256").update(encode(NG_2025)).digest("hex");
    const rawKey = `raw/wm-ng/${sha}.csv`;
    const curatedKey = `curated/financial/year=2025/hub=wm-ng/r-${sha.slice(0, 16)}.parquet`;
    const { store } = losingFirstCommit(lake.store, root, async () => {
      const entry = {
        report_id: "r-00000000000000aa",
        seq: 3,
        kind: "financial",
        hub_id: "wm-ng",
        period: "2025-Q1",
        year: 2025,
        quarter: 1,
        sha256: "00".repeat(32),
        uploader: "wm-ng",
        uploaded_at: "2026-01-01T00:00:00.000Z",
        upload_id: null,
        file_name: "elsewhere.csv",
        row_count: 3,
        warning_count: 0,
        raw_key: rawKey,
        curated_key: curatedKey,
      };
      await lake.store.put("manifest/000000000003.json", encode(`${JSON.stringify(entry)}\n`), {
        ifAbsent: true,
      });
      return {
        status: "rejected",
        fileName: "elsewhere.csv",
        kind: "financial",
        problems: [],
        errorCount: 0,
      };
    });
    const outcome = await ingestReport(
      { ...lake.dependencies, store },
      { fileName: "ng-2025.csv", bytes: encode(NG_2025), uploader: "wm-ng" },
    );
    expect(outcome.problems[0]?.code).toBe("overlap");
    expect(await lake.store.get(rawKey)).toBeDefined();
    expect(await lake.store.get(curatedKey)).toBeDefined();
  });
});

describe("ingestReport under reporting standard 1.1", () => {
  /** Files the lake must refuse, each with the one problem it has; the lake helper's clock is in 2026. */
  const rejections: [string, string, string, Partial<Problem>][] = [
    [
      "a period after the year of the upload",
      "wm-ng",
      financialCsv("wm-ng", "9999", ["expense,programs,5,USD,NG,,"]),
      {
        row: 2,
        column: "period",
        code: "futurePeriod",
        message: '"9999" lies in the future: 9999 is after 2026, the year of this upload (UTC)',
      },
    ],
    [
      "a registry year beyond the year of the upload + 10",
      "council",
      `${HUBS_CSV}wm-gh,Ghana Hub,regional,GH,9999,\n`,
      {
        row: 6,
        column: "active_from",
        code: "registryYearOutOfRange",
        message:
          '"9999" is outside the years the registry accepts: 2000 to 2036 (the year of this upload + 10)',
      },
    ],
    [
      "an inverted exchange rate",
      "council",
      "currency,year,usd_per_unit\nNGN,2026,1540.25\n",
      {
        row: 2,
        column: "usd_per_unit",
        code: "rateLooksInverted",
        message:
          '"1540.25" differs by a factor of more than 10 from the rate for NGN in 2025 (0.00065), and looks inverted: NGN per US dollar instead of US dollars per NGN; its reciprocal is 0.000649245',
      },
    ],
    [
      "a NUL in a counterparty id",
      "wm-ng",
      financialCsv("wm-ng", "2025", ["grant,team_grant,5,NGN,NG,team-\u0000lagos,"]),
      {
        row: 2,
        column: "counterparty_id",
        code: "controlCharacter",
        message:
          "the cell contains the control character U+0000 (null), not allowed in a cell (a tab is); remove it",
      },
    ],
    [
      "a right-to-left override in a team id",
      "wm-ng",
      "hub_id,period,team_id,country,metric,value\nwm-ng,2025,team-\u202elagos,NG,participants,5\n",
      {
        row: 2,
        column: "team_id",
        code: "bidiCharacter",
        message:
          "the cell contains the bidirectional formatting character U+202E (right-to-left override), which can show text in another order than it is stored; remove it",
      },
    ],
    [
      "a near-miss metric name",
      "wm-ng",
      impactCsv("wm-ng", "2025", ["NG,participants,40,", "NG,active_editor,12,"]),
      {
        row: 3,
        column: "metric",
        code: "nearMissMetric",
        message:
          '"active_editor" is not a metric of frameworks 2026.1 and 2026.2, but it is within two edits of active_editors: write active_editors if that is what it counts (1 row); a new metric needs a name further from the known ones',
      },
    ],
    [
      "an amount with two readings",
      "wm-ng",
      financialCsv("wm-ng", "2025", ["expense,programs,99,999,NGN,NG,,"]).replace("99,999", '"99,999"'),
      {
        row: 2,
        column: "amount",
        code: "ambiguousNumber",
        message:
          '"99,999" is ambiguous: 99999 if the , separates thousands, or 99.999 if it is the decimal separator (write the number without thousands separators, with . as the decimal separator)',
      },
    ],
  ];

  it.each(rejections)(
    "rejects %s and leaves the lake byte for byte as it was",
    async (_, uploader, text, problem) => {
      const root = await tempDir();
      const lake = await lakeWithReference(root);
      const before = await snapshot(root);
      const outcome = await lake.ingest(text, uploader);
      expect(outcome.status).toBe("rejected");
      expect(outcome.problems).toEqual([{ severity: "error", ...problem }]);
      expect(await snapshot(root)).toEqual(before);
    },
  );

  it("takes the year of the upload from when the file was received", async () => {
    const lake = await lakeWithReference(await tempDir());
    const report = financialCsv("wm-ng", "2027", ["expense,programs,5,USD,NG,,"]);
    const early = await ingestReport(lake.dependencies, {
      fileName: "ng.csv",
      bytes: encode(report),
      uploader: "wm-ng",
      receivedAt: new Date("2026-12-31T23:59:59Z"),
    });
    expect(early.problems.map((p) => p.code)).toEqual(["futurePeriod"]);
    const inTime = await ingestReport(lake.dependencies, {
      fileName: "ng.csv",
      bytes: encode(report),
      uploader: "wm-ng",
      receivedAt: new Date("2027-01-01T00:00:00Z"),
    });
    expect(inTime.status).toBe("accepted");
    if (inTime.status === "accepted") expect(inTime.entry.uploaded_at).toBe("2027-01-01T00:00:00.000Z");
  });

  it("checks a rate against the newest upload of each year, by upload time", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const newer = await lake.ingest("currency,year,usd_per_unit\nNGN,2025,0.005\n", "council");
    expect(newer.status).toBe("accepted");
    const late = await ingestReport(lake.dependencies, {
      fileName: "late.csv",
      bytes: encode("currency,year,usd_per_unit\nNGN,2025,0.0006\n"),
      uploader: "council",
      receivedAt: new Date("2025-12-01T00:00:00Z"),
    });
    expect(late.status).toBe("accepted");
    const before = await snapshot(root);
    const outcome = await lake.ingest("currency,year,usd_per_unit\nNGN,2026,0.0004\n", "council");
    expect(outcome.problems).toEqual([
      {
        severity: "error",
        code: "rateOutOfRange",
        row: 2,
        column: "usd_per_unit",
        message:
          '"0.0004" US dollars per NGN differs by a factor of more than 10 from the rate for NGN in 2025 (0.005); check the rate (usd_per_unit is US dollars per one NGN)',
      },
    ]);
    expect(await snapshot(root)).toEqual(before);
  });

  it("accepts a movement_allocation line outside the hub's seat with a warning", async () => {
    const lake = await lakeWithReference(await tempDir());
    const outcome = await lake.ingest(
      financialCsv("wm-ng", "2025", [
        "revenue,movement_allocation,1500,USD,NG,,",
        "revenue,movement_allocation,10,USD,US,,",
      ]),
      "wm-ng",
    );
    expect(outcome.status).toBe("accepted");
    expect(outcome.problems).toEqual([
      {
        severity: "warning",
        code: "allocationOutsideSeat",
        row: 3,
        column: "country",
        message:
          '"US" is not the seat of hub "wm-ng" (NG): a movement_allocation line is booked in the country of the hub that receives it, where the money is spent from; accepted, but check the country',
      },
    ]);
  });
});
