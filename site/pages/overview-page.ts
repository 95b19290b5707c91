import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import { cellOf } from "../figures/cell.js";
import { movementEvidence } from "../figures/evidence.js";
import { latestYear } from "../figures/lookup.js";
import type { Messages } from "../i18n/catalogue.js";
import { formatCell, formatChange, formatNumber } from "../i18n/format.js";
import { html, type SafeHtml } from "../web/html.js";
import { evidenceHref } from "../web/paths.js";
import type { ContentContext } from "./parts/content-context.js";
import { targetWords } from "./parts/figure-cells.js";
import { frameworkText } from "./parts/framework-text.js";
import type { Page } from "./parts/page-layout.js";

/** " (better)" or " (worse)" after a change, when the indicator has a direction; nothing for context indicators. */
function changeReading(
  indicator: IndicatorDefinition,
  trend: "up" | "down",
  messages: Messages,
): SafeHtml | string {
  if (indicator.direction === "context") return "";
  const better = (trend === "up") === (indicator.direction === "higher_is_better");
  const reading = better ? "better" : "worse";
  return html` <span class="reading reading-${reading}">(${messages.changeReadings[reading]})</span>`;
}

function headline(indicator: IndicatorDefinition, context: ContentContext, year: number): SafeHtml {
  const { messages, rows } = context;
  const link = html`<a class="headline-link" href="${indicator.lens}.html#${indicator.id}">${frameworkText(indicator.title, context)}</a>`;
  if (!indicator.scopes.includes("movement")) {
    return html`<li class="headline">
<h3 class="headline-title">${link}</h3>
<p class="headline-note">${messages.regionOnly}</p>
</li>
`;
  }
  const find = (y: number) =>
    rows.find((row) => row.indicator === indicator.id && row.scope === "movement" && row.year === y);
  const current = cellOf(find(year));
  const previous = cellOf(find(year - 1));
  const valueText = formatCell(current, indicator.unit, messages);
  let sentence = "";
  let change: SafeHtml | string = "";
  if (current.kind === "value") {
    const statement =
      messages.headlineStatement(indicator.id, valueText, year) ??
      messages.headlineGeneric(indicator.title, valueText, year);
    if (previous.kind === "value") {
      const moved = formatChange(current.value, previous.value, indicator.unit, messages);
      sentence = `${statement}${messages.comparedWith(moved.trend, formatNumber(previous.value, indicator.unit, messages), year - 1)}.`;
      change =
        moved.trend === "unchanged"
          ? html`<p class="headline-change">${messages.headlineUnchanged(year - 1)}</p>`
          : html`<p class="headline-change"><span class="arrow" aria-hidden="true">${moved.trend === "up" ? "▲" : "▼"}</span> ${messages.headlineChange(moved.trend, moved.magnitude, year - 1)}${changeReading(indicator, moved.trend, messages)}</p>`;
    } else {
      sentence = `${statement}.`;
      change = html`<p class="headline-change">${messages.headlineNoPrevious(year - 1)}</p>`;
    }
  }
  const words = targetWords(indicator, "movement", current, messages);
  const targetText = indicator.target
    ? messages.target(
        indicator.target.comparison,
        formatNumber(indicator.target.value, indicator.unit, messages),
      )
    : messages.noTarget;
  const targetMarkup = html`<p class="headline-target">${messages.targetLabel(targetText)}${
    words
      ? html` · <strong class="${words.met ? "target-met" : "target-missed"}">${words.verdict}</strong>${messages.colon}${words.detail}`
      : ""
  }</p>`;
  const valueClass = current.kind === "value" ? "headline-value" : "headline-value withheld";
  return html`<li class="headline">
<h3 class="headline-title">${link}</h3>
<div class="headline-figure">
<p class="${valueClass}">${
    current.kind === "no-data"
      ? valueText
      : html`<a class="figure-link" href="${evidenceHref(movementEvidence(year))}">${valueText}</a>`
  }</p>
${change}
</div>
${sentence ? html`<p class="headline-sentence">${sentence}</p>` : ""}
${targetMarkup}
</li>
`;
}

/** The overview: each lens with its headline movement figures for the latest year, the change and the target. */
export function overviewPage(context: ContentContext): Page {
  const { framework, messages, rows, k } = context;
  const year = latestYear(rows.filter((row) => row.scope === "movement"));
  const lenses = framework.lenses.map((lens) => {
    const indicators = framework.indicators.filter((indicator) => indicator.lens === lens.id);
    const cards = year === undefined ? [] : indicators.map((indicator) => headline(indicator, context, year));
    return html`<section class="lens-summary" aria-labelledby="lens-${lens.id}">
<h2 id="lens-${lens.id}"><a class="lens-link" href="${lens.id}.html">${frameworkText(lens.title, context)}</a></h2>
<p class="lens-question">${frameworkText(lens.question, context)}</p>
<ul class="headlines">
${cards}</ul>
<p class="more"><a href="${lens.id}.html">${messages.overviewLensLink(lens.title.toLowerCase())}</a></p>
</section>
`;
  });
  const main = html`<h1>${messages.overviewHeading}</h1>
<p class="lede">${year === undefined ? messages.overviewEmpty : messages.overviewLede(year, framework.version)}</p>
<p class="notice">${messages.disclosureNote(k, framework.disclosure.suppression_scopes)}</p>
${lenses}`;
  return { file: "index.html", title: messages.navOverview, main };
}
