import type { HubEntry } from "../../../functions/core/dashboards/dashboard-data.js";
import { regionsWithData } from "../../figures/lookup.js";
import { regionName } from "../../i18n/places.js";
import { html, type SafeHtml } from "../../web/html.js";
import type { ContentContext } from "./content-context.js";
import type { RenderedChart } from "./figure.js";

/** A group of scope instances in the evidence page's "figures of" filter. */
export interface BehindGroup {
  readonly label: string;
  readonly options: readonly { readonly key: string; readonly label: string }[];
}

/** The page's filters: hidden until the script runs, which keeps them in the URL. */
export function filterForm(
  charts: readonly RenderedChart[],
  context: ContentContext,
  options: {
    hubs?: readonly HubEntry[];
    years?: readonly number[];
    allYears?: boolean;
    /** The scope instances whose reports the page can be narrowed to, in groups: `behind` in the URL. */
    behind?: readonly BehindGroup[];
  } = {},
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
  const behindSelect = options.behind
    ? html`<label>${messages.filterBehind} <select name="behind">
<option value="">${messages.filterAllFigures}</option>
${options.behind.map(
  (group) => html`<optgroup label="${group.label}">
${group.options.map((option) => html`<option value="${option.key}">${option.label}</option>\n`)}</optgroup>
`,
)}</select></label>`
    : "";
  return html`<form class="filters" hidden aria-label="${messages.filtersLegend}">
<fieldset><legend>${messages.filtersLegend}</legend>
${yearSelect}${regionSelect}${hubSelect}${behindSelect}
<p class="filter-hint">${messages.filterShareHint}</p>
</fieldset>
</form>
`;
}
