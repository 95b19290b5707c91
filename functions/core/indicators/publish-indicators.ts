import type { ObjectStore } from "../../ports/object-store.js";
import type { QueryEngine } from "../../ports/query-engine.js";
import {
  computeDashboardData,
  type DashboardData,
  dashboardToJson,
  readDashboardData,
} from "../dashboards/dashboard-data.js";
import type { Framework } from "../framework/framework.js";
import { type ManifestRecord, readManifest, withStatus } from "../lake/manifest.js";
import { columnsOfRows, writeParquet } from "../lake/parquet.js";
import { INDICATORS_TABLE } from "../lake/tables.js";
import type { CountryTable } from "../reference/countries.js";
import { computeIndicators } from "./compute.js";
import type { IndicatorRow } from "./indicator-row.js";
import { indicatorsFromCsv, indicatorsToCsv } from "./indicators-file.js";

/** The files `publishIndicators` writes, as object-store keys of its output. */
export const PUBLISHED_FILES = {
  csv: "indicators.csv",
  parquet: "indicators.parquet",
  reports: "reports.json",
  dashboard: "dashboard.json",
} as const;

export interface PublishedIndicators {
  readonly rows: IndicatorRow[];
  /** Every report of the lake with its status: the evidence behind the figures. */
  readonly reports: ManifestRecord[];
  /** The datasets the dashboards draw besides the indicators, computed by the same engine. */
  readonly dashboard: DashboardData;
}

/** A file the site is built from has not been published (the compute step has not run there). */
export class NotPublishedError extends Error {
  constructor(readonly file: string) {
    super(`${file} has not been published yet; run the compute step first`);
    this.name = "NotPublishedError";
  }
}

/** Reads back what `publishIndicators` wrote: the indicators, the evidence list and the dashboard data. */
export async function readPublishedIndicators(store: ObjectStore): Promise<PublishedIndicators> {
  const read = async (file: string) => {
    const bytes = await store.get(file);
    if (!bytes) throw new NotPublishedError(file);
    return new TextDecoder().decode(bytes);
  };
  return {
    rows: indicatorsFromCsv(await read(PUBLISHED_FILES.csv)),
    dashboard: readDashboardData(await read(PUBLISHED_FILES.dashboard)),
    reports: JSON.parse(await read(PUBLISHED_FILES.reports)) as ManifestRecord[],
  };
}

/**
 * Computes a framework's indicators from the lake and writes `indicators.csv`, its columnar copy
 * `indicators.parquet`, `reports.json` (the manifest with each report's status) and `dashboard.json` (the
 * dashboards' other datasets, computed on the same engine right after the indicators) to the output store.
 */
export async function publishIndicators(
  dependencies: { readonly engine: QueryEngine; readonly lake: ObjectStore; readonly output: ObjectStore },
  options: { readonly framework: Framework; readonly countries: CountryTable; readonly k?: number },
): Promise<PublishedIndicators> {
  const rows = await computeIndicators(dependencies.engine, options.framework, {
    countries: options.countries,
    k: options.k,
    lake: dependencies.lake,
  });
  const dashboard = await computeDashboardData(dependencies.engine, {
    frameworkVersion: options.framework.version,
  });
  const reports = withStatus(await readManifest(dependencies.lake));
  const encoder = new TextEncoder();
  await dependencies.output.put(PUBLISHED_FILES.csv, encoder.encode(indicatorsToCsv(rows)), {
    contentType: "text/csv; charset=utf-8",
  });
  await dependencies.output.put(
    PUBLISHED_FILES.parquet,
    writeParquet(INDICATORS_TABLE, columnsOfRows(INDICATORS_TABLE, rows)),
    {
      contentType: "application/vnd.apache.parquet",
    },
  );
  await dependencies.output.put(
    PUBLISHED_FILES.reports,
    encoder.encode(`${JSON.stringify(reports, null, 1)}\n`),
    {
      contentType: "application/json",
    },
  );
  await dependencies.output.put(PUBLISHED_FILES.dashboard, encoder.encode(dashboardToJson(dashboard)), {
    contentType: "application/json",
  });
  return { rows, reports, dashboard };
}
