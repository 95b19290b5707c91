import { csvField } from "../reporting/csv.js";
import { INDICATOR_COLUMNS, type IndicatorRow } from "./indicator-row.js";

/**
 * A number as a plain decimal in full double precision: the shortest text that reads back as the same double,
 * never in exponent notation and never with thousands separators.
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = "", exponentText] = match;
  const digits = `${lead}${fraction}`;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits}${"0".repeat(Math.max(0, exponent - fraction.length))}`;
}

/** Writes `indicators.csv` exactly as the framework's Output section defines it (RFC 4180, region names quoted). */
export function indicatorsToCsv(rows: readonly IndicatorRow[]): string {
  const lines = [INDICATOR_COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(
      [
        csvField(row.framework_version),
        csvField(row.indicator),
        String(row.year),
        row.scope,
        csvField(row.scope_id),
        row.value === null ? "" : plainDecimal(row.value),
        String(row.suppressed),
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
