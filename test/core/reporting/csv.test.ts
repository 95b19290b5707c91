import { describe, expect, it } from "vitest";
import { csvField, detectDelimiter, parseCsv } from "../../../functions/core/reporting/csv.js";

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1;2;3;4;5", ","],
    ["a;b;c\n1,2,3,4,5", ";"],
    ["single", ","],
    ['"a;b;c",d', ","],
    ['"x,y,z";a;b', ";"],
  ])("%j → %s (only the header line, quotes ignored)", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe("parseCsv", () => {
  it("reads a comma-delimited file: the header is row 1, data starts on row 2", () => {
    const csv = parseCsv("a,b\n1,2\n3,4\n");
    expect(csv.delimiter).toBe(",");
    expect(csv.header).toEqual({ row: 1, fields: ["a", "b"] });
    expect(csv.records).toEqual([
      { row: 2, fields: ["1", "2"] },
      { row: 3, fields: ["3", "4"] },
    ]);
    expect(csv.syntaxErrors).toEqual([]);
  });

  it("reads a semicolon-delimited file, where a comma is part of a value", () => {
    const csv = parseCsv("a;b\n1,5;2\n");
    expect(csv.delimiter).toBe(";");
    expect(csv.records).toEqual([{ row: 2, fields: ["1,5", "2"] }]);
  });

  it("keeps delimiters, doubled quotes and line breaks inside quoted values", () => {
    const csv = parseCsv('h1,h2\n"a,b","say ""hi"""\n"line 1\nline 2",x\n');
    expect(csv.records).toEqual([
      { row: 2, fields: ["a,b", 'say "hi"'] },
      { row: 3, fields: ["line 1\nline 2", "x"] },
    ]);
  });

  it("counts a record with a line break in a quoted value as one spreadsheet row", () => {
    const csv = parseCsv('h1,h2\n"one\ntwo\nthree",x\nnext,y\n');
    expect(csv.records.map((record) => record.row)).toEqual([2, 3]);
    expect(csv.records[1]?.fields).toEqual(["next", "y"]);
  });

  it("accepts CRLF and lone CR line ends, keeping a CRLF inside quotes", () => {
    expect(parseCsv('a,b\r\n"x\r\ny",1\r\n2,3\r\n').records).toEqual([
      { row: 2, fields: ["x\r\ny", "1"] },
      { row: 3, fields: ["2", "3"] },
    ]);
    expect(parseCsv("a,b\r1,2\r3,4").records).toEqual([
      { row: 2, fields: ["1", "2"] },
      { row: 3, fields: ["3", "4"] },
    ]);
  });

  it("skips blank rows (also rows of empty cells) but still counts them", () => {
    const csv = parseCsv("a,b\n1,2\n\n , \n3,4\n,\n");
    expect(csv.records).toEqual([
      { row: 2, fields: ["1", "2"] },
      { row: 5, fields: ["3", "4"] },
    ]);
  });

  it("keeps empty cells, a trailing delimiter and a last line without line end", () => {
    expect(parseCsv("a,b,c\n1,,3\n4,5,6,").records).toEqual([
      { row: 2, fields: ["1", "", "3"] },
      { row: 3, fields: ["4", "5", "6", ""] },
    ]);
  });

  it("reports an unterminated quote on the row where the value starts", () => {
    const csv = parseCsv('a,b\n1,"never closed\n2,3\n');
    expect(csv.syntaxErrors).toEqual([{ row: 2, kind: "unterminated_quote" }]);
    expect(csv.records).toEqual([{ row: 2, fields: ["1", "never closed\n2,3\n"] }]);
  });

  it("reports text after a closing quote, but not spaces", () => {
    expect(parseCsv('a,b\n"x"y,2\n').syntaxErrors).toEqual([{ row: 2, kind: "text_after_quote" }]);
    const spaced = parseCsv('a,b\n"x"  ,2\n');
    expect(spaced.syntaxErrors).toEqual([]);
    expect(spaced.records[0]?.fields).toEqual(["x", "2"]);
  });

  it("has no header for an empty text or blank lines only", () => {
    expect(parseCsv("")).toEqual({ delimiter: ",", header: undefined, records: [], syntaxErrors: [] });
    expect(parseCsv("\n\r\n\n").header).toBeUndefined();
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ["a;b", '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["", ""],
  ])("%j → %s", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it("round-trips through parseCsv", () => {
    const values = ['=cmd|" /C calc"!A0', "a;b,c", "x\r\ny", "مرحبا 👋"];
    const text = `h1,h2,h3,h4\n${values.map(csvField).join(",")}\n`;
    expect(parseCsv(text).records).toEqual([{ row: 2, fields: values }]);
  });
});
