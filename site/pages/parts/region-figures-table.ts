import { type Cell, cellOf } from "../../figures/cell.js";
import { figureEvidence } from "../../figures/evidence.js";
import { regionName } from "../../i18n/places.js";
import { html, type SafeHtml } from "../../web/html.js";
import type { ContentContext } from "./content-context.js";
import { tableBox } from "./data-table.js";
import { cellMarkup, notesMarkup, targetMarkup } from "./figure-cells.js";
import { frameworkText } from "./framework-text.js";

/**
 * Every region indicator of one region by year, beside the movement's latest figure and its target
 * reading; seat-based indicators say so. Every computed figure links to the reports behind it.
 */
export function regionFiguresTable(region: string, context: ContentContext): SafeHtml | string {
  const { framework, messages, rows } = context;
  const indicators = framework.indicators.filter((indicator) => indicator.scopes.includes("region"));
  const own = rows.filter((row) => row.scope === "region" && row.scope_id === region);
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const last = years.at(-1);
  if (last === undefined) return html`<p class="empty">${messages.indicatorNoRows}</p>`;
  const kinds = new Set<Cell["kind"]>();
  const body = indicators.map((indicator) => {
    const cells = years.map((year) => {
      const row = own.find((candidate) => candidate.indicator === indicator.id && candidate.year === year);
      const cell = cellOf(row);
      kinds.add(cell.kind);
      return cellMarkup(
        cell,
        indicator.unit,
        messages,
        row ? figureEvidence(indicator, "region", region, year) : undefined,
      );
    });
    let movement: SafeHtml = html`<td>${messages.notAtScope}</td>`;
    if (indicator.scopes.includes("movement")) {
      const row = rows.find(
        (candidate) =>
          candidate.indicator === indicator.id && candidate.scope === "movement" && candidate.year === last,
      );
      const cell = cellOf(row);
      const reading = targetMarkup(indicator, "movement", cell, messages);
      movement = cellMarkup(
        cell,
        indicator.unit,
        messages,
        row ? figureEvidence(indicator, "movement", "movement", last) : undefined,
        reading === "" ? "" : html`<br>${reading}`,
      );
    }
    const basis =
      indicator.region_by === "seat"
        ? html` <span class="muted">(${messages.regionBasisShort.seat})</span>`
        : "";
    return html`<tr><th scope="row"><a href="${indicator.lens}.html#${indicator.id}">${frameworkText(indicator.title, context)}</a>${basis}</th>${cells}${movement}</tr>\n`;
  });
  return html`${tableBox(messages.regionFiguresCaption(regionName(region, messages)))}<table class="figures">
<caption>${messages.regionFiguresCaption(regionName(region, messages))}</caption>
<thead><tr><th scope="col">${messages.columnIndicator}</th>${years.map((year) => html`<th scope="col">${year}</th>`)}<th scope="col">${messages.columnMovement} ${last}</th></tr></thead>
<tbody>
${body}</tbody>
</table></div>
${notesMarkup(kinds, context, { linked: true })}`;
}
