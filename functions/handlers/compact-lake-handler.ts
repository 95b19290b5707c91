import { assertNoUnfinishedCompaction, compactLake } from "../core/lake/compaction.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Logger } from "./log.js";

export interface CompactLakeDependencies {
  /** The curated zone: curated Parquet, manifest, its checkpoints and the compaction records. */
  readonly lake: ObjectStore;
  readonly logger: Logger;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** What a compaction step reports to the workflow. */
export interface CompactLakeSummary {
  /** Kind-years compacted into a new file in this run. */
  readonly compacted: number;
  /** Reports the new files hold (the earlier compacted files' included). */
  readonly reports: number;
  readonly deletedFiles: number;
  readonly checkpointThroughSeq: number | null;
  readonly checkpointProblems: readonly string[];
}

/**
 * The compaction step of the recompute workflow, before compute: compacts the curated files of the lake on S3
 * (`compactLake`), then checks that no file of an interrupted compaction is left, which Athena's tables would
 * count twice.
 */
export function createCompactLakeHandler(dependencies: CompactLakeDependencies) {
  return async (): Promise<CompactLakeSummary> => {
    const summary = await compactLake(dependencies.lake, { clock: dependencies.clock });
    await assertNoUnfinishedCompaction(dependencies.lake);
    const compacted = summary.years.filter((year) => year.status === "compacted");
    const result: CompactLakeSummary = {
      compacted: compacted.length,
      reports: compacted.reduce((sum, year) => sum + (year.record?.reports.length ?? 0), 0),
      deletedFiles: summary.years.reduce((sum, year) => sum + year.deleted.length, 0),
      checkpointThroughSeq: summary.checkpoint?.throughSeq ?? null,
      checkpointProblems: summary.checkpointProblems,
    };
    for (const problem of summary.checkpointProblems)
      dependencies.logger.warn("manifest checkpoint", { problem });
    dependencies.logger.info("lake compacted", { ...result });
    return result;
  };
}
