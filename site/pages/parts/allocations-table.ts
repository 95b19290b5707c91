import type { AllocationRow } from "../../../functions/core/dashboards/dashboard-data.js";
import { reconciliationTable } from "../../charts/reconciliation-chart.js";
import { formatNumber } from "../../i18n/format.js";
import { html, type SafeHtml } from "../../web/html.js";
import { hubFile } from "../../web/paths.js";
import type { ContentContext } from "./content-context.js";
import { tableBox } from "./data-table.js";

/** The reconciliation of allocations as a table, each row that does not match flagged in words. */
export function allocationsTable(allocations: readonly AllocationRow[], context: ContentContext): SafeHtml {
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
  return html`${tableBox(table.caption)}<table class="data-table reconciliation-table">
<caption>${table.caption}</caption>
<thead><tr>${table.columns.map((column) => html`<th scope="col">${column.label}</th>`)}</tr></thead>
<tbody>
${rows}</tbody>
</table></div>
`;
}
