/**
 * The validator page's script (a chunk that `site.js` loads only on `check.html`): a hub chooses or drops a file,
 * which is read in memory and checked by the same validation as ingest against the site's reference file (fetched
 * once, when the page loads); the answer is drawn by `problemReport` and the two CSV files are offered as
 * downloads made in the browser. The file is never sent anywhere: the page makes no request after it has loaded.
 */

import { annotatedCsv, problemsCsv } from "../check/check-downloads.js";
import { checkFile } from "../check/check-file.js";
import { type PageReference, referenceOf } from "../check/check-reference.js";
import type { CheckTexts } from "../check/check-texts.js";
import { problemReport, summaryText } from "../check/problem-report.js";

/** What the page hands its script, as JSON in the `data-check` attribute of `#check-app`. */
export interface CheckPageData {
  readonly lang: string;
  readonly texts: CheckTexts;
  /** The reference file, relative to the page. */
  readonly reference: string;
  /** The public upload configuration, relative to the page, when the site has one (see `uploadSection`). */
  readonly uploadConfig?: string;
  readonly ruleIds: readonly string[];
}

/** A checked file, kept in memory for the upload section (which the upload client connects to). */
export interface CheckedUpload {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly errorCount: number;
}

/** Called with every file checked; the upload client (when the site has one) registers here. */
export const checkedListeners: ((checked: CheckedUpload) => void)[] = [];

function element<T extends HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`the validator page lacks ${selector}`);
  return found;
}

async function loadJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

const baseName = (fileName: string) => fileName.replace(/\.[^.]*$/, "") || "file";

/** Starts the validator page in `app`. */
export async function startCheckPage(app: HTMLElement): Promise<void> {
  const data = JSON.parse(app.dataset.check ?? "{}") as CheckPageData;
  const { texts } = data;
  const status = element<HTMLElement>(app, "#check-status");
  let reference: PageReference;
  try {
    reference = referenceOf(await loadJson(data.reference));
  } catch (error) {
    status.textContent = texts.referenceFailed;
    throw error;
  }
  const form = element<HTMLFormElement>(app, "#check-form");
  const input = element<HTMLInputElement>(app, "#check-file");
  const drop = element<HTMLElement>(app, "#check-drop");
  const result = element<HTMLElement>(app, "#check-result");
  const downloads = element<HTMLElement>(app, "#check-downloads");
  const annotatedLink = element<HTMLAnchorElement>(app, "#download-annotated");
  const problemsLink = element<HTMLAnchorElement>(app, "#download-problems");
  const ruleIds = new Set(data.ruleIds);
  const objectUrls: string[] = [];
  if (data.uploadConfig) await showUploadSection(app, data.uploadConfig);

  const offer = (link: HTMLAnchorElement, name: string, text: string) => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    objectUrls.push(url);
    link.href = url;
    link.download = name;
  };

  const check = async (file: File) => {
    app.dataset.state = "checking";
    status.textContent = texts.checking;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = checkFile(bytes, reference, new Date());
    const report = {
      fileName: file.name,
      problems: checked.result.problems,
      counts: checked.result.counts,
      errorCount: checked.result.errorCount,
      warningCount: checked.result.warningCount,
      rows: checked.rows,
      headerRow: checked.headerRow,
    };
    const language = { lang: data.lang, texts, ruleIds };
    for (const url of objectUrls.splice(0)) URL.revokeObjectURL(url);
    status.textContent = summaryText(report, language);
    result.innerHTML = report.problems.length === 0 ? "" : problemReport(report, language).markup;
    offer(
      annotatedLink,
      `${baseName(file.name)}-checked.csv`,
      annotatedCsv(checked.rows, report.problems, checked.headerRow),
    );
    offer(problemsLink, `${baseName(file.name)}-problems.csv`, problemsCsv(report.problems));
    downloads.hidden = false;
    app.dataset.state = "checked";
    for (const listener of checkedListeners)
      listener({ fileName: file.name, bytes, errorCount: checked.result.errorCount });
  };
  const report = (error: unknown) => {
    app.dataset.state = "error";
    console.error("Equity Observatory:", error);
  };

  form.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) check(file).catch(report);
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("dragging");
    const file = event.dataTransfer?.files[0];
    if (file) check(file).catch(report);
  });
  form.hidden = false;
  app.dataset.state = "ready";
}

/**
 * The hook of the upload client: the section is in the page only when the site publishes an upload configuration,
 * and shows once that configuration has loaded. The upload client reads it and listens to `checkedListeners`.
 */
async function showUploadSection(app: HTMLElement, configUrl: string): Promise<void> {
  const section = element<HTMLElement>(app, "#check-upload");
  const config = await loadJson(configUrl);
  section.dataset.config = JSON.stringify(config);
  section.hidden = false;
}
