/**
 * What the validator page hands back: the hub's own file as CSV with a `problems` column, and the list of problems
 * as CSV. Both are RFC 4180, UTF-8 with a byte-order mark, lines ended by CRLF, every text cell neutralised against
 * formulas, like the site's other CSV files. Pure: the page builds them in the browser.
 */
import { csvField } from "../../functions/core/reporting/csv.js";
import type { Problem } from "../../functions/core/reporting/problems.js";
import { neutraliseFormula } from "../charts/csv-download.js";
import type { SheetRows } from "./check-file.js";

/** The name of the column the annotated copy adds. */
export const PROBLEMS_COLUMN = "problems";

const field = (text: string) => csvField(neutraliseFormula(text));
const csvText = (lines: readonly string[]) => `\uFEFF${lines.join("\r\n")}\r\n`;

/** A problem in words, where its row is already said: `column C: warning: sentence` (`rule`: its id). */
export function problemInRow(problem: Problem): string {
  const where = problem.column === undefined ? "" : `column ${problem.column}: `;
  const severity = problem.severity === "warning" ? "warning: " : "";
  return `${where}${severity}${problem.message} [${problem.code}]`;
}

/**
 * The file's rows as CSV with one more column, `problems`: each row's problems in words, separated by ` | `. Rows
 * are numbered as in the spreadsheet: a row the file leaves empty is an empty line of the copy, so that row N of
 * the copy is row N of the file. The header row gets the column's name; problems of the header row and of the
 * whole file are in the problem list.
 */
export function annotatedCsv(
  rows: SheetRows,
  problems: readonly Problem[],
  headerRow: number | undefined,
): string {
  const numbers = [...rows.keys()];
  if (numbers.length === 0) return csvText([field(PROBLEMS_COLUMN)]);
  const last = Math.max(...numbers);
  const width = Math.max(...[...rows.values()].map((fields) => fields.length));
  const byRow = new Map<number, Problem[]>();
  for (const problem of problems) {
    if (problem.row === undefined || problem.row === headerRow) continue;
    byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);
  }
  const lines: string[] = [];
  for (let row = 1; row <= last; row++) {
    const fields = rows.get(row) ?? [];
    const cells = Array.from({ length: width }, (_, i) => fields[i] ?? "");
    const note = row === headerRow ? PROBLEMS_COLUMN : (byRow.get(row) ?? []).map(problemInRow).join(" | ");
    lines.push([...cells, note].map(field).join(","));
  }
  return csvText(lines);
}

/** The problem list as CSV: `row, column, rule, severity, message`, in the order validation gives them. */
export function problemsCsv(problems: readonly Problem[]): string {
  return csvText([
    "row,column,rule,severity,message",
    ...problems.map((problem) =>
      [
        problem.row === undefined ? "" : String(problem.row),
        problem.column ?? "",
        problem.code,
        problem.severity,
        problem.message,
      ]
        .map(field)
        .join(","),
    ),
  ]);
}
