/**
 * Hostile workbooks, built here because no spreadsheet program writes them: zip bombs (a part that expands to far
 * more than the limit, with a true or a lying declared size), archives of too many entries, sheets of a million
 * rows or of columns past XFD by repeat count, cells of a billion spaces. Each is refused with the error that
 * names its limit, and none is expanded beyond it. The first tests use the default limits; the others smaller
 * ones, so that they stay quick.
 */
import { describe, expect, it } from "vitest";
import { describeProblem } from "../../../functions/core/reporting/problems.js";
import {
  DEFAULT_WORKBOOK_LIMITS,
  openUpload,
  readSheet,
  WorkbookError,
  WorkbookLimitError,
  type WorkbookLimits,
} from "../../../functions/core/reporting/workbook.js";
import { odsParts, workbookFile, xlsxParts } from "./workbook-files.js";

const MiB = 1024 * 1024;
const REPORT = [{ cells: ["hub_id", "period"] }, { cells: ["wm-ng", "2025"] }];
const xlsxReport = () => xlsxParts([{ name: "Report", rows: REPORT }]);

/** The refusal of a file, as the uploader reads it, and the limit it names. */
function refusal(bytes: Uint8Array, limits: Partial<WorkbookLimits> = {}): { text: string; limit?: string } {
  const opened = openUpload(bytes, { ...DEFAULT_WORKBOOK_LIMITS, ...limits });
  if (opened.format === "refused") return { text: describeProblem(opened.problem) };
  if (opened.format === "csv") throw new Error("expected a workbook");
  try {
    for (const _ of opened.sheet.records());
  } catch (error) {
    if (error instanceof WorkbookLimitError)
      return { text: describeProblem(error.problem), limit: error.limit };
    if (error instanceof WorkbookError) return { text: describeProblem(error.problem) };
    throw error;
  }
  throw new Error("expected the workbook to be refused");
}

/** The records of a workbook that must be read. */
function records(bytes: Uint8Array, limits: Partial<WorkbookLimits> = {}) {
  const opened = openUpload(bytes, { ...DEFAULT_WORKBOOK_LIMITS, ...limits });
  if (opened.format !== "xlsx" && opened.format !== "ods")
    throw new Error(`expected a workbook: ${JSON.stringify(opened)}`);
  const reading = readSheet(opened.sheet);
  if (!reading.ok) throw new Error(reading.problem.message);
  return [reading.header, ...reading.records];
}

function odsRows(rows: string): Uint8Array {
  const parts = odsParts([{ name: "Report", rows: [] }]);
  parts["content.xml"] = (parts["content.xml"] as string).replace(
    '<table:table table:name="Report">',
    `<table:table table:name="Report"><table:table-row><table:table-cell office:value-type="string"><text:p>hub_id</text:p></table:table-cell></table:table-row>${rows}`,
  );
  return workbookFile("ods", parts);
}

describe("with the default limits", () => {
  it("stops a zip bomb: a sheet of 1.3 MB that expands to 300 MiB is refused once it passes 256 MiB", () => {
    const bytes = workbookFile("xlsx", xlsxReport(), { padding: { "xl/worksheets/sheet1.xml": 300 * MiB } });
    expect(bytes.length).toBeLessThan(2 * MiB);
    expect(refusal(bytes)).toEqual({
      text: 'the part "xl/worksheets/sheet1.xml" of the workbook expands to more than 256 MiB, the most that part may hold: split the report into smaller files',
      limit: "maxPartBytes",
    });
  });

  it("refuses shared texts that expand past 64 MiB, which would be held in memory, though a sheet may expand to 256 MiB", () => {
    const bytes = workbookFile("xlsx", xlsxReport(), { padding: { "xl/sharedStrings.xml": 65 * MiB } });
    expect(refusal(bytes)).toEqual({
      text: 'the part "xl/sharedStrings.xml" of the workbook expands to more than 64 MiB, the most that part may hold: split the report into smaller files',
    });
    const sheet = workbookFile("xlsx", xlsxReport(), { padding: { "xl/worksheets/sheet1.xml": 65 * MiB } });
    expect(records(sheet).map((record) => record.fields)).toEqual([
      ["hub_id", "period"],
      ["wm-ng", "2025"],
    ]);
  });

  it("refuses an archive of more than 10,000 entries before reading any", () => {
    const bytes = workbookFile("xlsx", xlsxReport(), { extraEntries: 10_000 });
    expect(refusal(bytes).text).toBe(
      "the workbook holds more than 10,000 files inside its zip archive, the most that is read: copy the report's sheet into a new workbook and upload that",
    );
  });

  it("refuses a sheet that repeats a filled row a million times past the last row, without expanding it", () => {
    const bytes = odsRows(
      '<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="string"><text:p>wm-ng</text:p></table:table-cell></table:table-row>',
    );
    expect(refusal(bytes)).toEqual({
      text: "row 1048577: the first sheet has values below row 1,048,576, the last row that is read: split the report into smaller files",
      limit: "maxRows",
    });
  });

  it("reads a sheet that repeats a filled row up to the last row", () => {
    const bytes = odsRows(
      '<table:table-row table:number-rows-repeated="1048575"><table:table-cell office:value-type="string"><text:p>wm-ng</text:p></table:table-cell></table:table-row>',
    );
    const opened = openUpload(bytes);
    if (opened.format !== "ods") throw new Error("expected an .ods workbook");
    let count = 0;
    let last = 0;
    for (const record of opened.sheet.records()) {
      count++;
      last = record.row;
    }
    expect([count, last]).toEqual([1_048_576, 1_048_576]);
  });

  it("refuses a value in a row past the last, and in a column past XFD", () => {
    const xlsx = (sheetData: string) => {
      const parts = xlsxReport();
      parts["xl/worksheets/sheet1.xml"] =
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
      return workbookFile("xlsx", parts);
    };
    expect(refusal(xlsx('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'))).toEqual({
      text: "row 1048577: the first sheet has values below row 1,048,576, the last row that is read: split the report into smaller files",
      limit: "maxRows",
    });
    expect(refusal(xlsx('<row r="2"><c r="XFE2"><v>1</v></c></row>'))).toEqual({
      text: "row 2, column XFE: the first sheet has values right of column XFD (column 16,384), the last column that is read: delete them",
      limit: "maxColumns",
    });
    expect(refusal(xlsx('<row r="1048577"><c r="A1048577"/></row><row r="1048578"/>')).text).toBe(
      'the first sheet, "Report", has no values: the report must be on the first sheet of the workbook',
    );
  });

  it("refuses a filled cell repeated past XFD, and a sheet of too many cells, without expanding them", () => {
    expect(
      refusal(
        odsRows(
          '<table:table-row><table:table-cell table:number-columns-repeated="1000000000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>',
        ),
      ),
    ).toEqual({
      text: "row 2, column XFE: the first sheet has values right of column XFD (column 16,384), the last column that is read: delete them",
      limit: "maxColumns",
    });
    expect(
      refusal(
        odsRows(
          '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>',
        ),
      ),
    ).toEqual({
      text: "row 2: the first sheet has more than 16,777,216 cells up to its last value in each row, the most that is read: split the report into smaller files",
      limit: "maxCells",
    });
  });

  it("refuses a cell of a billion spaces (text:s) without writing them out", () => {
    const bytes = odsRows(
      '<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell></table:table-row>',
    );
    expect(refusal(bytes)).toEqual({
      text: "row 2, column A: A2 holds more than 32,767 characters, the most a cell may hold: shorten it",
      limit: "maxCellCharacters",
    });
  });
});

describe("with smaller limits", () => {
  const small: Partial<WorkbookLimits> = { maxPartBytes: MiB, maxTotalBytes: 2 * MiB };

  it("counts what a part really expands to, not what the archive declares", () => {
    const lying = workbookFile("xlsx", xlsxReport(), {
      padding: { "xl/worksheets/sheet1.xml": 3 * MiB },
      declaredSizes: { "xl/worksheets/sheet1.xml": 100 },
    });
    expect(refusal(lying, small)).toEqual({
      text: 'the part "xl/worksheets/sheet1.xml" of the workbook expands to more than 1 MiB, the most that part may hold: split the report into smaller files',
      limit: "maxPartBytes",
    });
    const boasting = workbookFile("xlsx", xlsxReport(), {
      declaredSizes: { "xl/worksheets/sheet1.xml": 4_000_000_000 },
    });
    expect(records(boasting, small).map((record) => record.fields)).toEqual([
      ["hub_id", "period"],
      ["wm-ng", "2025"],
    ]);
  });

  it("counts every part read against the total, the shared strings and styles too", () => {
    const bytes = workbookFile("xlsx", xlsxReport(), {
      padding: {
        "xl/sharedStrings.xml": 900 * 1024,
        "xl/styles.xml": 900 * 1024,
        "xl/worksheets/sheet1.xml": 900 * 1024,
      },
    });
    expect(refusal(bytes, small)).toEqual({
      text: "the parts of the workbook expand to more than 2 MiB in all, the most that is read: split the report into smaller files",
      limit: "maxTotalBytes",
    });
    expect(records(bytes, { ...small, maxTotalBytes: 3 * MiB })).toHaveLength(2);
  });

  it.each(["xlsx", "ods"] as const)("reads a .%s sheet again without counting its bytes twice", (format) => {
    const sheetPart = format === "xlsx" ? "xl/worksheets/sheet1.xml" : "content.xml";
    const parts = format === "xlsx" ? xlsxReport() : odsParts([{ name: "Report", rows: REPORT }]);
    const bytes = workbookFile(format, parts, { padding: { [sheetPart]: 900 * 1024 } });
    const opened = openUpload(bytes, { ...DEFAULT_WORKBOOK_LIMITS, ...small, maxTotalBytes: 1.5 * MiB });
    if (opened.format !== format) throw new Error(`expected an .${format} workbook`);
    expect([...opened.sheet.records()]).toHaveLength(2);
    expect([...opened.sheet.records()]).toHaveLength(2);
  });

  it("stops an .ods zip bomb in content.xml the same way", () => {
    const bytes = workbookFile("ods", odsParts([{ name: "Report", rows: REPORT }]), {
      padding: { "content.xml": 2 * MiB },
    });
    expect(refusal(bytes, small).text).toBe(
      'the part "content.xml" of the workbook expands to more than 1 MiB, the most that part may hold: split the report into smaller files',
    );
  });

  it("refuses more entries than the limit", () => {
    const bytes = workbookFile("ods", odsParts([{ name: "Report", rows: REPORT }]), { extraEntries: 5 });
    expect(refusal(bytes, { maxEntries: 8 }).text).toBe(
      "the workbook holds more than 8 files inside its zip archive, the most that is read: copy the report's sheet into a new workbook and upload that",
    );
    expect(records(bytes, { maxEntries: 9 })).toHaveLength(2);
  });
});
