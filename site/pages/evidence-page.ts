import { regionsWithData } from "../figures/lookup.js";
import { formatTimestamp } from "../i18n/format.js";
import { html } from "../web/html.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { filterForm } from "./parts/filter-form.js";
import type { Page } from "./parts/page-layout.js";
import { compareReports, contributionsByReport, hubReports, reportsTable } from "./parts/reports-table.js";

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
${tableBox(messages.evidenceReferenceHeading)}<table class="data-table">
<caption>${messages.evidenceReferenceHeading}</caption>
<thead><tr><th scope="col">${messages.columnKind}</th><th scope="col">${messages.columnUploaded}</th><th scope="col">${messages.columnRows}</th><th scope="col">${messages.columnSha}</th><th scope="col">${messages.columnState}</th></tr></thead>
<tbody>
${referenceRows}</tbody>
</table></div>
</section>
`;
  return { file: "evidence.html", title: messages.evidenceHeading, main, scripted: sections.length > 0 };
}
