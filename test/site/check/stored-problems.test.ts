import { describe, expect, it } from "vitest";
import type { Problem } from "../../../functions/core/reporting/problems.js";
import { ruleCatalogue } from "../../../functions/core/reporting/rule-catalogue.js";
import type { UploadResult } from "../../../functions/core/uploads/result-document.js";
import { problemReport } from "../../../site/check/problem-report.js";
import { type CheckedUpload, storedProblems } from "../../../site/client/check-page.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";

const rows = new Map<number, string[]>([
  [1, ["hub_id", "period", "amount"]],
  [2, ["wm-ng", "2025", "x"]],
  [3, ["wm-ng", "2025", "0"]],
]);
const checked: CheckedUpload = {
  fileName: "report.csv",
  bytes: new Uint8Array(),
  errorCount: 0,
  rows,
  headerRow: 1,
};
const notANumber: Problem = {
  severity: "error",
  code: "notANumber",
  message: '"x" is not a number',
  row: 2,
  column: "amount",
};
const zero: Problem = { severity: "warning", code: "zeroAmount", message: "zero", row: 3, column: "amount" };
const more: Problem = { severity: "error", code: "moreProblems", message: "and 39 more problems" };

/** A stored result the observatory rejected, listing only the first problems and counting all of them. */
const rejected: UploadResult = {
  upload_id: "01JD7Z0REJECTED",
  uploader: "treasurer@wm-ng.example",
  received_at: "2026-11-26T10:00:00Z",
  processed_at: "2026-11-26T10:00:02Z",
  file: "report.csv",
  status: "rejected",
  kind: "financial",
  report: null,
  supersedes: null,
  superseded_by: null,
  problems: [notANumber, zero, more],
  groups: [
    {
      rule: "notANumber",
      severity: "error",
      count: 40,
      examples: [{ row: 2, column: "amount", message: "" }],
    },
    {
      rule: "zeroAmount",
      severity: "warning",
      count: 1,
      examples: [{ row: 3, column: "amount", message: "" }],
    },
  ],
  error_count: 40,
};

describe("storedProblems", () => {
  it("draws a rejected result with the page's report: grouped, counted over the whole file, in the checked sheet", () => {
    const problems = storedProblems(rejected, checked);
    expect(problems).toMatchObject({ fileName: "report.csv", errorCount: 40, warningCount: 1, headerRow: 1 });
    const markup = problemReport(problems, {
      lang: "en",
      texts: CATALOGUES.en.check,
      ruleIds: new Set(ruleCatalogue().map((rule) => rule.id)),
    }).markup;
    const groups = markup.split('<li class="problem-group').slice(1);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toContain('<span class="problem-count">40 times</span>');
    expect(groups[0]).toContain("<caption>Your sheet around row 2</caption>");
    expect(groups[1]).toContain('<span class="severity severity-warning">Warning</span>');
    expect(markup).not.toContain("39 more problems");
  });

  it("without groups (a result stored before they were added) lists the problems as they are", () => {
    const { groups: _, ...older } = rejected;
    expect(storedProblems(older, checked).counts).toBeUndefined();
  });
});
