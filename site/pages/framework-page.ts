import type { Framework, IndicatorDefinition } from "../../functions/core/framework/framework.js";
import { diffFrameworks } from "../../functions/core/framework/framework-diff.js";
import { cellOf } from "../figures/cell.js";
import { figureEvidence } from "../figures/evidence.js";
import { latestYear } from "../figures/lookup.js";
import { formatList, formatNumber } from "../i18n/format.js";
import { html, type SafeHtml } from "../web/html.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { cellMarkup, targetMarkup } from "./parts/figure-cells.js";
import { frameworkText } from "./parts/framework-text.js";
import { type Page, rootOf } from "./parts/page-layout.js";
import { scopeList } from "./parts/scope-names.js";

/** The target of an indicator in words, with the scopes it is set for; "no target set" otherwise. */
function targetText(indicator: IndicatorDefinition, context: ContentContext): string {
  const { messages } = context;
  if (!indicator.target) return messages.noTarget;
  const value = messages.target(
    indicator.target.comparison,
    formatNumber(indicator.target.value, indicator.unit, messages),
  );
  const scopes = (indicator.target.scopes ?? indicator.scopes).map((scope) => messages.scopes[scope]);
  return messages.targetAt(value, scopes);
}

function disclosureText(
  indicator: IndicatorDefinition,
  framework: Framework,
  context: ContentContext,
): string {
  const { messages } = context;
  if (indicator.disclosure !== "participants") return messages.disclosureNone;
  return messages.disclosureParticipantsAt(
    framework.disclosure.suppression_scopes
      .filter((scope) => indicator.scopes.includes(scope))
      .map((scope) => messages.scopes[scope]),
  );
}

function definition(indicator: IndicatorDefinition, context: ContentContext): SafeHtml {
  const { framework, messages } = context;
  const lens = framework.lenses.find((candidate) => candidate.id === indicator.lens);
  return html`<article class="definition-card" id="def-${indicator.id}" aria-labelledby="def-${indicator.id}-heading">
<h4 id="def-${indicator.id}-heading"><a href="${indicator.lens}.html#${indicator.id}">${frameworkText(indicator.title, context)}</a></h4>
<dl>
<div><dt>${messages.fieldIdentifier}</dt><dd><code>${indicator.id}</code></dd></div>
<div><dt>${messages.fieldLens}</dt><dd>${frameworkText(lens?.title ?? indicator.lens, context)}</dd></div>
<div><dt>${messages.fieldDefinition}</dt><dd>${frameworkText(indicator.definition, context)}</dd></div>
<div><dt>${messages.fieldFormula}</dt><dd><code class="formula" dir="ltr">${indicator.formula}</code></dd></div>
<div><dt>${messages.fieldUnit}</dt><dd>${messages.units[indicator.unit]} <code>${indicator.unit}</code></dd></div>
<div><dt>${messages.fieldDirection}</dt><dd>${messages.directions[indicator.direction]}</dd></div>
<div><dt>${messages.fieldTarget}</dt><dd>${targetText(indicator, context)}</dd></div>
<div><dt>${messages.fieldScopes}</dt><dd>${scopeList(indicator, messages)}</dd></div>
<div><dt>${messages.fieldDisclosure}</dt><dd>${disclosureText(indicator, framework, context)}</dd></div>
</dl>
</article>
`;
}

/** A version's own list of changes, as its file states them, each linked to the indicators it concerns. */
function statedChanges(newer: Framework, context: ContentContext, linkable: boolean): SafeHtml | string {
  const { messages } = context;
  if (newer.changes.length === 0) return "";
  const items = newer.changes.map((change) => {
    const concerned =
      change.indicators.length === 0
        ? html` <span class="muted">(${messages.changeConcernsFramework})</span>`
        : html` <span class="change-indicators">${messages.changeConcerns}${messages.colon}${change.indicators.map(
            (id, i) =>
              html`${i > 0 ? ", " : ""}${linkable ? html`<a href="#def-${id}"><code>${id}</code></a>` : html`<code>${id}</code>`}`,
          )}</span>`;
    return html`<li>${frameworkText(change.text, context)}${concerned}</li>\n`;
  });
  return html`<ol class="stated-changes">
${items}</ol>
`;
}

function changesSection(context: ContentContext): SafeHtml {
  const { frameworks, framework, messages } = context;
  if (frameworks.length < 2)
    return html`<section aria-labelledby="changes"><h2 id="changes">${messages.frameworkChangesHeading}</h2><p>${messages.frameworkOnlyVersion}</p></section>\n`;
  const steps = frameworks
    .slice(1)
    .map((newer, i) => ({ newer, diff: diffFrameworks(frameworks[i] as Framework, newer) }))
    .reverse();
  return html`<section aria-labelledby="changes">
<h2 id="changes">${messages.frameworkChangesHeading}</h2>
${steps.map(({ newer, diff }) => {
  const items = [
    ...diff.added.map(
      (indicator) =>
        html`<li><code>${indicator.id}</code> ${frameworkText(indicator.title, context)}${messages.colon}${messages.frameworkAdded}</li>\n`,
    ),
    ...diff.removed.map(
      (indicator) =>
        html`<li><code>${indicator.id}</code> ${frameworkText(indicator.title, context)}${messages.colon}${messages.frameworkRemoved}</li>\n`,
    ),
    ...diff.changed.map(
      (change) =>
        html`<li><code>${change.id}</code>${messages.colon}${messages.frameworkChanged(change.fields.map((field) => messages.frameworkFieldNames[field]))}</li>\n`,
    ),
  ];
  return html`<h3>${messages.frameworkChangesLede(diff.from, diff.to)}</h3>
${statedChanges(newer, context, newer.version === framework.version)}<h4>${messages.frameworkFieldChangesHeading}</h4>
${items.length > 0 ? html`<ul class="changes">\n${items}</ul>` : html`<p>${messages.frameworkUnchanged}</p>`}
`;
})}</section>
`;
}

/** The targets the Council set, each with the movement's latest figure and whether it was met. */
function targetsSection(context: ContentContext): SafeHtml | string {
  const { framework, messages, rows } = context;
  const targeted = framework.indicators.filter((indicator) => indicator.target !== null);
  if (targeted.length === 0) return "";
  const year = latestYear(rows.filter((row) => row.scope === "movement"));
  const body = targeted.map((indicator) => {
    let latest: SafeHtml = html`<td>${messages.noData}</td>`;
    if (year !== undefined) {
      const row = rows.find(
        (candidate) =>
          candidate.indicator === indicator.id && candidate.scope === "movement" && candidate.year === year,
      );
      const cell = cellOf(row);
      const reading = targetMarkup(indicator, "movement", cell, messages);
      latest = cellMarkup(
        cell,
        indicator.unit,
        messages,
        row ? figureEvidence(indicator, "movement", "movement", year) : undefined,
        reading === "" ? "" : html`<br>${reading}`,
      );
    }
    return html`<tr><th scope="row"><a href="#def-${indicator.id}">${frameworkText(indicator.title, context)}</a></th><td>${targetText(indicator, context)}</td>${latest}</tr>\n`;
  });
  return html`<section aria-labelledby="targets">
<h2 id="targets">${messages.frameworkTargetsHeading}</h2>
<p>${messages.frameworkTargetsLede}</p>
${tableBox(messages.frameworkTargetsHeading)}<table class="data-table targets-table">
<caption>${messages.frameworkTargetsHeading}</caption>
<thead><tr><th scope="col">${messages.columnIndicator}</th><th scope="col">${messages.fieldTarget}</th><th scope="col">${year === undefined ? messages.columnMovement : `${messages.columnMovement} ${year}`}</th></tr></thead>
<tbody>
${body}</tbody>
</table></div>
</section>
`;
}

/** An earlier version, as published: its disclosure rule and each indicator's scopes, target and disclosure. */
function earlierVersion(older: Framework, context: ContentContext): SafeHtml {
  const { messages } = context;
  const id = `version-${older.version.replace(/[^A-Za-z0-9]/g, "-")}`;
  const rows = older.indicators.map(
    (indicator) =>
      html`<tr><th scope="row"><code>${indicator.id}</code></th><td>${frameworkText(indicator.title, context)}</td><td>${scopeList(indicator, messages)}</td><td>${targetText(indicator, context)}</td><td>${disclosureText(indicator, older, context)}</td></tr>\n`,
  );
  return html`<details class="earlier-version" id="${id}"><summary>${messages.frameworkEarlierVersion(older.version)}</summary>
<h3>${messages.frameworkDisclosureHeading}</h3>
<blockquote class="rule"><p>${frameworkText(older.disclosure.rule, context)}</p></blockquote>
${tableBox(messages.frameworkVersionIndicators(older.version))}<table class="data-table">
<caption>${messages.frameworkVersionIndicators(older.version)}</caption>
<thead><tr><th scope="col">${messages.fieldIdentifier}</th><th scope="col">${messages.columnIndicator}</th><th scope="col">${messages.fieldScopes}</th><th scope="col">${messages.fieldTarget}</th><th scope="col">${messages.fieldDisclosure}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>
</details>
`;
}

/**
 * The framework as published: its version and every earlier one, the disclosure rule, the targets and how
 * the movement stands against them, what changed (each version's own list of changes, linked to the
 * indicators, and the indicators' changed fields), and every indicator's definition with its scopes.
 */
export function frameworkPage(context: ContentContext): Page {
  const { framework, frameworks, messages, k } = context;
  const root = rootOf(context.language);
  const lenses = framework.lenses.map(
    (lens) => html`<section class="framework-lens" aria-labelledby="framework-${lens.id}">
<h3 id="framework-${lens.id}">${frameworkText(lens.title, context)}</h3>
<p class="lens-question">${frameworkText(lens.question, context)}</p>
<div class="definitions">
${framework.indicators.filter((indicator) => indicator.lens === lens.id).map((indicator) => definition(indicator, context))}</div>
</section>
`,
  );
  const earlier = frameworks.filter((older) => older.version !== framework.version).reverse();
  const main = html`<h1>${messages.frameworkHeading}</h1>
<p class="lede">${messages.frameworkLede(framework.version)}</p>
<dl class="facts">
<div><dt>${messages.frameworkVersion}</dt><dd>${framework.version}</dd></div>
<div><dt>${messages.frameworkVersions}</dt><dd>${formatList(
    frameworks.map((version) => version.version),
    messages,
  )}</dd></div>
</dl>
<section aria-labelledby="disclosure-rule">
<h2 id="disclosure-rule">${messages.frameworkDisclosureHeading}</h2>
<blockquote class="rule"><p>${frameworkText(framework.disclosure.rule, context)}</p></blockquote>
<p>${messages.frameworkK(k)}</p>
<p>${messages.frameworkSuppressionScopes(framework.disclosure.suppression_scopes.map((scope) => messages.scopes[scope]))}</p>
</section>
${targetsSection(context)}${changesSection(context)}<section aria-labelledby="lenses">
<h2 id="lenses">${messages.frameworkLensesHeading}</h2>
${lenses}</section>
${
  earlier.length > 0
    ? html`<section aria-labelledby="earlier-versions">
<h2 id="earlier-versions">${messages.frameworkEarlierHeading}</h2>
${earlier.map((older) => earlierVersion(older, context))}</section>
`
    : ""
}<section aria-labelledby="data">
<h2 id="data">${messages.frameworkDataHeading}</h2>
<p>${messages.frameworkDataText} <a href="${root}data/indicators.json">data/indicators.json</a></p>
</section>
`;
  return { file: "framework.html", title: messages.navFramework, main };
}
