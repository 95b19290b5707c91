import type { IndicatorDefinition, LensDefinition, Scope } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { type Cell, cellOf, type WithheldReason, withheldCell } from "../figures/cell.js";
import { figureEvidence } from "../figures/evidence.js";
import { hubNames } from "../figures/hub-names.js";
import { hasTargetAt } from "../figures/target.js";
import type { Messages } from "../i18n/catalogue.js";
import { formatNumber } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import { html, type SafeHtml } from "../web/html.js";
import { COUNTRIES_FILE, hubFile, regionFile } from "../web/paths.js";
import { allocationsTable } from "./parts/allocations-table.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { chartsBlock, figure, type RenderedChart } from "./parts/figure.js";
import { cellMarkup, notesMarkup, targetMarkup } from "./parts/figure-cells.js";
import { filterForm } from "./parts/filter-form.js";
import { frameworkText } from "./parts/framework-text.js";
import type { Page } from "./parts/page-layout.js";
import { countryLabel, pageScopeOrder, scopeList, seatWithheld } from "./parts/scope-names.js";

/** One row of an indicator's table: a scope instance and its figure by year, or why its figures are withheld. */
interface TableEntry {
  readonly scope: Scope;
  readonly scopeId: string;
  readonly label: SafeHtml;
  readonly byYear: ReadonlyMap<number, IndicatorRow>;
  readonly withheld?: WithheldReason;
}

function entriesOf(rows: readonly IndicatorRow[], context: ContentContext): TableEntry[] {
  const entries = new Map<string, { scope: Scope; scopeId: string; byYear: Map<number, IndicatorRow> }>();
  for (const row of rows) {
    const key = `${row.scope}\u0000${row.scope_id}`;
    const entry = entries.get(key) ?? { scope: row.scope, scopeId: row.scope_id, byYear: new Map() };
    entry.byYear.set(row.year, row);
    entries.set(key, entry);
  }
  return [...entries.values()].map((entry) => ({
    ...entry,
    label: scopeHeader(entry.scope, entry.scopeId, context),
  }));
}

function scopeHeader(scope: Scope, scopeId: string, context: ContentContext): SafeHtml {
  const { messages, countries, dashboard } = context;
  if (scope === "movement") return html`${messages.scopes.movement}`;
  if (scope === "region") return html`<a href="${regionFile(scopeId)}">${regionName(scopeId, messages)}</a>`;
  if (scope === "hub") return html`<a href="${hubFile(scopeId)}">${hubNames(dashboard.hubs)(scopeId)}</a>`;
  return html`${countryLabel(scopeId, messages, countries)}`;
}

/**
 * An indicator's figures by year for some scope instances, one row each; every computed figure links to
 * the reports behind it. The movement's row is followed by its target reading, where a target is set.
 */
function figuresTable(
  indicator: IndicatorDefinition,
  entries: readonly TableEntry[],
  years: readonly number[],
  caption: string,
  context: ContentContext,
): SafeHtml {
  const { messages } = context;
  const kinds = new Set<Cell["kind"]>();
  const rows = entries.map((entry) => {
    const cells = years.map((year) => {
      const row = entry.byYear.get(year);
      const cell = entry.withheld ? withheldCell(entry.withheld) : cellOf(row);
      kinds.add(cell.kind);
      const evidence = row ? figureEvidence(indicator, entry.scope, entry.scopeId, year) : undefined;
      return cellMarkup(cell, indicator.unit, messages, evidence);
    });
    const target =
      entry.scope === "movement" && hasTargetAt(indicator, "movement")
        ? targetRow(indicator, entry, years, messages)
        : "";
    return html`<tr data-region="${entry.scope === "region" ? entry.scopeId : ""}"><th scope="row">${entry.label}</th>${cells}</tr>
${target}`;
  });
  return html`${tableBox(caption)}
<table class="figures">
<caption>${caption}</caption>
<thead><tr><th scope="col">${messages.tableScopeColumn}</th>${years.map((year) => html`<th scope="col">${year}</th>`)}</tr></thead>
<tbody>
${rows}</tbody>
</table>
</div>
${notesMarkup(kinds, context, { linked: true })}`;
}

/** The row under the movement's figures: the target and, each year, whether it was met and by how much. */
function targetRow(
  indicator: IndicatorDefinition,
  movement: TableEntry,
  years: readonly number[],
  messages: Messages,
): SafeHtml {
  const target = indicator.target
    ? messages.target(
        indicator.target.comparison,
        formatNumber(indicator.target.value, indicator.unit, messages),
      )
    : "";
  const cells = years.map((year) => {
    const reading = targetMarkup(indicator, "movement", cellOf(movement.byYear.get(year)), messages);
    return html`<td class="target-cell">${reading === "" ? "—" : reading}</td>`;
  });
  return html`<tr class="target-row"><th scope="row">${messages.targetLabel(target)}</th>${cells}</tr>
`;
}

/** The indicator's figures: the movement and the regions in a table, each hub and each country in their own. */
function figureTables(indicator: IndicatorDefinition, own: readonly IndicatorRow[], context: ContentContext) {
  const { messages, dashboard, countries } = context;
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const order = pageScopeOrder(messages, countries, dashboard.hubs);
  const of = (scope: Scope) =>
    entriesOf(
      own.filter((row) => row.scope === scope),
      context,
    ).sort((a, b) => order(scope, a.scopeId, b.scopeId));
  const main = [...of("movement"), ...of("region")];
  const parts: (SafeHtml | string)[] = [];
  if (main.length > 0) {
    const regionNote =
      indicator.scopes.includes("region") && indicator.region_by !== null
        ? html`<p class="scope-note">${messages.regionBasisNote[indicator.region_by]}</p>
`
        : "";
    parts.push(
      html`${regionNote}${figuresTable(indicator, main, years, messages.tableCaption(indicator.title), context)}`,
    );
  }
  if (indicator.scopes.includes("hub")) {
    const withheld: TableEntry[] = dashboard.hubs
      .filter((hub) => seatWithheld(hub, countries))
      .map((hub) => ({
        scope: "hub",
        scopeId: hub.hub_id,
        label: html`<a href="${hubFile(hub.hub_id)}">${hub.name}</a>`,
        byYear: new Map(),
        withheld: "protected-seat",
      }));
    const hubs = [...of("hub"), ...withheld].sort((a, b) => order("hub", a.scopeId, b.scopeId));
    if (hubs.length > withheld.length)
      parts.push(html`<details class="scope-details"><summary>${messages.eachHubSummary(hubs.length - withheld.length)}</summary>
${figuresTable(indicator, hubs, years, messages.tableCaptionHubs(indicator.title), context)}</details>
`);
  }
  const byCountry = of("country");
  if (byCountry.length > 0)
    parts.push(html`<details class="scope-details"><summary>${messages.eachCountrySummary(byCountry.length)}</summary>
${figuresTable(indicator, byCountry, years, messages.tableCaptionCountries(indicator.title), context)}<p class="scope-note">${messages.protectedCountriesNote} <a href="${COUNTRIES_FILE}">${messages.navCountries}</a></p>
</details>
`);
  return html`${parts}`;
}

function facts(indicator: IndicatorDefinition, messages: Messages): SafeHtml {
  return html`<dl class="facts">
<div><dt>${messages.fieldUnit}</dt><dd>${messages.units[indicator.unit]}</dd></div>
<div><dt>${messages.fieldDirection}</dt><dd>${messages.directions[indicator.direction]}</dd></div>
<div><dt>${messages.fieldScopes}</dt><dd>${scopeList(indicator, messages)}</dd></div>
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
        : html`${chartsBlock(figures, context)}${figureTables(indicator, own, context)}`;
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
