import type { ReportKind, UploadKind } from "../reporting/kinds.js";
import type { UploadFormat } from "../reporting/upload-reader.js";

function checkpointId(throughSeq: number, sha256: string): string {
  return `${String(throughSeq).padStart(12, "0")}-${sha256}`;
}

/**
 * Where everything lives in the lake, as object-store keys:
 * - `raw/<uploader>/<sha256>.<csv|xlsx|ods|json>`: every accepted file, byte for byte, named by its SHA-256 and what
 *   it is (`.json`: a scenario; lakes written before workbooks were read hold `.csv` and `.json` only; the manifest
 *   names each file's key);
 * - `curated/<kind>/year=<y>/hub=<hub>/<report_id>.parquet` (hub reports) and `curated/<kind>/<report_id>.parquet`
 *   (reference data): typed Parquet, partitioned by kind, year and hub; `curated/scenario/<report_id>.json`: a
 *   scenario with its defaults written out;
 * - `manifest/<seq>.json`: one immutable entry per accepted report, created exclusively so that the sequence
 *   numbers are gap-free and totally ordered;
 * - `checkpoints/manifest/<seq>-<sha256>/entries.ndjson.gz`: a manifest checkpoint, the entries 1..seq as JSON
 *   lines (gzip), named by its last sequence number and the SHA-256 of its uncompressed content; derived data,
 *   never the only copy of an entry. `checkpoints/manifest-last.json` names the newest one written (it may lag);
 * - `curated/<kind>/year=<y>/compacted-<generation>-<sha256>.parquet` and
 *   `compactions/<kind>/year=<y>/<generation>.json`: a compaction of a kind's year and its record.
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
  checkpointPrefix: "checkpoints/manifest/",
  /** The folder of a checkpoint (its Athena partition), named `<seq>-<sha256>`. */
  checkpointId,
  checkpointKey: (throughSeq: number, sha256: string) =>
    `checkpoints/manifest/${checkpointId(throughSeq, sha256)}/entries.ndjson.gz`,
  /** The listing key after which the checkpoints of `throughSeq` and later sort. */
  checkpointsFrom: (throughSeq: number) => `checkpoints/manifest/${String(throughSeq).padStart(12, "0")}`,
  checkpointOfKey: (key: string): { throughSeq: number; sha256: string; id: string } | undefined => {
    const match = /^checkpoints\/manifest\/((\d{12})-([0-9a-f]{64}))\/entries\.ndjson\.gz$/.exec(key);
    return match
      ? { id: match[1] as string, throughSeq: Number(match[2]), sha256: match[3] as string }
      : undefined;
  },
  lastCheckpointKey: "checkpoints/manifest-last.json",
  /** The folder of a kind's year: `curated/<kind>/year=<y>/`, the unit of compaction (and Athena's partition). */
  curatedYearPrefix: (kind: ReportKind, year: number) => `curated/${kind}/year=${year}/`,
  /** The year a curated key of a hub report lies in, from its `year=<y>/` folder. */
  yearOfCuratedKey: (key: string): number | undefined => {
    const match = /^curated\/[a-z_]+\/year=(\d{4})\//.exec(key);
    return match ? Number(match[1]) : undefined;
  },
  compactedKey: (kind: ReportKind, year: number, generation: number, sha256: string) =>
    `curated/${kind}/year=${year}/compacted-${String(generation).padStart(6, "0")}-${sha256}.parquet`,
  compactedOfKey: (key: string): { generation: number; sha256: string } | undefined => {
    const match = /^curated\/[a-z_]+\/year=\d{4}\/compacted-(\d{6})-([0-9a-f]{64})\.parquet$/.exec(key);
    return match ? { generation: Number(match[1]), sha256: match[2] as string } : undefined;
  },
  compactionPrefix: (kind: ReportKind) => `compactions/${kind}/`,
  /** The folder of the compaction records of a kind's year. */
  compactionYearPrefix: (kind: ReportKind, year: number) => `compactions/${kind}/year=${year}/`,
  compactionRecordKey: (kind: ReportKind, year: number, generation: number) =>
    `compactions/${kind}/year=${year}/${String(generation).padStart(6, "0")}.json`,
  compactionOfRecordKey: (key: string): { year: number; generation: number } | undefined => {
    const match = /^compactions\/[a-z_]+\/year=(\d{4})\/(\d{6})\.json$/.exec(key);
    return match ? { year: Number(match[1]), generation: Number(match[2]) } : undefined;
  },
} as const;

/** A report's id: derived from its bytes, so the same file always gets the same id. */
export function reportIdOf(sha256: string): string {
  return `r-${sha256.slice(0, 16)}`;
}
