/**
 * A problem in its spreadsheet context: the rows around it (and the header), the columns around its cell, named
 * as a spreadsheet names them (rows by number, columns by letter). Pure: the page draws it as a table.
 */
import type { Problem } from "../../functions/core/reporting/problems.js";
import { columnLetters } from "../../functions/core/reporting/workbook/cell-reference.js";
import type { SheetRows } from "./check-file.js";

/** How many rows above and below a problem's row the context shows. */
export const ROWS_AROUND = 2;
/** How many columns left and right of a problem's cell the context shows. */
export const COLUMNS_AROUND = 3;
/** How many columns the context of a problem of a whole row shows. */
export const ROW_COLUMNS = 8;

/** One row of a context. */
export interface ContextRow {
  readonly row: number;
  /** The cells of the context's columns, "" where empty. */
  readonly cells: readonly string[];
  /** Rows are left out between the previous row of the context and this one. */
  readonly gapBefore: boolean;
}

/** The part of a sheet shown around a problem. */
export interface SheetContext {
  /** The columns shown, by letter (A is the first), in order. */
  readonly columns: readonly string[];
  /** The index (in `columns`) of the problem's cell; undefined for a problem of a whole row. */
  readonly highlightColumn: number | undefined;
  readonly highlightRow: number;
  readonly rows: readonly ContextRow[];
}

const LETTER_IN_LABEL = /\(([A-Z]{1,3})\)$/;
const LETTERS = /^[A-Z]{1,3}$/;
const POSITION = /^[1-9]\d*$/;

/** The column number (0 is A) of the letters `A`, `AB`, … */
export function columnIndexOf(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/**
 * The column (0 is A) a problem names, as validation names it: in a sheet `amount (E)` or `E`; in CSV the header's
 * name (as validation reads it: trimmed, lower case) or, under an empty header cell, its position (1 is the first).
 * Undefined for a column the file does not have (such as a missing column).
 */
export function problemColumn(
  column: string | undefined,
  header: readonly string[] | undefined,
): number | undefined {
  if (column === undefined) return undefined;
  const lettered = LETTER_IN_LABEL.exec(column);
  if (lettered) return columnIndexOf(lettered[1] as string);
  const named = (header ?? []).findIndex((name) => name.trim().toLowerCase() === column);
  if (named >= 0) return named;
  if (POSITION.test(column)) return Number(column) - 1;
  if (LETTERS.test(column)) return columnIndexOf(column);
  return undefined;
}

/** The context of a problem of a row; undefined for a problem of the whole file. */
export function sheetContext(
  problem: Problem,
  rows: SheetRows,
  headerRow: number | undefined,
): SheetContext | undefined {
  if (problem.row === undefined) return undefined;
  const header = headerRow === undefined ? undefined : rows.get(headerRow);
  const column = problemColumn(problem.column, header);
  const lastRow = Math.max(problem.row, ...rows.keys());
  const firstShown = Math.max(1, problem.row - ROWS_AROUND);
  const numbers: number[] = [];
  if (headerRow !== undefined && headerRow < firstShown) numbers.push(headerRow);
  for (let row = firstShown; row <= Math.min(lastRow, problem.row + ROWS_AROUND); row++) numbers.push(row);
  const width = Math.max(1, ...numbers.map((row) => rows.get(row)?.length ?? 0), (column ?? 0) + 1);
  const from = column === undefined ? 0 : Math.max(0, column - COLUMNS_AROUND);
  const to =
    column === undefined ? Math.min(width, ROW_COLUMNS) - 1 : Math.min(width - 1, column + COLUMNS_AROUND);
  const indexes = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return {
    columns: indexes.map((index) => columnLetters(index + 1)),
    highlightColumn: column === undefined ? undefined : column - from,
    highlightRow: problem.row,
    rows: numbers.map((row, i) => ({
      row,
      cells: indexes.map((index) => rows.get(row)?.[index] ?? ""),
      gapBefore: i > 0 && row !== (numbers[i - 1] as number) + 1,
    })),
  };
}
