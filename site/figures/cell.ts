import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";

/** Why nothing at all is published for a scope instance: a protected country, or a hub seated in one. */
export type WithheldReason = "protected-country" | "protected-seat";

/** What a published table cell holds: a figure, or the reason there is none. */
export type Cell =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "suppressed" }
  | { readonly kind: "no-value" }
  | { readonly kind: "no-data" }
  | { readonly kind: "withheld"; readonly reason: WithheldReason };

/** The cell a row makes; `undefined` (no row) is "no data". A suppressed row never yields its value. */
export function cellOf(row: IndicatorRow | undefined): Cell {
  if (row === undefined) return { kind: "no-data" };
  if (row.suppressed) return { kind: "suppressed" };
  if (row.value === null || !Number.isFinite(row.value)) return { kind: "no-value" };
  return { kind: "value", value: row.value };
}

/** The cell of a scope instance whose figures are withheld whatever the rows say. */
export function withheldCell(reason: WithheldReason): Cell {
  return { kind: "withheld", reason };
}
