import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { FolderStore } from "../adapters/local/folder-store.js";
import { type IngestOutcome, ingestReport } from "../core/ingest.js";
import { LakeReader } from "../core/lake/lake-reader.js";
import { projectPath } from "../core/project-files.js";
import { bundledCountryTable } from "../core/reference/countries.js";
import { COUNCIL } from "../core/reporting/kinds.js";
import type { PlannedUpload } from "./generate.js";

/** The example redistribution scenarios (docs/examples/), which the demo's Global Council uploads. */
export const EXAMPLE_SCENARIOS = [
  "docs/examples/scenario-solidarity-per-editor.json",
  "docs/examples/scenario-level-up-global-south.json",
] as const;

/**
 * Ingests a generated sample into a local lake, in the order of its plan, yielding each upload with its
 * outcome so that the caller can compare it with what the plan expects.
 */
export async function* ingestSamplePlan(
  samplesDir: string,
  uploads: readonly PlannedUpload[],
  lakeDir: string,
): AsyncGenerator<{ upload: PlannedUpload; outcome: IngestOutcome }> {
  const store = new FolderStore(lakeDir);
  const dependencies = { store, countries: bundledCountryTable(), reader: new LakeReader(store) };
  for (const upload of uploads) {
    const path = join(samplesDir, upload.file);
    const outcome = await ingestReport(dependencies, {
      fileName: path,
      bytes: new Uint8Array(await readFile(path)),
      uploader: upload.uploader,
    });
    yield { upload, outcome };
  }
}

/**
 * The Global Council uploads the example scenarios into a lake that holds the sample's reports (their years
 * must be in it), yielding each file with its outcome.
 */
export async function* ingestExampleScenarios(
  lakeDir: string,
): AsyncGenerator<{ file: string; outcome: IngestOutcome }> {
  const store = new FolderStore(lakeDir);
  const dependencies = { store, countries: bundledCountryTable(), reader: new LakeReader(store) };
  for (const file of EXAMPLE_SCENARIOS) {
    const outcome = await ingestReport(dependencies, {
      fileName: file,
      bytes: new Uint8Array(await readFile(projectPath(file))),
      uploader: COUNCIL,
    });
    yield { file, outcome };
  }
}
