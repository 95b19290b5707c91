/** Cell references as a spreadsheet writes them: columns by letter (A, B, …, Z, AA, …, XFD), rows from 1. */

/** The letters of a column, 1 being A. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A cell's reference, such as B7, from its column (1 is A) and row. */
export function cellName(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * The column (1 is A) and row of a reference such as `B7` or `$B$7`; undefined when it is not one. Only the
 * letters are needed for the column: a reference without a row gives row 0.
 */
export function parseCellReference(reference: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{0,7})$/.exec(reference);
  if (!match) return undefined;
  const [, letters = "", digits = ""] = match;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column, row: digits === "" ? 0 : Number(digits) };
}
