import type { DashboardData } from "../../functions/core/dashboards/dashboard-data.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import type { CountryTable } from "../../functions/core/reference/countries.js";
import { cellOf } from "./cell.js";

/** The movement's figure for an indicator in a year, or null when none is published. */
export function movementValue(rows: readonly IndicatorRow[], indicator: string, year: number): number | null {
  const cell = cellOf(
    rows.find((row) => row.indicator === indicator && row.scope === "movement" && row.year === year),
  );
  return cell.kind === "value" ? cell.value : null;
}

/** A region's figure for an indicator in a year, or null when none is published. */
export function regionValue(
  rows: readonly IndicatorRow[],
  indicator: string,
  region: string,
  year: number,
): number | null {
  const cell = cellOf(
    rows.find(
      (row) =>
        row.indicator === indicator && row.scope === "region" && row.scope_id === region && row.year === year,
    ),
  );
  return cell.kind === "value" ? cell.value : null;
}

/** The published figures and data that say which regions the site has something to show for. */
export interface RegionSources {
  readonly rows: readonly IndicatorRow[];
  readonly dashboard: DashboardData;
  readonly countries: CountryTable;
}

/** The regions that have any published figure, in the country table's order. */
export function regionsWithData(sources: RegionSources): string[] {
  const present = new Set(sources.rows.filter((row) => row.scope === "region").map((row) => row.scope_id));
  for (const contribution of sources.dashboard.contributions)
    if (contribution.scope === "region") present.add(contribution.scope_id);
  const known = sources.countries.regions.filter((region) => present.has(region));
  return [...known, ...[...present].filter((region) => !known.includes(region)).sort()];
}

/** The latest year among rows, or undefined when there are none. */
export function latestYear(rows: readonly IndicatorRow[]): number | undefined {
  return rows.reduce<number | undefined>(
    (max, row) => (max === undefined || row.year > max ? row.year : max),
    undefined,
  );
}
