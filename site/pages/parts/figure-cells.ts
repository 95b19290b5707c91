import type { Unit } from "../../../functions/core/framework/framework.js";
import type { Cell } from "../../figures/cell.js";
import type { Messages } from "../../i18n/catalogue.js";
import { formatCell } from "../../i18n/format.js";
import { html, type SafeHtml } from "../../web/html.js";
import type { ContentContext } from "./content-context.js";

/** A figure as a table cell: the formatted value, or the word for why there is none, marked as withheld. */
export function cellMarkup(cell: Cell, unit: Unit, messages: Messages): SafeHtml {
  const text = formatCell(cell, unit, messages);
  return cell.kind === "value" ? html`<td>${text}</td>` : html`<td class="withheld">${text}</td>`;
}

/** The notes under a table that explain the kinds of missing figure it shows (suppressed, no value, no data). */
export function notesMarkup(kinds: ReadonlySet<Cell["kind"]>, context: ContentContext): SafeHtml | string {
  const { messages, k } = context;
  const notes = [
    kinds.has("suppressed") ? messages.noteSuppressed(k) : null,
    kinds.has("no-value") ? messages.noteNoValue : null,
    kinds.has("no-data") ? messages.noteNoData : null,
  ].filter((note): note is string => note !== null);
  return notes.length > 0
    ? html`<ul class="table-notes">
${notes.map((note) => html`<li>${note}</li>\n`)}</ul>
`
    : "";
}
