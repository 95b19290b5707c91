import { describe, expect, it } from "vitest";
import type { Problem } from "../../../functions/core/reporting/problems.js";
import { ruleCatalogue } from "../../../functions/core/reporting/rule-catalogue.js";
import { problemReport, summaryText } from "../../../site/check/problem-report.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";

const RULE_IDS = new Set(ruleCatalogue().map((rule) => rule.id));
const EN = { lang: "en", texts: CATALOGUES.en.check, ruleIds: RULE_IDS };
const rows = new Map<number, string[]>([
  [1, ["hub_id", "period", "amount"]],
  ...Array.from({ length: 6 }, (_, i): [number, string[]] => [i + 2, ["wm-ng", "2025", `x${i}`]]),
]);
const notANumber = (row: number): Problem => ({
  severity: "error",
  code: "notANumber",
  message: `"x${row - 2}" is not a number`,
  row,
  column: "amount",
});
const problems: Problem[] = [
  { severity: "error", code: "scenarioNotCouncil", message: "only the Council" },
  ...[2, 3, 4, 5, 6].map(notANumber),
  { severity: "warning", code: "zeroAmount", message: "zero", row: 7, column: "amount" },
];
const input = { fileName: "r.csv", problems, errorCount: 6, warningCount: 1, rows, headerRow: 1 };

describe("problemReport", () => {
  const markup = problemReport(input, EN).markup;
  const groups = markup.split('<li class="problem-group').slice(1);

  it("groups problems by rule with their count, the first three shown and the rest behind a disclosure", () => {
    expect(groups).toHaveLength(3);
    const numbers = groups[1] ?? "";
    expect(numbers).toContain('<span class="problem-count">5 times</span>');
    const [shown, rest] = numbers.split('<details class="problem-more">');
    expect(shown?.match(/<li class="problem"/g)).toHaveLength(3);
    expect(rest).toContain("<summary>Show all 5 problems</summary>");
    expect(rest).toContain('<ol class="problem-list" start="4">');
    expect(rest?.match(/<li class="problem"/g)).toHaveLength(2);
    expect(groups[2]).toContain('<span class="severity severity-warning">Warning</span>');
    expect(groups[2]).not.toContain("<details");
  });

  it("links a rule of the catalogue to its explanation, and names another without a link", () => {
    expect(groups[1]).toContain('<a href="rules.html#notANumber" lang="en"><code>notANumber</code></a>');
    expect(groups[0]).toContain('<code lang="en">scenarioNotCouncil</code>');
    expect(groups[0]).toContain("<strong>The whole file</strong>");
    expect(groups[0]).not.toContain("<table");
  });

  it("shows each problem of a row in its sheet: row numbers, column letters, the cell marked in words too", () => {
    const first = groups[1]?.split('<li class="problem"')[1] ?? "";
    expect(first).toContain(
      '<p><strong>Row 2, column amount</strong>: <span lang="en">&quot;x0&quot; is not a number</span></p>',
    );
    expect(first).toContain("<caption>Your sheet around row 2</caption>");
    expect(first).toContain(
      '<thead><tr><th scope="col">Row</th><th scope="col">A</th><th scope="col">B</th><th scope="col" class="problem-column">C</th></tr></thead>',
    );
    expect(first).toContain(
      '<tr class="problem-row-line"><th scope="row" class="current-row">2</th><td>wm-ng</td><td>2025</td><td class="problem-cell"><mark>x0</mark><span class="visually-hidden"> (the problem is here)</span></td></tr>',
    );
  });

  it("says in other languages that the sentences are in English", () => {
    expect(problemReport(input, { ...EN, lang: "fr", texts: CATALOGUES.fr.check }).markup).toContain(
      CATALOGUES.fr.check.englishNote,
    );
    expect(markup).not.toContain(CATALOGUES.en.check.englishNote);
  });
});

describe("summaryText", () => {
  it("counts errors and warnings in the page's language, and says whether the file would be accepted", () => {
    expect(summaryText(input, EN)).toBe(
      "r.csv: 6 errors and 1 warning. It would be refused: correct the errors, then check it again.",
    );
    expect(summaryText({ ...input, errorCount: 0, warningCount: 2 }, EN)).toBe(
      "r.csv: 0 errors and 2 warnings. It would be accepted: check the warnings before you send it.",
    );
    expect(summaryText({ ...input, errorCount: 0, warningCount: 0 }, EN)).toBe(
      "r.csv: no problem. It follows the reporting standard and can be sent.",
    );
    expect(
      summaryText(
        { ...input, errorCount: 2, warningCount: 11 },
        { ...EN, lang: "ar", texts: CATALOGUES.ar.check },
      ),
    ).toBe("r.csv: خطآن و11 تحذيرًا. سيُرفض: صحّح الأخطاء ثم افحصه مرة أخرى.");
  });
});
