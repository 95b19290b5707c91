import { describe, expect, it } from "vitest";
import type { Problem } from "../../../functions/core/reporting/problems.js";
import { annotatedCsv, problemInRow, problemsCsv } from "../../../site/check/check-downloads.js";

const rows = new Map<number, string[]>([
  [1, ["hub_id", "amount", "description"]],
  [2, ["wm-ng", "-300", '=HYPERLINK("http://example.org")']],
  [4, ["wm-ng", "1.234,56", "a; b"]],
]);
const problems: Problem[] = [
  { severity: "error", code: "emptyFile", message: "whole file" },
  {
    severity: "error",
    code: "missingColumn",
    message: "the header lacks currency",
    row: 1,
    column: "currency",
  },
  { severity: "error", code: "negativeAmount", message: '"-300" is negative', row: 2, column: "amount" },
  { severity: "warning", code: "zeroAmount", message: "zero", row: 2, column: "amount" },
  { severity: "error", code: "decimalComma", message: "comma", row: 4, column: "amount (B)" },
];

describe("annotatedCsv", () => {
  it("is the file with a problems column, row N of the copy row N of the file, formulas neutralised", () => {
    expect(annotatedCsv(rows, problems, 1)).toBe(
      "\uFEFFhub_id,amount,description,problems\r\n" +
        `wm-ng,'-300,"'=HYPERLINK(""http://example.org"")","column amount: ""-300"" is negative [negativeAmount] | column amount: warning: zero [zeroAmount]"\r\n` +
        ",,,\r\n" +
        'wm-ng,"1.234,56","a; b",column amount (B): comma [decimalComma]\r\n',
    );
  });

  it("is only the column's name for a file without rows", () => {
    expect(annotatedCsv(new Map(), problems, undefined)).toBe("\uFEFFproblems\r\n");
  });

  it("says a problem in words with its rule", () => {
    expect(problemInRow(problems[3] as Problem)).toBe("column amount: warning: zero [zeroAmount]");
    expect(problemInRow({ severity: "error", code: "noteRow", message: "a note", row: 9 })).toBe(
      "a note [noteRow]",
    );
  });
});

describe("problemsCsv", () => {
  it("lists every problem: row, column, rule, severity, message", () => {
    expect(problemsCsv(problems)).toBe(
      "\uFEFFrow,column,rule,severity,message\r\n" +
        ",,emptyFile,error,whole file\r\n" +
        "1,currency,missingColumn,error,the header lacks currency\r\n" +
        '2,amount,negativeAmount,error,"""-300"" is negative"\r\n' +
        "2,amount,zeroAmount,warning,zero\r\n" +
        "4,amount (B),decimalComma,error,comma\r\n",
    );
  });
});
