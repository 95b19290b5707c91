import { ruleCatalogue } from "../../functions/core/reporting/rule-catalogue.js";
import { CHECK_REFERENCE_FILE } from "../check/check-reference.js";
import type { CheckPageData } from "../client/check-page.js";
import {
  CHECK_PAGE_FILE,
  UPLOAD_CONFIG_FILE,
  type UploadConfig,
  uploadConnectOrigins,
} from "../client/upload/upload-config.js";
import { html } from "../web/html.js";
import type { ContentContext } from "./parts/content-context.js";
import { type Page, rootOf } from "./parts/page-layout.js";

/**
 * The validator page: a hub chooses or drops a CSV file or a workbook and sees every problem in its spreadsheet
 * context, with its file annotated and the problem list to download. Everything happens in the page's script
 * (`site/client/check-page.ts`); without it the page says that it needs it. The upload section is in the page
 * only when the site publishes an upload configuration (`uploadConfig`), and shows once it has loaded; the page may then
 * connect to the configuration's API, sign-in and bucket origins (its Content Security Policy names them).
 */
export function checkPage(context: ContentContext, uploadConfig?: UploadConfig): Page {
  const withUpload = uploadConfig !== undefined;
  const { messages, language } = context;
  const texts = messages.check;
  const root = rootOf(language);
  const data: CheckPageData = {
    lang: messages.lang,
    texts,
    reference: `${root}${CHECK_REFERENCE_FILE}`,
    ...(withUpload ? { uploadConfig: `${root}${UPLOAD_CONFIG_FILE}` } : {}),
    ruleIds: ruleCatalogue().map((rule) => rule.id),
  };
  const upload = withUpload
    ? html`<section id="check-upload" class="check-upload" hidden aria-labelledby="upload-heading">
<h2 id="upload-heading">${texts.uploadHeading}</h2>
<p>${texts.uploadText}</p>
</section>
`
    : "";
  const main = html`<h1>${texts.heading}</h1>
<p class="lede">${texts.lede}</p>
<p class="note">${texts.privacy}</p>
<div id="check-app" class="check-app" data-check="${JSON.stringify(data)}">
<noscript><p class="note">${texts.noScript}</p></noscript>
<form id="check-form" class="check-form" hidden>
<div id="check-drop" class="check-drop">
<label for="check-file">${texts.chooseLabel}</label>
<input type="file" id="check-file" name="file" accept=".csv,.xlsx,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet">
<p class="check-drop-hint">${texts.dropHint}</p>
</div>
</form>
<p id="check-status" class="check-status" role="status" aria-live="polite"></p>
<div id="check-downloads" class="check-downloads" hidden>
<h2>${texts.downloadsHeading}</h2>
<ul>
<li><a id="download-annotated" href="#check-downloads">${texts.downloadAnnotated}</a></li>
<li><a id="download-problems" href="#check-downloads">${texts.downloadProblems}</a></li>
</ul>
</div>
<div id="check-result" class="check-result"></div>
${upload}</div>
`;
  return {
    file: CHECK_PAGE_FILE,
    title: texts.heading,
    main,
    scripted: true,
    ...(uploadConfig ? { connectOrigins: uploadConnectOrigins(uploadConfig) } : {}),
  };
}
