/**
 * The validator page's answer for a checked file, as markup: a summary, then the problems grouped by rule (each
 * group with its count, its first problems and the rest behind a disclosure), every problem of a row in its
 * spreadsheet context with its cell highlighted. The one place the page renders problems; pure, so that it is
 * tested without a browser and runs in one.
 */
import { groupProblems } from "../../functions/core/reporting/problem-groups.js";
import type { Problem, RuleCount } from "../../functions/core/reporting/problems.js";
import { plural } from "../i18n/plural.js";
import { html, type SafeHtml } from "../web/html.js";
import type { SheetRows } from "./check-file.js";
import { type CheckTexts, fill } from "./check-texts.js";
import { sheetContext } from "./sheet-context.js";

/** What the report is made of. */
export interface ReportInput {
  readonly fileName: string;
  readonly problems: readonly Problem[];
  /** How often each rule was broken, when validation listed only the first problems (see `groupProblems`). */
  readonly counts?: readonly RuleCount[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly rows: SheetRows;
  readonly headerRow: number | undefined;
}

/** The page's language, its words, and where the rule catalogue page is. */
export interface ReportLanguage {
  readonly lang: string;
  readonly texts: CheckTexts;
  /** The rule catalogue page, relative to the validator page. @default "rules.html" */
  readonly rulesPage?: string;
  /** The ids of the rule catalogue: a problem of another rule (a scenario's) is not linked. */
  readonly ruleIds: ReadonlySet<string>;
}

/** The anchor of a problem in the report: `problem-<n>`, numbered in the order of the list. */
export const problemAnchor = (index: number) => `problem-${index + 1}`;

/** The summary line: no problem, or how many errors and warnings, and whether the file would be accepted. */
export function summaryText(input: ReportInput, language: ReportLanguage): string {
  const { texts, lang } = language;
  if (input.errorCount + input.warningCount === 0) return fill(texts.clean, { file: input.fileName });
  const count = (forms: CheckTexts["errors"], n: number) =>
    fill(plural(n, lang, forms), { count: n.toLocaleString(lang) });
  const summary = fill(texts.summary, {
    file: input.fileName,
    errors: count(texts.errors, input.errorCount),
    warnings: count(texts.warnings, input.warningCount),
  });
  return `${summary} ${input.errorCount === 0 ? texts.sendable : texts.refused}`;
}

/** The whole report. */
export function problemReport(input: ReportInput, language: ReportLanguage): SafeHtml {
  const { texts, lang } = language;
  const english =
    lang === "en" || lang.startsWith("en-") ? "" : html`<p class="note">${texts.englishNote}</p>`;
  const listed = input.problems.filter(
    (problem) => input.counts === undefined || problem.code !== "moreProblems",
  );
  const groups = groupProblems(input.problems, input.counts);
  const items = groups.map((group) => {
    const members = listed.filter(
      (problem) => problem.code === group.rule && problem.severity === group.severity,
    );
    const shown = members.slice(0, group.examples.length);
    const rest = members.slice(group.examples.length);
    const rulesPage = language.rulesPage ?? "rules.html";
    const count = fill(plural(group.count, lang, texts.times), { count: group.count.toLocaleString(lang) });
    const severity = group.severity === "error" ? texts.error : texts.warning;
    const more =
      rest.length === 0
        ? ""
        : html`<details class="problem-more"><summary>${fill(plural(members.length, lang, texts.showAll), { count: members.length.toLocaleString(lang) })}</summary>
<ol class="problem-list" start="${shown.length + 1}">
${rest.map((problem) => problemItem(problem, input, language))}</ol>
</details>
`;
    return html`<li class="problem-group problem-${group.severity}" data-rule="${group.rule}">
<h3><span class="severity severity-${group.severity}">${severity}</span> ${language.ruleIds.has(group.rule) ? html`<a href="${rulesPage}#${group.rule}" lang="en"><code>${group.rule}</code></a>` : html`<code lang="en">${group.rule}</code>`} <span class="problem-count">${count}</span></h3>
<ol class="problem-list">
${shown.map((problem) => problemItem(problem, input, language))}</ol>
${more}</li>
`;
  });
  return html`<h2 id="problems-heading">${texts.problemsHeading}</h2>
${english}<ol class="problem-groups" aria-labelledby="problems-heading">
${items}</ol>
`;
}

function problemItem(problem: Problem, input: ReportInput, language: ReportLanguage): SafeHtml {
  const { texts } = language;
  const where =
    problem.row === undefined
      ? texts.wholeFile
      : problem.column === undefined
        ? fill(texts.rowOnly, { row: problem.row })
        : fill(texts.rowColumn, { row: problem.row, column: problem.column });
  const context = sheetContext(problem, input.rows, input.headerRow);
  return html`<li class="problem" data-row="${problem.row ?? ""}" data-column="${problem.column ?? ""}">
<p><strong>${where}</strong>: <span lang="en">${problem.message}</span></p>
${context ? contextTable(context, texts) : ""}</li>
`;
}

function contextTable(context: NonNullable<ReturnType<typeof sheetContext>>, texts: CheckTexts): SafeHtml {
  const caption = fill(texts.contextCaption, { row: context.highlightRow });
  const header = context.columns.map(
    (letter, i) =>
      html`<th scope="col"${i === context.highlightColumn ? html` class="problem-column"` : ""}>${letter}</th>`,
  );
  const body = context.rows.map((row) => {
    const current = row.row === context.highlightRow;
    const gap = row.gapBefore
      ? html`<tr class="rows-left-out"><th scope="row">…</th><td colspan="${context.columns.length}">${texts.rowsLeftOut}</td></tr>
`
      : "";
    const cells = row.cells.map((cell, i) =>
      current && i === context.highlightColumn
        ? html`<td class="problem-cell"><mark>${cell}</mark><span class="visually-hidden"> ${texts.problemHere}</span></td>`
        : html`<td>${cell}</td>`,
    );
    const rowHeader =
      current && context.highlightColumn === undefined
        ? html`<th scope="row" class="problem-row">${row.row}<span class="visually-hidden"> ${texts.problemHere}</span></th>`
        : html`<th scope="row"${current ? html` class="current-row"` : ""}>${row.row}</th>`;
    return html`${gap}<tr${current ? html` class="problem-row-line"` : ""}>${rowHeader}${cells}</tr>
`;
  });
  return html`<div class="table-wrap sheet-wrap" tabindex="0" role="group" aria-label="${caption}"><table class="sheet-context">
<caption>${caption}</caption>
<thead><tr><th scope="col">${texts.rowHeader}</th>${header}</tr></thead>
<tbody>
${body}</tbody>
</table></div>
`;
}
