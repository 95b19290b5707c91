/**
 * Manifest checkpoints on a real folder lake: what a reader reads (counted through a wrapping store), and that a
 * stale, missing, torn, damaged or lying checkpoint never changes the manifest a reader sees.
 */
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import {
  CheckpointLineError,
  checkpointTriedFirst,
  gunzipWhole,
  readLatestCheckpoint,
  writeCheckpoint,
} from "../../../functions/core/lake/checkpoint.js";
import { LakeReader } from "../../../functions/core/lake/lake-reader.js";
import { lakeLayout } from "../../../functions/core/lake/layout.js";
import type { ManifestEntry } from "../../../functions/core/lake/manifest.js";
import { ObjectExistsError } from "../../../functions/ports/object-store.js";
import { appendSyntheticEntries, CountingStore } from "../../helpers/counting-store.js";
import { financialCsv, lakeWithReference } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

/** The manifest as its entry objects say, read one by one without any checkpoint. */
async function entriesFromObjects(store: FolderStore): Promise<ManifestEntry[]> {
  const keys = (await store.list(lakeLayout.manifestPrefix)).filter(
    (key) => lakeLayout.seqOfManifestKey(key) !== undefined,
  );
  const entries: ManifestEntry[] = [];
  for (const key of keys)
    entries.push(JSON.parse(new TextDecoder().decode(await store.get(key))) as ManifestEntry);
  return entries;
}

async function lakeOf(entries: number, checkpointThrough?: number) {
  const root = await tempDir("checkpoint-");
  const store = new FolderStore(root);
  await appendSyntheticEntries(store, 1, checkpointThrough ?? entries);
  if (checkpointThrough !== undefined) {
    await new LakeReader(store).writeCheckpoint();
    if (entries > checkpointThrough) await appendSyntheticEntries(store, checkpointThrough + 1, entries);
  }
  return { root, store };
}

const checkpointKeys = async (store: FolderStore) =>
  (await store.list(lakeLayout.checkpointPrefix)).filter((key) => lakeLayout.checkpointOfKey(key));

describe("manifest checkpoints written by ingest", () => {
  it("writes one when the interval's worth of entries follows the last, holding the entry objects byte for byte", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const reader = new LakeReader(lake.store, { checkpointInterval: 3 });
    const dependencies = { ...lake.dependencies, reader };
    const { ingestReport } = await import("../../../functions/core/ingest.js");
    for (const period of ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]) {
      const outcome = await ingestReport(dependencies, {
        fileName: `${period}.csv`,
        bytes: new TextEncoder().encode(financialCsv("wm-ng", period, ["expense,programs,1000,NGN,NG,,"])),
        uploader: "wm-ng",
      });
      expect(outcome.status).toBe("accepted");
    }
    const written = await checkpointKeys(lake.store);
    expect(written.map((key) => lakeLayout.checkpointOfKey(key)?.throughSeq)).toEqual([3, 6]);
    const newest = written.at(-1) as string;
    const content = gunzipSync(new Uint8Array(await readFile(join(root, newest))));
    const entryBytes = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((seq) => readFile(join(root, lakeLayout.manifestKey(seq)))),
    );
    expect(content.equals(Buffer.concat(entryBytes))).toBe(true);
    expect(lakeLayout.checkpointOfKey(newest)?.sha256).toBe(
      createHash("sha256").update(content).digest("hex"),
    );
    expect(JSON.parse(await readFile(join(root, lakeLayout.lastCheckpointKey), "utf8"))).toEqual({
      through_seq: 6,
      sha256: lakeLayout.checkpointOfKey(newest)?.sha256,
    });
    expect(await new LakeReader(lake.store).manifest()).toEqual(await entriesFromObjects(lake.store));
  });

  it("holds scenario entries, so an ingest that reads only the checkpoint finds a scenario's duplicate and the version it supersedes", async () => {
    const lake = await lakeWithReference(await tempDir());
    const { ingestReport } = await import("../../../functions/core/ingest.js");
    const scenario = (rate: number) =>
      `${JSON.stringify({
        scenario: "1",
        id: "solidarity",
        title: "Solidarity contribution",
        description: "A test policy.",
        contribution: { local_revenue_rate: rate },
        allocation: { rule: "per_editor" },
      })}\n`;
    expect(
      (await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000,NGN,NG,,"]), "wm-ng")).status,
    ).toBe("accepted");
    const first = await lake.ingest(scenario(0.05), "council", "v1.json");
    if (first.status !== "accepted") throw new Error(JSON.stringify(first.problems));
    const checkpoint = await new LakeReader(lake.store).writeCheckpoint();
    expect(checkpoint.throughSeq).toBe(first.entry.seq);

    const counting = new CountingStore(lake.store);
    const dependencies = { ...lake.dependencies, store: counting, reader: new LakeReader(counting) };
    const upload = (text: string, fileName: string) =>
      ingestReport(dependencies, { fileName, bytes: new TextEncoder().encode(text), uploader: "council" });
    const again = await upload(scenario(0.05), "again.json");
    expect(again.status === "duplicate" && again.entry.report_id).toBe(first.entry.report_id);
    const second = await upload(scenario(0.1), "v2.json");
    expect(second.status === "accepted" && second.supersedes?.report_id).toBe(first.entry.report_id);
    const entriesRead = counting.calls.filter(
      (call) => call.operation === "get" && lakeLayout.seqOfManifestKey(call.key) !== undefined,
    );
    expect(new Set(entriesRead.map((call) => call.key))).toEqual(
      new Set([lakeLayout.manifestKey(first.entry.seq)]),
    );
  });

  it("keeps a report committed when its checkpoint cannot be written, and the next ingest writes it", async () => {
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    const failing = new CountingStore(lake.store);
    failing.failOn = (call) =>
      call.operation === "put" && call.key.startsWith("checkpoints/")
        ? new Error("process killed")
        : undefined;
    const { ingestReport } = await import("../../../functions/core/ingest.js");
    const ingest = (store: CountingStore | FolderStore, period: string) =>
      ingestReport(
        { ...lake.dependencies, store, reader: new LakeReader(store, { checkpointInterval: 3 }) },
        {
          fileName: `${period}.csv`,
          bytes: new TextEncoder().encode(financialCsv("wm-ng", period, ["expense,programs,1000,NGN,NG,,"])),
          uploader: "wm-ng",
        },
      );
    await expect(ingest(failing, "2024-Q1")).rejects.toThrow("process killed");
    expect((await new LakeReader(lake.store).manifest()).map((e) => e.period)).toEqual([
      null,
      null,
      "2024-Q1",
    ]);
    expect(await checkpointKeys(lake.store)).toEqual([]);
    expect((await ingest(lake.store, "2024-Q1")).status).toBe("duplicate");
    expect((await ingest(lake.store, "2024-Q2")).status).toBe("accepted");
    expect(
      (await checkpointKeys(lake.store)).map((key) => lakeLayout.checkpointOfKey(key)?.throughSeq),
    ).toEqual([4]);
  });

  it("writes the same checkpoint once when two writers write it", async () => {
    const { store } = await lakeOf(10);
    const [a, b] = await Promise.all([
      new LakeReader(store).writeCheckpoint(),
      new LakeReader(store).writeCheckpoint(),
    ]);
    expect(a).toEqual(b);
    expect(await checkpointKeys(store)).toEqual([a.key]);
    await expect(store.put(a.key, new Uint8Array(), { ifAbsent: true })).rejects.toBeInstanceOf(
      ObjectExistsError,
    );
  });

  it("refuses to write a checkpoint over a gap in the sequence numbers, and an ingest then writes none", async () => {
    const { root, store } = await lakeOf(5);
    await appendSyntheticEntries(store, 7, 8);
    await expect(new LakeReader(store).writeCheckpoint()).rejects.toThrow(
      "the manifest has no entry 6, though later ones exist; no checkpoint can be written over a gap",
    );
    const reader = new LakeReader(store, { checkpointInterval: 2 });
    const [eighth] = (await reader.manifest()).slice(-1);
    expect(await reader.checkpointIfDue(eighth as ManifestEntry)).toBeUndefined();
    expect(await checkpointKeys(new FolderStore(root))).toEqual([]);
  });
});

describe("a reader of a checkpointed manifest", () => {
  it("reads the same number of objects from a lake of 30 entries as from one of 600: the checkpoint and the entries after it", async () => {
    const small = await lakeOf(30 + 7, 30);
    const large = await lakeOf(600 + 7, 600);
    const counts = [];
    for (const lake of [small, large]) {
      const counting = new CountingStore(lake.store);
      const entries = await new LakeReader(counting).manifest();
      expect(entries).toEqual(await entriesFromObjects(lake.store));
      counts.push(counting.count());
      const throughSeq = entries.length - 7;
      expect(counting.calls.filter((c) => c.operation === "list")).toEqual([
        {
          operation: "list",
          key: lakeLayout.checkpointPrefix,
          startAfter: lakeLayout.checkpointsFrom(throughSeq),
        },
        { operation: "list", key: lakeLayout.manifestPrefix, startAfter: lakeLayout.manifestKey(throughSeq) },
      ]);
    }
    expect(counts[0]).toEqual({ get: 1 + 1 + 1 + 7, put: 0, list: 2, delete: 0 });
    expect(counts[1]).toEqual(counts[0]);
  });

  it("lists only the entries after the last one it saw when read again", async () => {
    const { store } = await lakeOf(20, 20);
    const counting = new CountingStore(store);
    const reader = new LakeReader(counting);
    await reader.manifest();
    await appendSyntheticEntries(store, 21, 22);
    counting.reset();
    expect((await reader.manifest()).map((e) => e.seq)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(counting.calls).toEqual([
      { operation: "list", key: lakeLayout.manifestPrefix, startAfter: lakeLayout.manifestKey(20) },
      { operation: "get", key: lakeLayout.manifestKey(21) },
      { operation: "get", key: lakeLayout.manifestKey(22) },
    ]);
  });

  it("finds a checkpoint newer than the one the pointer names (a stale pointer)", async () => {
    const { root, store } = await lakeOf(12, 5);
    const stalePointer = await readFile(join(root, lakeLayout.lastCheckpointKey));
    await new LakeReader(store).writeCheckpoint();
    await writeFile(join(root, lakeLayout.lastCheckpointKey), stalePointer);
    const read = await readLatestCheckpoint(store);
    expect(read.checkpoint?.throughSeq).toBe(12);
    expect(read.problems).toEqual([]);
  });

  it("finds the newest checkpoint by listing them all when the pointer is missing or not a pointer", async () => {
    const { root, store } = await lakeOf(12, 5);
    await new LakeReader(store).writeCheckpoint();
    await store.delete(lakeLayout.lastCheckpointKey);
    expect((await readLatestCheckpoint(store)).checkpoint?.throughSeq).toBe(12);
    await writeFile(join(root, lakeLayout.lastCheckpointKey), "{ not json");
    const read = await readLatestCheckpoint(store);
    expect(read.checkpoint?.throughSeq).toBe(12);
    expect(read.problems).toEqual([
      "checkpoints/manifest-last.json is not a checkpoint pointer; it was ignored",
    ]);
  });

  /** Replaces the newest checkpoint's object by `damage` of its bytes; returns the lake and the damaged key. */
  async function damagedNewest(damage: (gzipped: Buffer) => Buffer | Promise<Buffer>) {
    const lake = await lakeOf(12, 5);
    const newest = await new LakeReader(lake.store).writeCheckpoint();
    const path = join(lake.root, newest.key);
    await writeFile(path, await damage(await readFile(path)));
    return { ...lake, key: newest.key };
  }

  /** The manifest a fresh reader sees equals the entry objects', from the older checkpoint; returns the problems. */
  async function readsAroundIt(store: FolderStore): Promise<string[]> {
    const reader = new LakeReader(store);
    expect(await reader.manifest()).toEqual(await entriesFromObjects(store));
    expect(reader.sources().checkpoint?.throughSeq).toBe(5);
    return reader.checkpointProblems;
  }

  it("passes over a torn checkpoint (cut short)", async () => {
    const { store, key } = await damagedNewest((bytes) => bytes.subarray(0, bytes.length - 9));
    expect(await readsAroundIt(store)).toEqual([
      `manifest checkpoint ${key} was passed over: it is not complete gzip`,
      "checkpoints/manifest-last.json names a checkpoint through entry 12, but no checkpoint from there on verifies; the older ones were tried",
    ]);
  });

  it("passes over a checkpoint whose content is not what its name states", async () => {
    const { store, key } = await damagedNewest((bytes) => {
      const text = gunzipSync(bytes).toString("utf8").replace('"row_count":6', '"row_count":7');
      return gzipSync(text);
    });
    expect((await readsAroundIt(store))[0]).toMatch(
      new RegExp(
        `^manifest checkpoint ${key} was passed over: its content's SHA-256 is [0-9a-f]{64}, not the one its name states$`,
      ),
    );
  });

  /** Writes a checkpoint with these lines under the name their content gives it, as a writer that lies would. */
  async function forge(root: string, lines: readonly string[]) {
    const content = Buffer.from(lines.map((line) => `${line}\n`).join(""));
    const sha = createHash("sha256").update(content).digest("hex");
    const key = lakeLayout.checkpointKey(lines.length, sha);
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(root, key, ".."), { recursive: true });
    await writeFile(join(root, key), gzipSync(content));
    return key;
  }

  const linesOf = async (root: string, through: number) =>
    Promise.all(
      Array.from({ length: through }, async (_, i) =>
        (await readFile(join(root, lakeLayout.manifestKey(i + 1)), "utf8")).trimEnd(),
      ),
    );

  it("passes over a checkpoint that ends with an entry other than the manifest's", async () => {
    const { root, store } = await lakeOf(12, 5);
    const lines = await linesOf(root, 12);
    lines[11] = (lines[11] as string).replace('"row_count":6', '"row_count":600');
    const key = await forge(root, lines);
    expect(await readsAroundIt(store)).toEqual([
      `manifest checkpoint ${key} was passed over: its last line differs from manifest/000000000012.json`,
    ]);
  });

  it("passes over a checkpoint that claims entries the manifest does not have", async () => {
    const { root, store } = await lakeOf(12, 5);
    const lines = await linesOf(root, 12);
    const thirteenth = JSON.stringify({
      ...JSON.parse(lines[11] as string),
      seq: 13,
      report_id: "r-invented",
    });
    const key = await forge(root, [...lines, thirteenth]);
    expect(await readsAroundIt(store)).toEqual([
      `manifest checkpoint ${key} was passed over: manifest/000000000013.json, the entry it ends with, is not in the manifest`,
    ]);
  });

  it("passes over a checkpoint whose lines skip a sequence number", async () => {
    const { root, store } = await lakeOf(12, 5);
    const lines = await linesOf(root, 12);
    const key = await forge(root, [...lines.slice(0, 3), ...lines.slice(4), lines[11] as string]);
    expect(await readsAroundIt(store)).toEqual([
      `manifest checkpoint ${key} was passed over: line 4 holds entry 5, not 4`,
    ]);
  });

  it("passes over two checkpoints of the same entries with different content, using an older one", async () => {
    const { root, store } = await lakeOf(12, 5);
    const honest = await new LakeReader(store).writeCheckpoint();
    const lines = await linesOf(root, 12);
    lines[2] = (lines[2] as string).replace('"row_count":6', '"row_count":60');
    const forged = await forge(root, lines);
    expect(await readsAroundIt(store)).toEqual([
      `manifest checkpoints ${[honest.key, forged].sort().join(" and ")} both claim entries 1..12 with different content; both were passed over`,
      "checkpoints/manifest-last.json names a checkpoint through entry 12, but no checkpoint from there on verifies; the older ones were tried",
    ]);
  });

  it("passes over a checkpoint damaged after this process read it, whose entries it had kept", async () => {
    const { root, store } = await lakeOf(12, 5);
    const newest = await new LakeReader(store).writeCheckpoint();
    const first = new LakeReader(store);
    await first.manifest();
    expect(first.sources().checkpoint?.key).toBe(newest.key);
    const text = gunzipSync(await readFile(join(root, newest.key)))
      .toString("utf8")
      .replace('"row_count":6', '"row_count":9');
    await writeFile(join(root, newest.key), gzipSync(text));
    expect((await readsAroundIt(store))[0]).toMatch(
      /its content's SHA-256 is [0-9a-f]{64}, not the one its name states$/,
    );
  });

  it("reads every entry when no checkpoint verifies", async () => {
    const { root, store } = await lakeOf(9, 4);
    const [key] = await checkpointKeys(store);
    await writeFile(join(root, key as string), "not gzip");
    const reader = new LakeReader(store);
    expect(await reader.manifest()).toEqual(await entriesFromObjects(store));
    expect(reader.sources()).toEqual({
      checkpoint: undefined,
      entryKeys: Array.from({ length: 9 }, (_, i) => lakeLayout.manifestKey(i + 1)),
    });
  });
});

describe("checkpointTriedFirst", () => {
  it("names the newest checkpoint the pointer leads to, without reading it, and none when two claim it", async () => {
    const { root, store } = await lakeOf(12, 5);
    expect((await checkpointTriedFirst(store))?.throughSeq).toBe(5);
    const newest = await new LakeReader(store).writeCheckpoint();
    expect(newest.throughSeq).toBe(12);
    expect(await checkpointTriedFirst(store)).toEqual(newest);
    await writeFile(join(root, newest.key), "not gzip");
    expect(await checkpointTriedFirst(store)).toEqual(newest);
    await rm(join(root, lakeLayout.lastCheckpointKey));
    expect(await checkpointTriedFirst(store)).toEqual(newest);
    await store.put(lakeLayout.checkpointKey(12, "f".repeat(64)), gzipSync("{}\n"));
    expect(await checkpointTriedFirst(store)).toBeUndefined();
  });
});

describe("gunzipWhole", () => {
  const content = Buffer.from("line\n".repeat(50_000));

  it("gives gzip's bytes, across several members too, and refuses what gzip refuses", () => {
    expect(gunzipWhole(gzipSync(content)).equals(content)).toBe(true);
    const twoMembers = Buffer.concat([gzipSync(content.subarray(0, 1000)), gzipSync(content.subarray(1000))]);
    expect(gunzipWhole(twoMembers).equals(content)).toBe(true);
    for (const stated of [0, 7, 0xffffffff]) {
      const lying = Buffer.from(gzipSync(content));
      lying.writeUInt32LE(stated, lying.length - 4);
      expect(() => gunzipWhole(lying)).toThrow();
    }
    expect(() => gunzipWhole(Buffer.from("not gzip"))).toThrow();
  });
});

describe("a checkpoint's lines, parsed when its entries are asked for", () => {
  /** A lake of 12 entries whose only checkpoint holds the entry lines with line 3 replaced by `line3`. */
  async function withLine3(line3: (original: string) => string) {
    const { root, store } = await lakeOf(12);
    const lines = await Promise.all(
      Array.from({ length: 12 }, async (_, i) =>
        (await readFile(join(root, lakeLayout.manifestKey(i + 1)), "utf8")).trimEnd(),
      ),
    );
    const checkpoint = await writeCheckpoint(
      store,
      lines.map((line, i) => (i === 2 ? line3(line) : line)),
    );
    return { store, checkpoint };
  }

  it("reads a hand-written line (spaces, escapes) by its JSON, and the manifest is the same", async () => {
    const { store, checkpoint } = await withLine3((line) =>
      JSON.stringify(JSON.parse(line), null, 0).replace('"seq":3', '"seq" : 3').replace('"r-', '"\\u0072-'),
    );
    const reader = new LakeReader(store);
    const sources = await reader.sourcesRead();
    expect(sources.checkpoint?.key).toBe(checkpoint.key);
    expect(await reader.manifest()).toEqual(await entriesFromObjects(store));
  });

  it.each([
    ["a line that is not JSON past its start", (line: string) => line.slice(0, 60), "line 3 is not JSON"],
    [
      "a line whose JSON states another seq after the first",
      (line: string) => `${line.slice(0, -1)},"seq":4}`,
      "line 3 is not manifest entry 3",
    ],
  ])("passes over, when its entries are parsed, a checkpoint with %s", async (_, damage, detail) => {
    const { store, checkpoint } = await withLine3(damage);
    const reader = new LakeReader(store);
    expect(await reader.manifest()).toEqual(await entriesFromObjects(store));
    expect(reader.sources()).toEqual({
      checkpoint: undefined,
      entryKeys: Array.from({ length: 12 }, (_, i) => lakeLayout.manifestKey(i + 1)),
    });
    expect(reader.checkpointProblems).toEqual([
      `manifest checkpoint ${checkpoint.key} was passed over: ${detail}`,
    ]);

    const engineReader = new LakeReader(store);
    expect((await engineReader.sourcesRead()).checkpoint?.key).toBe(checkpoint.key);
    await expect(engineReader.entriesRead()).rejects.toThrow(new CheckpointLineError(checkpoint.key, detail));
  });

  it("never copies a line it has not parsed into a newer checkpoint", async () => {
    const { store, checkpoint } = await withLine3((line) => line.slice(0, 60));
    await appendSyntheticEntries(store, 13, 15);
    const reader = new LakeReader(store);
    const newer = await reader.writeCheckpoint();
    expect(newer.throughSeq).toBe(15);
    expect(reader.checkpointProblems).toEqual([
      `manifest checkpoint ${checkpoint.key} was passed over: line 3 is not JSON`,
    ]);
    const fresh = new LakeReader(store);
    expect(await fresh.manifest()).toEqual(await entriesFromObjects(store));
    expect(fresh.sources().checkpoint?.key).toBe(newer.key);
    expect(fresh.checkpointProblems).toEqual([]);
  });

  it("passes over a line whose seq is written with a leading zero or is not a number", async () => {
    for (const [damage, problem] of [
      [(line: string) => line.replace('"seq":3', '"seq":03'), "line 3 is not JSON"],
      [(line: string) => line.replace('"seq":3', '"seq":"3"'), "line 3 holds entry NaN, not 3"],
    ] as const) {
      const { store, checkpoint } = await withLine3(damage);
      const reader = new LakeReader(store);
      expect(await reader.manifest()).toEqual(await entriesFromObjects(store));
      expect(reader.checkpointProblems[0]).toBe(
        `manifest checkpoint ${checkpoint.key} was passed over: ${problem}`,
      );
    }
  });
});
