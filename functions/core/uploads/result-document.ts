import type { ObjectStore } from "../../ports/object-store.js";
import type { IngestOutcome } from "../ingest.js";
import type { ManifestEntry } from "../lake/manifest.js";
import type { UploadKind } from "../reporting/kinds.js";
import type { Problem } from "../reporting/problems.js";

/** One file's outcome as JSON: what `observatory ingest --json` prints and what an upload's result holds. */
export interface OutcomeDocument {
  readonly file: string;
  readonly status: IngestOutcome["status"];
  readonly kind: UploadKind | null;
  /** The report in the lake (for a duplicate, the earlier one); null when rejected. */
  readonly report: ManifestEntry | null;
  readonly supersedes: string | null;
  /** A newer upload of the same period already in the lake: this report arrived late and does not count. */
  readonly superseded_by: string | null;
  readonly problems: readonly Problem[];
  /** How many errors the file has, also those beyond the problems listed; 0 unless rejected. */
  readonly error_count: number;
}

/** The validation result of an upload, stored where only its uploader can read it. */
export interface UploadResult extends OutcomeDocument {
  readonly upload_id: string;
  readonly uploader: string;
  /** When the file reached the upload bucket (ISO 8601). */
  readonly received_at: string;
  /** When the observatory finished validating it (ISO 8601). */
  readonly processed_at: string;
}

export function outcomeDocument(outcome: IngestOutcome): OutcomeDocument {
  return {
    file: outcome.fileName,
    status: outcome.status,
    kind: outcome.kind ?? null,
    report: outcome.status === "rejected" ? null : outcome.entry,
    supersedes: outcome.status === "accepted" ? (outcome.supersedes?.report_id ?? null) : null,
    superseded_by: outcome.status === "accepted" ? (outcome.supersededBy?.report_id ?? null) : null,
    problems: outcome.problems,
    error_count: outcome.status === "rejected" ? outcome.errorCount : 0,
  };
}

/** The result stored at a key, or undefined when there is none yet. */
export async function readStoredResult(store: ObjectStore, key: string): Promise<UploadResult | undefined> {
  const bytes = await store.get(key);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as UploadResult) : undefined;
}
