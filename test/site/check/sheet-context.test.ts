import { describe, expect, it } from "vitest";
import type { Problem } from "../../../functions/core/reporting/problems.js";
import { columnIndexOf, problemColumn, sheetContext } from "../../../site/check/sheet-context.js";

const HEADER = [
  "hub_id",
  "period",
  "flow",
  "category",
  "amount",
  "currency",
  "country",
  "counterparty_id",
  "underrepresented_focus",
  "description",
];
const line = (amount: string) => [
  "wm-ng",
  "2025",
  "expense",
  "programs",
  amount,
  "NGN",
  "NG",
  "",
  "",
  "text",
];
const rows = new Map<number, string[]>([
  [1, HEADER],
  ...Array.from({ length: 9 }, (_, i): [number, string[]] => [i + 2, line(String(100 + i))]),
]);
const problem = (row: number | undefined, column?: string): Problem => ({
  severity: "error",
  code: "notANumber",
  message: "x",
  ...(row === undefined ? {} : { row }),
  ...(column === undefined ? {} : { column }),
});

describe("problemColumn", () => {
  it("reads the column as validation names it: a sheet's letter, a CSV header's name, a position", () => {
    expect(columnIndexOf("A")).toBe(0);
    expect(columnIndexOf("Z")).toBe(25);
    expect(columnIndexOf("AA")).toBe(26);
    expect(problemColumn("amount (E)", HEADER)).toBe(4);
    expect(problemColumn("amount", HEADER)).toBe(4);
    expect(problemColumn("AB", undefined)).toBe(27);
    expect(problemColumn("3", ["a", "", ""])).toBe(2);
    expect(problemColumn("currency", [" Currency ", "x"])).toBe(0);
    expect(problemColumn("notes", HEADER)).toBeUndefined();
    expect(problemColumn(undefined, HEADER)).toBeUndefined();
  });
});

describe("sheetContext", () => {
  it("shows two rows either side of the problem's, the header above them, and three columns either side", () => {
    const context = sheetContext(problem(7, "amount (E)"), rows, 1);
    expect(context?.columns).toEqual(["B", "C", "D", "E", "F", "G", "H"]);
    expect(context?.highlightColumn).toBe(3);
    expect(context?.rows.map((row) => [row.row, row.gapBefore])).toEqual([
      [1, false],
      [5, true],
      [6, false],
      [7, false],
      [8, false],
      [9, false],
    ]);
    expect(context?.rows[3]?.cells).toEqual(["2025", "expense", "programs", "105", "NGN", "NG", ""]);
    expect(context?.rows[0]?.cells[3]).toBe("amount");
  });

  it("keeps the window inside the sheet at its first row and column, and shows an empty row as empty", () => {
    const sparse = new Map(rows);
    sparse.delete(3);
    const context = sheetContext(problem(2, "hub_id"), sparse, 1);
    expect(context?.columns).toEqual(["A", "B", "C", "D"]);
    expect(context?.highlightColumn).toBe(0);
    expect(context?.rows.map((row) => row.row)).toEqual([1, 2, 3, 4]);
    expect(context?.rows[2]?.cells).toEqual(["", "", "", ""]);
  });

  it("highlights no cell for a problem of a row, or of a column the file lacks, and has none for the whole file", () => {
    const row = sheetContext(problem(10), rows, 1);
    expect(row?.highlightColumn).toBeUndefined();
    expect(row?.columns).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    expect(row?.rows.map((r) => r.row)).toEqual([1, 8, 9, 10]);
    expect(sheetContext(problem(1, "currency_code"), rows, 1)?.highlightColumn).toBeUndefined();
    expect(sheetContext(problem(undefined), rows, 1)).toBeUndefined();
  });
});
