import type { Scope } from "../framework/framework.js";
import { csvField, parseCsv } from "../reporting/csv.js";
import { INDICATOR_COLUMNS, type IndicatorRow } from "./indicator-row.js";

/**
 * A number as a plain decimal in full double precision: the shortest text that reads back as the same double,
 * never in exponent notation and never with thousands separators.
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  if (!text.includes("e")) return text;
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

/** Reads `indicators.csv` back into rows; a file that is not in the Output format is an error, not a guess. */
export function indicatorsFromCsv(text: string): IndicatorRow[] {
  const { header, records } = parseCsv(text);
  if (header?.fields.join(",") !== INDICATOR_COLUMNS.join(","))
    throw new Error(`not an indicators file: the header must be ${INDICATOR_COLUMNS.join(",")}`);
  return records.map(({ row, fields }) => {
    const [framework_version, indicator, year, scope, scope_id, value, suppressed] = fields as string[];
    if (
      !/^\d{4}$/.test(year ?? "") ||
      !["true", "false"].includes(suppressed ?? "") ||
      !SCOPES.includes(scope as Scope)
    )
      throw new Error(`indicators file, row ${row}: not a valid indicator row`);
    return {
      framework_version: framework_version as string,
      indicator: indicator as string,
      year: Number(year),
      scope: scope as Scope,
      scope_id: scope_id as string,
      value: value === "" ? null : Number(value),
      suppressed: suppressed === "true",
    };
  });
}

const SCOPES: readonly string[] = ["movement", "region", "hub", "country"];
