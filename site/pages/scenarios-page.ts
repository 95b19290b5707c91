import { SCENARIOS_FILE, scenarioFile } from "../figures/scenarios.js";
import { formatInteger, formatList, formatNumber } from "../i18n/format.js";
import { html } from "../web/html.js";
import type { ContentContext } from "./parts/content-context.js";
import { tableBox } from "./parts/data-table.js";
import type { Page } from "./parts/page-layout.js";
import { giniMove } from "./parts/scenario-text.js";

/**
 * The scenarios index: each published scenario with its title and description from its file, its rule, its
 * years, and its headline figures in its latest year — the pool, the hubs contributing and receiving, the funding
 * Gini real and under the scenario — linked to its page.
 */
export function scenariosPage(context: ContentContext): Page {
  const { messages, scenarios } = context;
  const rows = scenarios.map(({ entry }) => {
    const latest = entry.summary.at(-1);
    const gini = latest ? giniMove(latest, messages) : null;
    return html`<tr><th scope="row"><a href="${scenarioFile(entry.id)}">${entry.title}</a><br><code>${entry.id}</code><p class="scenario-description">${entry.description}</p></th><td>${messages.ruleNames[entry.parameters.allocation.rule]}</td><td>${formatList(entry.years.map(String), messages)}</td><td>${latest ? latest.year : "—"}</td><td data-value="${latest?.pool_usd ?? ""}">${latest ? formatNumber(latest.pool_usd, "usd", messages) : "—"}</td><td>${latest ? messages.beforeAfter(formatInteger(latest.contributing_hubs, messages), formatInteger(latest.receiving_hubs, messages)) : "—"}</td><td>${gini ? messages.beforeAfter(gini.before, gini.after) : "—"}</td></tr>
`;
  });
  const caption = messages.scenariosCaption(scenarios.length);
  const table =
    scenarios.length > 0
      ? html`${tableBox(caption)}<table class="data-table scenarios-table">
<caption>${caption}</caption>
<thead><tr><th scope="col">${messages.columnScenario}</th><th scope="col">${messages.columnRule}</th><th scope="col">${messages.columnYears}</th><th scope="col">${messages.columnYear}</th><th scope="col">${messages.columnPool}</th><th scope="col">${messages.columnHubsMoved}</th><th scope="col">${messages.columnGiniMoved}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>
`
      : html`<p class="empty">${messages.scenariosNone}</p>
`;
  const main = html`<h1>${messages.scenariosHeading}</h1>
<p class="lede">${messages.scenariosLede}</p>
${table}`;
  return { file: SCENARIOS_FILE, title: messages.scenariosHeading, main };
}
