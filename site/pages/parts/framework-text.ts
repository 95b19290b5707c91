import { html, type SafeHtml } from "../../web/html.js";
import type { PageContext } from "./page-layout.js";

/**
 * Text from the framework, as a page shows it. Pages get the framework in their own language
 * (`localFramework`, from the translations in `site/i18n/framework/`), so its text needs no marking.
 */
export function frameworkText(text: string, _context: PageContext): SafeHtml {
  return html`${text}`;
}
