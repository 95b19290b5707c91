import {
  RULE_SECTIONS,
  type Rule,
  type RuleExample,
  ruleCatalogue,
} from "../../functions/core/reporting/rule-catalogue.js";
import { fill } from "../check/check-texts.js";
import { html, type SafeHtml } from "../web/html.js";
import type { ContentContext } from "./parts/content-context.js";
import type { Page } from "./parts/page-layout.js";

/** The rule catalogue page's file; a rule's anchor is its id (`rules.html#invalidPeriod`). */
export const RULES_FILE = "rules.html";

function exampleCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "formula" in value)
    return `=${String((value as { formula: string }).formula)}`;
  if (typeof value === "object" && "text" in value) {
    const long = value as { text: string; times: number };
    return `${long.text}… (×${long.times})`;
  }
  return String(value);
}

function exampleMarkup(example: RuleExample, context: ContentContext): SafeHtml {
  const texts = context.messages.rules;
  const description = html`<p lang="en">${example.description}</p>`;
  if (example.kind === "csv") return html`${description}<pre lang="en"><code>${example.text}</code></pre>`;
  if (example.kind === "bytes" || example.kind === "zip")
    return html`${description}<p>${fill(texts.exampleFile, { file: example.fileName })}</p>`;
  const sheet = example.sheets[0];
  if (!sheet || example.parts) return description;
  const lines = sheet.rows.map((row) => row.cells.map(exampleCell).join(" | ")).join("\n");
  return html`${description}<p>${fill(texts.exampleSheet, { sheet: sheet.name })} (.${example.format})</p><pre lang="en"><code>${lines}</code></pre>`;
}

function ruleRow(rule: Rule, context: ContentContext): SafeHtml {
  const { messages } = context;
  const severity = rule.severity === "error" ? messages.check.error : messages.check.warning;
  return html`<tr id="${rule.id}"><th scope="row"><a href="#${rule.id}" lang="en"><code>${rule.id}</code></a></th><td><span class="severity severity-${rule.severity}">${severity}</span></td><td lang="en">${rule.explanation}</td><td>${exampleMarkup(rule.example, context)}</td></tr>
`;
}

/**
 * The rule catalogue (`functions/core/reporting/rule-catalogue.ts`) as a page: every rule of the reporting standard
 * by section, each with its id as an anchor (the validator page links each problem to its rule), its severity, its
 * explanation and an example that breaks it. The rules' texts are the standard's, in English.
 */
export function rulesPage(context: ContentContext): Page {
  const { messages } = context;
  const texts = messages.rules;
  const rules = ruleCatalogue();
  const sections = RULE_SECTIONS.filter((section) => rules.some((rule) => rule.section === section));
  const contents = sections.map(
    (section) => html`<li><a href="#section-${section}">${texts.sections[section]}</a></li>`,
  );
  const tables = sections.map((section) => {
    const caption = texts.sections[section];
    return html`<section aria-labelledby="section-${section}">
<h2 id="section-${section}">${caption}</h2>
<div class="table-wrap" tabindex="0" role="group" aria-label="${caption}"><table class="data-table rules-table">
<caption>${caption}</caption>
<thead><tr><th scope="col">${texts.columnRule}</th><th scope="col">${texts.columnSeverity}</th><th scope="col">${texts.columnExplanation}</th><th scope="col">${texts.columnExample}</th></tr></thead>
<tbody>
${rules.filter((rule) => rule.section === section).map((rule) => ruleRow(rule, context))}</tbody>
</table></div>
</section>
`;
  });
  const english = messages.lang === "en" ? "" : html`<p class="note">${texts.englishNote}</p>\n`;
  const main = html`<h1>${texts.heading}</h1>
<p class="lede">${texts.lede}</p>
${english}<nav aria-label="${texts.contents}"><ul class="contents">${contents}</ul></nav>
${tables}`;
  return { file: RULES_FILE, title: texts.heading, main };
}
