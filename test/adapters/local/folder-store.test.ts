import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ABANDONED_WRITE_AGE_MS, FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { ObjectExistsError } from "../../../functions/ports/object-store.js";
import { encode } from "../../helpers/movement.js";
import { tempDir } from "../../helpers/temp.js";

describe("FolderStore", () => {
  it("reads back what it wrote, and nothing where nothing was written", async () => {
    const store = new FolderStore(await tempDir());
    await store.put("curated/financial/year=2025/hub=wm-ng/r-1.parquet", encode("parquet"));
    expect(
      new TextDecoder().decode(await store.get("curated/financial/year=2025/hub=wm-ng/r-1.parquet")),
    ).toBe("parquet");
    expect(await store.get("curated/financial/none.parquet")).toBeUndefined();
  });

  it("lists keys under a prefix in order, including a partial last segment, and leaves no temporary files", async () => {
    const root = await tempDir();
    const store = new FolderStore(root);
    for (const key of [
      "manifest/000000000002.json",
      "manifest/000000000001.json",
      "manifest-old/x.json",
      "raw/a/b.csv",
    ])
      await store.put(key, encode(key));
    expect(await store.list("manifest/")).toEqual([
      "manifest/000000000001.json",
      "manifest/000000000002.json",
    ]);
    expect(await store.list("manifest")).toEqual([
      "manifest-old/x.json",
      "manifest/000000000001.json",
      "manifest/000000000002.json",
    ]);
    expect(await store.list("nothing/")).toEqual([]);
    const everything = await readdir(root, { recursive: true });
    expect(everything.filter((name) => name.includes(".tmp-"))).toEqual([]);
  });

  it("lists only the keys after startAfter, in folders below and beside it, whether or not that key exists", async () => {
    const store = new FolderStore(await tempDir());
    const keys = [
      "checkpoints/manifest/000000000100-aa/entries.ndjson.gz",
      "checkpoints/manifest/000000000200-bb/entries.ndjson.gz",
      "curated/financial/year=2024/hub=wm-ng/r-1.parquet",
      "curated/financial/year=2025/hub=wm-de/r-2.parquet",
      "curated/financial/year=2025/hub=wm-ng/r-3.parquet",
      "manifest/000000000001.json",
      "manifest/000000000002.json",
      "manifest/000000000003.json",
    ];
    for (const key of keys) await store.put(key, encode(key));
    expect(await store.list("manifest/", { startAfter: "manifest/000000000001.json" })).toEqual([
      "manifest/000000000002.json",
      "manifest/000000000003.json",
    ]);
    expect(await store.list("manifest/", { startAfter: "manifest/000000000003.json" })).toEqual([]);
    expect(
      await store.list("checkpoints/manifest/", { startAfter: "checkpoints/manifest/000000000100" }),
    ).toEqual(keys.slice(0, 2));
    expect(
      await store.list("curated/financial/", {
        startAfter: "curated/financial/year=2025/hub=wm-de/r-2.parquet",
      }),
    ).toEqual(["curated/financial/year=2025/hub=wm-ng/r-3.parquet"]);
    expect(
      await store.list("curated/financial/", { startAfter: "curated/financial/year=2024/hub=zz" }),
    ).toEqual(keys.slice(3, 5));
    expect(await store.list("", { startAfter: "curated/z" })).toEqual(keys.slice(5));
  });

  it("writes a streamed body and reads an object back as a stream, 1 MiB at a time", async () => {
    const store = new FolderStore(await tempDir());
    const bytes = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => (i * 7) % 251);
    async function* pieces() {
      for (let start = 0; start < bytes.length; start += 300_001)
        yield bytes.subarray(start, start + 300_001);
    }
    await store.put("raw/wm-ng/big.csv", pieces(), { ifAbsent: true });
    const chunks: Uint8Array[] = [];
    for await (const chunk of (await store.getStream("raw/wm-ng/big.csv")) ?? []) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([1048576, 1048576, 524288]);
    expect(Buffer.compare(Buffer.concat(chunks), Buffer.from(bytes))).toBe(0);
    expect(await store.getStream("raw/wm-ng/none.csv")).toBeUndefined();
  });

  it("stores nothing, and leaves no temporary file, when a streamed body throws", async () => {
    const root = await tempDir();
    const store = new FolderStore(root);
    async function* failing() {
      yield encode("the first part");
      throw new Error("the source changed");
    }
    await expect(store.put("raw/wm-ng/a.csv", failing(), { ifAbsent: true })).rejects.toThrow(
      "the source changed",
    );
    expect(await store.get("raw/wm-ng/a.csv")).toBeUndefined();
    expect(await readdir(root, { recursive: true })).toEqual(["raw", join("raw", "wm-ng")]);
  });

  it("creates exclusively with ifAbsent, and replaces otherwise", async () => {
    const store = new FolderStore(await tempDir());
    await store.put("k/one", encode("first"), { ifAbsent: true });
    await expect(store.put("k/one", encode("second"), { ifAbsent: true })).rejects.toBeInstanceOf(
      ObjectExistsError,
    );
    expect(new TextDecoder().decode(await store.get("k/one"))).toBe("first");
    await store.put("k/one", encode("third"));
    expect(new TextDecoder().decode(await store.get("k/one"))).toBe("third");
  });

  it("gives exactly one of many simultaneous exclusive writers the key", async () => {
    const store = new FolderStore(await tempDir());
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.put("manifest/000000000001.json", encode(String(i)), { ifAbsent: true }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected" && r.reason instanceof ObjectExistsError),
    ).toHaveLength(19);
  });

  it("deletes an object so that neither get nor list sees it, and deleting nothing succeeds", async () => {
    const root = await tempDir();
    const store = new FolderStore(root);
    await store.put("raw/wm-ng/a.csv", encode("a"));
    await store.put("raw/wm-ng/b.csv", encode("b"));
    await store.delete("raw/wm-ng/a.csv");
    expect(await store.get("raw/wm-ng/a.csv")).toBeUndefined();
    expect(await store.list("raw/")).toEqual(["raw/wm-ng/b.csv"]);
    await store.delete("raw/wm-ng/a.csv");
    await store.delete("raw/nobody/none.csv");
    expect(await readdir(root, { recursive: true })).toEqual(["raw", "raw/wm-ng", "raw/wm-ng/b.csv"]);
    await expect(store.delete("../escape")).rejects.toThrow(/invalid object key/);
  });

  it("removes the folders a delete leaves empty, never the root nor a folder that still holds something", async () => {
    const root = await tempDir();
    const store = new FolderStore(root);
    await store.put("curated/financial/year=2024/hub=wm-ng/r-1.parquet", encode("1"));
    await store.put("curated/financial/year=2024/hub=wm-de/r-2.parquet", encode("2"));
    await store.delete("curated/financial/year=2024/hub=wm-ng/r-1.parquet");
    expect(await readdir(join(root, "curated/financial/year=2024"))).toEqual(["hub=wm-de"]);
    await store.delete("curated/financial/year=2024/hub=wm-de/r-2.parquet");
    expect(await readdir(root)).toEqual([]);
    await store.put("curated/financial/year=2024/hub=wm-de/r-2.parquet", encode("again"));
    expect(await store.list("curated/")).toEqual(["curated/financial/year=2024/hub=wm-de/r-2.parquet"]);
  });

  it("removes the temporary files of writes killed long ago before its first write, never a recent one", async () => {
    const root = await tempDir();
    const leftovers = {
      stale: [
        "raw/wm-ng/.tmp-0123456789abcdef",
        "curated/financial/year=2025/hub=wm-ng/.tmp-00000000000000aa",
      ],
      recent: ["manifest/.tmp-fedcba9876543210"],
    };
    const longAgo = new Date(Date.now() - ABANDONED_WRITE_AGE_MS - 60_000);
    for (const path of [...leftovers.stale, ...leftovers.recent]) {
      await mkdir(join(root, path, ".."), { recursive: true });
      await writeFile(join(root, path), "half a file");
      if (leftovers.stale.includes(path)) await utimes(join(root, path), longAgo, longAgo);
    }
    const store = new FolderStore(root);
    expect(await store.list("")).toEqual([]);
    await store.put("raw/wm-ng/a.csv", encode("a"));
    const files = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
      .sort();
    expect(files).toEqual(["manifest/.tmp-fedcba9876543210", "raw/wm-ng/a.csv"]);
  });

  it("reports the abandoned temporary files it removes, by age", async () => {
    const root = await tempDir();
    await mkdir(join(root, "raw"), { recursive: true });
    await writeFile(join(root, "raw/.tmp-1111111111111111"), "x");
    await writeFile(join(root, "raw/not-temporary.csv"), "x");
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(root, "raw/.tmp-1111111111111111"), hourAgo, hourAgo);
    await utimes(join(root, "raw/not-temporary.csv"), hourAgo, hourAgo);
    const store = new FolderStore(root);
    expect(await store.removeAbandonedWrites(2 * 3_600_000)).toEqual([]);
    expect(await store.removeAbandonedWrites()).toEqual(["raw/.tmp-1111111111111111"]);
    expect(await readdir(join(root, "raw"))).toEqual(["not-temporary.csv"]);
  });

  it.each(["../escape", "a/../../b", "/absolute", "a//b", "with space", "a/./b", ""])(
    "refuses the key %j",
    async (key) => {
      const store = new FolderStore(await tempDir());
      await expect(store.put(key, encode("x"))).rejects.toThrow(/invalid object key/);
    },
  );
});
