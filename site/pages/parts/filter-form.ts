import type { HubEntry } from "../../../functions/core/dashboards/dashboard-data.js";
import { regionsWithData } from "../../figures/lookup.js";
import { regionName } from "../../i18n/places.js";
import { html, type SafeHtml } from "../../web/html.js";
import type { ContentContext } from "./content-context.js";
import type { RenderedChart } from "./figure.js";

/** The page's filters: hidden until the script runs, which keeps them in the URL. */
export function filterForm(
  charts: readonly RenderedChart[],
  context: ContentContext,
  options: { hubs?: readonly HubEntry[]; years?: readonly number[]; allYears?: boolean } = {},
): SafeHtml | string {
  const { messages } = context;
  const filters = new Set(charts.flatMap((rendered) => (rendered.interactive ? rendered.chart.filters : [])));
  const years = [
    ...new Set([
      ...(options.years ?? []),
      ...charts.flatMap((rendered) => Object.keys(rendered.chart.descriptions ?? {}).map(Number)),
    ]),
  ].sort((a, b) => b - a);
  const wantsYear = filters.has("year") || options.years !== undefined;
  const wantsRegion = filters.has("region") || options.hubs !== undefined;
  if (!wantsYear && !wantsRegion) return "";
  const regions = regionsWithData(context);
  const yearSelect = wantsYear
    ? html`<label>${messages.filterYear} <select name="year">
${options.allYears ? html`<option value="">${messages.filterAllYears}</option>\n` : ""}${years.map((year) => html`<option value="${year}">${year}</option>\n`)}</select></label>`
    : "";
  const regionSelect = wantsRegion
    ? html`<label>${options.hubs ? messages.columnRegion : messages.filterRegion} <select name="region">
<option value="">${messages.filterAllRegions}</option>
${regions.map((region) => html`<option value="${region}">${regionName(region, messages)}</option>\n`)}</select></label>`
    : "";
  const hubSelect = options.hubs
    ? html`<label>${messages.filterHub} <select name="hub">
<option value="">${messages.filterAllHubs}</option>
${options.hubs.map((hub) => html`<option value="${hub.hub_id}">${hub.name}</option>\n`)}</select></label>`
    : "";
  return html`<form class="filters" hidden aria-label="${messages.filtersLegend}">
<fieldset><legend>${messages.filtersLegend}</legend>
${yearSelect}${regionSelect}${hubSelect}
<p class="filter-hint">${messages.filterShareHint}</p>
</fieldset>
</form>
`;
}
