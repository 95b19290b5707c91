import type { UploadKind } from "../reporting/kinds.js";
import type { UploadFormat } from "../reporting/upload-reader.js";

/**
 * Where everything lives in the lake, as object-store keys:
 * - `raw/<uploader>/<sha256>.<csv|xlsx|ods|json>`: every accepted file, byte for byte, named by its SHA-256 and what
 *   it is (`.json`: a scenario; lakes written before workbooks were read hold `.csv` and `.json` only; the manifest
 *   names each file's key);
 * - `curated/<kind>/year=<y>/hub=<hub>/<report_id>.parquet` (hub reports) and `curated/<kind>/<report_id>.parquet`
 *   (reference data): typed Parquet, partitioned by kind, year and hub; `curated/scenario/<report_id>.json`: a
 *   scenario with its defaults written out;
 * - `manifest/<seq>.json`: one immutable entry per accepted report, created exclusively so that the sequence
 *   numbers are gap-free and totally ordered.
 */
export const lakeLayout = {
  rawKey: (uploader: string, sha256: string, format: UploadFormat) => `raw/${uploader}/${sha256}.${format}`,
  curatedKey: (kind: UploadKind, reportId: string, year: number | null, hubId: string | null) =>
    kind === "scenario"
      ? `curated/${kind}/${reportId}.json`
      : year === null || hubId === null
        ? `curated/${kind}/${reportId}.parquet`
        : `curated/${kind}/year=${year}/hub=${hubId}/${reportId}.parquet`,
  curatedPrefix: (kind: UploadKind) => `curated/${kind}/`,
  manifestPrefix: "manifest/",
  manifestKey: (seq: number) => `manifest/${String(seq).padStart(12, "0")}.json`,
  seqOfManifestKey: (key: string): number | undefined => {
    const match = /^manifest\/(\d{12})\.json$/.exec(key);
    return match ? Number(match[1]) : undefined;
  },
} as const;

/** A report's id: derived from its bytes, so the same file always gets the same id. */
export function reportIdOf(sha256: string): string {
  return `r-${sha256.slice(0, 16)}`;
}
