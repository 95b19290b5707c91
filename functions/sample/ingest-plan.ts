import { join } from "node:path";
import { openFileSource } from "../adapters/local/file-source.js";
import { FolderStore } from "../adapters/local/folder-store.js";
import { type IngestDependencies, type IngestOutcome, ingestReport } from "../core/ingest.js";
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
 * outcome so that the caller can compare it with what the plan expects. Each file is read from disk as a stream,
 * as the CLI reads it (in bounded memory, whatever its size).
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
    yield { upload, outcome: await ingestFromDisk(dependencies, path, path, upload.uploader) };
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
  for (const file of EXAMPLE_SCENARIOS)
    yield { file, outcome: await ingestFromDisk(dependencies, projectPath(file), file, COUNCIL) };
}

/** Ingests one file from disk, read as a stream as often as ingest needs, and closes it again. */
async function ingestFromDisk(
  dependencies: IngestDependencies,
  path: string,
  fileName: string,
  uploader: string,
): Promise<IngestOutcome> {
  const opened = await openFileSource(path);
  try {
    return await ingestReport(dependencies, { fileName, source: opened.source, uploader });
  } finally {
    await opened.close();
  }
}
