/**
 * `npm start` ingests the sample and the example scenarios as the CLI ingests a file: opened as a source, read as a
 * stream as often as ingest needs (twice for an accepted file, once for a rejected one or a duplicate), never loaded
 * whole, and closed again, also when ingest fails. The file source is the real one, wrapped to record its use.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { projectPath } from "../../functions/core/project-files.js";
import type { PlannedUpload } from "../../functions/sample/generate.js";
import {
  EXAMPLE_SCENARIOS,
  ingestExampleScenarios,
  ingestSamplePlan,
} from "../../functions/sample/ingest-plan.js";
import { FX_CSV, financialCsv, HUBS_CSV } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

/** Each file opened as a source, in order: how often it was read, and whether it was closed. */
const used = vi.hoisted(() => [] as { path: string; reads: number; closed: boolean }[]);

vi.mock("../../functions/adapters/local/file-source.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../functions/adapters/local/file-source.js")>();
  return {
    ...original,
    openFileSource: async (path: string) => {
      const opened = await original.openFileSource(path);
      const use = { path, reads: 0, closed: false };
      used.push(use);
      return {
        source: {
          size: opened.source.size,
          chunks: () => {
            use.reads++;
            return opened.source.chunks();
          },
        },
        close: async () => {
          use.closed = true;
          await opened.close();
        },
      };
    },
  };
});

const upload = (file: string, uploader: string, expect: PlannedUpload["expect"]): PlannedUpload => ({
  file,
  uploader,
  kind: file.startsWith("fin") ? "financial" : file === "hubs.csv" ? "hubs" : "fx_rates",
  expect,
  why: "a test",
});

async function samples() {
  const dir = await tempDir();
  const files: Record<string, string> = {
    "hubs.csv": HUBS_CSV,
    "fx.csv": FX_CSV,
    "fin-2024.csv": financialCsv("wm-ng", "2024", ["expense,programs,1000000,NGN,NG,,"]),
    "fin-2025.csv": financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]),
    "fin-bad.csv": financialCsv("wm-ng", "2025-Q5", ["expense,programs,1000000,NGN,NG,,"]),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe("the sample's ingest", () => {
  it("reads each planned file from disk as a stream, as often as ingest needs, and closes it", async () => {
    used.length = 0;
    const dir = await samples();
    const plan = [
      upload("hubs.csv", "council", "accepted"),
      upload("fx.csv", "council", "accepted"),
      upload("fin-2025.csv", "wm-ng", "accepted"),
      upload("fin-bad.csv", "wm-ng", "rejected"),
      upload("fin-2025.csv", "wm-ng", "duplicate"),
    ];
    const outcomes: string[] = [];
    for await (const { outcome } of ingestSamplePlan(dir, plan, join(dir, "lake")))
      outcomes.push(outcome.status);
    expect(outcomes).toEqual(plan.map((planned) => planned.expect));
    expect(used).toEqual(
      plan.map((planned) => ({
        path: join(dir, planned.file),
        reads: planned.expect === "accepted" ? 2 : 1,
        closed: true,
      })),
    );
  });

  it("reads the example scenarios from disk as streams too, and closes them", async () => {
    const dir = await samples();
    const plan = [
      upload("hubs.csv", "council", "accepted"),
      upload("fx.csv", "council", "accepted"),
      upload("fin-2024.csv", "wm-ng", "accepted"),
      upload("fin-2025.csv", "wm-ng", "accepted"),
    ];
    for await (const { outcome } of ingestSamplePlan(dir, plan, join(dir, "lake")))
      expect(outcome.status).toBe("accepted");
    used.length = 0;
    const outcomes: [string, string][] = [];
    for await (const { file, outcome } of ingestExampleScenarios(join(dir, "lake")))
      outcomes.push([file, outcome.status]);
    expect(outcomes).toEqual(EXAMPLE_SCENARIOS.map((file) => [file, "accepted"]));
    expect(used).toEqual(
      EXAMPLE_SCENARIOS.map((file) => ({ path: projectPath(file), reads: 2, closed: true })),
    );
  });

  it("closes the file when ingest fails", async () => {
    used.length = 0;
    const dir = await samples();
    const notALake = join(dir, "hubs.csv");
    const run = async () => {
      for await (const _ of ingestSamplePlan(dir, [upload("fx.csv", "council", "accepted")], notALake));
    };
    await expect(run()).rejects.toThrow();
    expect(used).toEqual([{ path: join(dir, "fx.csv"), reads: 0, closed: true }]);
  });
});
