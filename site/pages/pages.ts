import type {
  AllocationRow,
  DashboardData,
  HubEntry,
  ReportingStatusRow,
} from "../../functions/core/dashboards/dashboard-data.js";
import type {
  Framework,
  IndicatorDefinition,
  LensDefinition,
  Scope,
  Unit,
} from "../../functions/core/framework/framework.js";
import { diffFrameworks } from "../../functions/core/framework/framework-diff.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import type { CountryTable } from "../../functions/core/reference/countries.js";
import type { EvidenceReport } from "../build/publishable.js";
import type { Chart } from "../charts/chart.js";
import { reconciliationTable } from "../charts/reconciliation-chart.js";
import type { DataTable } from "../charts/table.js";
import { type Cell, cellOf } from "../figures/cell.js";
import { latestYear, regionsWithData } from "../figures/lookup.js";
import type { Messages } from "../i18n/catalogue.js";
import { formatCell, formatChange, formatNumber, formatTimestamp } from "../i18n/format.js";
import { html, type SafeHtml, trustedHtml } from "../web/html.js";
import { evidenceHref, hubFile, regionFile } from "../web/paths.js";
import { type Page, type PageContext, rootOf } from "./parts/layout.js";

/** A chart ready for a page: its inline SVG and where its files are published. */
export interface RenderedChart {
  readonly chart: Chart;
  readonly svg: string;
  readonly specPath: string;
  readonly csvPath: string;
  /** The compiled Vega spec and the data file the browser loads, for charts that follow filters. */
  readonly interactive: { readonly vegaPath: string; readonly valuesPath: string } | null;
}

/** What the content pages need besides the page context. */
export interface ContentContext extends PageContext {
  /** The published rows, already filtered and ordered (see `publishableRows`). */
  readonly rows: readonly IndicatorRow[];
  readonly dashboard: DashboardData;
  readonly reports: readonly EvidenceReport[];
  /** Every framework version, oldest first; the last is the one the figures were computed with. */
  readonly frameworks: readonly Framework[];
  readonly countries: CountryTable;
  readonly k: number;
}

/** Text from the framework (English only) inside a page of another language, marked so it is read correctly. */
function frameworkText(text: string, context: PageContext): SafeHtml {
  return context.messages.lang === "en" ? html`${text}` : html`<bdi lang="en">${text}</bdi>`;
}

function cellMarkup(cell: Cell, unit: Unit, messages: Messages): SafeHtml {
  const text = formatCell(cell, unit, messages);
  return cell.kind === "value" ? html`<td>${text}</td>` : html`<td class="withheld">${text}</td>`;
}

/** A chart's data table, formatted for reading. */
export function dataTableMarkup(table: DataTable, messages: Messages): SafeHtml {
  const header = table.columns.map((column) => html`<th scope="col">${column.label}</th>`);
  const body = table.rows.map((row) => {
    const cells = table.columns.map((column, i) => {
      const value = row[column.key];
      const text =
        value === null || value === undefined
          ? "—"
          : typeof value === "number" && column.unit
            ? formatNumber(value, column.unit, messages)
            : String(value);
      return i === 0 ? html`<th scope="row">${text}</th>` : html`<td>${text}</td>`;
    });
    return html`<tr>${cells}</tr>\n`;
  });
  return html`<div class="table-wrap"><table class="data-table">
<caption>${table.caption}</caption>
<thead><tr>${header}</tr></thead>
<tbody>
${body}</tbody>
</table></div>`;
}

/** A chart as a figure: its static SVG, its links (CSV, evidence, spec) and its data table. */
export function figure(rendered: RenderedChart, context: PageContext): SafeHtml {
  const { chart } = rendered;
  const { messages } = context;
  const interactive = rendered.interactive
    ? html` data-chart="${chart.name}" data-spec="${rendered.interactive.vegaPath}" data-values="${rendered.interactive.valuesPath}" data-filters="${chart.filters.join(" ")}"`
    : "";
  return html`<figure class="chart-figure chart-${chart.kind}" id="chart-${chart.name}"${interactive}>
<div class="chart-frame">${trustedHtml(rendered.svg)}</div>
<figcaption>
<ul class="chart-links">
<li><a href="${rendered.csvPath}" download>${messages.downloadCsv}</a></li>
<li><a class="evidence-link" href="${evidenceHref(chart.evidence)}">${messages.evidenceLink}</a></li>
<li><a class="spec-link" href="${rendered.specPath}">${messages.specLink}</a></li>
</ul>
<details class="chart-data"><summary>${messages.showTable}</summary>
${dataTableMarkup(chart.table, messages)}
</details>
</figcaption>
</figure>
`;
}

/** The page's filters: hidden until the script runs, which keeps them in the URL. */
function filterForm(
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
${regions.map((region) => html`<option value="${region}">${region}</option>\n`)}</select></label>`
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
  const target = indicator.target;
  let targetMarkup: SafeHtml | string =
    html`<p class="headline-target">${messages.targetLabel(messages.noTarget)}</p>`;
  if (target) {
    const targetText = messages.target(
      target.comparison,
      formatNumber(target.value, indicator.unit, messages),
    );
    const met =
      current.kind === "value" &&
      (target.comparison === ">=" ? current.value >= target.value : current.value <= target.value);
    targetMarkup = html`<p class="headline-target">${messages.targetLabel(targetText)}${
      current.kind === "value"
        ? html` · <strong class="${met ? "target-met" : "target-missed"}">${met ? messages.targetMet : messages.targetMissed}</strong>`
        : ""
    }</p>`;
  }
  const valueClass = current.kind === "value" ? "headline-value" : "headline-value withheld";
  return html`<li class="headline">
<h3 class="headline-title">${link}</h3>
<div class="headline-figure">
<p class="${valueClass}">${valueText}</p>
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
<p class="notice">${messages.disclosureNote(k)}</p>
${lenses}`;
  return { file: "index.html", title: messages.navOverview, main };
}

function scopeLabel(scope: Scope, scopeId: string, context: ContentContext): string {
  if (scope === "movement") return context.messages.scopes.movement;
  if (scope === "country") {
    const name = context.countries.byCode.get(scopeId)?.name;
    return name ? `${name} (${scopeId})` : scopeId;
  }
  return scopeId;
}

function scopeHeader(scope: Scope, scopeId: string, context: ContentContext): SafeHtml {
  const label = scopeLabel(scope, scopeId, context);
  if (scope === "region") return html`<a href="${regionFile(scopeId)}">${label}</a>`;
  if (scope === "hub") return html`<a href="${hubFile(scopeId)}">${label}</a>`;
  return html`${label}`;
}

function notesMarkup(kinds: ReadonlySet<Cell["kind"]>, context: ContentContext): SafeHtml | string {
  const { messages, k } = context;
  const notes = [
    kinds.has("suppressed") ? messages.noteSuppressed(k) : null,
    kinds.has("no-value") ? messages.noteNoValue : null,
    kinds.has("no-data") ? messages.noteNoData : null,
  ].filter((note): note is string => note !== null);
  return notes.length > 0
    ? html`<ul class="table-notes">
${notes.map((note) => html`<li>${note}</li>\n`)}</ul>
`
    : "";
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
  return html`<div class="table-wrap">
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
<div><dt>${messages.fieldScopes}</dt><dd>${indicator.scopes.map((scope) => messages.scopes[scope]).join(", ")}</dd></div>
</dl>
`;
}

function chartsBlock(charts: readonly RenderedChart[], context: PageContext): SafeHtml | string {
  return charts.length > 0
    ? html`<div class="charts">
${charts.map((rendered) => figure(rendered, context))}</div>
`
    : "";
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

function allocationsTable(allocations: readonly AllocationRow[], context: ContentContext): SafeHtml {
  const { messages, dashboard } = context;
  const table = reconciliationTable(allocations, dashboard.hubs, messages);
  const rows = allocations.map((row) => {
    const hub = dashboard.hubs.find((entry) => entry.hub_id === row.hub_id);
    const flagged = row.state !== "matched";
    return html`<tr class="${flagged ? "flagged" : ""}" data-year="${row.year}">
<th scope="row">${row.year}</th><td><a href="${hubFile(row.hub_id)}">${hub?.name ?? row.hub_id}</a></td>
<td>${row.allocated_lines > 0 ? formatNumber(row.allocated_usd, "usd", messages) : "—"}</td>
<td>${row.received_lines > 0 ? formatNumber(row.received_usd, "usd", messages) : "—"}</td>
<td>${formatNumber(row.gap_usd, "usd", messages)}</td>
<td>${flagged ? html`<strong class="flag"><span aria-hidden="true">⚠ </span>${messages.allocationStates[row.state]}</strong>` : messages.allocationStates[row.state]}</td>
</tr>
`;
  });
  return html`<div class="table-wrap"><table class="data-table reconciliation-table">
<caption>${table.caption}</caption>
<thead><tr>${table.columns.map((column) => html`<th scope="col">${column.label}</th>`)}</tr></thead>
<tbody>
${rows}</tbody>
</table></div>
`;
}

function regionFiguresTable(region: string, context: ContentContext): SafeHtml | string {
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
  return html`<div class="table-wrap"><table class="figures">
<caption>${messages.regionFiguresCaption(region)}</caption>
<thead><tr><th scope="col">${messages.columnIndicator}</th>${years.map((year) => html`<th scope="col">${year}</th>`)}<th scope="col">${messages.columnMovement} ${last}</th></tr></thead>
<tbody>
${body}</tbody>
</table></div>
${notesMarkup(kinds, context)}`;
}

function reportRow(
  report: EvidenceReport,
  earlier: readonly EvidenceReport[],
  context: ContentContext,
  regions: readonly string[],
): SafeHtml {
  const { messages, dashboard } = context;
  const hub = dashboard.hubs.find((entry) => entry.hub_id === report.hub_id);
  const versions =
    earlier.length === 0
      ? "—"
      : html`<details><summary>${messages.earlierVersions(earlier.length)}</summary><ul class="versions">
${earlier.map(
  (version) =>
    html`<li><time datetime="${version.uploaded_at}">${formatTimestamp(version.uploaded_at, messages)}</time> · ${messages.columnRows} ${version.row_count} · <code class="sha">${version.sha256}</code> · ${messages.supersededBy(version.superseded_by ?? "")}</li>\n`,
)}</ul></details>`;
  return html`<tr id="report-${report.report_id}" data-year="${report.year ?? ""}" data-regions="${regions.join("|")}" data-hub="${report.hub_id ?? ""}">
<th scope="row">${report.hub_id ? html`<a href="${hubFile(report.hub_id)}">${hub?.name ?? report.hub_id}</a>` : report.uploader}</th>
<td>${messages.reportKinds[report.kind] ?? report.kind}</td>
<td>${report.period ?? "—"}</td>
<td><time datetime="${report.uploaded_at}">${formatTimestamp(report.uploaded_at, messages)}</time></td>
<td>${report.row_count}</td>
<td><code class="sha">${report.sha256}</code></td>
<td>${regions.length > 0 ? regions.join("; ") : "—"}</td>
<td>${versions}</td>
</tr>
`;
}

function reportsTable(
  caption: string,
  reports: readonly EvidenceReport[],
  context: ContentContext,
  options: { regionsOf: (report: EvidenceReport) => string[] },
): SafeHtml {
  const { messages } = context;
  const earlierOf = supersededVersions(context.reports);
  return html`<div class="table-wrap"><table class="data-table evidence-table">
<caption>${caption}</caption>
<thead><tr><th scope="col">${messages.columnHub}</th><th scope="col">${messages.columnKind}</th><th scope="col">${messages.columnPeriod}</th><th scope="col">${messages.columnUploaded}</th><th scope="col">${messages.columnRows}</th><th scope="col">${messages.columnSha}</th><th scope="col">${messages.columnRegionsFed}</th><th scope="col">${messages.columnVersions}</th></tr></thead>
<tbody>
${reports.map((report) => reportRow(report, earlierOf(report), context, options.regionsOf(report)))}</tbody>
</table></div>
`;
}

/** For each current report, the earlier versions it superseded (same hub, kind and period), newest first. */
function supersededVersions(
  reports: readonly EvidenceReport[],
): (report: EvidenceReport) => EvidenceReport[] {
  const byKey = new Map<string, EvidenceReport[]>();
  for (const report of reports) {
    if (report.status !== "superseded" || report.hub_id === null) continue;
    const key = `${report.kind}/${report.hub_id}/${report.period}`;
    byKey.set(key, [...(byKey.get(key) ?? []), report]);
  }
  return (report) =>
    [...(byKey.get(`${report.kind}/${report.hub_id}/${report.period}`) ?? [])].sort((a, b) =>
      b.uploaded_at.localeCompare(a.uploaded_at),
    );
}

function contributionsByReport(
  dashboard: DashboardData,
  regions: readonly string[],
): (report: EvidenceReport) => string[] {
  const map = new Map<string, Set<string>>();
  for (const contribution of dashboard.contributions) {
    const set = map.get(contribution.report_id) ?? new Set<string>();
    set.add(contribution.region);
    map.set(contribution.report_id, set);
  }
  return (report) => regions.filter((region) => map.get(report.report_id)?.has(region));
}

function hubReports(context: ContentContext): EvidenceReport[] {
  return context.reports.filter((report) => report.hub_id !== null && report.status === "current");
}

/** The evidence page: every current report by year with its earlier versions, and the reference data. */
export function evidencePage(context: ContentContext): Page {
  const { messages, dashboard } = context;
  const regions = regionsWithData(context);
  const regionsOf = contributionsByReport(dashboard, regions);
  const current = hubReports(context);
  const years = [
    ...new Set(current.map((report) => report.year).filter((y): y is number => y !== null)),
  ].sort((a, b) => b - a);
  const sections = years.map(
    (
      year,
    ) => html`<section class="evidence-year" id="year-${year}" data-year="${year}" aria-labelledby="year-${year}-heading">
<h2 id="year-${year}-heading">${messages.evidenceYearHeading(year)}</h2>
${reportsTable(
  messages.evidenceYearHeading(year),
  current.filter((report) => report.year === year).sort(compareReports(context)),
  context,
  { regionsOf },
)}</section>
`,
  );
  const reference = context.reports.filter((report) => report.hub_id === null);
  const referenceRows = reference.map(
    (report) => html`<tr><th scope="row">${messages.reportKinds[report.kind] ?? report.kind}</th>
<td><time datetime="${report.uploaded_at}">${formatTimestamp(report.uploaded_at, messages)}</time></td>
<td>${report.row_count}</td><td><code class="sha">${report.sha256}</code></td>
<td>${report.status === "current" ? messages.statusCurrent : messages.supersededBy(report.superseded_by ?? "")}</td></tr>
`,
  );
  const main = html`<h1>${messages.evidenceHeading}</h1>
<p class="lede">${messages.evidenceLede}</p>
${filterForm([], context, { years, hubs: dashboard.hubs, allYears: true })}<p class="empty" id="evidence-empty" hidden>${messages.evidenceNone}</p>
${sections.length > 0 ? sections : html`<p class="empty">${messages.evidenceNone}</p>`}
<section id="reference" aria-labelledby="reference-heading">
<h2 id="reference-heading">${messages.evidenceReferenceHeading}</h2>
<p>${messages.evidenceReferenceLede}</p>
<div class="table-wrap"><table class="data-table">
<caption>${messages.evidenceReferenceHeading}</caption>
<thead><tr><th scope="col">${messages.columnKind}</th><th scope="col">${messages.columnUploaded}</th><th scope="col">${messages.columnRows}</th><th scope="col">${messages.columnSha}</th><th scope="col">${messages.columnState}</th></tr></thead>
<tbody>
${referenceRows}</tbody>
</table></div>
</section>
`;
  return { file: "evidence.html", title: messages.evidenceHeading, main, scripted: sections.length > 0 };
}

function compareReports(context: ContentContext) {
  const name = (id: string | null) =>
    context.dashboard.hubs.find((hub) => hub.hub_id === id)?.name ?? id ?? "";
  return (a: EvidenceReport, b: EvidenceReport) =>
    name(a.hub_id).localeCompare(name(b.hub_id), "en") ||
    a.kind.localeCompare(b.kind) ||
    (a.period ?? "").localeCompare(b.period ?? "");
}

/** The regions index: every region with data, with links to its page. */
export function regionsPage(context: ContentContext): Page {
  const { messages } = context;
  const regions = regionsWithData(context);
  const main = html`<h1>${messages.regionsHeading}</h1>
<p class="lede">${messages.regionsLede}</p>
<ul class="card-list">
${regions.map((region) => html`<li><a href="${regionFile(region)}">${region}</a></li>\n`)}</ul>
`;
  return { file: "regions.html", title: messages.regionsHeading, main };
}

/** One region's page: its charts, every region indicator by year beside the movement, its hubs and its evidence. */
export function regionPage(region: string, charts: readonly RenderedChart[], context: ContentContext): Page {
  const { messages, dashboard } = context;
  const own = context.rows.filter((row) => row.scope === "region" && row.scope_id === region);
  const year = latestYear(own) ?? null;
  const hubs = dashboard.hubs.filter((hub) => hub.region === region);
  const regionsOf = contributionsByReport(dashboard, [region]);
  const fed = hubReports(context)
    .filter((report) => regionsOf(report).length > 0)
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || compareReports(context)(a, b));
  const main = html`<h1>${region}</h1>
<p class="lede">${messages.regionLede(region, year)}</p>
${chartsBlock(charts, context)}<section aria-labelledby="figures-heading">
<h2 id="figures-heading">${messages.regionFiguresHeading}</h2>
${regionFiguresTable(region, context)}</section>
<section aria-labelledby="hubs-heading">
<h2 id="hubs-heading">${messages.regionHubsHeading}</h2>
${
  hubs.length > 0
    ? html`<ul class="card-list">
${hubs.map((hub) => html`<li><a href="${hubFile(hub.hub_id)}">${hub.name}</a> <span class="muted">(${messages.hubKinds[hub.kind]})</span></li>\n`)}</ul>`
    : html`<p class="empty">${messages.regionNoHubs}</p>`
}
</section>
<section aria-labelledby="evidence-heading" class="region-evidence">
<h2 id="evidence-heading">${messages.regionEvidenceHeading}</h2>
<p><a href="${evidenceHref({ region })}">${messages.evidenceLink}</a></p>
${
  fed.length > 0
    ? html`<details class="region-reports"><summary>${messages.reportsCount(fed.length)}</summary>
${reportsTable(messages.regionEvidenceHeading, fed, context, { regionsOf })}</details>`
    : html`<p class="empty">${messages.evidenceNone}</p>`
}
</section>
`;
  return { file: regionFile(region), title: region, main, section: "regions.html" };
}

function latestStatus(
  hubId: string,
  statuses: readonly ReportingStatusRow[],
): ReportingStatusRow | undefined {
  return statuses.filter((row) => row.hub_id === hubId).sort((a, b) => b.year - a.year)[0];
}

/** The hubs index: each hub of the registry with its latest reporting state. */
export function hubsPage(context: ContentContext): Page {
  const { messages, dashboard } = context;
  const rows = [...dashboard.hubs]
    .sort((a, b) => a.name.localeCompare(b.name, "en"))
    .map((hub) => {
      const status = latestStatus(hub.hub_id, dashboard.reporting_status);
      return html`<tr><th scope="row"><a href="${hubFile(hub.hub_id)}">${hub.name}</a></th><td>${messages.hubKinds[hub.kind]}</td><td>${hub.region ? html`<a href="${regionFile(hub.region)}">${hub.region}</a>` : "—"}</td><td>${status ? `${messages.reportingStates[status.status]} (${status.year})` : "—"}</td></tr>\n`;
    });
  const main = html`<h1>${messages.hubsHeading}</h1>
<p class="lede">${messages.hubsLede}</p>
<div class="table-wrap"><table class="data-table">
<caption>${messages.hubsHeading}</caption>
<thead><tr><th scope="col">${messages.columnHub}</th><th scope="col">${messages.columnKind}</th><th scope="col">${messages.hubRegion}</th><th scope="col">${messages.columnState}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>
`;
  return { file: "hubs.html", title: messages.hubsHeading, main };
}

/** One hub's page: who it is, how it reported, its allocations, its reports and its region in context. */
export function hubPage(hub: HubEntry, context: ContentContext): Page {
  const { messages, dashboard, countries } = context;
  const seat = countries.byCode.get(hub.country);
  const seatText = seat === undefined || seat.isProtected ? messages.hubSeatWithheld : seat.name;
  const statuses = dashboard.reporting_status.filter((row) => row.hub_id === hub.hub_id);
  const allocations = dashboard.allocations.filter((row) => row.hub_id === hub.hub_id);
  const reports = context.reports
    .filter((report) => report.hub_id === hub.hub_id && report.status === "current")
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || compareReports(context)(a, b));
  const regions = regionsWithData(context);
  const regionsOf = contributionsByReport(dashboard, regions);
  const reportingRows = statuses.map(
    (row) =>
      html`<tr><th scope="row">${row.year}</th><td>${messages.reportingStates[row.financial]}</td><td>${messages.reportingStates[row.impact]}</td><td class="state-${row.status}">${messages.reportingStates[row.status]}</td></tr>\n`,
  );
  const main = html`<h1>${hub.name}</h1>
<p class="lede">${messages.hubLede(messages.hubKinds[hub.kind], hub.region)}</p>
<dl class="facts">
<div><dt>${messages.columnKind}</dt><dd>${messages.hubKinds[hub.kind]}</dd></div>
<div><dt>${messages.hubSeat}</dt><dd>${seatText}</dd></div>
<div><dt>${messages.hubRegion}</dt><dd>${hub.region ? html`<a href="${regionFile(hub.region)}">${hub.region}</a>` : "—"}</dd></div>
<div><dt>${messages.hubActive}</dt><dd>${messages.hubActiveYears(hub.active_from, hub.active_to)}</dd></div>
</dl>
<section aria-labelledby="reporting-heading">
<h2 id="reporting-heading">${messages.hubReportingHeading}</h2>
${
  statuses.length > 0
    ? html`<div class="table-wrap"><table class="data-table">
<caption>${messages.hubReportingHeading}</caption>
<thead><tr><th scope="col">${messages.columnYear}</th><th scope="col">${messages.columnFinancial}</th><th scope="col">${messages.columnImpact}</th><th scope="col">${messages.columnState}</th></tr></thead>
<tbody>
${reportingRows}</tbody>
</table></div>`
    : html`<p class="empty">—</p>`
}
</section>
<section aria-labelledby="allocations-heading">
<h2 id="allocations-heading">${messages.hubAllocationsHeading}</h2>
${allocations.length > 0 ? allocationsTable(allocations, context) : html`<p class="empty">${messages.hubNoAllocations}</p>`}
</section>
<section aria-labelledby="reports-heading">
<h2 id="reports-heading">${messages.hubReportsHeading}</h2>
<p><a href="${evidenceHref({ hub: hub.hub_id })}">${messages.evidenceLink}</a></p>
${reports.length > 0 ? reportsTable(messages.hubReportsHeading, reports, context, { regionsOf }) : html`<p class="empty">${messages.hubNoReports}</p>`}
</section>
${
  hub.region
    ? html`<section aria-labelledby="context-heading">
<h2 id="context-heading">${messages.hubRegionContext}: <a href="${regionFile(hub.region)}">${hub.region}</a></h2>
${regionFiguresTable(hub.region, context)}</section>
`
    : ""
}`;
  return { file: hubFile(hub.hub_id), title: hub.name, main, section: "hubs.html" };
}

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
<div><dt>${messages.fieldFormula}</dt><dd><code class="formula">${indicator.formula}</code></dd></div>
<div><dt>${messages.fieldUnit}</dt><dd>${messages.units[indicator.unit]} <code>${indicator.unit}</code></dd></div>
<div><dt>${messages.fieldDirection}</dt><dd>${messages.directions[indicator.direction]}</dd></div>
<div><dt>${messages.fieldTarget}</dt><dd>${target}</dd></div>
<div><dt>${messages.fieldScopes}</dt><dd>${indicator.scopes.map((scope) => messages.scopes[scope]).join(", ")}</dd></div>
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
