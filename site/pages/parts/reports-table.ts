import type { DashboardData } from "../../../functions/core/dashboards/dashboard-data.js";
import type { EvidenceReport } from "../../build/publishable.js";
import { evidenceIndex, KEY_SEPARATOR } from "../../figures/evidence.js";
import { formatInteger, formatTimestamp } from "../../i18n/format.js";
import { collator, regionName } from "../../i18n/places.js";
import { html, type SafeHtml } from "../../web/html.js";
import { hubFile } from "../../web/paths.js";
import type { ContentContext } from "./content-context.js";
import { tableBox } from "./data-table.js";

/** The current reports of the hubs (not the reference data), in upload order. */
export function hubReports(context: ContentContext): EvidenceReport[] {
  return context.reports.filter((report) => report.hub_id !== null && report.status === "current");
}

/** Orders reports by hub name, then kind and period. */
export function compareReports(context: ContentContext) {
  const name = (id: string | null) =>
    context.dashboard.hubs.find((hub) => hub.hub_id === id)?.name ?? id ?? "";
  const compare = collator(context.messages);
  return (a: EvidenceReport, b: EvidenceReport) =>
    compare(name(a.hub_id), name(b.hub_id)) ||
    a.kind.localeCompare(b.kind) ||
    (a.period ?? "").localeCompare(b.period ?? "");
}

/** For each report, the regions among `regions` whose figures it fed through the countries of its lines, in that order. */
export function contributionsByReport(
  dashboard: DashboardData,
  regions: readonly string[],
): (report: EvidenceReport) => string[] {
  const map = new Map<string, Set<string>>();
  for (const contribution of dashboard.contributions) {
    if (contribution.basis !== "lines") continue;
    for (const reportId of contribution.report_ids) {
      const set = map.get(reportId) ?? new Set<string>();
      set.add(contribution.scope_id);
      map.set(reportId, set);
    }
  }
  return (report) => regions.filter((region) => map.get(report.report_id)?.has(region));
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

function reportRow(
  report: EvidenceReport,
  earlier: readonly EvidenceReport[],
  context: ContentContext,
  regions: readonly string[],
  behind: readonly string[],
): SafeHtml {
  const { messages, dashboard } = context;
  const hub = dashboard.hubs.find((entry) => entry.hub_id === report.hub_id);
  const versions =
    earlier.length === 0
      ? "—"
      : html`<details><summary>${messages.earlierVersions(earlier.length)}</summary><ul class="versions">
${earlier.map(
  (version) =>
    html`<li><code>${version.report_id}</code> · <time datetime="${version.uploaded_at}">${formatTimestamp(version.uploaded_at, messages)}</time> · ${messages.columnRows} ${formatInteger(version.row_count, messages)} · <code class="sha">${version.sha256}</code> · ${messages.supersededBy(version.superseded_by ?? "")}</li>\n`,
)}</ul></details>`;
  return html`<tr id="report-${report.report_id}" data-year="${report.year ?? ""}" data-regions="${regions.join(KEY_SEPARATOR)}" data-hub="${report.hub_id ?? ""}" data-behind="${behind.join(KEY_SEPARATOR)}">
<th scope="row"><code>${report.report_id}</code></th>
<td>${report.hub_id ? html`<a href="${hubFile(report.hub_id)}">${hub?.name ?? report.hub_id}</a>` : report.uploader}</td>
<td>${messages.reportKinds[report.kind] ?? report.kind}</td>
<td>${report.period ?? "—"}</td>
<td><time datetime="${report.uploaded_at}">${formatTimestamp(report.uploaded_at, messages)}</time></td>
<td>${formatInteger(report.row_count, messages)}</td>
<td><code class="sha">${report.sha256}</code></td>
<td>${regions.length > 0 ? regions.map((region) => regionName(region, messages)).join("; ") : "—"}</td>
<td>${versions}</td>
</tr>
`;
}

/** The table of reports behind figures: report id, hub, kind, period, upload time, rows, SHA-256, the regions fed and earlier versions. */
export function reportsTable(
  caption: string,
  reports: readonly EvidenceReport[],
  context: ContentContext,
  options: { regionsOf: (report: EvidenceReport) => string[] },
): SafeHtml {
  const { messages } = context;
  const earlierOf = supersededVersions(context.reports);
  const index = evidenceIndex(context.dashboard.contributions);
  return html`${tableBox(caption)}<table class="data-table evidence-table">
<caption>${caption}</caption>
<thead><tr><th scope="col">${messages.columnReportId}</th><th scope="col">${messages.columnHub}</th><th scope="col">${messages.columnKind}</th><th scope="col">${messages.columnPeriod}</th><th scope="col">${messages.columnUploaded}</th><th scope="col">${messages.columnRows}</th><th scope="col">${messages.columnSha}</th><th scope="col">${messages.columnRegionsFed}</th><th scope="col">${messages.columnVersions}</th></tr></thead>
<tbody>
${reports.map((report) => reportRow(report, earlierOf(report), context, options.regionsOf(report), index.keysOf(report.report_id)))}</tbody>
</table></div>
`;
}
