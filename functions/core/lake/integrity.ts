import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import * as parquet from "parquet-wasm";
import type { ObjectStore } from "../../ports/object-store.js";
import type { QueryEngine, ResultRow } from "../../ports/query-engine.js";
import { QUERIES_DIR } from "../framework/framework.js";
import type { ReportKind } from "../reporting/kinds.js";
import { curatedFiles, reportHomes } from "./compaction.js";
import { readManifest } from "./manifest.js";

/** Raised when the lake's data contradicts what ingest guarantees; computing stops rather than publish wrong figures. */
export class LakeIntegrityError extends Error {
  /** The lake objects at fault (object-store keys): a stray copy, a missing or altered curated file. */
  readonly files: readonly string[];

  constructor(message: string, files: readonly string[] = []) {
    super(message);
    this.name = "LakeIntegrityError";
    this.files = files;
  }
}

/** The check, relative to `queries/`: one row per counted report whose curated rows differ from its manifest entry. */
export const REPORT_ROWS_CHECK = "checks/report_rows.sql";

export interface LakeIntegrityOptions {
  /**
   * The lake the engine reads. Only read when the check fails: it names the file at fault, e.g. a copy lying
   * elsewhere under `curated/`. Without it the error names the report and the file its manifest entry records.
   */
  readonly lake?: ObjectStore;
  /** @default the project's `queries/` */
  readonly queriesDir?: string;
}

/** A counted report whose rows in the curated tables differ from what its manifest entry records. */
interface Mismatch {
  readonly kind: ReportKind;
  readonly reportId: string;
  readonly curatedKey: string;
  readonly expectedRows: number;
  readonly foundRows: number;
}

/**
 * Checks that the curated tables hold exactly the reports the manifest names: every report that counts (the
 * current financial and impact reports, the newest registry, every exchange-rate upload) has exactly its
 * manifest entry's `row_count` rows carrying its report id. Runs `queries/checks/report_rows.sql` through the
 * engine, so the same SQL checks the local lake (DuckDB) and the lake on S3 (Athena); it reads the stages
 * `computeIndicators` defines. Rows of reports no manifest entry names (an ingest stopped before its commit)
 * count nowhere and never fail the check.
 *
 * @throws LakeIntegrityError naming each file at fault: a stray copy of a report's rows, or the report's own
 *   curated file when it is missing or holds other rows.
 */
export async function assertLakeIntegrity(
  engine: QueryEngine,
  options: LakeIntegrityOptions = {},
): Promise<void> {
  const sql = readFileSync(join(options.queriesDir ?? QUERIES_DIR, REPORT_ROWS_CHECK), "utf8");
  const mismatches = (await engine.query(sql)).map(mismatchOf);
  if (mismatches.length === 0) return;
  const findings = options.lake
    ? await locateFaults(options.lake, mismatches)
    : mismatches.map((m) => ({ files: [m.curatedKey], text: messages.rowsDiffer(m) }));
  throw new LakeIntegrityError(messages.summary(findings.map((finding) => finding.text)), [
    ...new Set(findings.flatMap((finding) => finding.files)),
  ]);
}

/** The most findings an integrity error lists one by one. */
const LISTED_FINDINGS = 20;

/** Where the lake says a mismatched report's rows lie: its own file, or the compacted file that absorbed it. */
interface Home {
  readonly key: string;
  /** Who says so: the manifest, or a compaction record. */
  readonly namedBy: string;
}

const messages = {
  summary: (findings: readonly string[]) =>
    `the lake's curated files do not match its manifest, so no figures were computed:\n${[
      ...findings.slice(0, LISTED_FINDINGS),
      ...(findings.length > LISTED_FINDINGS ? [`…and ${findings.length - LISTED_FINDINGS} more`] : []),
    ]
      .map((finding) => `- ${finding}`)
      .join("\n")}`,
  rowsDiffer: (m: Mismatch) =>
    `${m.kind} report ${m.reportId} has ${m.foundRows} rows in the curated tables, but its manifest entry records ${m.expectedRows} (in ${m.curatedKey})`,
  missing: (m: Mismatch, home: Home) =>
    `${home.key} is missing: ${home.namedBy} records it for ${m.kind} report ${m.reportId} (${m.expectedRows} rows); restore it from a backup`,
  ownFileDiffers: (m: Mismatch, home: Home, held: number) =>
    `${home.key} holds ${held} rows of ${m.kind} report ${m.reportId}, but its manifest entry records ${m.expectedRows}; restore the file from a backup`,
  strayCopy: (m: Mismatch, home: Home, key: string, held: number) =>
    `${key} holds ${held} rows of ${m.kind} report ${m.reportId}, which ${home.namedBy} records only in ${home.key}: they would count on top of the report's own; remove ${key}`,
  otherReportsFile: (m: Mismatch, home: Home, key: string, held: number, owner: Mismatch) =>
    `${key} holds ${held} rows of ${m.kind} report ${m.reportId}, which ${home.namedBy} records only in ${home.key}, while it names ${key} for report ${owner.reportId}; restore ${key} from a backup`,
};

function mismatchOf(row: ResultRow): Mismatch {
  return {
    kind: String(row.kind) as ReportKind,
    reportId: String(row.report_id),
    curatedKey: String(row.curated_key),
    expectedRows: Number(row.expected_rows),
    foundRows: Number(row.found_rows),
  };
}

/**
 * Finds the file behind each mismatch. Too few rows: the report's own file (or the compacted file that absorbed
 * it) is missing or holds other rows. Too many: another file that counts holds rows of the report — one the lake
 * does not name (a copy), or one it names for another report whose rows are off too (overwritten) — found among
 * the kind's files that count (`curatedFiles`) by reading their report ids; failing that, the report's own file
 * holds extra rows.
 */
async function locateFaults(
  lake: ObjectStore,
  mismatches: readonly Mismatch[],
): Promise<{ files: string[]; text: string }[]> {
  const homes = await reportHomes(lake);
  const homeOf = (reportId: string, curatedKey: string): Home => {
    const compacted = homes.get(reportId);
    return compacted
      ? { key: compacted.key, namedBy: `compaction record ${compacted.record}` }
      : { key: curatedKey, namedBy: "the manifest" };
  };
  const named = new Set(
    (await readManifest(lake)).map((entry) => homeOf(entry.report_id, entry.curated_key).key),
  );
  const ownerOf = new Map<string, Mismatch>();
  for (const m of mismatches) {
    const key = homeOf(m.reportId, m.curatedKey).key;
    if (!ownerOf.has(key)) ownerOf.set(key, m);
  }
  const listings = new Map<ReportKind, Promise<string[]>>();
  const counts = new Map<string, Promise<Map<string, number> | undefined>>();
  const countsOf = (key: string) => {
    if (!counts.has(key)) counts.set(key, reportRowCounts(lake, key));
    return counts.get(key) as Promise<Map<string, number> | undefined>;
  };
  const findings: { files: string[]; text: string }[] = [];
  for (const mismatch of mismatches) {
    const home = homeOf(mismatch.reportId, mismatch.curatedKey);
    if (mismatch.foundRows > mismatch.expectedRows) {
      if (!listings.has(mismatch.kind))
        listings.set(
          mismatch.kind,
          curatedFiles(lake, mismatch.kind).then((files) => files.live),
        );
      const candidates = (await listings.get(mismatch.kind))?.filter(
        (key) => (!named.has(key) || ownerOf.has(key)) && key !== home.key,
      );
      const holders: { files: string[]; text: string }[] = [];
      for (const key of candidates ?? []) {
        const rows = (await countsOf(key))?.get(mismatch.reportId) ?? 0;
        if (rows === 0) continue;
        const owner = ownerOf.get(key);
        holders.push({
          files: [key],
          text: owner
            ? messages.otherReportsFile(mismatch, home, key, rows, owner)
            : messages.strayCopy(mismatch, home, key, rows),
        });
      }
      findings.push(...holders);
      if (holders.length > 0) continue;
    }
    const own = await countsOf(home.key);
    findings.push({
      files: [home.key],
      text:
        own === undefined
          ? messages.missing(mismatch, home)
          : messages.ownFileDiffers(mismatch, home, own.get(mismatch.reportId) ?? 0),
    });
  }
  return findings;
}

/** How many rows of each report id a curated file holds; undefined when the file is missing. */
async function reportRowCounts(lake: ObjectStore, key: string): Promise<Map<string, number> | undefined> {
  const bytes = await lake.get(key);
  if (!bytes) return undefined;
  const table = tableFromIPC(parquet.readParquet(bytes, { columns: ["report_id"] }).intoIPCStream());
  const counts = new Map<string, number>();
  for (const value of table.getChild("report_id") ?? []) {
    const id = String(value);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
