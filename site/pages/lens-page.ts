import type { IndicatorDefinition, LensDefinition, Scope } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { type Cell, cellOf } from "../figures/cell.js";
import type { Messages } from "../i18n/catalogue.js";
import { formatList } from "../i18n/format.js";
import { collator, countryName, regionName } from "../i18n/places.js";
import { html, type SafeHtml } from "../web/html.js";
import { hubFile, regionFile } from "../web/paths.js";
import { allocationsTable } from "./parts/allocations-table.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { chartsBlock, figure, type RenderedChart } from "./parts/figure.js";
import { cellMarkup, notesMarkup } from "./parts/figure-cells.js";
import { filterForm } from "./parts/filter-form.js";
import { frameworkText } from "./parts/framework-text.js";
import type { Page } from "./parts/page-layout.js";

function scopeLabel(scope: Scope, scopeId: string, context: ContentContext): string {
  const { messages, countries } = context;
  if (scope === "movement") return messages.scopes.movement;
  if (scope === "country") {
    const name = countryName(scopeId, messages, countries);
    return name === scopeId ? scopeId : `${name} (${scopeId})`;
  }
  if (scope === "region") return regionName(scopeId, messages);
  return scopeId;
}

function scopeHeader(scope: Scope, scopeId: string, context: ContentContext): SafeHtml {
  const label = scopeLabel(scope, scopeId, context);
  if (scope === "region") return html`<a href="${regionFile(scopeId)}">${label}</a>`;
  if (scope === "hub") return html`<a href="${hubFile(scopeId)}">${label}</a>`;
  return html`${label}`;
}

function figuresTable(indicator: IndicatorDefinition, own: readonly IndicatorRow[], context: ContentContext) {
  const { messages } = context;
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const series = new Map<string, { scope: Scope; scopeId: string; byYear: Map<number, IndicatorRow> }>();
  for (const row of own) {
    const key = `${row.scope}\u0000${row.scope_id}`;
    const entry = series.get(key) ?? { scope: row.scope, scopeId: row.scope_id, byYear: new Map() };
    entry.byYear.set(row.year, row);
    series.set(key, entry);
  }
  const kinds = new Set<Cell["kind"]>();
  const groupTitles: Readonly<Record<Scope, string | null>> = {
    movement: null,
    region: messages.tableGroupRegions,
    hub: messages.tableGroupHubs,
    country: messages.tableGroupCountries,
  };
  const groups = (["movement", "region", "hub", "country"] as const).flatMap((scope) => {
    const members = [...series.values()].filter((entry) => entry.scope === scope);
    if (scope === "country") {
      const compare = collator(messages);
      const label = (entry: { scope: Scope; scopeId: string }) =>
        scopeLabel(entry.scope, entry.scopeId, context);
      members.sort((a, b) => compare(label(a), label(b)));
    }
    if (members.length === 0) return [];
    const title = groupTitles[scope];
    const bodyRows = members.map((entry) => {
      const cells = years.map((year) => {
        const cell = cellOf(entry.byYear.get(year));
        kinds.add(cell.kind);
        return cellMarkup(cell, indicator.unit, messages);
      });
      return html`<tr data-region="${entry.scope === "region" ? entry.scopeId : ""}"><th scope="row">${scopeHeader(entry.scope, entry.scopeId, context)}</th>${cells}</tr>
`;
    });
    const header = title
      ? html`<tr class="group"><th scope="rowgroup" colspan="${years.length + 1}">${title}</th></tr>
`
      : "";
    return [
      html`<tbody>
${header}${bodyRows}</tbody>
`,
    ];
  });
  return html`${tableBox(messages.tableCaption(indicator.title))}
<table class="figures">
<caption>${messages.tableCaption(indicator.title)}</caption>
<thead><tr><th scope="col">${messages.tableScopeColumn}</th>${years.map((year) => html`<th scope="col">${year}</th>`)}</tr></thead>
${groups}</table>
</div>
${notesMarkup(kinds, context)}`;
}

function facts(indicator: IndicatorDefinition, messages: Messages): SafeHtml {
  return html`<dl class="facts">
<div><dt>${messages.fieldUnit}</dt><dd>${messages.units[indicator.unit]}</dd></div>
<div><dt>${messages.fieldDirection}</dt><dd>${messages.directions[indicator.direction]}</dd></div>
<div><dt>${messages.fieldScopes}</dt><dd>${formatList(
    indicator.scopes.map((scope) => messages.scopes[scope]),
    messages,
  )}</dd></div>
</dl>
`;
}

/** A lens page: for each indicator its definition, its charts and its data table, and the lens's own sections. */
export function lensPage(
  lens: LensDefinition,
  charts: readonly RenderedChart[],
  context: ContentContext,
  extra: SafeHtml | string = "",
): Page {
  const { framework, messages, rows } = context;
  const indicators = framework.indicators.filter((indicator) => indicator.lens === lens.id);
  const sections = indicators.map((indicator) => {
    const own = rows.filter((row) => row.indicator === indicator.id);
    const figures = charts.filter((rendered) => rendered.chart.indicator === indicator.id);
    const body =
      own.length === 0
        ? html`<p class="empty">${messages.indicatorNoRows}</p>
`
        : html`${chartsBlock(figures, context)}${figuresTable(indicator, own, context)}`;
    return html`<article class="indicator" id="${indicator.id}" aria-labelledby="${indicator.id}-heading">
<h2 id="${indicator.id}-heading">${frameworkText(indicator.title, context)}</h2>
<p class="definition">${frameworkText(indicator.definition, context)}</p>
${facts(indicator, messages)}${body}</article>
`;
  });
  const main = html`<h1>${frameworkText(lens.title, context)}</h1>
<p class="lede">${frameworkText(lens.question, context)}</p>
${filterForm(charts, context)}<nav class="toc" aria-label="${messages.lensContents}">
<h2 class="toc-title">${messages.lensContents}</h2>
<ol>
${indicators.map((indicator) => html`<li><a href="#${indicator.id}">${frameworkText(indicator.title, context)}</a></li>\n`)}</ol>
</nav>
${sections}${extra}`;
  return {
    file: `${lens.id}.html`,
    title: lens.title,
    main,
    scripted: charts.some((rendered) => rendered.interactive !== null),
  };
}

/** The reconciliation section of the redistribution page: its chart and the full table. */
export function reconciliationSection(chart: RenderedChart | undefined, context: ContentContext): SafeHtml {
  const { messages, dashboard } = context;
  return html`<section class="reconciliation" id="reconciliation" aria-labelledby="reconciliation-heading">
<h2 id="reconciliation-heading">${messages.reconciliationHeading}</h2>
<p class="definition">${messages.reconciliationLede}</p>
${chart ? figure(chart, context) : html`<p class="empty">${messages.hubNoAllocations}</p>`}
${dashboard.allocations.length > 0 ? allocationsTable(dashboard.allocations, context) : ""}
</section>
`;
}
