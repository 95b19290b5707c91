import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
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

  it.each(["../escape", "a/../../b", "/absolute", "a//b", "with space", "a/./b", ""])(
    "refuses the key %j",
    async (key) => {
      const store = new FolderStore(await tempDir());
      await expect(store.put(key, encode("x"))).rejects.toThrow(/invalid object key/);
    },
  );
});
