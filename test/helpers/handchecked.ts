import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { IngestOutcome } from "../../functions/core/ingest.js";
import type { ReportKind } from "../../functions/core/reporting/kinds.js";
import { lakeAt } from "./movement.js";
import { tempDir } from "./temp.js";

/** The hand-checked fixture (see its derivation.md): uploads, and the figures worked out without the SQL. */
export const HANDCHECKED_FIXTURE = new URL("../fixtures/handchecked/", import.meta.url).pathname;

/**
 * Ingests the fixture's uploads, in their order, into a fresh folder lake; returns the lake and every outcome.
 * The original uploads (`uploads.json`, 2024 and 2025) are what 2026.1's expected figures are made from; with
 * `extended`, the 2026 uploads (`uploads-2026.json`) follow, for 2026.2's.
 */
export async function ingestHandchecked(options: { readonly extended?: boolean } = {}) {
  const lake = lakeAt(await tempDir());
  const manifests = options.extended ? ["uploads.json", "uploads-2026.json"] : ["uploads.json"];
  const outcomes: { file: string; outcome: IngestOutcome }[] = [];
  for (const manifest of manifests) {
    const uploads = JSON.parse(await readFile(join(HANDCHECKED_FIXTURE, manifest), "utf8")) as {
      file: string;
      uploader: string;
      kind: ReportKind;
    }[];
    for (const upload of uploads) {
      const text = await readFile(join(HANDCHECKED_FIXTURE, upload.file), "utf8");
      outcomes.push({
        file: upload.file,
        outcome: await lake.ingest(text, upload.uploader, upload.file, upload.kind),
      });
    }
  }
  return { lake, outcomes };
}
