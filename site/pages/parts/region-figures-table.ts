import { type Cell, cellOf } from "../../figures/cell.js";
import { regionName } from "../../i18n/places.js";
import { html, type SafeHtml } from "../../web/html.js";
import type { ContentContext } from "./content-context.js";
import { tableBox } from "./data-table.js";
import { cellMarkup, notesMarkup } from "./figure-cells.js";
import { frameworkText } from "./framework-text.js";

/** Every region indicator of one region by year, beside the movement's latest figure. */
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
      const cell = cellOf(own.find((row) => row.indicator === indicator.id && row.year === year));
      kinds.add(cell.kind);
      return cellMarkup(cell, indicator.unit, messages);
    });
    const movement = indicator.scopes.includes("movement")
      ? cellMarkup(
          cellOf(
            rows.find(
              (row) => row.indicator === indicator.id && row.scope === "movement" && row.year === last,
            ),
          ),
          indicator.unit,
          messages,
        )
      : html`<td>—</td>`;
    return html`<tr><th scope="row"><a href="${indicator.lens}.html#${indicator.id}">${frameworkText(indicator.title, context)}</a></th>${cells}${movement}</tr>\n`;
  });
  return html`${tableBox(messages.regionFiguresCaption(regionName(region, messages)))}<table class="figures">
<caption>${messages.regionFiguresCaption(regionName(region, messages))}</caption>
<thead><tr><th scope="col">${messages.columnIndicator}</th>${years.map((year) => html`<th scope="col">${year}</th>`)}<th scope="col">${messages.columnMovement} ${last}</th></tr></thead>
<tbody>
${body}</tbody>
</table></div>
${notesMarkup(kinds, context)}`;
}
