import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { existingLake } from "../../functions/cli/lake-folder.js";
import { UsageError } from "../../functions/cli/usage-error.js";
import { lakeLayout } from "../../functions/core/lake/layout.js";
import { tempDir } from "../helpers/temp.js";

describe("existingLake", () => {
  it("accepts a lake by its first manifest entry, and one whose first entry is gone (the reader then names the gap)", async () => {
    const lake = await tempDir();
    await mkdir(join(lake, "manifest"));
    await writeFile(join(lake, lakeLayout.manifestKey(1)), "{}");
    expect((await existingLake(lake)).root).toBe(lake);
    const gapped = await tempDir();
    await mkdir(join(gapped, "manifest"));
    await writeFile(join(gapped, lakeLayout.manifestKey(2)), "{}");
    expect((await existingLake(gapped)).root).toBe(gapped);
  });

  it("refuses a folder whose manifest folder holds no entry, naming the option", async () => {
    const lake = await tempDir();
    await mkdir(join(lake, "manifest"));
    await writeFile(join(lake, "manifest", "notes.txt"), "not an entry");
    const refused = existingLake(lake, "--from");
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(
      `--from ${lake} holds no manifest, so nothing was ever ingested there`,
    );
  });
});
