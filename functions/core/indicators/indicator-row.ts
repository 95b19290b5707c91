import type { Scope } from "../framework/framework.js";

/** One row of `indicators.csv`, exactly as the framework's Output section defines it. */
export interface IndicatorRow {
  readonly framework_version: string;
  readonly indicator: string;
  readonly year: number;
  readonly scope: Scope;
  /** `movement`, a region's name as in the country table, a hub_id or an ISO code. */
  readonly scope_id: string;
  /** Null when the denominator is 0 or the figure is suppressed. */
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** The column order of `indicators.csv`. */
export const INDICATOR_COLUMNS = [
  "framework_version",
  "indicator",
  "year",
  "scope",
  "scope_id",
  "value",
  "suppressed",
] as const;
