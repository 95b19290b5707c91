import type { Framework, IndicatorDefinition } from "./framework.js";

/** The fields of an indicator definition whose change a reader of the framework should see. */
export const COMPARED_FIELDS = [
  "lens",
  "title",
  "definition",
  "formula",
  "unit",
  "direction",
  "target",
  "scopes",
  "region_by",
  "disclosure",
] as const satisfies readonly (keyof IndicatorDefinition)[];

/** A field of an indicator definition that {@link diffFrameworks} compares. */
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** An indicator that differs between two framework versions, and which of its fields changed. */
export interface ChangedIndicator {
  readonly id: string;
  readonly fields: readonly ComparedField[];
}

/** What changed from one framework version to the next. */
export interface FrameworkDiff {
  readonly from: string;
  readonly to: string;
  readonly added: readonly IndicatorDefinition[];
  readonly removed: readonly IndicatorDefinition[];
  readonly changed: readonly ChangedIndicator[];
}

/** Compares two framework versions indicator by indicator (by id), field by field. */
export function diffFrameworks(older: Framework, newer: Framework): FrameworkDiff {
  const before = new Map(older.indicators.map((indicator) => [indicator.id, indicator]));
  const after = new Map(newer.indicators.map((indicator) => [indicator.id, indicator]));
  const changed: ChangedIndicator[] = [];
  for (const indicator of newer.indicators) {
    const previous = before.get(indicator.id);
    if (!previous) continue;
    const fields = COMPARED_FIELDS.filter(
      (field) => JSON.stringify(previous[field]) !== JSON.stringify(indicator[field]),
    );
    if (fields.length > 0) changed.push({ id: indicator.id, fields });
  }
  return {
    from: older.version,
    to: newer.version,
    added: newer.indicators.filter((indicator) => !before.has(indicator.id)),
    removed: older.indicators.filter((indicator) => !after.has(indicator.id)),
    changed,
  };
}
