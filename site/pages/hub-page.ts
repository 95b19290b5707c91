import type { HubEntry } from "../../functions/core/dashboards/dashboard-data.js";
import { regionsWithData } from "../figures/lookup.js";
import { countryName, regionName } from "../i18n/places.js";
import { html } from "../web/html.js";
import { evidenceHref, hubFile, regionFile } from "../web/paths.js";
import { allocationsTable } from "./parts/allocations-table.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import type { Page } from "./parts/page-layout.js";
import { regionFiguresTable } from "./parts/region-figures-table.js";
import { compareReports, contributionsByReport, reportsTable } from "./parts/reports-table.js";

/** One hub's page: who it is, how it reported, its allocations, its reports and its region in context. */
export function hubPage(hub: HubEntry, context: ContentContext): Page {
  const { messages, dashboard, countries } = context;
  const seat = countries.byCode.get(hub.country);
  const seatText =
    seat === undefined || seat.isProtected
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
  const main = html`<h1>${hub.name}</h1>
<p class="lede">${messages.hubLede(messages.hubKinds[hub.kind], region)}</p>
<dl class="facts">
<div><dt>${messages.columnKind}</dt><dd>${messages.hubKinds[hub.kind]}</dd></div>
<div><dt>${messages.hubSeat}</dt><dd>${seatText}</dd></div>
<div><dt>${messages.hubRegion}</dt><dd>${hub.region ? html`<a href="${regionFile(hub.region)}">${region}</a>` : "—"}</dd></div>
<div><dt>${messages.hubActive}</dt><dd>${messages.hubActiveYears(hub.active_from, hub.active_to)}</dd></div>
</dl>
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
<h2 id="context-heading">${messages.hubRegionContext}: <a href="${regionFile(hub.region)}">${region}</a></h2>
${regionFiguresTable(hub.region, context)}</section>
`
    : ""
}`;
  return { file: hubFile(hub.hub_id), title: hub.name, main, section: "hubs.html" };
}
