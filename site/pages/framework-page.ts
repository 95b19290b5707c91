import type { Framework, IndicatorDefinition } from "../../functions/core/framework/framework.js";
import { diffFrameworks } from "../../functions/core/framework/framework-diff.js";
import { formatList, formatNumber } from "../i18n/format.js";
import { html, type SafeHtml } from "../web/html.js";
import type { ContentContext } from "./parts/content-context.js";
import { frameworkText } from "./parts/framework-text.js";
import { type Page, rootOf } from "./parts/page-layout.js";

function definition(indicator: IndicatorDefinition, context: ContentContext): SafeHtml {
  const { framework, messages } = context;
  const lens = framework.lenses.find((candidate) => candidate.id === indicator.lens);
  const target = indicator.target
    ? messages.target(
        indicator.target.comparison,
        formatNumber(indicator.target.value, indicator.unit, messages),
      )
    : messages.noTarget;
  return html`<article class="definition-card" id="def-${indicator.id}" aria-labelledby="def-${indicator.id}-heading">
<h4 id="def-${indicator.id}-heading"><a href="${indicator.lens}.html#${indicator.id}">${frameworkText(indicator.title, context)}</a></h4>
<dl>
<div><dt>${messages.fieldIdentifier}</dt><dd><code>${indicator.id}</code></dd></div>
<div><dt>${messages.fieldLens}</dt><dd>${frameworkText(lens?.title ?? indicator.lens, context)}</dd></div>
<div><dt>${messages.fieldDefinition}</dt><dd>${frameworkText(indicator.definition, context)}</dd></div>
<div><dt>${messages.fieldFormula}</dt><dd><code class="formula" dir="ltr">${indicator.formula}</code></dd></div>
<div><dt>${messages.fieldUnit}</dt><dd>${messages.units[indicator.unit]} <code>${indicator.unit}</code></dd></div>
<div><dt>${messages.fieldDirection}</dt><dd>${messages.directions[indicator.direction]}</dd></div>
<div><dt>${messages.fieldTarget}</dt><dd>${target}</dd></div>
<div><dt>${messages.fieldScopes}</dt><dd>${formatList(
    indicator.scopes.map((scope) => messages.scopes[scope]),
    messages,
  )}</dd></div>
<div><dt>${messages.fieldDisclosure}</dt><dd>${indicator.disclosure === "participants" ? messages.disclosureParticipants : messages.disclosureNone}</dd></div>
</dl>
</article>
`;
}

function changesSection(context: ContentContext): SafeHtml {
  const { frameworks, messages } = context;
  if (frameworks.length < 2)
    return html`<section aria-labelledby="changes"><h2 id="changes">${messages.frameworkChangesHeading}</h2><p>${messages.frameworkOnlyVersion}</p></section>\n`;
  const diffs = frameworks
    .slice(1)
    .map((newer, i) => diffFrameworks(frameworks[i] as Framework, newer))
    .reverse();
  return html`<section aria-labelledby="changes">
<h2 id="changes">${messages.frameworkChangesHeading}</h2>
${diffs.map((diff) => {
  const items = [
    ...diff.added.map(
      (indicator) =>
        html`<li><code>${indicator.id}</code> ${frameworkText(indicator.title, context)}: ${messages.frameworkAdded}</li>\n`,
    ),
    ...diff.removed.map(
      (indicator) =>
        html`<li><code>${indicator.id}</code> ${frameworkText(indicator.title, context)}: ${messages.frameworkRemoved}</li>\n`,
    ),
    ...diff.changed.map(
      (change) => html`<li><code>${change.id}</code>: ${messages.frameworkChanged(change.fields)}</li>\n`,
    ),
  ];
  return html`<h3>${messages.frameworkChangesLede(diff.from, diff.to)}</h3>
${items.length > 0 ? html`<ul class="changes">\n${items}</ul>` : html`<p>${messages.frameworkUnchanged}</p>`}
`;
})}</section>
`;
}

/** The framework as published: version, disclosure rule, every indicator's definition, and what changed between versions. */
export function frameworkPage(context: ContentContext): Page {
  const { framework, messages, k } = context;
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
  const main = html`<h1>${messages.frameworkHeading}</h1>
<p class="lede">${messages.frameworkLede(framework.version)}</p>
<dl class="facts">
<div><dt>${messages.frameworkVersion}</dt><dd>${framework.version}</dd></div>
</dl>
<section aria-labelledby="disclosure-rule">
<h2 id="disclosure-rule">${messages.frameworkDisclosureHeading}</h2>
<blockquote class="rule"><p>${frameworkText(framework.disclosure.rule, context)}</p></blockquote>
<p>${messages.frameworkK(k)}</p>
</section>
${changesSection(context)}<section aria-labelledby="lenses">
<h2 id="lenses">${messages.frameworkLensesHeading}</h2>
${lenses}</section>
<section aria-labelledby="data">
<h2 id="data">${messages.frameworkDataHeading}</h2>
<p>${messages.frameworkDataText} <a href="${root}data/indicators.json">data/indicators.json</a></p>
</section>
`;
  return { file: "framework.html", title: messages.navFramework, main };
}
