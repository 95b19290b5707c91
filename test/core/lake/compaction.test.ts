/**
 * Compaction on a real folder lake, read back by the real compute (embedded DuckDB): the same figures to the byte,
 * the raw zone, manifest entries and evidence untouched, and a consistent lake whatever step it is stopped at.
 */

import { createHash } from "node:crypto";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { computeFromLake } from "../../../functions/cli/commands/compute.js";
import {
  assertNoUnfinishedCompaction,
  CompactionError,
  compactLake,
  curatedFiles,
  UnfinishedCompactionError,
} from "../../../functions/core/lake/compaction.js";
import { LakeReader } from "../../../functions/core/lake/lake-reader.js";
import { lakeLayout } from "../../../functions/core/lake/layout.js";
import { readManifest } from "../../../functions/core/lake/manifest.js";
import { readParquetRows } from "../../../functions/core/lake/parquet.js";
import type {
  ListOptions,
  ObjectBody,
  ObjectStore,
  PutOptions,
} from "../../../functions/ports/object-store.js";
import { CountingStore, type StoreCall } from "../../helpers/counting-store.js";
import { ingestHandchecked } from "../../helpers/handchecked.js";
import { financialCsv, impactCsv, lakeAt, lakeWithReference, snapshot } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

const clock = () => new Date(Date.UTC(2026, 5, 1));

/** What compute publishes from the lake: indicators.csv, dashboard.json and reports.json, as text. */
async function published(lake: string) {
  const out = await tempDir("out-");
  await computeFromLake({ lake, out });
  const read = (file: string) => readFile(join(out, file), "utf8");
  const files = {
    indicators: await read("indicators.csv"),
    dashboard: await read("dashboard.json"),
    reports: await read("reports.json"),
  };
  await rm(out, { recursive: true, force: true });
  return files;
}

/** The lake's objects under a prefix, key → base64 bytes. */
async function objects(root: string, prefix: string) {
  const all = await snapshot(root);
  return new Map([...all].filter(([path]) => path.startsWith(`/${prefix}`)));
}

/** A small movement over two years, both kinds, with a corrected report (the first stays as evidence). */
async function smallMovement() {
  const root = await tempDir("compaction-");
  const lake = await lakeWithReference(root);
  const uploads: [string, string][] = [
    [
      financialCsv("wm-ng", "2024", ["expense,programs,1000000,NGN,NG,,", "expense,staff,5000,NGN,NG,,"]),
      "wm-ng",
    ],
    [financialCsv("wm-de", "2024", ["expense,programs,3000,EUR,DE,,"]), "wm-de"],
    [impactCsv("wm-ng", "2024", ["NG,participants,25,", "NG,active_editors,40,"]), "wm-ng"],
    [financialCsv("wm-ng", "2025", ["expense,programs,900000,NGN,NG,,"]), "wm-ng"],
    [
      financialCsv("wm-ng", "2025", [
        "expense,programs,800000,NGN,NG,,",
        "grant,team_grant,300,USD,GH,t-1,yes",
      ]),
      "wm-ng",
    ],
    [impactCsv("wm-de", "2025", ["DE,participants,12,", "DE,active_editors,30,"]), "wm-de"],
  ];
  for (const [text, uploader] of uploads) {
    const outcome = await lake.ingest(text, uploader);
    if (outcome.status !== "accepted") throw new Error(JSON.stringify(outcome.problems));
  }
  return { root, lake };
}

describe("observatory compact's compaction", () => {
  it("rewrites each kind's year into one file that compute reads with the same figures to the byte, touching nothing else", async () => {
    const { lake } = await ingestHandchecked();
    const root = (lake.store as FolderStore).root;
    const before = await published(root);
    const raw = await objects(root, "raw/");
    const manifest = await objects(root, "manifest/");
    const entries = await readManifest(lake.store);

    const summary = await compactLake(lake.store, { clock });

    expect(summary.years.map((year) => [year.kind, year.year, year.status])).toEqual([
      ["financial", 2024, "compacted"],
      ["financial", 2025, "compacted"],
      ["impact", 2024, "compacted"],
      ["impact", 2025, "compacted"],
    ]);
    expect(await published(root)).toEqual(before);
    expect(await objects(root, "raw/")).toEqual(raw);
    expect(await objects(root, "manifest/")).toEqual(manifest);

    for (const kind of ["financial", "impact"] as const) {
      const files = await lake.store.list(lakeLayout.curatedPrefix(kind));
      expect(files.every((key) => lakeLayout.compactedOfKey(key)?.generation === 1)).toBe(true);
      expect(files).toHaveLength(2);
      for (const year of summary.years.filter((y) => y.kind === kind)) {
        const record = year.record;
        if (!record) throw new Error("no record");
        const ofYear = entries.filter((e) => e.kind === kind && e.year === year.year);
        expect(record.reports.map((r) => [r.report_id, r.seq, r.rows])).toEqual(
          ofYear.map((e) => [e.report_id, e.seq, e.row_count]),
        );
        expect(record.absorbed).toEqual(ofYear.map((e) => e.curated_key));
        const rows = readParquetRows((await lake.store.get(record.file.key)) as Uint8Array);
        expect(rows).toHaveLength(record.file.rows);
        expect([...new Set(rows.map((row) => row.report_id))]).toEqual(ofYear.map((e) => e.report_id));
        expect(
          JSON.parse(await readFile(join(root, lakeLayout.compactionRecordKey(kind, year.year, 1)), "utf8")),
        ).toEqual(record);
      }
    }
    expect(summary.checkpoint?.throughSeq).toBe(entries.length);
  });

  it("leaves a scenario's raw file, curated JSON and manifest entry alone, and compute publishes the same scenarios", async () => {
    const { root, lake } = await smallMovement();
    const scenario = `${JSON.stringify({
      scenario: "1",
      id: "solidarity-5",
      title: "5% solidarity contribution",
      description: "A test policy.",
      contribution: { local_revenue_rate: 0.05 },
      allocation: { rule: "per_editor" },
    })}\n`;
    const accepted = await lake.ingest(scenario, "council", "solidarity.json");
    if (accepted.status !== "accepted") throw new Error(JSON.stringify(accepted.problems));
    const everyFile = async () => {
      const out = await tempDir("out-");
      await computeFromLake({ lake: root, out });
      const files = await snapshot(out);
      await rm(out, { recursive: true, force: true });
      return files;
    };
    const before = await everyFile();
    expect([...before.keys()].filter((path) => path.includes("scenario")).sort()).toEqual([
      "/scenario-solidarity-5-hubs.csv",
      "/scenario-solidarity-5.csv",
      "/scenarios.json",
    ]);
    const untouched = [
      ...(await objects(root, "raw/")),
      ...(await objects(root, "curated/scenario/")),
      ...(await objects(root, "manifest/")),
    ];

    const summary = await compactLake(lake.store, { clock });

    expect(summary.years.map((year) => year.kind)).toEqual(["financial", "financial", "impact", "impact"]);
    expect(await lake.store.list("compactions/scenario/")).toEqual([]);
    expect([
      ...(await objects(root, "raw/")),
      ...(await objects(root, "curated/scenario/")),
      ...(await objects(root, "manifest/")),
    ]).toEqual(untouched);
    expect(await everyFile()).toEqual(before);
  });

  it("does nothing when run again, and absorbs the previous file with new reports as the next generation", async () => {
    const { root, lake } = await smallMovement();
    await compactLake(lake.store, { clock });
    const compacted = await snapshot(root);
    const again = await compactLake(lake.store, { clock });
    expect(again.years.map((year) => year.status)).toEqual(Array(4).fill("already compact"));
    expect(await snapshot(root)).toEqual(compacted);

    expect(
      (await lake.ingest(financialCsv("wm-de", "2025", ["expense,programs,70,EUR,DE,,"]), "wm-de")).status,
    ).toBe("accepted");
    const reference = await published(root);
    const third = await compactLake(lake.store, { clock });
    const financial2025 = third.years.find((y) => y.kind === "financial" && y.year === 2025);
    expect(financial2025?.status).toBe("compacted");
    expect(financial2025?.record?.generation).toBe(2);
    expect(financial2025?.record?.absorbed[0]).toMatch(/^curated\/financial\/year=2025\/compacted-000001-/);
    expect(await lake.store.list("curated/financial/year=2025/")).toEqual([financial2025?.record?.file.key]);
    expect(await published(root)).toEqual(reference);
  });

  it("leaves a consistent lake whichever write or delete it is stopped after, and a rerun completes it", async () => {
    const { root } = await smallMovement();
    const baseline = await published(root);
    const counting = new CountingStore(new FolderStore(await copyOf(root)));
    await compactLake(counting, { clock });
    const mutations = counting.calls.filter((c) => c.operation === "put" || c.operation === "delete");
    const completed = await lakeFiles(counting.inner);
    expect(mutations.length).toBeGreaterThan(10);

    for (let stopAfter = 0; stopAfter < mutations.length; stopAfter++) {
      const copy = await copyOf(root);
      const crashing = new CountingStore(new FolderStore(copy));
      let done = 0;
      crashing.failOn = (call) =>
        (call.operation === "put" || call.operation === "delete") && done++ === stopAfter
          ? new Error(`killed after ${stopAfter} writes and deletes`)
          : undefined;
      await expect(compactLake(crashing, { clock }), `stopped after ${stopAfter}`).rejects.toThrow("killed");
      expect(
        await published(copy),
        `stopped after ${stopAfter}: ${JSON.stringify(mutations[stopAfter])}`,
      ).toEqual(baseline);
      await compactLake(new FolderStore(copy), { clock });
      expect(await lakeFiles(new FolderStore(copy)), `rerun after ${stopAfter}`).toEqual(completed);
      await assertNoUnfinishedCompaction(new FolderStore(copy));
      await rm(copy, { recursive: true, force: true });
    }
    expect(await published(counting.inner instanceof FolderStore ? counting.inner.root : "")).toEqual(
      baseline,
    );
  }, 300_000);

  it("says a compaction is unfinished where only whole prefixes can be read (Athena), until a rerun finishes it", async () => {
    const { root } = await smallMovement();
    const crashing = new CountingStore(new FolderStore(root));
    crashing.failOn = (call) =>
      call.operation === "delete" ? new Error("killed before deleting what it absorbed") : undefined;
    await expect(compactLake(crashing, { clock })).rejects.toThrow("killed");
    const leftover = (await curatedFiles(new FolderStore(root), "financial")).leftover;
    expect(leftover).toEqual([
      expect.stringMatching(/^curated\/financial\/year=2024\/hub=wm-de\/r-[0-9a-f]{16}\.parquet$/),
      expect.stringMatching(/^curated\/financial\/year=2024\/hub=wm-ng\/r-[0-9a-f]{16}\.parquet$/),
    ]);
    const error = await assertNoUnfinishedCompaction(new FolderStore(root)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnfinishedCompactionError);
    expect((error as Error).message).toMatch(
      /^a compaction of the curated files was interrupted: 2 file\(s\) it absorbed or wrote are still there \(curated\/financial\/year=2024\/hub=wm-de\/r-[0-9a-f]{16}\.parquet, .*\), and Athena would count their rows twice; run the compaction again \(observatory compact, or the workflow's compact step\)$/,
    );
    await compactLake(new FolderStore(root), { clock });
    await assertNoUnfinishedCompaction(new FolderStore(root));
  });

  it("counts a report ingested while it runs exactly once, and leaves the files of an uncommitted ingest alone", async () => {
    const { root, lake } = await smallMovement();
    const late = financialCsv("global-fund", "2024", ["expense,programs,10,USD,US,,"]);
    const reference = await copyOf(root);
    expect((await lakeAt(reference).ingest(late, "global-fund")).status).toBe("accepted");
    const expected = await published(reference);

    const arrivals: Promise<unknown>[] = [];
    const withIngest: ObjectStore = {
      get: (key) => lake.store.get(key),
      getStream: (key) => lake.store.getStream(key),
      list: (prefix, options) => lake.store.list(prefix, options),
      delete: (key) => lake.store.delete(key),
      locate: (key) => lake.store.locate(key),
      put: async (key, body, options) => {
        if (arrivals.length === 0 && lakeLayout.compactedOfKey(key)) {
          arrivals.push(lakeAt(root).ingest(late, "global-fund"));
          await arrivals[0];
        }
        await lake.store.put(key, body, options);
      },
    };
    await compactLake(withIngest, { clock });
    expect(await Promise.all(arrivals)).toEqual([expect.objectContaining({ status: "accepted" })]);
    expect(await published(root)).toEqual(expected);
    await compactLake(lake.store, { clock });
    expect(await published(root)).toEqual(expected);
  });

  it("leaves the files of an ingest stopped before its commit, which then count once it is committed", async () => {
    const { root, lake } = await smallMovement();
    const late = financialCsv("global-fund", "2024", ["expense,programs,10,USD,US,,"]);
    const killed = new CountingStore(lake.store);
    killed.failOn = (call) =>
      call.operation === "put" && call.key.startsWith("manifest/") ? new Error("killed") : undefined;
    const { ingestReport } = await import("../../../functions/core/ingest.js");
    await expect(
      ingestReport(
        { ...lake.dependencies, store: killed },
        { fileName: "late.csv", bytes: new TextEncoder().encode(late), uploader: "global-fund" },
      ),
    ).rejects.toThrow("killed");
    const reference = await copyOf(root);
    expect((await lakeAt(reference).ingest(late, "global-fund")).status).toBe("accepted");

    await compactLake(lake.store, { clock });
    const orphans = (await lake.store.list("curated/financial/year=2024/hub=global-fund/")).filter(
      (key) => !lakeLayout.compactedOfKey(key),
    );
    expect(orphans).toHaveLength(1);
    expect((await lakeAt(root).ingest(late, "global-fund")).status).toBe("accepted");
    expect(await published(root)).toEqual(await published(reference));
  });

  it("lets one of two simultaneous compactions commit each year, with the same figures", async () => {
    const { root, lake } = await smallMovement();
    const before = await published(root);
    const [a, b] = await Promise.all([
      compactLake(lake.store, { clock }),
      compactLake(new FolderStore(root), { clock }),
    ]);
    for (const [i, year] of a.years.entries()) {
      const other = b.years[i];
      expect([year.status, other?.status].sort()).toContain("compacted");
    }
    expect(await published(root)).toEqual(before);
    await assertNoUnfinishedCompaction(lake.store);
  });

  it.each([
    {
      stop: "right after listing the financial files",
      at: (_call: StoreCall, before: readonly StoreCall[]) =>
        before.at(-1)?.operation === "list" && before.at(-1)?.key === "curated/financial/",
      newReport: false,
    },
    {
      stop: "before reading the first report's own file",
      at: (call: StoreCall) => call.operation === "get" && /\/r-[0-9a-f]{16}\.parquet$/.test(call.key),
      newReport: false,
    },
    {
      stop: "before reading the year's previous compacted file",
      at: (call: StoreCall) =>
        call.operation === "get" && /^curated\/financial\/year=2025\/compacted-000001-/.test(call.key),
      newReport: true,
    },
  ])(
    "finishes a compaction whose reads another one overtook ($stop), with the lake one compaction leaves",
    async ({ at, newReport }) => {
      const { root, lake } = await smallMovement();
      if (newReport) {
        await compactLake(lake.store, { clock });
        const added = await lake.ingest(
          financialCsv("wm-de", "2025", ["expense,programs,70,EUR,DE,,"]),
          "wm-de",
        );
        expect(added.status).toBe("accepted");
      }
      const before = await published(root);
      const alone = new FolderStore(await copyOf(root));
      const expectedStatuses = (await compactLake(alone, { clock })).years.map((y) => y.status);
      const overtaken = new StoppingStore(new FolderStore(root), at);

      const slow = compactLake(overtaken, { clock });
      await Promise.race([
        overtaken.stopped,
        slow.then(() => {
          throw new Error("the compaction finished without reaching its stop");
        }),
      ]);
      const fast = await compactLake(new FolderStore(root), { clock });
      overtaken.resume();
      const late = await slow;

      expect(fast.years.map((year) => year.status)).toEqual(expectedStatuses);
      expect(late.years.map((year) => [year.kind, year.year, year.status])).toEqual(
        fast.years.map((year) => [year.kind, year.year, "already compact"]),
      );
      expect(await lakeFiles(new FolderStore(root))).toEqual(await lakeFiles(alone));
      await assertNoUnfinishedCompaction(new FolderStore(root));
      expect(await published(root)).toEqual(before);
    },
  );

  it("judges the files it lists by the records of the compaction that committed while it listed them", async () => {
    const { root, lake } = await smallMovement();
    await compactLake(lake.store, { clock });
    const added = await lake.ingest(financialCsv("wm-de", "2025", ["expense,programs,70,EUR,DE,,"]), "wm-de");
    expect(added.status).toBe("accepted");
    const listing = new StoppingStore(
      new FolderStore(root),
      (call) => call.operation === "list" && call.key === lakeLayout.curatedPrefix("financial"),
    );
    const reading = curatedFiles(listing, "financial");
    await listing.stopped;
    const compacted = await compactLake(new FolderStore(root), { clock });
    expect(compacted.years.filter((year) => year.status === "compacted")).toHaveLength(1);
    listing.resume();
    const read = await reading;
    const quiet = await curatedFiles(new FolderStore(root), "financial");
    expect(read.live).toEqual(quiet.live);
    expect(read.leftover).toEqual([]);
    expect(read.live.some((key) => /year=2025\/compacted-000002-/.test(key))).toBe(true);
  });

  it("still stops at a file the lake lost, when no other compaction committed meanwhile", async () => {
    const { root, lake } = await smallMovement();
    const entries = await readManifest(lake.store);
    const lost = entries.find((e) => e.kind === "financial" && e.year === 2024)?.curated_key as string;
    const stopped = new StoppingStore(
      new FolderStore(root),
      (call) => call.operation === "get" && call.key === lost,
    );
    const run = compactLake(stopped, { clock }).catch((e: unknown) => e);
    await stopped.stopped;
    await rm(join(root, lost));
    stopped.resume();
    const vanished = await run;
    expect(vanished).toBeInstanceOf(CompactionError);
    expect((vanished as Error).message).toBe(`${lost} vanished while being read; compact again`);

    const { root: other, lake: compacted } = await smallMovement();
    const summary = await compactLake(compacted.store, { clock });
    const file = summary.years.find((y) => y.kind === "impact" && y.year === 2025)?.record?.file
      .key as string;
    await rm(join(other, file));
    const missing = await compactLake(compacted.store, { clock }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CompactionError);
    expect((missing as Error).message).toBe(
      `${file} is missing: ${lakeLayout.compactionRecordKey("impact", 2025, 1)} names it for 1 impact reports of 2025; restore it from a backup`,
    );
  });

  it("refuses to absorb a report file that does not hold what the manifest records, writing nothing", async () => {
    const { root, lake } = await smallMovement();
    const entries = await readManifest(lake.store);
    const [first, second] = entries.filter((e) => e.kind === "financial" && e.year === 2024);
    await cp(join(root, second?.curated_key as string), join(root, first?.curated_key as string));
    const error = await compactLake(lake.store, { clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompactionError);
    expect((error as CompactionError).message).toBe(
      `${first?.curated_key} holds 1 rows of report ${second?.report_id}, but the manifest records 2 rows of financial report ${first?.report_id} in it; restore the file from a backup, then compact again`,
    );
    expect(await lake.store.list("compactions/")).toEqual([]);
    expect(
      (await lake.store.list("curated/financial/year=2024/")).some((k) => lakeLayout.compactedOfKey(k)),
    ).toBe(false);
  });

  it("deletes a checkpoint whose lines differ from the entries', and writes a true one", async () => {
    const { root, lake } = await smallMovement();
    const lines = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8].map(async (seq) =>
        (await readFile(join(root, lakeLayout.manifestKey(seq)), "utf8")).trimEnd(),
      ),
    );
    lines[2] = (lines[2] as string).replace('"row_count":2', '"row_count":3');
    const content = Buffer.from(lines.map((line) => `${line}\n`).join(""));
    const sha = createHash("sha256").update(content).digest("hex");
    const forged = lakeLayout.checkpointKey(8, sha);
    await new FolderStore(root).put(forged, gzipSync(content));
    expect((await new LakeReader(lake.store).manifest())[2]?.row_count).toBe(3);

    const summary = await compactLake(lake.store, { clock });
    expect(summary.checkpointProblems).toEqual([
      `manifest checkpoint ${forged} was deleted: its lines for manifest/000000000003.json differ from those entries' objects`,
    ]);
    expect(await lake.store.get(forged)).toBeUndefined();
    expect(summary.checkpoint?.key).not.toBe(forged);
    expect((await new LakeReader(lake.store).manifest())[2]?.row_count).toBe(2);
  });
});

describe("the lake-integrity check on a compacted lake", () => {
  it("names a copy of a compacted file, a deleted one and one overwritten with another year's", async () => {
    const { root, lake } = await smallMovement();
    const summary = await compactLake(lake.store, { clock });
    const file = (kind: string, year: number) =>
      summary.years.find((y) => y.kind === kind && y.year === year)?.record?.file.key as string;
    const record = (kind: string, year: number) =>
      lakeLayout.compactionRecordKey(kind as "financial", year, 1);

    const copy = "curated/financial/year=2024/hub=wm-ng/copy.parquet";
    await cp(join(root, file("financial", 2024)), join(root, copy));
    await expect(published(root)).rejects.toThrow(
      new RegExp(
        `- ${copy} holds 2 rows of financial report r-[0-9a-f]{16}, which compaction record ${record("financial", 2024)} records only in ${file("financial", 2024)}: they would count on top of the report's own; remove ${copy}`,
      ),
    );
    await rm(join(root, copy));

    const saved = await readFile(join(root, file("impact", 2025)));
    await rm(join(root, file("impact", 2025)));
    await expect(published(root)).rejects.toThrow(
      new RegExp(
        `- ${file("impact", 2025)} is missing: compaction record ${record("impact", 2025)} records it for impact report r-[0-9a-f]{16} \\(2 rows\\); restore it from a backup`,
      ),
    );

    await cp(join(root, file("impact", 2024)), join(root, file("impact", 2025)));
    await expect(published(root)).rejects.toThrow(
      new RegExp(
        `- ${file("impact", 2025)} holds 0 rows of impact report r-[0-9a-f]{16}, but its manifest entry records 2; restore the file from a backup`,
      ),
    );
    await writeFile(join(root, file("impact", 2025)), saved);
    await expect(published(root)).resolves.toBeDefined();
  });
});

/**
 * A store that stops before the first call `at` matches (given the calls made before it) until `resume`, so that
 * another compaction can run in between: an interleaving forced by order, not by timing.
 */
class StoppingStore extends CountingStore {
  private release: () => void = () => undefined;
  private reached: () => void = () => undefined;
  private hasStopped = false;
  /** Resolves when the store has stopped at the matching call. */
  readonly stopped = new Promise<void>((resolve) => {
    this.reached = resolve;
  });
  private readonly resumed = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  constructor(
    inner: ObjectStore,
    private readonly at: (call: StoreCall, before: readonly StoreCall[]) => boolean,
  ) {
    super(inner);
  }

  resume(): void {
    this.release();
  }

  private async stopIfDue(call: StoreCall): Promise<void> {
    if (this.hasStopped || !this.at(call, this.calls)) return;
    this.hasStopped = true;
    this.reached();
    await this.resumed;
  }

  override async get(key: string) {
    await this.stopIfDue({ operation: "get", key });
    return super.get(key);
  }

  override async put(key: string, body: ObjectBody, options?: PutOptions) {
    await this.stopIfDue({ operation: "put", key });
    return super.put(key, body, options);
  }

  override async list(prefix: string, options?: ListOptions) {
    await this.stopIfDue({ operation: "list", key: prefix, startAfter: options?.startAfter });
    return super.list(prefix, options);
  }

  override async delete(key: string) {
    await this.stopIfDue({ operation: "delete", key });
    return super.delete(key);
  }
}

async function copyOf(root: string): Promise<string> {
  const copy = await tempDir("lake-copy-");
  await cp(root, copy, { recursive: true });
  return copy;
}

/** Every file of a lake's curated zone and compaction records, with its bytes. */
async function lakeFiles(store: ObjectStore): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const prefix of ["curated/", "compactions/", "checkpoints/"])
    for (const key of await store.list(prefix))
      files.set(key, Buffer.from((await store.get(key)) as Uint8Array).toString("base64"));
  return files;
}
