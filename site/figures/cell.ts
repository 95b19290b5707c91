import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";

/** What a published table cell holds: a figure, or the reason there is none. */
export type Cell =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "suppressed" }
  | { readonly kind: "no-value" }
  | { readonly kind: "no-data" };

/** The cell a row makes; `undefined` (no row) is "no data". A suppressed row never yields its value. */
export function cellOf(row: IndicatorRow | undefined): Cell {
  if (row === undefined) return { kind: "no-data" };
  if (row.suppressed) return { kind: "suppressed" };
  if (row.value === null || !Number.isFinite(row.value)) return { kind: "no-value" };
  return { kind: "value", value: row.value };
}
