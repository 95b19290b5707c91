import { html, type SafeHtml } from "../../web/html.js";
import type { PageContext } from "./page-layout.js";

/** Text from the framework (English only) inside a page of another language, marked so it is read correctly. */
export function frameworkText(text: string, context: PageContext): SafeHtml {
  return context.messages.lang === "en" ? html`${text}` : html`<bdi lang="en">${text}</bdi>`;
}
