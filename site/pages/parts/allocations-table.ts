import type { AllocationRow } from "../../../functions/core/dashboards/dashboard-data.js";
import type { EvidenceReport } from "../../build/publishable.js";
import { reconciliationTable } from "../../charts/reconciliation-chart.js";
import { formatNumber } from "../../i18n/format.js";
import { html, type SafeHtml } from "../../web/html.js";
import { hubFile, reportHref } from "../../web/paths.js";
import type { ContentContext } from "./content-context.js";
import { tableBox } from "./data-table.js";

/** The current financial reports of a hub for a year: the reports an allocation or a receipt is read from. */
export function financialReportsOf(hubId: string, year: number, context: ContentContext): EvidenceReport[] {
  return context.reports.filter(
    (report) =>
      report.hub_id === hubId &&
      report.year === year &&
      report.kind === "financial" &&
      report.status === "current",
  );
}

function reportLinks(reports: readonly EvidenceReport[], context: ContentContext): SafeHtml | string {
  return reports.length === 0
    ? context.messages.noReport
    : html`${reports.map((report, i) => html`${i > 0 ? ", " : ""}<a href="${reportHref(report.report_id)}"><code>${report.report_id}</code></a>`)}`;
}

/**
 * The reconciliation of allocations as a table, each row that does not match flagged in words, and each
 * row linked to the global fund's report of the year and the hub's.
 */
export function allocationsTable(allocations: readonly AllocationRow[], context: ContentContext): SafeHtml {
  const { messages, dashboard } = context;
  const table = reconciliationTable(allocations, dashboard.hubs, messages);
  const globalFunds = dashboard.hubs.filter((hub) => hub.kind === "global");
  const rows = allocations.map((row) => {
    const hub = dashboard.hubs.find((entry) => entry.hub_id === row.hub_id);
    const flagged = row.state !== "matched";
    const fundReports = globalFunds.flatMap((fund) => financialReportsOf(fund.hub_id, row.year, context));
    const hubReports = financialReportsOf(row.hub_id, row.year, context);
    return html`<tr class="${flagged ? "flagged" : ""}" data-year="${row.year}">
<th scope="row">${row.year}</th><td><a href="${hubFile(row.hub_id)}">${hub?.name ?? row.hub_id}</a></td>
<td>${row.allocated_lines > 0 ? formatNumber(row.allocated_usd, "usd", messages) : "—"}</td>
<td>${row.received_lines > 0 ? formatNumber(row.received_usd, "usd", messages) : "—"}</td>
<td>${formatNumber(row.gap_usd, "usd", messages)}</td>
<td>${flagged ? html`<strong class="flag"><span aria-hidden="true">⚠ </span>${messages.allocationStates[row.state]}</strong>` : messages.allocationStates[row.state]}</td>
<td class="report-links">${messages.fundReportLabel}${messages.colon}${reportLinks(fundReports, context)}<br>${messages.hubReportLabel}${messages.colon}${reportLinks(hubReports, context)}</td>
</tr>
`;
  });
  return html`${tableBox(table.caption)}<table class="data-table reconciliation-table">
<caption>${table.caption}</caption>
<thead><tr>${table.columns.map((column) => html`<th scope="col">${column.label}</th>`)}<th scope="col">${messages.columnReports}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>
`;
}
