import type { ObjectBody, ObjectStore } from "../../ports/object-store.js";
import type { QueryEngine } from "../../ports/query-engine.js";
import {
  computeDashboardData,
  type DashboardData,
  dashboardToJson,
  readDashboardData,
} from "../dashboards/dashboard-data.js";
import type { Framework } from "../framework/framework.js";
import type { LakeReader } from "../lake/lake-reader.js";
import { type ManifestRecord, readManifest, withStatus } from "../lake/manifest.js";
import { columnsOfRows, writeParquet } from "../lake/parquet.js";
import { INDICATORS_TABLE } from "../lake/tables.js";
import type { CountryTable } from "../reference/countries.js";
import {
  computePublishedScenarios,
  type PublishedScenarios,
  readPublishedScenarios,
  SCENARIO_INDEX_FILE,
  ScenarioPublicationError,
  writePublishedScenarios,
} from "../scenarios/published-scenarios.js";
import { computeIndicators } from "./compute.js";
import type { IndicatorRow } from "./indicator-row.js";
import { indicatorsFromCsv, indicatorsToCsv } from "./indicators-file.js";
import { ReportsFileError, reportsFromJson, reportsJsonChunks } from "./reports-file.js";

/** The files `publishIndicators` writes, as object-store keys of its output. */
export const PUBLISHED_FILES = {
  csv: "indicators.csv",
  parquet: "indicators.parquet",
  reports: "reports.json",
  dashboard: "dashboard.json",
  /** The current scenarios' index; each scenario's `scenario-<id>.csv` and `scenario-<id>-hubs.csv` lie beside it. */
  scenarios: SCENARIO_INDEX_FILE,
  run: "run.json",
} as const;

/** What a compute run used: the figures are read, suppressed and published with exactly these. */
export interface ComputeRun {
  readonly frameworkVersion: string;
  /** The disclosure threshold the region outcomes figures were suppressed with. */
  readonly k: number;
}

export interface PublishedIndicators {
  readonly rows: IndicatorRow[];
  /** Every report of the lake with its status: the evidence behind the figures. */
  readonly reports: ManifestRecord[];
  /** The datasets the dashboards draw besides the indicators, computed by the same engine. */
  readonly dashboard: DashboardData;
  /** The framework version and k the compute run used (`run.json`). */
  readonly run: ComputeRun;
  /** Every current redistribution scenario, computed with the same framework (`scenarios.json` and its files). */
  readonly scenarios: PublishedScenarios;
}

/** A file the site is built from has not been published (the compute step has not run there). */
export class NotPublishedError extends Error {
  constructor(readonly file: string) {
    super(`${file} has not been published yet; run the compute step first`);
    this.name = "NotPublishedError";
  }
}

/** A published file contradicts what the compute run wrote (a file of another run, or edited by hand). */
export class InconsistentPublicationError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file} ${detail}; run the compute step again to publish a consistent set`);
    this.name = "InconsistentPublicationError";
  }
}

/** The bytes of `run.json`: the same run parameters always give the same bytes (no timestamp). */
export function computeRunToJson(run: ComputeRun): string {
  return `${JSON.stringify({ framework_version: run.frameworkVersion, k: run.k }, null, 1)}\n`;
}

/** Reads `run.json`, refusing anything but a framework version and a whole k of at least 1. */
export function computeRunFromJson(text: string): ComputeRun {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InconsistentPublicationError(PUBLISHED_FILES.run, "is not JSON");
  }
  const { framework_version: frameworkVersion, k } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof frameworkVersion !== "string" || frameworkVersion === "")
    throw new InconsistentPublicationError(PUBLISHED_FILES.run, "names no framework_version");
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1)
    throw new InconsistentPublicationError(PUBLISHED_FILES.run, "names no whole k of at least 1");
  return { frameworkVersion, k };
}

/** A published file's text as UTF-8 (Node's own encoder: at tens of megabytes, twice as fast as TextEncoder's). */
const utf8 = (text: string): Uint8Array => Buffer.from(text, "utf8");

/** Waits for every write, then fails with the first that failed: no write is left running when this returns. */
async function allWritten(writing: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(writing)).find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

function readReports(text: string): ManifestRecord[] {
  try {
    return reportsFromJson(text);
  } catch (error) {
    if (error instanceof ReportsFileError)
      throw new InconsistentPublicationError(PUBLISHED_FILES.reports, error.detail);
    throw error;
  }
}

/**
 * Reads back what `publishIndicators` wrote: the indicators, the evidence list, the dashboard data and the run's
 * framework version and k, and the scenarios. Files of different runs (another framework version) are refused.
 */
export async function readPublishedIndicators(store: ObjectStore): Promise<PublishedIndicators> {
  const read = async (file: string) => {
    const bytes = await store.get(file);
    if (!bytes) throw new NotPublishedError(file);
    return new TextDecoder().decode(bytes);
  };
  const rows = indicatorsFromCsv(await read(PUBLISHED_FILES.csv));
  const dashboard = readDashboardData(await read(PUBLISHED_FILES.dashboard));
  const reports = readReports(await read(PUBLISHED_FILES.reports));
  const run = computeRunFromJson(await read(PUBLISHED_FILES.run));
  const stray = rows.find((row) => row.framework_version !== run.frameworkVersion);
  if (stray)
    throw new InconsistentPublicationError(
      PUBLISHED_FILES.csv,
      `holds figures of framework ${stray.framework_version}, but ${PUBLISHED_FILES.run} says ${run.frameworkVersion}`,
    );
  if (dashboard.framework_version !== run.frameworkVersion)
    throw new InconsistentPublicationError(
      PUBLISHED_FILES.dashboard,
      `is of framework ${dashboard.framework_version}, but ${PUBLISHED_FILES.run} says ${run.frameworkVersion}`,
    );
  const scenarios = await readPublishedScenarios(store, run.frameworkVersion).catch((error: unknown) => {
    if (!(error instanceof ScenarioPublicationError)) throw error;
    throw error.detail === undefined
      ? new NotPublishedError(error.file)
      : new InconsistentPublicationError(error.file, error.detail);
  });
  if (!scenarios) throw new NotPublishedError(PUBLISHED_FILES.scenarios);
  return { rows, dashboard, reports, run, scenarios };
}

/**
 * Computes a framework's indicators from the lake and writes `indicators.csv`, its columnar copy
 * `indicators.parquet`, `reports.json` (the manifest with each report's status, one report per line, streamed) and
 * `dashboard.json` (the dashboards' other datasets, computed on the same engine right after the indicators), every
 * current redistribution scenario of the lake (`scenarios.json`, `scenario-<id>.csv`, `scenario-<id>-hubs.csv`,
 * computed before anything is written, so that a scenario that fails publishes nothing) and `run.json` (the
 * framework version and k used, which the site is then built with) to the output store. The first four are written
 * at once; the scenarios once all four are, `run.json` last, and none of these when a write fails. The manifest's
 * entries are parsed and marked current or superseded while the engine computes.
 */
export async function publishIndicators(
  dependencies: {
    readonly engine: QueryEngine;
    readonly lake: ObjectStore;
    readonly output: ObjectStore;
    /**
     * The reader the engine read the manifest with: `reports.json` then lists exactly the reports the figures
     * come from, without reading the manifest twice. @default the manifest read afresh
     */
    readonly reader?: LakeReader;
  },
  options: { readonly framework: Framework; readonly countries: CountryTable; readonly k?: number },
): Promise<PublishedIndicators> {
  const run: ComputeRun = {
    frameworkVersion: options.framework.version,
    k: options.k ?? options.framework.disclosure.k_default,
  };
  const { reader } = dependencies;
  const entriesRead = reader ? reader.entriesRead() : readManifest(dependencies.lake);
  const reportsMarked = entriesRead.then((entries) => ({ entries, reports: withStatus(entries) }));
  reportsMarked.catch(() => undefined);
  const rows = await computeIndicators(dependencies.engine, options.framework, {
    countries: options.countries,
    k: run.k,
    lake: dependencies.lake,
  });
  const dashboard = await computeDashboardData(dependencies.engine, {
    frameworkVersion: options.framework.version,
  });
  const { entries, reports } = await reportsMarked;
  const scenarios = await computePublishedScenarios(dependencies.engine, {
    framework: options.framework,
    baseline: rows,
    lake: dependencies.lake,
    reports,
  });
  const writing: Promise<void>[] = [];
  const write = (file: string, bytes: ObjectBody, contentType: string) =>
    writing.push(dependencies.output.put(file, bytes, { contentType }));
  write(PUBLISHED_FILES.csv, utf8(indicatorsToCsv(rows)), "text/csv; charset=utf-8");
  write(
    PUBLISHED_FILES.parquet,
    writeParquet(INDICATORS_TABLE, columnsOfRows(INDICATORS_TABLE, rows)),
    "application/vnd.apache.parquet",
  );
  write(
    PUBLISHED_FILES.reports,
    reportsJsonChunks(reports, reader && { entries, lineOf: (entry) => reader.lineOf(entry) }),
    "application/json",
  );
  write(PUBLISHED_FILES.dashboard, utf8(dashboardToJson(dashboard)), "application/json");
  await allWritten(writing);
  await writePublishedScenarios(dependencies.output, scenarios);
  await dependencies.output.put(PUBLISHED_FILES.run, utf8(computeRunToJson(run)), {
    contentType: "application/json",
  });
  return { rows, reports, dashboard, run, scenarios };
}
