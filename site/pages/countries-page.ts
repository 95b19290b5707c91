import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { type Cell, cellOf } from "../figures/cell.js";
import { figureEvidence } from "../figures/evidence.js";
import { html, type SafeHtml } from "../web/html.js";
import { COUNTRIES_FILE } from "../web/paths.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { cellMarkup, notesMarkup } from "./parts/figure-cells.js";
import { frameworkText } from "./parts/framework-text.js";
import type { Page } from "./parts/page-layout.js";
import { countryLabel, pageScopeOrder } from "./parts/scope-names.js";

/** The columns of the countries page, in order, where the framework publishes them at country scope. */
export const COUNTRY_COLUMNS = [
  "deployed_per_editor_usd",
  "deployed_usd",
  "raised_usd",
  "net_transfer_usd",
  "participants",
] as const;

function countryTable(
  year: number,
  indicators: readonly IndicatorDefinition[],
  rows: readonly IndicatorRow[],
  context: ContentContext,
): SafeHtml {
  const { messages, countries, dashboard } = context;
  const kinds = new Set<Cell["kind"]>();
  const ofYear = rows.filter((row) => row.scope === "country" && row.year === year);
  const published = new Set(ofYear.map((row) => row.scope_id));
  const protectedCodes = [...countries.byCode.values()]
    .filter((country) => country.isProtected)
    .map((country) => country.isoCode);
  const codes = [...new Set([...published, ...protectedCodes])];
  const label = (code: string) => countryLabel(code, messages, countries);
  const order = pageScopeOrder(messages, countries, dashboard.hubs);
  codes.sort((a, b) => order("country", a, b));
  const body = codes.map((code) => {
    const name = html`<th scope="row" data-value="${label(code)}">${label(code)}</th>`;
    if (!published.has(code) && countries.byCode.get(code)?.isProtected) {
      kinds.add("withheld");
      return html`<tr class="withheld-row" data-withheld="true">${name}<td class="withheld" colspan="${indicators.length}">${messages.withheldReasons["protected-country"]}</td></tr>\n`;
    }
    const cells = indicators.map((indicator) => {
      const row = ofYear.find(
        (candidate) => candidate.indicator === indicator.id && candidate.scope_id === code,
      );
      const cell = cellOf(row);
      kinds.add(cell.kind);
      return cellMarkup(
        cell,
        indicator.unit,
        messages,
        row ? figureEvidence(indicator, "country", code, year) : undefined,
        "",
        true,
      );
    });
    return html`<tr>${name}${cells}</tr>\n`;
  });
  const caption = messages.countriesCaption(year);
  return html`${tableBox(caption)}<table class="data-table countries-table" data-sortable="true">
<caption>${caption}</caption>
<thead><tr><th scope="col" aria-sort="ascending" data-sort="text">${messages.columnCountry}</th>${indicators.map((indicator) => html`<th scope="col" data-sort="number">${frameworkText(indicator.title, context)}</th>`)}</tr></thead>
<tbody>
${body}</tbody>
</table></div>
${notesMarkup(kinds, context, { linked: true })}`;
}

/**
 * The countries page: for each year, every country's funds per editor, deployed, raised, net transfer and
 * participants in a table sorted by name (the script lets readers sort by any column), every figure
 * linked to its reports; each protected country is listed as withheld, with no figure.
 */
export function countriesPage(context: ContentContext): Page {
  const { framework, messages, rows } = context;
  const indicators = COUNTRY_COLUMNS.flatMap((id) => {
    const indicator = framework.indicators.find((candidate) => candidate.id === id);
    return indicator?.scopes.includes("country") ? [indicator] : [];
  });
  const countryRows = rows.filter(
    (row) => row.scope === "country" && indicators.some((indicator) => indicator.id === row.indicator),
  );
  const years = [...new Set(countryRows.map((row) => row.year))].sort((a, b) => b - a);
  const sections = years.map((year, i) => {
    const table = countryTable(year, indicators, countryRows, context);
    const heading = messages.countriesYearHeading(year);
    return i === 0
      ? html`<section aria-labelledby="countries-${year}"><h2 id="countries-${year}">${heading}</h2>
${table}</section>
`
      : html`<details class="year-details" id="countries-year-${year}"><summary>${heading}</summary>
${table}</details>
`;
  });
  const main = html`<h1>${messages.countriesHeading}</h1>
<p class="lede">${messages.countriesLede}</p>
<p class="notice">${messages.countriesProtectedNote}</p>
${sections.length > 0 ? sections : html`<p class="empty">${messages.countriesNone}</p>`}`;
  return {
    file: COUNTRIES_FILE,
    title: messages.countriesHeading,
    main,
    section: COUNTRIES_FILE,
    scripted: sections.length > 0,
  };
}
