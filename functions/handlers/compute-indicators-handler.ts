import { COUNTRIES_KEY } from "../adapters/aws/athena-tables.js";
import { loadFramework } from "../core/framework/framework.js";
import { publishIndicators } from "../core/indicators/publish-indicators.js";
import { assertNoUnfinishedCompaction } from "../core/lake/compaction.js";
import { columnsOfRows, writeParquet } from "../core/lake/parquet.js";
import { COUNTRIES_TABLE } from "../core/lake/tables.js";
import { type CountryTable, countryRelationRows } from "../core/reference/countries.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { EngineStatistics, QueryEngine } from "../ports/query-engine.js";
import type { Logger } from "./log.js";

export interface ComputeIndicatorsDependencies {
  /** The curated zone: curated Parquet and manifest, read by the engine and by the evidence list. */
  readonly lake: ObjectStore;
  /** Where `indicators.csv`, `indicators.parquet` and `reports.json` are written. */
  readonly published: ObjectStore;
  readonly openEngine: () => QueryEngine | Promise<QueryEngine>;
  readonly countries: CountryTable;
  readonly logger: Logger;
  /** The framework version to compute. @default the newest shipped */
  readonly frameworkVersion?: string;
}

/** What a compute run reports to the workflow. */
export interface ComputeSummary {
  readonly frameworkVersion: string;
  readonly indicatorRows: number;
  readonly reports: number;
  /** What the run's engine ran and scanned (on Athena: the bytes it bills by); absent for engines that do not say. */
  readonly scan?: EngineStatistics;
}

/** Writes the country table where the engine's `countries` table reads it: the same rows DuckDB loads locally. */
export async function publishCountryTable(lake: ObjectStore, countries: CountryTable): Promise<void> {
  const columns = columnsOfRows(COUNTRIES_TABLE, countryRelationRows(countries));
  await lake.put(COUNTRIES_KEY, writeParquet(COUNTRIES_TABLE, columns), {
    contentType: "application/vnd.apache.parquet",
  });
}

/**
 * The compute step of the publishing workflow: refreshes the country table, computes every indicator of the
 * framework with the same SQL as `observatory compute`, and publishes the indicators and the evidence list. A lake
 * with an interrupted compaction is refused first (`UnfinishedCompactionError`): Athena's tables read every file
 * under a year's prefix, and would count the absorbed files' rows twice. What the engine swept of dead runs is in
 * the run's log line (`scan.sweep`); a sweep that left something is logged as a warning too, naming what is left,
 * and does not fail the run.
 */
export function createComputeIndicatorsHandler(dependencies: ComputeIndicatorsDependencies) {
  return async (): Promise<ComputeSummary> => {
    const framework = loadFramework(dependencies.frameworkVersion);
    await assertNoUnfinishedCompaction(dependencies.lake);
    await publishCountryTable(dependencies.lake, dependencies.countries);
    const engine = await dependencies.openEngine();
    const scan = () => (engine.statistics ? { scan: engine.statistics() } : {});
    const warnOfSweep = () => {
      const statistics = engine.statistics?.();
      if (statistics?.sweep?.left)
        dependencies.logger.warn("leftovers of dead compute runs not swept", {
          runId: statistics.runId,
          swept: statistics.sweep.runs,
          ...statistics.sweep.left,
        });
    };
    let summary: ComputeSummary;
    try {
      const { rows, reports } = await publishIndicators(
        { engine, lake: dependencies.lake, output: dependencies.published },
        { framework, countries: dependencies.countries },
      );
      summary = { frameworkVersion: framework.version, indicatorRows: rows.length, reports: reports.length };
    } catch (error) {
      await engine.close().catch((cleanup: unknown) => {
        dependencies.logger.error("compute run not cleaned up", { error: messageOf(cleanup) });
      });
      warnOfSweep();
      dependencies.logger.error("compute failed", { error: messageOf(error), ...scan() });
      throw error;
    }
    try {
      await engine.close();
    } catch (error) {
      warnOfSweep();
      dependencies.logger.error("compute run not cleaned up", {
        error: messageOf(error),
        ...summary,
        ...scan(),
      });
      throw error;
    }
    const result: ComputeSummary = { ...summary, ...scan() };
    warnOfSweep();
    dependencies.logger.info("indicators published", { ...result });
    return result;
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
