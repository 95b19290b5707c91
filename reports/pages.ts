import type {
  IndicatorDefinition,
  LensDefinition,
  Scope,
  Unit,
} from "../functions/core/framework/framework.js";
import type { IndicatorRow } from "../functions/core/indicators/indicator-row.js";
import type { CountryTable } from "../functions/core/reference/countries.js";
import { type Cell, cellOf, formatCell, formatChange, formatNumber } from "./format.js";
import { html, type SafeHtml, trustedHtml } from "./html.js";
import type { Page, PageContext } from "./layout.js";
import type { Messages } from "./messages.js";
import type { Chart } from "./specs.js";

/** A chart ready for a page: its inline SVG and where its Vega-Lite spec is published. */
export interface RenderedChart {
  readonly chart: Chart;
  readonly svg: string;
  readonly specPath: string;
}

/** What the content pages need besides the page context. */
export interface ContentContext extends PageContext {
  /** The published rows, already filtered and ordered (see `publishableRows`). */
  readonly rows: readonly IndicatorRow[];
  readonly countries: CountryTable;
  readonly k: number;
}

function latestYear(rows: readonly IndicatorRow[]): number | undefined {
  return rows.reduce<number | undefined>(
    (max, row) => (max === undefined || row.year > max ? row.year : max),
    undefined,
  );
}

function cellMarkup(cell: Cell, unit: Unit, messages: Messages): SafeHtml {
  const text = formatCell(cell, unit, messages);
  return cell.kind === "value" ? html`<td>${text}</td>` : html`<td class="withheld">${text}</td>`;
}

function headline(indicator: IndicatorDefinition, context: ContentContext, year: number): SafeHtml {
  const { messages, rows } = context;
  const link = html`<a class="headline-link" href="${indicator.lens}.html#${indicator.id}">${indicator.title}</a>`;
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
  let change: SafeHtml | string = "";
  if (current.kind === "value" && previous.kind === "value") {
    const moved = formatChange(current.value, previous.value, indicator.unit, messages);
    change =
      moved.trend === "unchanged"
        ? html`<p class="headline-change">${messages.headlineUnchanged(year - 1)}</p>`
        : html`<p class="headline-change"><span class="arrow" aria-hidden="true">${moved.trend === "up" ? "▲" : "▼"}</span> ${messages.headlineChange(moved.trend, moved.magnitude, year - 1)}</p>`;
  } else if (current.kind === "value") {
    change = html`<p class="headline-change">${messages.headlineNoPrevious(year - 1)}</p>`;
  }
  const valueClass = current.kind === "value" ? "headline-value" : "headline-value withheld";
  return html`<li class="headline">
<h3 class="headline-title">${link}</h3>
<div class="headline-figure">
<p class="${valueClass}">${formatCell(current, indicator.unit, messages)}</p>
${change}
</div>
</li>
`;
}

/** The overview: each lens with its headline movement figures for the latest year and the change. */
export function overviewPage(context: ContentContext): Page {
  const { framework, messages, rows, k } = context;
  const year = latestYear(rows.filter((row) => row.scope === "movement"));
  const lenses = framework.lenses.map((lens) => {
    const indicators = framework.indicators.filter((indicator) => indicator.lens === lens.id);
    const cards = year === undefined ? [] : indicators.map((indicator) => headline(indicator, context, year));
    return html`<section class="lens-summary" aria-labelledby="lens-${lens.id}">
<h2 id="lens-${lens.id}"><a class="lens-link" href="${lens.id}.html">${lens.title}</a></h2>
<p class="lens-question">${lens.question}</p>
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

function figuresTable(indicator: IndicatorDefinition, own: readonly IndicatorRow[], context: ContentContext) {
  const { messages, k } = context;
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
      return html`<tr><th scope="row">${scopeLabel(entry.scope, entry.scopeId, context)}</th>${cells}</tr>
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
  const notes = [
    kinds.has("suppressed") ? messages.noteSuppressed(k) : null,
    kinds.has("no-value") ? messages.noteNoValue : null,
    kinds.has("no-data") ? messages.noteNoData : null,
  ].filter((note): note is string => note !== null);
  const caption = messages.tableCaption(indicator.title);
  return html`<div class="table-wrap">
<table class="figures">
<caption>${caption}</caption>
<thead><tr><th scope="col">${messages.tableScopeColumn}</th>${years.map((year) => html`<th scope="col">${year}</th>`)}</tr></thead>
${groups}</table>
</div>
${
  notes.length > 0
    ? html`<ul class="table-notes">
${notes.map(
  (note) => html`<li>${note}</li>
`,
)}</ul>
`
    : ""
}`;
}

function facts(indicator: IndicatorDefinition, messages: Messages): SafeHtml {
  return html`<dl class="facts">
<div><dt>${messages.fieldUnit}</dt><dd>${messages.units[indicator.unit]}</dd></div>
<div><dt>${messages.fieldDirection}</dt><dd>${messages.directions[indicator.direction]}</dd></div>
<div><dt>${messages.fieldScopes}</dt><dd>${indicator.scopes.map((scope) => messages.scopes[scope]).join(", ")}</dd></div>
</dl>
`;
}

function figure(rendered: RenderedChart, messages: Messages): SafeHtml {
  return html`<figure class="chart-figure chart-${rendered.chart.kind}">
${trustedHtml(rendered.svg)}
<figcaption><a class="spec-link" href="${rendered.specPath}">${messages.specLink}</a></figcaption>
</figure>
`;
}

/** A lens page: for each indicator its definition, its charts as inline SVG and its data table. */
export function lensPage(
  lens: LensDefinition,
  charts: readonly RenderedChart[],
  context: ContentContext,
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
        : html`${
            figures.length > 0
              ? html`<div class="charts">
${figures.map((rendered) => figure(rendered, messages))}</div>
`
              : ""
          }${figuresTable(indicator, own, context)}`;
    return html`<article class="indicator" id="${indicator.id}" aria-labelledby="${indicator.id}-heading">
<h2 id="${indicator.id}-heading">${indicator.title}</h2>
<p class="definition">${indicator.definition}</p>
${facts(indicator, messages)}${body}</article>
`;
  });
  const main = html`<h1>${lens.title}</h1>
<p class="lede">${lens.question}</p>
<nav class="toc" aria-label="${messages.lensContents}">
<h2 class="toc-title">${messages.lensContents}</h2>
<ol>
${indicators.map(
  (indicator) => html`<li><a href="#${indicator.id}">${indicator.title}</a></li>
`,
)}</ol>
</nav>
${sections}`;
  return { file: `${lens.id}.html`, title: lens.title, main };
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
<h4 id="def-${indicator.id}-heading"><a href="${indicator.lens}.html#${indicator.id}">${indicator.title}</a></h4>
<dl>
<div><dt>${messages.fieldIdentifier}</dt><dd><code>${indicator.id}</code></dd></div>
<div><dt>${messages.fieldLens}</dt><dd>${lens?.title ?? indicator.lens}</dd></div>
<div><dt>${messages.fieldDefinition}</dt><dd>${indicator.definition}</dd></div>
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

/** The framework as published: version, disclosure rule, and every indicator's definition. */
export function frameworkPage(context: ContentContext): Page {
  const { framework, messages, k } = context;
  const lenses = framework.lenses.map(
    (lens) => html`<section class="framework-lens" aria-labelledby="framework-${lens.id}">
<h3 id="framework-${lens.id}">${lens.title}</h3>
<p class="lens-question">${lens.question}</p>
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
<blockquote class="rule"><p>${framework.disclosure.rule}</p></blockquote>
<p>${messages.frameworkK(k)}</p>
</section>
<section aria-labelledby="lenses">
<h2 id="lenses">${messages.frameworkLensesHeading}</h2>
${lenses}</section>
<section aria-labelledby="data">
<h2 id="data">${messages.frameworkDataHeading}</h2>
<p>${messages.frameworkDataText} <a href="data/indicators.json">data/indicators.json</a></p>
</section>
`;
  return { file: "framework.html", title: messages.navFramework, main };
}
