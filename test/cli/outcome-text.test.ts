/**
 * How the CLI prints grouped problems: one line for a rule broken once, a count with the first examples and how
 * many more for a rule broken often, warnings said as such; `upload` prints a stored result's groups, and groups
 * an older result that has none.
 */
import { describe, expect, it } from "vitest";
import { describeUpload } from "../../functions/cli/commands/upload.js";
import { describeRejection, problemLines } from "../../functions/cli/outcome-text.js";
import type { ProblemGroup } from "../../functions/core/reporting/problem-groups.js";
import type { UploadResult } from "../../functions/core/uploads/result-document.js";

const zero = "the amount is 0: accepted, but check that the line is meant to be there";

describe("grouped problems in the terminal", () => {
  it("prints a rule broken once on one line, a warning as such, and a problem of the whole file without a place", () => {
    const groups: ProblemGroup[] = [
      { rule: "emptyFile", severity: "error", count: 1, examples: [{ message: "the file is empty" }] },
      {
        rule: "zeroAmount",
        severity: "warning",
        count: 1,
        examples: [{ row: 3, column: "amount", message: zero }],
      },
    ];
    expect(problemLines("f.csv", groups)).toEqual([
      "f.csv: emptyFile — the file is empty",
      `f.csv: zeroAmount — row 3, column amount: warning: ${zero}`,
    ]);
  });

  it("prints a rule broken often with its count, its examples below it and how many more, in thousands", () => {
    const groups: ProblemGroup[] = [
      {
        rule: "notANumber",
        severity: "error",
        count: 1234,
        examples: [
          { row: 2, column: "amount", message: '"a" is not a number' },
          { row: 3, column: "amount", message: '"b" is not a number' },
          { row: 9, column: "amount", message: '"c" is not a number' },
        ],
      },
      {
        rule: "zeroAmount",
        severity: "warning",
        count: 2,
        examples: [
          { row: 4, column: "amount", message: zero },
          { row: 5, column: "amount", message: zero },
        ],
      },
    ];
    expect(describeRejection("f.csv", groups, 1234).split("\n")).toEqual([
      "f.csv: rejected, nothing was changed (1,234 errors):",
      'f.csv: notANumber — 1,234 problems, first at row 2, column amount: "a" is not a number',
      'f.csv:   row 3, column amount: "b" is not a number',
      'f.csv:   row 9, column amount: "c" is not a number',
      "f.csv:   …and 1,231 more",
      `f.csv: zeroAmount — 2 warnings, first at row 4, column amount: ${zero}`,
      `f.csv:   row 5, column amount: ${zero}`,
    ]);
  });

  it("escapes what the file holds", () => {
    const groups: ProblemGroup[] = [
      {
        rule: "unknownColumn",
        severity: "error",
        count: 1,
        examples: [{ row: 1, column: "x\u001b[2J", message: "not a column" }],
      },
    ];
    expect(problemLines("f.csv", groups)).toEqual([
      "f.csv: unknownColumn — row 1, column x\\x1B[2J: not a column",
    ]);
  });
});

describe("observatory upload", () => {
  const rejected: UploadResult = {
    upload_id: "20261120T100000Z-0123456789abcdef",
    uploader: "wm-ng",
    received_at: "2026-11-20T10:00:00.000Z",
    processed_at: "2026-11-20T10:00:01.000Z",
    file: "bad.csv",
    status: "rejected",
    kind: "financial",
    report: null,
    supersedes: null,
    superseded_by: null,
    problems: [
      { severity: "error", code: "notANumber", row: 2, column: "amount", message: '"a" is not a number' },
      { severity: "error", code: "notANumber", row: 3, column: "amount", message: '"b" is not a number' },
    ],
    error_count: 2,
  };

  it("groups the problems of a result stored before groups were added", () => {
    expect(describeUpload({ file: "bad.csv", state: "done", result: rejected }).split("\n")).toEqual([
      "bad.csv: rejected, nothing was changed (2 errors):",
      'bad.csv: notANumber — 2 problems, first at row 2, column amount: "a" is not a number',
      'bad.csv:   row 3, column amount: "b" is not a number',
    ]);
  });

  it("prints the groups a result carries, with their counts over the whole file", () => {
    const groups: ProblemGroup[] = [
      {
        rule: "notANumber",
        severity: "error",
        count: 1500,
        examples: [{ row: 2, column: "amount", message: '"a" is not a number' }],
      },
    ];
    const result = { ...rejected, error_count: 1500, groups };
    expect(describeUpload({ file: "bad.csv", state: "done", result }).split("\n")).toEqual([
      "bad.csv: rejected, nothing was changed (1,500 errors):",
      'bad.csv: notANumber — 1,500 problems, first at row 2, column amount: "a" is not a number',
      "bad.csv:   …and 1,499 more",
    ]);
  });
});
