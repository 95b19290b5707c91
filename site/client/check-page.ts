/**
 * The validator page's script (a chunk that `site.js` loads only on `check.html`): a hub chooses or drops a file,
 * which is read in memory and checked by the same validation as ingest against the site's reference file (fetched
 * once, when the page loads); the answer is drawn by `problemReport` and the two CSV files are offered as
 * downloads made in the browser. The file is never sent anywhere by checking it: where the site publishes an upload
 * configuration (on AWS), the upload section lets a signed-in hub send a file that was checked with no error, and
 * shows the observatory's stored result (see `startUploadSection`).
 */

import type { RuleCount } from "../../functions/core/reporting/problems.js";
import type { UploadResult } from "../../functions/core/uploads/result-document.js";
import { annotatedCsv, problemsCsv } from "../check/check-downloads.js";
import type { SheetRows } from "../check/check-file.js";
import { checkFile } from "../check/check-file.js";
import { type PageReference, referenceOf } from "../check/check-reference.js";
import type { CheckTexts } from "../check/check-texts.js";
import { problemReport, summaryText } from "../check/problem-report.js";
import type { Language } from "../i18n/catalogue.js";
import { UPLOAD_MESSAGES, type UploadMessages } from "../i18n/upload.js";
import {
  browserUploadDependencies,
  createUploadClient,
  loadUploadConfig,
  type SignedInHub,
  UploadError,
} from "./upload/upload-client.js";
import { UploadConfigError } from "./upload/upload-config.js";

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
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly errorCount: number;
  /** The file's sheet, for drawing the observatory's problems in their context. */
  readonly rows: SheetRows;
  readonly headerRow: number | undefined;
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
  const language = { lang: data.lang, texts, ruleIds };
  if (data.uploadConfig)
    await startUploadSection(app, data.uploadConfig, data.lang, (checked, result) => {
      result.innerHTML = problemReport(checked, language).markup;
    });

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
      listener({
        fileName: file.name,
        bytes,
        errorCount: checked.result.errorCount,
        rows: checked.rows,
        headerRow: checked.headerRow,
      });
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

/** The observatory's problems with a sent file, as the page's problem report takes them. */
export interface StoredProblems {
  readonly fileName: string;
  readonly problems: UploadResult["problems"];
  readonly counts?: readonly RuleCount[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly rows: SheetRows;
  readonly headerRow: number | undefined;
}

/** A rejected result's problems with the checked file's sheet, for the page's problem report. */
export function storedProblems(result: UploadResult, checked: CheckedUpload): StoredProblems {
  const counts = result.groups?.flatMap((group) => {
    const first = result.problems.find(
      (problem) => problem.code === group.rule && problem.severity === group.severity,
    );
    return first ? [{ code: group.rule, severity: group.severity, count: group.count, first }] : [];
  });
  return {
    fileName: checked.fileName,
    problems: result.problems,
    ...(counts ? { counts } : {}),
    errorCount: result.error_count,
    warningCount: result.problems.filter((problem) => problem.severity === "warning").length,
    rows: checked.rows,
    headerRow: checked.headerRow,
  };
}

function button(label: string, id: string): HTMLButtonElement {
  const made = document.createElement("button");
  made.type = "button";
  made.id = id;
  made.textContent = label;
  return made;
}

function messagesOf(lang: string): UploadMessages {
  const messages = UPLOAD_MESSAGES[lang as Language];
  if (!messages) throw new Error(`the upload flow has no texts in ${lang}`);
  return messages;
}

/**
 * The upload section, where the site publishes an upload configuration (on AWS): it shows once the configuration
 * has loaded (a site without one, such as `npm start`'s, keeps it hidden), finishes a sign-in coming back from the
 * hosted UI, offers sign-in or says who is signed in (with sign-out), and sends the last file checked with no error.
 * While sending it says where the file is; then the stored result: accepted, a duplicate, or rejected with its
 * problems drawn by `showProblems` in the page's report. Every text is the page's language's.
 */
async function startUploadSection(
  app: HTMLElement,
  configUrl: string,
  lang: string,
  showProblems: (problems: StoredProblems, result: HTMLElement) => void,
): Promise<void> {
  const section = element<HTMLElement>(app, "#check-upload");
  const messages = messagesOf(lang);
  const status = document.createElement("p");
  status.id = "upload-status";
  status.className = "check-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const siteRoot = new URL(".", new URL(configUrl, location.href)).href;
  let config: Awaited<ReturnType<typeof loadUploadConfig>>;
  try {
    config = await loadUploadConfig((input, init) => fetch(input, init), siteRoot);
  } catch (error) {
    if (!(error instanceof UploadConfigError)) throw error;
    status.textContent = messages.settingsInvalid;
    section.append(status);
    section.hidden = false;
    console.error("Equity Observatory:", error);
    return;
  }
  if (!config) return;
  const client = createUploadClient({ config, messages, ...browserUploadDependencies() });
  const hubLine = document.createElement("p");
  hubLine.id = "upload-hub";
  const signIn = button(messages.signIn, "upload-sign-in");
  const signOut = button(messages.signOut, "upload-sign-out");
  const send = button(messages.send, "upload-send");
  const controls = document.createElement("p");
  controls.className = "upload-controls";
  controls.append(signIn, send, signOut);
  section.append(hubLine, controls, status);
  section.hidden = false;

  const tell = (error: unknown) => {
    if (!(error instanceof UploadError)) throw error;
    status.textContent = error.message;
  };
  let hub: SignedInHub | undefined;
  try {
    hub = await client.completeSignIn();
  } catch (error) {
    tell(error);
  }
  let checked: CheckedUpload | undefined;
  let sending = false;
  const render = () => {
    hubLine.textContent = hub ? messages.signedInAs(hub.email, hub.hubId) : "";
    hubLine.hidden = !hub;
    signIn.hidden = hub !== undefined;
    signOut.hidden = hub === undefined;
    send.hidden = hub === undefined;
    send.disabled = sending || checked === undefined || checked.errorCount > 0;
  };
  render();
  checkedListeners.push((latest) => {
    checked = latest;
    render();
  });
  signIn.addEventListener("click", () => {
    client.signIn().catch(tell);
  });
  signOut.addEventListener("click", () => {
    try {
      client.signOut();
    } catch (error) {
      tell(error);
    }
  });
  send.addEventListener("click", async () => {
    const file = checked;
    if (!file || file.errorCount > 0) return;
    sending = true;
    render();
    app.dataset.upload = "sending";
    try {
      const result = await client.send(new File([file.bytes], file.fileName), (stage) => {
        status.textContent = stage === "sending" ? messages.sending : messages.waiting;
      });
      const id = result.upload_id;
      if (result.status === "rejected") {
        status.textContent = messages.rejected(id, result.error_count);
        showProblems(storedProblems(result, file), element<HTMLElement>(app, "#check-result"));
      } else {
        status.textContent = result.status === "duplicate" ? messages.duplicate(id) : messages.accepted(id);
      }
      app.dataset.upload = result.status;
    } catch (error) {
      app.dataset.upload = "failed";
      hub = client.currentHub();
      tell(error);
    } finally {
      sending = false;
      render();
    }
  });
}
