import { evidenceIndex, evidenceKey } from "../figures/evidence.js";
import { latestYear } from "../figures/lookup.js";
import { regionName } from "../i18n/places.js";
import { html } from "../web/html.js";
import { evidenceHref, hubFile, regionFile } from "../web/paths.js";
import type { ContentContext } from "./parts/content-context.js";
import { chartsBlock, type RenderedChart } from "./parts/figure.js";
import type { Page } from "./parts/page-layout.js";
import { regionFiguresTable } from "./parts/region-figures-table.js";
import { compareReports, contributionsByReport, hubReports, reportsTable } from "./parts/reports-table.js";

/**
 * One region's page: its charts, every region indicator by year beside the movement, its hubs and the
 * reports behind its figures (by the countries of their lines or by the seats of their hubs).
 */
export function regionPage(region: string, charts: readonly RenderedChart[], context: ContentContext): Page {
  const { messages, dashboard } = context;
  const name = regionName(region, messages);
  const own = context.rows.filter((row) => row.scope === "region" && row.scope_id === region);
  const year = latestYear(own) ?? null;
  const hubs = dashboard.hubs.filter((hub) => hub.region === region);
  const regionsOf = contributionsByReport(dashboard, [region]);
  const index = evidenceIndex(dashboard.contributions);
  const keys = [evidenceKey("lines", region), evidenceKey("seat", region)];
  const fed = hubReports(context)
    .filter((report) => index.keysOf(report.report_id).some((key) => keys.includes(key)))
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || compareReports(context)(a, b));
  const main = html`<h1>${name}</h1>
<p class="lede">${messages.regionLede(name, year)}</p>
${chartsBlock(charts, context)}<section aria-labelledby="figures-heading">
<h2 id="figures-heading">${messages.regionFiguresHeading}</h2>
${regionFiguresTable(region, context)}</section>
<section aria-labelledby="hubs-heading">
<h2 id="hubs-heading">${messages.regionHubsHeading}</h2>
${
  hubs.length > 0
    ? html`<ul class="card-list">
${hubs.map((hub) => html`<li><a href="${hubFile(hub.hub_id)}">${hub.name}</a> <span class="muted">(${messages.hubKinds[hub.kind]})</span></li>\n`)}</ul>`
    : html`<p class="empty">${messages.regionNoHubs}</p>`
}
</section>
<section aria-labelledby="evidence-heading" class="region-evidence">
<h2 id="evidence-heading">${messages.regionEvidenceHeading}</h2>
<p><a href="${evidenceHref({ region })}">${messages.evidenceLink}</a></p>
${
  fed.length > 0
    ? html`<details class="region-reports"><summary>${messages.reportsCount(fed.length)}</summary>
${reportsTable(messages.regionEvidenceHeading, fed, context, { regionsOf })}</details>`
    : html`<p class="empty">${messages.evidenceNone}</p>`
}
</section>
`;
  return { file: regionFile(region), title: name, main, section: "regions.html" };
}
