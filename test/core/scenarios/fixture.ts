import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { lakeAt } from "../../helpers/movement.js";

/** The hand-checked scenario fixture (see its derivation.md). */
export const SCENARIO_FIXTURE = new URL("../../fixtures/scenarios/", import.meta.url).pathname;

/** The fixture's two scenario files, by id. */
export const FIXTURE_SCENARIO_FILES = {
  "fixture-per-editor": join(SCENARIO_FIXTURE, "16_scenario_per-editor.json"),
  "fixture-level-up": join(SCENARIO_FIXTURE, "17_scenario_level-up.json"),
} as const;

/**
 * Ingests the fixture's uploads, in order, into a new lake at `root`: the reports, and unless `scenarios` is
 * false, the two scenario files uploaded by the Global Council.
 */
export async function ingestScenarioFixture(root: string, options: { readonly scenarios?: boolean } = {}) {
  const lake = lakeAt(root);
  const uploads = JSON.parse(await readFile(join(SCENARIO_FIXTURE, "uploads.json"), "utf8")) as {
    file: string;
    uploader: string;
  }[];
  for (const upload of uploads) {
    if (options.scenarios === false && upload.file.endsWith(".json")) continue;
    const text = await readFile(join(SCENARIO_FIXTURE, upload.file), "utf8");
    const outcome = await lake.ingest(text, upload.uploader, upload.file);
    if (outcome.status !== "accepted")
      throw new Error(`${upload.file}: ${outcome.status} ${JSON.stringify(outcome.problems)}`);
  }
  return lake;
}
