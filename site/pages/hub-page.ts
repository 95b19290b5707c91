import type { HubEntry } from "../../functions/core/dashboards/dashboard-data.js";
import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import { type Cell, cellOf } from "../figures/cell.js";
import { figureEvidence } from "../figures/evidence.js";
import { regionsWithData } from "../figures/lookup.js";
import { formatNumber } from "../i18n/format.js";
import { countryName, regionName } from "../i18n/places.js";
import { html, type SafeHtml } from "../web/html.js";
import { evidenceHref, hubFile, regionFile } from "../web/paths.js";
import { allocationsTable } from "./parts/allocations-table.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { cellMarkup, notesMarkup, targetMarkup } from "./parts/figure-cells.js";
import { frameworkText } from "./parts/framework-text.js";
import type { Page } from "./parts/page-layout.js";
import { compareReports, contributionsByReport, reportsTable } from "./parts/reports-table.js";
import { seatWithheld } from "./parts/scope-names.js";

/**
 * The hub's own figures, indicator by indicator and year by year, beside its seat's region and the whole
 * movement (with the movement's target reading); every computed figure links to the reports behind it.
 */
function hubFiguresTable(hub: HubEntry, context: ContentContext): SafeHtml {
  const { framework, messages, rows } = context;
  const own = rows.filter((row) => row.scope === "hub" && row.scope_id === hub.hub_id);
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => b - a);
  if (years.length === 0) return html`<p class="empty">${messages.hubNoFigures}</p>`;
  const indicators = framework.indicators.filter((indicator) => indicator.scopes.includes("hub"));
  const kinds = new Set<Cell["kind"]>();
  const find = (indicator: IndicatorDefinition, scope: string, scopeId: string, year: number) =>
    rows.find(
      (row) =>
        row.indicator === indicator.id &&
        row.scope === scope &&
        row.scope_id === scopeId &&
        row.year === year,
    );
  const figure = (
    indicator: IndicatorDefinition,
    scope: "hub" | "region" | "movement",
    scopeId: string,
    year: number,
  ) => {
    const row = find(indicator, scope, scopeId, year);
    const cell = cellOf(row);
    kinds.add(cell.kind);
    const reading = scope === "movement" ? targetMarkup(indicator, "movement", cell, messages) : "";
    return cellMarkup(
      cell,
      indicator.unit,
      messages,
      row ? figureEvidence(indicator, scope, scopeId, year) : undefined,
      reading === "" ? "" : html`<br>${reading}`,
    );
  };
  const groups = indicators.map((indicator) => {
    const target = indicator.target
      ? html` <span class="muted">${messages.targetOfMovement(messages.target(indicator.target.comparison, formatNumber(indicator.target.value, indicator.unit, messages)))}</span>`
      : "";
    const yearRows = years.map((year) => {
      const region =
        hub.region !== null && indicator.scopes.includes("region")
          ? figure(indicator, "region", hub.region, year)
          : html`<td>${messages.notAtScope}</td>`;
      const movement = indicator.scopes.includes("movement")
        ? figure(indicator, "movement", "movement", year)
        : html`<td>${messages.notAtScope}</td>`;
      return html`<tr><th scope="row">${year}</th>${figure(indicator, "hub", hub.hub_id, year)}${region}${movement}</tr>\n`;
    });
    return html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="4" id="hub-${indicator.id}"><a href="${indicator.lens}.html#${indicator.id}">${frameworkText(indicator.title, context)}</a>${target}</th></tr>
${yearRows}</tbody>
`;
  });
  const caption = messages.hubFiguresCaption(hub.name);
  return html`${tableBox(caption)}<table class="figures hub-figures">
<caption>${caption}</caption>
<thead><tr><th scope="col">${messages.columnYear}</th><th scope="col">${messages.columnThisHub}</th><th scope="col">${hub.region ? messages.columnSeatRegion(regionName(hub.region, messages)) : messages.columnRegion}</th><th scope="col">${messages.columnMovement}</th></tr></thead>
${groups}</table></div>
${notesMarkup(kinds, context, { linked: true })}`;
}

/**
 * One hub's page: who it is, its own figures beside its region and the movement (or why they are
 * withheld), how it reported, its allocations and its reports.
 */
export function hubPage(hub: HubEntry, context: ContentContext): Page {
  const { messages, dashboard, countries } = context;
  const withheld = seatWithheld(hub, countries);
  const seat = countries.byCode.get(hub.country);
  const seatText =
    withheld || seat === undefined
      ? messages.hubSeatWithheld
      : countryName(seat.isoCode, messages, countries);
  const region = hub.region ? regionName(hub.region, messages) : null;
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
  const figures = withheld
    ? html`<p class="notice withheld-notice">${messages.hubFiguresWithheld}</p>`
    : hubFiguresTable(hub, context);
  const main = html`<h1>${hub.name}</h1>
<p class="lede">${messages.hubLede(messages.hubKinds[hub.kind], region)}</p>
<dl class="facts">
<div><dt>${messages.columnKind}</dt><dd>${messages.hubKinds[hub.kind]}</dd></div>
<div><dt>${messages.hubSeat}</dt><dd>${seatText}</dd></div>
<div><dt>${messages.hubRegion}</dt><dd>${hub.region ? html`<a href="${regionFile(hub.region)}">${region}</a>` : "—"}</dd></div>
<div><dt>${messages.hubActive}</dt><dd>${messages.hubActiveYears(hub.active_from, hub.active_to)}</dd></div>
</dl>
<section aria-labelledby="figures-heading">
<h2 id="figures-heading">${messages.hubFiguresHeading}</h2>
${figures}
</section>
<section aria-labelledby="reporting-heading">
<h2 id="reporting-heading">${messages.hubReportingHeading}</h2>
${
  statuses.length > 0
    ? html`${tableBox(messages.hubReportingHeading)}<table class="data-table">
<caption>${messages.hubReportingHeading}</caption>
<thead><tr><th scope="col">${messages.columnYear}</th><th scope="col">${messages.columnFinancial}</th><th scope="col">${messages.columnImpact}</th><th scope="col">${messages.columnState}</th></tr></thead>
<tbody>
${reportingRows}</tbody>
</table></div>`
    : html`<p class="empty">${messages.hubNoReportingStatus}</p>`
}
</section>
<section aria-labelledby="allocations-heading">
<h2 id="allocations-heading">${messages.hubAllocationsHeading}</h2>
${
  withheld
    ? html`<p class="notice withheld-notice">${messages.hubAllocationsWithheld}</p>`
    : allocations.length > 0
      ? allocationsTable(allocations, context)
      : html`<p class="empty">${messages.hubNoAllocations}</p>`
}
</section>
<section aria-labelledby="reports-heading">
<h2 id="reports-heading">${messages.hubReportsHeading}</h2>
<p><a href="${evidenceHref({ hub: hub.hub_id })}">${messages.evidenceLink}</a></p>
${reports.length > 0 ? reportsTable(messages.hubReportsHeading, reports, context, { regionsOf }) : html`<p class="empty">${messages.hubNoReports}</p>`}
</section>
${
  hub.region
    ? html`<p class="more">${messages.hubRegionContext}${messages.colon}<a href="${regionFile(hub.region)}">${region}</a></p>
`
    : ""
}`;
  return { file: hubFile(hub.hub_id), title: hub.name, main, section: "hubs.html" };
}
