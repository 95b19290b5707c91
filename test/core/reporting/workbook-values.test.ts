/**
 * How stored cell values become the text a person sees: numbers to 15 significant digits (decimal rounding of the
 * stored text, never through a double), dates by what their format shows, and cell references by letter.
 */
import { describe, expect, it } from "vitest";
import {
  columnLetters,
  parseCellReference,
} from "../../../functions/core/reporting/workbook/cell-reference.js";
import {
  dateShapeOfFormat,
  dateText,
  serialDate,
  shownNumber,
} from "../../../functions/core/reporting/workbook/values.js";

describe("shownNumber", () => {
  it.each([
    ["0.30000000000000004", "0.3"],
    ["0.1", "0.1"],
    ["100.50", "100.5"],
    ["1500", "1500"],
    ["-42.75", "-42.75"],
    ["-0", "0"],
    ["0", "0"],
    ["1E+21", "1000000000000000000000"],
    ["1.5E-3", "0.0015"],
    ["12345678901234567", "12345678901234600"],
    ["9.99999999999999999", "10"],
    ["0.99999999999999995", "1"],
    ["123456789012345.4", "123456789012345"],
    ["9999999999999.99", "9999999999999.99"],
    ["+7", "7"],
    [".5", "0.5"],
  ])("shows %s as %s", (stored, shown) => {
    expect(shownNumber(stored)).toBe(shown);
  });

  it.each(["NaN", "INF", "12abc", "", "1e999"])(
    "keeps %j as written: it is no number a sheet stores",
    (stored) => {
      expect(shownNumber(stored)).toBe(stored);
    },
  );
});

describe("dateShapeOfFormat", () => {
  it.each([
    ["yyyy", { date: "year", time: "none" }],
    ["yyyy-mm", { date: "month", time: "none" }],
    ["mmm yy", { date: "month", time: "none" }],
    ["dd/mm/yyyy", { date: "day", time: "none" }],
    ["d-mmm", { date: "day", time: "none" }],
    ["yyyy\\-Q", { date: "quarter", time: "none" }],
    ["h:mm", { date: "none", time: "minutes" }],
    ["h:mm:ss AM/PM", { date: "none", time: "seconds" }],
    ["mm:ss", { date: "none", time: "seconds" }],
    ["[h]:mm", { date: "none", time: "minutes", elapsed: true }],
    ["yyyy-mm-dd hh:mm", { date: "day", time: "minutes" }],
    ["[$-409]d mmmm yyyy;@", { date: "day", time: "none" }],
  ])("%s shows a date or time", (code, shape) => {
    expect(dateShapeOfFormat(code)).toEqual(shape);
  });

  it.each([
    "General",
    "0.00",
    "#,##0.00",
    "0.00E+00",
    '#,##0 "days"',
    "[Red]0.00;[Blue]-0.00",
    "0%",
    '"yyyy"0',
  ])("%s shows a number", (code) => {
    expect(dateShapeOfFormat(code)).toBeUndefined();
  });
});

describe("serialDate", () => {
  const text = (serial: number, date1904 = false) => {
    const parts = serialDate(serial, date1904);
    return parts && dateText(parts, { date: "day", time: "seconds" });
  };

  it("counts days as spreadsheets do, with 1900's fictitious 29 February and the 1904 system", () => {
    expect(text(1)).toBe("1900-01-01T00:00:00");
    expect(text(59)).toBe("1900-02-28T00:00:00");
    expect(text(60)).toBe("1900-02-29T00:00:00");
    expect(text(61)).toBe("1900-03-01T00:00:00");
    expect(text(45839.75)).toBe("2025-07-01T18:00:00");
    expect(text(45839.99999)).toBe("2025-07-01T23:59:59");
    expect(text(45839.9999999)).toBe("2025-07-02T00:00:00");
    expect(text(0, true)).toBe("1904-01-01T00:00:00");
    expect(text(44377, true)).toBe("2025-07-01T00:00:00");
  });

  it("is no date below 0 or from the year 10000", () => {
    expect(serialDate(-1, false)).toBeUndefined();
    expect(serialDate(2_958_465, false)?.year).toBe(9999);
    expect(serialDate(2_958_466, false)).toBeUndefined();
  });
});

describe("cell references", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16_384, "XFD"],
  ])("column %i is %s", (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
    expect(parseCellReference(`${letters}7`)).toEqual({ column, row: 7 });
  });

  it("reads absolute references and refuses what is none", () => {
    expect(parseCellReference("$B$12")).toEqual({ column: 2, row: 12 });
    expect(parseCellReference("B")).toEqual({ column: 2, row: 0 });
    expect(parseCellReference("R1C1")).toBeUndefined();
  });
});
