import { plainDecimal } from "../../functions/core/indicators/indicators-file.js";
import { csvField } from "../../functions/core/reporting/csv.js";
import type { CellValue, DataTable } from "./table.js";

/** The characters that make a spreadsheet read a cell as a formula (or, for tab and CR, shift it). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one that would start a formula (`=`, `+`, `-`,
 * `@`, tab, carriage return) is prefixed with an apostrophe, so it is shown as text and never run.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? plainDecimal(value) : "";
  if (typeof value === "boolean") return String(value);
  return csvField(neutraliseFormula(value));
}

/**
 * A chart's data table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read
 * non-Latin text correctly): the column labels, then one line per row. Numbers are written in full
 * precision; text cells are neutralised against formula injection.
 */
export function tableToCsv(table: DataTable): string {
  const lines = [
    table.columns.map((column) => field(column.label)).join(","),
    ...table.rows.map((row) => table.columns.map((column) => field(row[column.key])).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
