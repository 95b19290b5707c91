import type { Chart } from "../../charts/chart.js";
import { html, type SafeHtml, trustedHtml } from "../../web/html.js";
import { evidenceHref } from "../../web/paths.js";
import { dataTableMarkup } from "./data-table.js";
import type { PageContext } from "./page-layout.js";

/** A chart ready for a page: its inline SVG and where its files are published. */
export interface RenderedChart {
  readonly chart: Chart;
  readonly svg: string;
  readonly specPath: string;
  readonly csvPath: string;
  /** The compiled Vega spec and the data file the browser loads, for charts that follow filters. */
  readonly interactive: { readonly vegaPath: string; readonly valuesPath: string } | null;
}

/** A chart as a figure: its static SVG, the sentence that says what it shows, its links (CSV, evidence, spec) and its data table. */
export function figure(rendered: RenderedChart, context: PageContext): SafeHtml {
  const { chart } = rendered;
  const { messages } = context;
  const interactive = rendered.interactive
    ? html` data-chart="${chart.name}" data-spec="${rendered.interactive.vegaPath}" data-values="${rendered.interactive.valuesPath}" data-filters="${chart.filters.join(" ")}"`
    : "";
  return html`<figure class="chart-figure chart-${chart.kind}" id="chart-${chart.name}"${interactive}>
<div class="chart-frame">${trustedHtml(rendered.svg)}</div>
<p class="chart-summary">${chart.summary}</p>
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

/** The figures of a page's charts, in order; nothing when there are none. */
export function chartsBlock(charts: readonly RenderedChart[], context: PageContext): SafeHtml | string {
  return charts.length > 0
    ? html`<div class="charts">
${charts.map((rendered) => figure(rendered, context))}</div>
`
    : "";
}
