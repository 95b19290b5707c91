import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import { type Cell, cellOf } from "../figures/cell.js";
import { figureEvidence } from "../figures/evidence.js";
import { regionsWithData } from "../figures/lookup.js";
import { regionName } from "../i18n/places.js";
import { html, type SafeHtml } from "../web/html.js";
import { regionFile } from "../web/paths.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { cellMarkup, notesMarkup, targetMarkup } from "./parts/figure-cells.js";
import { frameworkText } from "./parts/framework-text.js";
import type { Page } from "./parts/page-layout.js";

/**
 * Every region side by side on each region indicator in one year, with the movement first as the
 * reference (and its target reading); seat-based indicators say so. Every figure links to its reports.
 */
function comparisonTable(
  year: number,
  indicators: readonly IndicatorDefinition[],
  regions: readonly string[],
  context: ContentContext,
): SafeHtml {
  const { messages, rows } = context;
  const kinds = new Set<Cell["kind"]>();
  const find = (indicator: string, scope: string, scopeId: string) =>
    rows.find(
      (row) =>
        row.indicator === indicator && row.scope === scope && row.scope_id === scopeId && row.year === year,
    );
  const body = indicators.map((indicator) => {
    let movement: SafeHtml = html`<td>${messages.notAtScope}</td>`;
    if (indicator.scopes.includes("movement")) {
      const row = find(indicator.id, "movement", "movement");
      const cell = cellOf(row);
      kinds.add(cell.kind);
      const reading = targetMarkup(indicator, "movement", cell, messages);
      movement = cellMarkup(
        cell,
        indicator.unit,
        messages,
        row ? figureEvidence(indicator, "movement", "movement", year) : undefined,
        reading === "" ? "" : html`<br>${reading}`,
      );
    }
    const cells = regions.map((region) => {
      const row = find(indicator.id, "region", region);
      const cell = cellOf(row);
      kinds.add(cell.kind);
      return cellMarkup(
        cell,
        indicator.unit,
        messages,
        row ? figureEvidence(indicator, "region", region, year) : undefined,
      );
    });
    const basis =
      indicator.region_by === "seat"
        ? html` <span class="muted">(${messages.regionBasisShort.seat})</span>`
        : "";
    return html`<tr><th scope="row"><a href="${indicator.lens}.html#${indicator.id}">${frameworkText(indicator.title, context)}</a>${basis}</th>${movement}${cells}</tr>\n`;
  });
  const caption = messages.regionsComparisonCaption(year);
  return html`${tableBox(caption)}<table class="figures regions-comparison">
<caption>${caption}</caption>
<thead><tr><th scope="col">${messages.columnIndicator}</th><th scope="col" class="reference">${messages.columnMovement}</th>${regions.map((region) => html`<th scope="col"><a href="${regionFile(region)}">${regionName(region, messages)}</a></th>`)}</tr></thead>
<tbody>
${body}</tbody>
</table></div>
${notesMarkup(kinds, context, { linked: true })}`;
}

/**
 * The regions page: every region with data side by side on every region indicator, the movement as
 * the reference, for the latest year (earlier years folded below), and a link to each region's page.
 */
export function regionsPage(context: ContentContext): Page {
  const { framework, messages, rows } = context;
  const regions = regionsWithData(context);
  const indicators = framework.indicators.filter((indicator) => indicator.scopes.includes("region"));
  const years = [...new Set(rows.filter((row) => row.scope === "region").map((row) => row.year))].sort(
    (a, b) => b - a,
  );
  const tables = years.map((year, i) => {
    const table = comparisonTable(year, indicators, regions, context);
    const heading = messages.regionsComparisonHeading(year);
    return i === 0
      ? html`<section aria-labelledby="regions-${year}"><h2 id="regions-${year}">${heading}</h2>
${table}</section>
`
      : html`<details class="year-details" id="regions-year-${year}"><summary>${heading}</summary>
${table}</details>
`;
  });
  const main = html`<h1>${messages.regionsHeading}</h1>
<p class="lede">${messages.regionsLede}</p>
<ul class="card-list">
${regions.map((region) => html`<li><a href="${regionFile(region)}">${regionName(region, messages)}</a></li>\n`)}</ul>
${tables}`;
  return { file: "regions.html", title: messages.regionsHeading, main };
}
