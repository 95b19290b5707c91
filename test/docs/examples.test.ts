import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../functions/core/lake/manifest.js";
import { lakeAt } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

const example = (name: string) => readFile(new URL(`../../docs/examples/${name}`, import.meta.url), "utf8");

describe("the example files of docs/reporting-standard.md", () => {
  it("are accepted, in the order the guide introduces them, with no warnings", async () => {
    const lake = lakeAt(await tempDir());
    for (const [file, uploader] of [
      ["hubs.csv", "council"],
      ["fx_rates.csv", "council"],
      ["financial.csv", "wm-ng"],
      ["impact.csv", "wm-ng"],
    ] as const) {
      const outcome = await lake.ingest(await example(file), uploader, file);
      expect(outcome.status, `${file}: ${JSON.stringify(outcome.problems)}`).toBe("accepted");
      expect(outcome.problems).toEqual([]);
    }
    expect((await readManifest(lake.store)).map((e) => e.kind)).toEqual([
      "hubs",
      "fx_rates",
      "financial",
      "impact",
    ]);
  });
});
