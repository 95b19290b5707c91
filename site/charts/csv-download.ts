import type { Unit } from "../../functions/core/framework/framework.js";
import { plainDecimal } from "../../functions/core/indicators/indicators-file.js";
import { csvField } from "../../functions/core/reporting/csv.js";
import type { CellValue, DataTable } from "./table.js";

/**
 * The decimals a chart's CSV gives each unit: money to the cent, every other figure to one decimal
 * more than the page shows (a share of 41.2% is `0.4123`). `indicators.csv`, the evidence, keeps
 * every figure in full precision; a chart's CSV is for reading and reuse, without the noise of
 * binary fractions (`0.30000000000000004`).
 */
export const CSV_DECIMALS: Readonly<Record<Unit, number>> = {
  usd: 2,
  usd_per_editor: 2,
  share: 4,
  index: 4,
  nats: 3,
  per_1k_usd: 3,
  count: 0,
};

/** Significant digits of a number in a column without a unit: enough for any figure, short of binary noise. */
const PLAIN_DIGITS = 12;

/**
 * A number as a chart's CSV writes it: rounded to its unit's decimals (see {@link CSV_DECIMALS}),
 * or to 12 significant digits without a unit, then as the shortest decimal that reads back as that
 * rounded value, never in exponent notation and without trailing zeros.
 */
export function csvNumber(value: number, unit?: Unit): string {
  const rounded =
    unit === undefined ? Number(value.toPrecision(PLAIN_DIGITS)) : Number(value.toFixed(CSV_DECIMALS[unit]));
  return plainDecimal(rounded === 0 ? 0 : rounded);
}

/** The characters that make a spreadsheet read a cell as a formula (or, for tab and CR, shift it). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one that would start a formula (`=`, `+`, `-`,
 * `@`, tab, carriage return) is prefixed with an apostrophe, so it is shown as text and never run.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(value: CellValue | undefined, unit?: Unit): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? csvNumber(value, unit) : "";
  if (typeof value === "boolean") return String(value);
  return csvField(neutraliseFormula(value));
}

/**
 * A chart's data table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read
 * non-Latin text correctly): the column labels, then one line per row. A missing figure is an empty
 * cell, never 0; numbers are written as {@link csvNumber} says; text cells are neutralised against
 * formula injection.
 */
export function tableToCsv(table: DataTable): string {
  const lines = [
    table.columns.map((column) => field(column.label)).join(","),
    ...table.rows.map((row) => table.columns.map((column) => field(row[column.key], column.unit)).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
