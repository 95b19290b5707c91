import type { ScenarioHubRow } from "../../functions/core/scenarios/scenario-run.js";
import { hubNames } from "../figures/hub-names.js";
import { type SiteScenario, scenarioFile } from "../figures/scenarios.js";
import { formatList, formatNumber, formatTimestamp, numberFormat } from "../i18n/format.js";
import { html, type SafeHtml } from "../web/html.js";
import { hubFile, reportHref } from "../web/paths.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { chartsBlock, type RenderedChart } from "./parts/figure.js";
import { filterForm } from "./parts/filter-form.js";
import { type Page, rootOf } from "./parts/page-layout.js";
import { formatRate, scenarioSummary } from "./parts/scenario-text.js";
import { seatWithheld } from "./parts/scope-names.js";

const AMOUNTS = [
  "local_revenue_usd",
  "contribution_usd",
  "receipt_usd",
  "net_usd",
  "deployed_baseline_usd",
  "deployed_scenario_usd",
] as const satisfies readonly (keyof ScenarioHubRow)[];

/** A block of the page for one year: shown for the page's year (the latest without script), hidden for the others. */
function yearBlock(year: number, latest: number, content: SafeHtml): SafeHtml {
  return html`<div class="scenario-year" data-year-section="${year}"${year === latest ? "" : html` hidden`}>
${content}</div>
`;
}

/** The policy as the scenario file sets it, every default written out, with the field that sets each. */
function parametersTable(scenario: SiteScenario, context: ContentContext): SafeHtml {
  const { messages } = context;
  const { contribution, allocation } = scenario.entry.parameters;
  const rows: [string, string, string][] = [
    [
      messages.paramRate,
      formatRate(contribution.local_revenue_rate, messages),
      "contribution.local_revenue_rate",
    ],
    [messages.paramFloor, formatNumber(contribution.floor_usd, "usd", messages), "contribution.floor_usd"],
    [
      messages.paramShare,
      formatRate(contribution.global_fund_reallocation, messages),
      "contribution.global_fund_reallocation",
    ],
    [messages.paramRule, messages.ruleNames[allocation.rule], "allocation.rule"],
    [
      messages.paramSouthWeight,
      messages.weightTimes(numberFormat(messages.numberLocale).format(allocation.south_weight)),
      "allocation.south_weight",
    ],
    [messages.paramYears, formatList(scenario.entry.years.map(String), messages), "years"],
  ];
  return html`${tableBox(messages.scenarioParametersHeading)}<table class="data-table scenario-parameters">
<caption>${messages.scenarioParametersHeading}</caption>
<thead><tr><th scope="col">${messages.columnParameter}</th><th scope="col">${messages.columnValue}</th><th scope="col">${messages.columnField}</th></tr></thead>
<tbody>
${rows.map(([label, value, field]) => html`<tr><th scope="row">${label}</th><td>${value}</td><td><code>${field}</code></td></tr>\n`)}</tbody>
</table></div>
`;
}

/**
 * The hubs that contribute or receive in a year, exact to the dollar, those that give most first; then each hub
 * seated in a protected country that reported its finances that year, withheld with the reason, as the hub pages
 * withhold it (it takes part in the arithmetic, so the rows shown may not add up to the pool).
 */
function hubsTable(scenario: SiteScenario, year: number, context: ContentContext): SafeHtml {
  const { messages, dashboard, countries, reports } = context;
  const name = hubNames(dashboard.hubs);
  const ofYear = scenario.hubs.filter((row) => row.year === year);
  const moving = ofYear
    .filter((row) => row.contribution_usd > 0 || row.receipt_usd > 0)
    .sort((a, b) => a.net_usd - b.net_usd || (a.hub_id < b.hub_id ? -1 : 1));
  const reported = new Set(
    reports
      .filter((report) => report.kind === "financial" && report.status === "current" && report.year === year)
      .map((report) => report.hub_id),
  );
  const withheld = dashboard.hubs
    .filter((hub) => hub.kind !== "global" && reported.has(hub.hub_id) && seatWithheld(hub, countries))
    .sort((a, b) => (a.hub_id < b.hub_id ? -1 : 1));
  const others = ofYear.length - moving.length;
  const caption = messages.scenarioHubsCaption(year);
  const rows = [
    ...moving.map(
      (row) =>
        html`<tr><th scope="row"><a href="${hubFile(row.hub_id)}">${name(row.hub_id)}</a></th>${AMOUNTS.map((key) => html`<td data-value="${row[key]}">${formatNumber(row[key], "usd", messages)}</td>`)}</tr>\n`,
    ),
    ...withheld.map(
      (hub) =>
        html`<tr data-withheld="true"><th scope="row"><a href="${hubFile(hub.hub_id)}">${hub.name}</a></th><td class="withheld" colspan="${AMOUNTS.length}">${messages.withheldReasons["protected-seat"]}</td></tr>\n`,
    ),
  ];
  const table =
    rows.length > 0
      ? html`${tableBox(caption)}<table class="data-table scenario-hubs">
<caption>${caption}</caption>
<thead><tr><th scope="col">${messages.columnHub}</th><th scope="col">${messages.columnLocalRevenue}</th><th scope="col">${messages.columnContribution}</th><th scope="col">${messages.columnReceipt}</th><th scope="col">${messages.columnNet}</th><th scope="col">${messages.columnDeployedReal}</th><th scope="col">${messages.columnDeployedScenario}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>
`
      : html`<p class="empty">${messages.scenarioHubsNone}</p>
`;
  return html`<h3>${messages.scenarioYearHeading(year)}</h3>
${table}<ul class="table-notes">
${others > 0 ? html`<li>${messages.scenarioHubsOthers(others)}</li>\n` : ""}${withheld.length > 0 ? html`<li>${messages.scenarioHubsNote}</li>\n` : ""}</ul>
`;
}

/**
 * One scenario's page: its plain-language summary in each of its years, its policy, its charts beside the real
 * figures (funds per editor and net transfer by region, Gini and Theil, and the sensitivity of the pool and the
 * Gini to the contribution rate), the hubs that contribute and receive, and the scenario file's evidence entry.
 * The year filter (`?year=`) picks the year; without script the page reads in the latest year.
 */
export function scenarioPage(
  scenario: SiteScenario,
  charts: readonly RenderedChart[],
  context: ContentContext,
): Page {
  const { messages, language } = context;
  const { entry } = scenario;
  const years = [...entry.years].sort((a, b) => b - a);
  const latest = years[0] ?? 0;
  const root = rootOf(language);
  const summaries = years.map((year) =>
    yearBlock(
      year,
      latest,
      html`<h2 id="summary-${year}">${messages.scenarioYearHeading(year)}</h2>
<p class="scenario-summary">${scenarioSummary(entry, year, messages).join(" ")}</p>
`,
    ),
  );
  const hubs = years.map((year) => yearBlock(year, latest, hubsTable(scenario, year, context)));
  const main = html`<h1>${entry.title}</h1>
<p class="lede">${entry.description}</p>
<p class="notice">${messages.scenarioCounterfactual}</p>
${filterForm(charts, context, { years })}${summaries}<section aria-labelledby="parameters-heading">
<h2 id="parameters-heading">${messages.scenarioParametersHeading}</h2>
${parametersTable(scenario, context)}</section>
<section aria-labelledby="charts-heading">
<h2 id="charts-heading">${messages.scenarioChartsHeading}</h2>
${chartsBlock(charts, context)}</section>
<section aria-labelledby="hubs-heading">
<h2 id="hubs-heading">${messages.scenarioHubsHeading}</h2>
${hubs}</section>
<section aria-labelledby="evidence-heading">
<h2 id="evidence-heading">${messages.scenarioEvidenceHeading}</h2>
<p>${messages.scenarioEvidenceText(formatTimestamp(entry.evidence.uploaded_at, messages))} <code class="sha">${entry.evidence.sha256}</code></p>
<ul class="chart-links">
<li><a class="scenario-evidence-link" href="${reportHref(entry.evidence.report_id)}">${messages.scenarioEvidenceLink}</a></li>
<li><a href="${root}data/${entry.files.figures}" download>${messages.scenarioDownloadFigures}</a></li>
<li><a href="${root}data/${entry.files.hubs}" download>${messages.scenarioDownloadHubs}</a></li>
</ul>
</section>
`;
  return {
    file: scenarioFile(entry.id),
    title: entry.title,
    main,
    section: "scenarios.html",
    scripted: charts.some((rendered) => rendered.interactive !== null),
  };
}
