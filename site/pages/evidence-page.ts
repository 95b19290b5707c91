import type { ContributionBasis } from "../../functions/core/dashboards/dashboard-data.js";
import { basisOf, evidenceKey } from "../figures/evidence.js";
import { hubNames } from "../figures/hub-names.js";
import { regionsWithData } from "../figures/lookup.js";
import { formatInteger, formatTimestamp } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import { html } from "../web/html.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import { type BehindGroup, filterForm } from "./parts/filter-form.js";
import type { Page } from "./parts/page-layout.js";
import { compareReports, contributionsByReport, hubReports, reportsTable } from "./parts/reports-table.js";
import { countryLabel, pageScopeOrder } from "./parts/scope-names.js";

/**
 * The scope instances the evidence can be narrowed to: the movement, each region by its lines and by its
 * hubs' seats, each hub and each country that a published figure or contribution names (so that every
 * figure's link narrows the page, even to no report), each group in the site's order.
 */
function behindGroups(context: ContentContext): BehindGroup[] {
  const { messages, dashboard, countries, framework, rows } = context;
  const ids = new Map<ContributionBasis, Set<string>>();
  const add = (basis: ContributionBasis, id: string) => ids.set(basis, (ids.get(basis) ?? new Set()).add(id));
  for (const contribution of dashboard.contributions) add(contribution.basis, contribution.scope_id);
  for (const row of rows) {
    const indicator = framework.indicators.find((candidate) => candidate.id === row.indicator);
    if (indicator) add(basisOf(indicator, row.scope), row.scope_id);
  }
  const present = (basis: ContributionBasis) => [...(ids.get(basis) ?? [])];
  const order = pageScopeOrder(messages, countries, dashboard.hubs);
  const name = hubNames(dashboard.hubs);
  const groups: BehindGroup[] = [
    {
      label: messages.scopes.movement,
      options: present("movement").map((id) => ({
        key: evidenceKey("movement", id),
        label: messages.scopes.movement,
      })),
    },
    {
      label: messages.regionBases.lines,
      options: present("lines")
        .sort((a, b) => order("region", a, b))
        .map((id) => ({
          key: evidenceKey("lines", id),
          label: `${regionName(id, messages)} (${messages.regionBasisShort.lines})`,
        })),
    },
    {
      label: messages.regionBases.seat,
      options: present("seat")
        .sort((a, b) => order("region", a, b))
        .map((id) => ({
          key: evidenceKey("seat", id),
          label: `${regionName(id, messages)} (${messages.regionBasisShort.seat})`,
        })),
    },
    {
      label: messages.tableGroupHubs,
      options: present("hub")
        .sort((a, b) => order("hub", a, b))
        .map((id) => ({ key: evidenceKey("hub", id), label: name(id) })),
    },
    {
      label: messages.tableGroupCountries,
      options: present("country")
        .sort((a, b) => order("country", a, b))
        .map((id) => ({ key: evidenceKey("country", id), label: countryLabel(id, messages, countries) })),
    },
  ];
  return groups.filter((group) => group.options.length > 0);
}

/**
 * The evidence page: every current report by year with its id, its earlier versions and the figures it
 * fed, and the reference data. Its filters (year, region, hub, and the figures of one scope instance:
 * `behind`) are kept in the URL, so every figure of the site links to exactly the reports behind it.
 */
export function evidencePage(context: ContentContext): Page {
  const { messages, dashboard } = context;
  const regions = regionsWithData(context);
  const regionsOf = contributionsByReport(dashboard, regions);
  const current = hubReports(context);
  const years = [
    ...new Set(current.map((report) => report.year).filter((y): y is number => y !== null)),
  ].sort((a, b) => b - a);
  const figureYears = [...new Set([...years, ...context.rows.map((row) => row.year)])].sort((a, b) => b - a);
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
    (
      report,
    ) => html`<tr><th scope="row"><code>${report.report_id}</code></th><td>${messages.reportKinds[report.kind] ?? report.kind}</td>
<td><time datetime="${report.uploaded_at}">${formatTimestamp(report.uploaded_at, messages)}</time></td>
<td>${formatInteger(report.row_count, messages)}</td><td><code class="sha">${report.sha256}</code></td>
<td>${report.status === "current" ? messages.statusCurrent : messages.supersededBy(report.superseded_by ?? "")}</td></tr>
`,
  );
  const main = html`<h1>${messages.evidenceHeading}</h1>
<p class="lede">${messages.evidenceLede}</p>
${filterForm([], context, { years: figureYears, hubs: dashboard.hubs, allYears: true, behind: behindGroups(context) })}<p class="empty" id="evidence-empty" hidden>${messages.evidenceNone}</p>
${sections.length > 0 ? sections : html`<p class="empty">${messages.evidenceNone}</p>`}
<section id="reference" aria-labelledby="reference-heading">
<h2 id="reference-heading">${messages.evidenceReferenceHeading}</h2>
<p>${messages.evidenceReferenceLede}</p>
${tableBox(messages.evidenceReferenceHeading)}<table class="data-table">
<caption>${messages.evidenceReferenceHeading}</caption>
<thead><tr><th scope="col">${messages.columnReportId}</th><th scope="col">${messages.columnKind}</th><th scope="col">${messages.columnUploaded}</th><th scope="col">${messages.columnRows}</th><th scope="col">${messages.columnSha}</th><th scope="col">${messages.columnState}</th></tr></thead>
<tbody>
${referenceRows}</tbody>
</table></div>
</section>
`;
  return { file: "evidence.html", title: messages.evidenceHeading, main, scripted: sections.length > 0 };
}
