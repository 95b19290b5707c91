/**
 * Reading the first sheet of a workbook as a person sees it: real files written by LibreOffice Calc
 * (test/fixtures/workbooks/, see its README) and workbooks built here for what LibreOffice does not write (Excel's
 * float noise, formulas saved without values, the 1904 date system, chart and hidden first sheets, damaged parts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeProblem } from "../../../functions/core/reporting/problems.js";
import {
  FormulaWithoutValueError,
  openUpload,
  readSheet,
  type Sheet,
  type WorkbookLimits,
} from "../../../functions/core/reporting/workbook.js";
import { check } from "./helpers.js";
import { odsParts, workbookFile, xlsxParts, zipFile } from "./workbook-files.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/workbooks");
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** The opened first sheet of a workbook; fails the test when the file is not one. */
function sheetOf(bytes: Uint8Array, limits?: WorkbookLimits): Sheet {
  const opened = openUpload(bytes, limits);
  if (opened.format !== "xlsx" && opened.format !== "ods")
    throw new Error(`expected a workbook, got ${JSON.stringify(opened)}`);
  return opened.sheet;
}

/** The sheet's rows as `[row, fields]`, header first. */
function rowsOf(bytes: Uint8Array): [number, string[]][] {
  const reading = readSheet(sheetOf(bytes));
  if (!reading.ok) throw new Error(`expected the sheet to be read: ${reading.problem.message}`);
  return [reading.header, ...reading.records].map((record) => [record.row, record.fields]);
}

/** The one problem that refuses a file, as the uploader reads it. */
function refusal(bytes: Uint8Array, limits?: WorkbookLimits): string {
  const opened = openUpload(bytes, limits);
  if (opened.format === "refused") return describeProblem(opened.problem);
  if (opened.format === "csv") throw new Error("expected a workbook");
  const reading = readSheet(opened.sheet);
  if (reading.ok) throw new Error("expected the workbook to be refused");
  return describeProblem(reading.problem);
}

/** An `.xlsx` file whose first sheet has this `sheetData` (and these extra workbook parts). */
function xlsxWithSheetData(sheetData: string, parts: Record<string, string> = {}, workbookProperties = "") {
  const built = xlsxParts([{ name: "Report", rows: [] }], workbookProperties);
  built["xl/worksheets/sheet1.xml"] =
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
  return workbookFile("xlsx", { ...built, ...parts });
}

/** An `.ods` file whose first table has these rows. */
function odsWithRows(rows: string, tableAttributes = "") {
  const parts = odsParts([{ name: "Report", rows: [] }]);
  parts["content.xml"] = (parts["content.xml"] as string).replace(
    '<table:table table:name="Report">',
    `<table:table table:name="Report"${tableAttributes}>${rows}`,
  );
  return workbookFile("ods", parts);
}

const VALUES = [
  [1, ["what", "value", "hidden"]],
  [2, ["integer", "2025", "in a hidden column"]],
  [3, ["two places shown", "100.5", ""]],
  [4, ["sum of 0.1 and 0.2", "0.3", ""]],
  [5, ["large", "12345678901234600", ""]],
  [6, ["negative", "-42.75", ""]],
  [7, ["percent", "0.25", ""]],
  [8, ["currency", "1234.5", ""]],
  [9, ["boolean", "TRUE", ""]],
  [10, ["formula", "4050", ""]],
  [11, ["text formula", "wm-ng", ""]],
  [12, ["error", "#DIV/0!", ""]],
  [13, ["rich text", "Books and pens", ""]],
  [14, ["spaces", " padded  ", ""]],
  [15, ["line break", "line one\nline two", ""]],
  [16, ["comment", "programs", ""]],
  [18, ["after an empty row", "x", ""]],
  [19, ["hidden row", "still read", ""]],
  [20, ["merged", "merged value", ""]],
  [21, ["below merged", "", ""]],
  [22, ["text of digits", "007", ""]],
];

describe.each(["xlsx", "ods"])("a .%s workbook written by LibreOffice", (format) => {
  it("is read as the values a person sees, with the sheet's row numbers, from the first sheet only", () => {
    expect(rowsOf(fixture(`values.${format}`))).toEqual(VALUES);
  });

  it("reads dates as ISO 8601 text to the precision their format shows", () => {
    expect(rowsOf(fixture(`dates.${format}`))).toEqual([
      [1, ["what", "value"]],
      [2, ["year only", "2025"]],
      [3, ["year and month", "2025-07"]],
      [4, ["quarter", "2025-Q3"]],
      [5, ["full date", "2025-07-01"]],
      [6, ["date and time", "2025-07-01T10:30"]],
      [7, ["time", "10:30"]],
    ]);
  });

  it("shows a merged range's value in its top-left cell only, though the file keeps values under it", () => {
    expect(rowsOf(fixture(`merged-with-hidden-content.${format}`))).toEqual([
      [1, ["hub_id", "period", "description"]],
      [2, ["wm-ng", "2025", "Editathon"]],
      [3, ["", "2025", "Workshop"]],
    ]);
  });

  it("refuses a first sheet without values, naming it, even when the report is on the second", () => {
    expect(refusal(fixture(`empty-first-sheet.${format}`))).toBe(
      'the first sheet, "Empty", has no values: the report must be on the first sheet of the workbook',
    );
  });

  it("gives records that the CSV validation judges at the sheet's rows", () => {
    const reading = readSheet(sheetOf(fixture(`financial-report.${format}`)));
    if (!reading.ok) throw new Error(reading.problem.message);
    expect(reading.header.fields).toEqual([
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
    ]);
    expect(reading.records.map((record) => [record.row, record.fields[4]])).toEqual([
      [2, "1500.5"],
      [3, "250000"],
      [4, "1.234,56"],
      [5, "12000"],
    ]);
    const asCsv = [reading.header, ...reading.records]
      .map((record) =>
        record.fields.map((field) => (/[",]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)),
      )
      .map((fields) => fields.join(","))
      .join("\n");
    expect(check(asCsv)).toEqual([
      'row 4, column amount: "1.234,56" is not a number (use . as the decimal separator)',
      'row 5, column country: warning: "US" is not the seat of hub "wm-ng" (NG): a movement_allocation line is booked in the country of the hub that receives it, where the money is spent from; accepted, but check the country',
    ]);
  });
});

describe("an .ods workbook", () => {
  it("refuses a hidden first sheet rather than guess which sheet the report is on", () => {
    expect(refusal(fixture("hidden-first-sheet.ods"))).toBe(
      `the first sheet, "Lists", is hidden: the report must be on the first sheet, so show it, or move the report's sheet to the first place`,
    );
  });

  it("skips a billion repeated empty rows and columns without expanding them", () => {
    const bytes = odsWithRows(
      '<table:table-row><table:table-cell office:value-type="string"><text:p>hub_id</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1000000000"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell table:number-columns-repeated="1000000000"/></table:table-row>',
    );
    expect(rowsOf(bytes)).toEqual([[1, ["hub_id"]]]);
  });

  it("expands a repeated row that holds values into one record per row", () => {
    const bytes = odsWithRows(
      '<table:table-row><table:table-cell office:value-type="string"><text:p>metric</text:p></table:table-cell></table:table-row>' +
        '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:table-row>',
    );
    expect(rowsOf(bytes)).toEqual([
      [1, ["metric"]],
      [2, ["7", "7"]],
      [3, ["7", "7"]],
      [4, ["7", "7"]],
    ]);
  });

  it("keeps the text of a cell's own paragraphs only: no comments, notes or shapes", () => {
    const bytes = odsWithRows(
      '<table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p></office:annotation><text:p>Grant <text:span>for</text:span><text:s text:c="2"/><text:a>Lagos</text:a><text:note><text:note-body><text:p>a note</text:p></text:note-body></text:note></text:p></table:table-cell></table:table-row>',
    );
    expect(rowsOf(bytes)).toEqual([[1, ["Grant for  Lagos"]]]);
  });

  it("refuses a formula saved without its value, naming the cell", () => {
    const bytes = odsWithRows(
      '<table:table-row><table:table-cell office:value-type="string"><text:p>amount</text:p></table:table-cell></table:table-row>' +
        '<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:formula="of:=SUM([.A1:.A2])"/></table:table-row>',
    );
    expect(refusal(bytes)).toBe(
      "row 2, column C: C2 holds a formula whose value was not saved (formulas are never calculated here): open the file in your spreadsheet program and save it again, so that it saves the values",
    );
  });

  it("reads booleans, a date without a style, and a time duration", () => {
    const bytes = odsWithRows(
      '<table:table-row><table:table-cell office:value-type="boolean" office:boolean-value="false"/><table:table-cell office:value-type="date" office:date-value="2025-07-01T08:05:09"/><table:table-cell office:value-type="date" office:date-value="2025-07-01"/><table:table-cell office:value-type="time" office:time-value="PT36H30M00S"/></table:table-row>',
    );
    expect(rowsOf(bytes)).toEqual([[1, ["FALSE", "2025-07-01T08:05:09", "2025-07-01", "12:30:00"]]]);
  });
});

describe("an .xlsx workbook", () => {
  it("shows a number as a spreadsheet does: 15 significant digits, no float noise, plain notation", () => {
    const bytes = xlsxWithSheetData(
      '<row r="1"><c r="A1"><v>0.30000000000000004</v></c><c r="B1"><v>1.0000000000000001E-3</v></c><c r="C1"><v>1E+21</v></c><c r="D1"><v>-0</v></c><c r="E1"><v>2025</v></c><c r="F1"><v>9999999999999.99</v></c></row>',
    );
    expect(rowsOf(bytes)).toEqual([
      [1, ["0.3", "0.001", "1000000000000000000000", "0", "2025", "9999999999999.99"]],
    ]);
  });

  it("reads shared strings, rich text without its phonetic runs, inline strings and escaped characters", () => {
    const sharedStrings =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>wm-ng</t></si><si><r><t>Books </t></r><r><rPr><b/></rPr><t>and pens</t></r><rPh sb="0" eb="1"><t>ぶっくす</t></rPh></si><si><t xml:space="preserve"> x_x000D_y_x005F_x000D_ </t></si></sst>';
    const bytes = xlsxWithSheetData(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>',
      { "xl/sharedStrings.xml": sharedStrings },
    );
    expect(rowsOf(bytes)).toEqual([[1, ["wm-ng", "Books and pens", " x\ry_x000D_ ", "inline"]]]);
  });

  it("reads booleans, error values and string results of formulas, and cells without references", () => {
    const bytes = xlsxWithSheetData(
      '<row><c t="b"><v>0</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="str"><f>"wm"&amp;"-ng"</f><v>wm-ng</v></c><c t="str"><f>""</f><v></v></c><c><f t="shared" si="0"/><v>3</v></c></row><row><c><v>1</v></c></row>',
    );
    expect(rowsOf(bytes)).toEqual([
      [1, ["FALSE", "#DIV/0!", "wm-ng", "", "3"]],
      [2, ["1", "", "", "", ""]],
    ]);
  });

  it.each([
    ["with no value at all", '<c r="E7"><f>SUM(E2:E6)</f></c>'],
    ["with an empty value, as some libraries write it", '<c r="E7"><f>SUM(E2:E6)</f><v></v></c>'],
  ])("refuses a formula saved %s, naming the cell", (_, cell) => {
    const bytes = xlsxWithSheetData(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>amount</t></is></c></row><row r="7">${cell}</row>`,
    );
    expect(refusal(bytes)).toBe(
      "row 7, column E: E7 holds a formula whose value was not saved (formulas are never calculated here): open the file in your spreadsheet program and save it again, so that it saves the values",
    );
  });

  it('reads dates by their number format, in the 1900 and the 1904 date systems, and ISO dates (t="d")', () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="yyyy"/><numFmt numFmtId="165" formatCode="mmm\\ yy"/><numFmt numFmtId="166" formatCode="[h]:mm"/><numFmt numFmtId="167" formatCode="0.00E+00"/><numFmt numFmtId="168" formatCode="#,##0.00\\ &quot;days&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="22"/><xf numFmtId="168"/></cellXfs></styleSheet>';
    const row =
      '<row r="1"><c s="1"><v>45839</v></c><c s="2"><v>45839</v></c><c s="3"><v>45839</v></c><c s="4"><v>1.5</v></c><c s="5"><v>45839</v></c><c s="6"><v>45839.5</v></c><c s="7"><v>45839</v></c><c s="1"><v>60</v></c><c s="1" t="d"><v>2025-07-01T00:00:00</v></c><c s="1"><v>-1</v></c></row>';
    expect(rowsOf(xlsxWithSheetData(row, { "xl/styles.xml": styles }))).toEqual([
      [
        1,
        [
          "2025-07-01",
          "2025",
          "2025-07",
          "36:00",
          "45839",
          "2025-07-01T12:00",
          "45839",
          "1900-02-29",
          "2025-07-01",
          "-1",
        ],
      ],
    ]);
    const in1904 = xlsxWithSheetData(
      '<row r="1"><c s="1"><v>44377</v></c></row>',
      { "xl/styles.xml": styles },
      '<workbookPr date1904="1"/>',
    );
    expect(rowsOf(in1904)).toEqual([[1, ["2025-07-01"]]]);
  });

  it("skips rows whose cells are all blank, and pads rows shorter than the header", () => {
    const bytes = xlsxWithSheetData(
      '<row r="3"><c r="B3" t="inlineStr"><is><t>hub_id</t></is></c><c r="C3" t="inlineStr"><is><t>period</t></is></c><c r="D3" s="1"/></row><row r="4"><c r="B4" t="inlineStr"><is><t>   </t></is></c></row><row r="6"><c r="B6" t="inlineStr"><is><t>wm-ng</t></is></c></row><row r="7"><c r="E7" t="inlineStr"><is><t>note</t></is></c></row>',
    );
    expect(rowsOf(bytes)).toEqual([
      [3, ["", "hub_id", "period"]],
      [6, ["", "wm-ng", ""]],
      [7, ["", "", "", "", "note"]],
    ]);
  });

  it("finds merged ranges listed after many rows, written with a prefix", () => {
    const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rows = Array.from(
      { length: 20_000 },
      (_, index) =>
        `<x:row r="${index + 1}"><x:c r="A${index + 1}"><x:v>${index * 7919}</x:v></x:c><x:c r="B${index + 1}"><x:v>${index}</x:v></x:c></x:row>`,
    ).join("");
    const parts = xlsxParts([{ name: "Report", rows: [] }]);
    parts["xl/worksheets/sheet1.xml"] =
      `<x:worksheet xmlns:x="${ns}"><x:sheetData>${rows}</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A2:B3"/><x:mergeCell ref="B19999:B20000"/></x:mergeCells></x:worksheet>`;
    const read = rowsOf(workbookFile("xlsx", parts));
    expect(read.slice(0, 4)).toEqual([
      [1, ["0", "0"]],
      [2, ["7919", ""]],
      [4, ["23757", "3"]],
      [5, ["31676", "4"]],
    ]);
    expect(read.slice(-2)).toEqual([
      [19999, ["158364162", "19998"]],
      [20000, ["158372081", ""]],
    ]);
  });

  it("reads elements with a namespace prefix and Strict Open XML's namespaces", () => {
    const strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const parts = xlsxParts([{ name: "Report", rows: [] }]);
    parts["xl/workbook.xml"] =
      `<x:workbook xmlns:x="${strict}" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><x:sheets><x:sheet name="Report" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    parts["xl/worksheets/sheet1.xml"] =
      `<x:worksheet xmlns:x="${strict}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hub_id</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replaceAll(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
      "http://purl.oclc.org/ooxml/officeDocument/relationships/",
    );
    expect(rowsOf(workbookFile("xlsx", parts))).toEqual([[1, ["hub_id"]]]);
  });

  it("refuses a first sheet that is a chart or is hidden, and a workbook without sheets", () => {
    const row = { cells: ["hub_id"] };
    expect(
      refusal(
        workbookFile(
          "xlsx",
          xlsxParts([
            { name: "Chart 1", chart: true, rows: [] },
            { name: "Report", rows: [row] },
          ]),
        ),
      ),
    ).toBe(
      'the first sheet, "Chart 1", is a chart sheet, not a table: the report must be on the first sheet, so move its sheet to the first place',
    );
    expect(
      refusal(
        workbookFile(
          "xlsx",
          xlsxParts([
            { name: "Lists", hidden: true, rows: [row] },
            { name: "Report", rows: [row] },
          ]),
        ),
      ),
    ).toBe(
      `the first sheet, "Lists", is hidden: the report must be on the first sheet, so show it, or move the report's sheet to the first place`,
    );
    expect(refusal(workbookFile("xlsx", xlsxParts([])))).toBe(
      "the workbook cannot be read (it has no sheets): open it in your spreadsheet program, save it again as .xlsx or .ods, and upload the new file",
    );
  });

  it("reads only the first sheet, whose part is found through the workbook's relationships", () => {
    const parts = xlsxParts([
      { name: "Report", rows: [{ cells: ["first"] }] },
      { name: "Other", rows: [{ cells: ["second"] }] },
    ]);
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string)
      .replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet2.xml"')
      .replace('Target="worksheets/sheet2.xml"', 'Target="worksheets/../worksheets/sheet1.xml"');
    expect(rowsOf(workbookFile("xlsx", parts))).toEqual([[1, ["second"]]]);
  });
});

describe("a damaged workbook", () => {
  const unreadable = (reason: string) =>
    `the workbook cannot be read (${reason}): open it in your spreadsheet program, save it again as .xlsx or .ods, and upload the new file`;
  const parts = () => xlsxParts([{ name: "Report", rows: [{ cells: ["hub_id"] }] }]);

  it("is refused when a part is missing, cut off, badly compressed or not well-formed XML", () => {
    const missing = parts();
    delete missing["xl/worksheets/sheet1.xml"];
    expect(refusal(workbookFile("xlsx", missing))).toBe(
      unreadable('its part "xl/worksheets/sheet1.xml" is missing'),
    );

    const notXml = { ...parts(), "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row>" };
    expect(refusal(workbookFile("xlsx", notXml))).toBe(
      unreadable('its part "xl/worksheets/sheet1.xml" is not well-formed XML'),
    );

    const good = workbookFile("xlsx", parts());
    const bad = good.slice();
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    const at = indexOfBytes(bad, name) + name.length;
    bad.fill(0xff, at, at + 8);
    expect(refusal(bad)).toBe(unreadable('its part "xl/worksheets/sheet1.xml" is damaged'));
  });

  it("is refused when its rows are out of order or two parts share a name", () => {
    expect(refusal(xlsxWithSheetData('<row r="2"></row><row r="1"></row>'))).toBe(
      unreadable("the rows of its first sheet are out of order"),
    );
    const entries = Object.entries(parts()).map(([name, content]) => ({ name, content }));
    const twice = zipFile([...entries, { name: "XL/Worksheets/Sheet1.xml", content: "<worksheet/>" }]);
    expect(refusal(twice)).toBe(unreadable('two of its parts are named "xl/worksheets/sheet1.xml"'));
  });

  it("refuses a document type declaration, so no entity of the file is ever expanded", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    expect(refusal(workbookFile("xlsx", { ...parts(), "xl/worksheets/sheet1.xml": laughs }))).toBe(
      unreadable('its part "xl/worksheets/sheet1.xml" declares a document type'),
    );
  });

  it("is refused when it is no workbook at all but starts like one", () => {
    const good = workbookFile("xlsx", parts());
    expect(refusal(good.slice(0, good.length - 30))).toBe(
      "the file starts like a workbook (a zip archive) but is damaged or incomplete, perhaps cut off during the upload: save it again and upload the new file",
    );
  });
});

describe("the records of a sheet", () => {
  it("are read as a stream: the rows before a cell that cannot be read arrive before its error", () => {
    const rows = Array.from(
      { length: 3000 },
      (_, index) => `<row r="${index + 1}"><c><v>${index}</v></c></row>`,
    ).join("");
    const sheet = sheetOf(xlsxWithSheetData(`${rows}<row r="3001"><c><f>A1</f></c></row>`));
    const seen: number[] = [];
    const read = () => {
      for (const record of sheet.records()) seen.push(record.row);
    };
    expect(read).toThrow(FormulaWithoutValueError);
    expect(seen).toHaveLength(3000);
    expect(seen.at(-1)).toBe(3000);
  });

  it.each(["xlsx", "ods"])("can be read again from the start (.%s)", (format) => {
    const sheet = sheetOf(fixture(`values.${format}`));
    const first = [...sheet.records()];
    expect([...sheet.records()]).toEqual(first);
    expect(first).toHaveLength(VALUES.length);
  });
});

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let index = 0; index < needle.length; index++)
      if (haystack[start + index] !== needle[index]) continue outer;
    return start;
  }
  return -1;
}
