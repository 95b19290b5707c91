/**
 * A note or footer below the table ("Prepared by Ana") is one message, not six: a row after the report's lines
 * whose first cell holds text and every other cell is empty, with no line of the report after it. A malformed line
 * of the report still gets its own errors.
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../../functions/core/reporting/messages.js";
import { check } from "./helpers.js";
import { odsParts, workbookFile, xlsxParts } from "./workbook-files.js";

const HEADER = "hub_id,period,flow,category,amount,currency,country";
const LINE = "wm-ng,2025,expense,programs,1500.00,NGN,NG";
const report = (...rows: string[]) => `${[HEADER, LINE, ...rows].join("\n")}\n`;
const note = (row: number, text: string) =>
  `row ${row}: this row looks like a note, not a line of the report ("${text}", every other cell empty): delete it, and keep notes in another file or on another sheet`;

describe("a note below the table", () => {
  it("is one message, as a spreadsheet exports it with empty cells", () => {
    expect(check(report("Prepared by Ana,,,,,,"))).toEqual([note(3, "Prepared by Ana")]);
  });

  it("is one message when the line holds only the note", () => {
    expect(check(report("Source: finance team"))).toEqual([note(3, "Source: finance team")]);
  });

  it("is one message per note, below blank lines and in any script", () => {
    expect(check(report(LINE, "", "Source: finance team,,,,,,", "أعدّته آنا,,,,,,"))).toEqual([
      note(5, "Source: finance team"),
      note(6, "أعدّته آنا"),
    ]);
  });

  it.each([
    ["xlsx", xlsxParts],
    ["ods", odsParts],
  ] as const)("is one message in a %s workbook, with the sheet's row", (format, parts) => {
    const sheet = {
      name: "Report",
      rows: [
        { cells: HEADER.split(",") },
        { cells: ["wm-ng", "2025", "expense", "programs", 1500, "NGN", "NG"] },
        { row: 5, cells: ["Prepared by Ana, 3 March 2026"] },
      ],
    };
    expect(check(workbookFile(format, parts([sheet])))).toEqual([note(5, "Prepared by Ana, 3 March 2026")]);
  });

  it("is worded in the catalogue of messages", () => {
    expect(`row 3: ${messages.noteRow("Prepared by Ana")}`).toBe(note(3, "Prepared by Ana"));
  });
});

describe("a line of the report that is not a note", () => {
  const empties = (row: number) => [
    `row ${row}, column flow: flow is required and is empty`,
    `row ${row}, column amount: amount is required and is empty`,
    `row ${row}, column currency: currency is required and is empty`,
    `row ${row}, column country: country is required and is empty`,
  ];
  const mixedPeriod = (row: number) =>
    `row ${row}, column period: "" differs from "2025" in row 2: one file is one report, for one hub and one period (period must be the same on every row)`;

  it("gets its own errors when a line of the report follows it", () => {
    expect(check(report("Prepared by Ana,,,,,,", LINE))).toEqual([
      'row 3, column hub_id: "Prepared by Ana" differs from "wm-ng" in row 2: one file is one report, for one hub and one period (hub_id must be the same on every row)',
      mixedPeriod(3),
      ...empties(3),
    ]);
  });

  it("gets its own errors when its first cell holds what the report's lines hold there", () => {
    expect(check(report("wm-ng,,,,,,"))).toEqual([mixedPeriod(3), ...empties(3)]);
  });

  it("gets its own errors when another cell holds a value", () => {
    expect(check(report("Total,,,,1500.00,,"))).toEqual([
      'row 3, column hub_id: "Total" differs from "wm-ng" in row 2: one file is one report, for one hub and one period (hub_id must be the same on every row)',
      mixedPeriod(3),
      `row 3, column flow: flow is required and is empty`,
      `row 3, column currency: currency is required and is empty`,
      `row 3, column country: country is required and is empty`,
    ]);
  });

  it("gets its own errors when its first cell holds no letter", () => {
    expect(check(report("1500.00,,,,,,"))).toHaveLength(6);
  });

  it("gets its own errors when it has more cells than the header", () => {
    expect(check(report("Prepared by Ana,,,,,,,"))).toEqual([
      "row 3: the row has 8 values but the header has 7 columns",
    ]);
  });

  it("gets its own errors when no line of the report comes before it", () => {
    const problems = check(`${HEADER}\nPrepared by Ana,,,,,,\n`);
    expect(problems).toHaveLength(6);
    expect(problems[0]).toBe(
      'row 2, column hub_id: "Prepared by Ana" is not a valid hub id (lower-case letters, digits and hyphens, 2 to 64 characters, starting with a letter or digit)',
    );
  });

  it("is read as lines of the report when more than 100 rows in a row look like notes", () => {
    for (const count of [101, 102, 250]) {
      const notes = Array.from({ length: count }, (_, i) => `Note ${i + 1},,,,,,`);
      const problems = check(report(...notes), { maxProblems: 2000 });
      expect(problems.filter((p) => p.includes("looks like a note"))).toEqual([]);
      expect(problems).toHaveLength(count * 6);
    }
  });

  it("holds no more than 100 notes at the end", () => {
    const notes = Array.from({ length: 100 }, (_, i) => `Note ${i + 1},,,,,,`);
    const problems = check(report(...notes));
    expect(problems).toHaveLength(100);
    expect(problems.at(-1)).toBe(note(102, "Note 100"));
  });
});
