import type { ReportingStatusRow } from "../../functions/core/dashboards/dashboard-data.js";
import { collator, regionName } from "../i18n/places.js";
import { html } from "../web/html.js";
import { hubFile, regionFile } from "../web/paths.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import type { Page } from "./parts/page-layout.js";

function latestStatus(
  hubId: string,
  statuses: readonly ReportingStatusRow[],
): ReportingStatusRow | undefined {
  return statuses.filter((row) => row.hub_id === hubId).sort((a, b) => b.year - a.year)[0];
}

/** The hubs index: each hub of the registry with its latest reporting state. */
export function hubsPage(context: ContentContext): Page {
  const { messages, dashboard } = context;
  const compare = collator(messages);
  const rows = [...dashboard.hubs]
    .sort((a, b) => compare(a.name, b.name))
    .map((hub) => {
      const status = latestStatus(hub.hub_id, dashboard.reporting_status);
      return html`<tr><th scope="row"><a href="${hubFile(hub.hub_id)}">${hub.name}</a></th><td>${messages.hubKinds[hub.kind]}</td><td>${hub.region ? html`<a href="${regionFile(hub.region)}">${regionName(hub.region, messages)}</a>` : "—"}</td><td>${status ? `${messages.reportingStates[status.status]} (${status.year})` : "—"}</td></tr>\n`;
    });
  const main = html`<h1>${messages.hubsHeading}</h1>
<p class="lede">${messages.hubsLede}</p>
${tableBox(messages.hubsHeading)}<table class="data-table">
<caption>${messages.hubsHeading}</caption>
<thead><tr><th scope="col">${messages.columnHub}</th><th scope="col">${messages.columnKind}</th><th scope="col">${messages.hubRegion}</th><th scope="col">${messages.columnState}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>
`;
  return { file: "hubs.html", title: messages.hubsHeading, main };
}
