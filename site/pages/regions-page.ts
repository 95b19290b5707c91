import { regionsWithData } from "../figures/lookup.js";
import { regionName } from "../i18n/places.js";
import { html } from "../web/html.js";
import { regionFile } from "../web/paths.js";
import type { ContentContext } from "./parts/content-context.js";
import type { Page } from "./parts/page-layout.js";

/** The regions index: every region with data, with links to its page. */
export function regionsPage(context: ContentContext): Page {
  const { messages } = context;
  const regions = regionsWithData(context);
  const main = html`<h1>${messages.regionsHeading}</h1>
<p class="lede">${messages.regionsLede}</p>
<ul class="card-list">
${regions.map((region) => html`<li><a href="${regionFile(region)}">${regionName(region, messages)}</a></li>\n`)}</ul>
`;
  return { file: "regions.html", title: messages.regionsHeading, main };
}
