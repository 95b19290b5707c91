import type { IndicatorDefinition, Scope, Unit } from "../../../functions/core/framework/framework.js";
import type { Cell } from "../../figures/cell.js";
import type { EvidenceTarget } from "../../figures/evidence.js";
import { targetReading } from "../../figures/target.js";
import type { Messages } from "../../i18n/catalogue.js";
import { formatCell, formatGap, formatNumber } from "../../i18n/format.js";
import { html, type SafeHtml } from "../../web/html.js";
import { evidenceHref } from "../../web/paths.js";
import type { ContentContext } from "./content-context.js";

/**
 * A figure as a table cell: the formatted value, or the word for why there is none, marked as withheld.
 * With `evidence`, a figure that was computed (a value, suppressed, or with no value) links to the
 * reports behind it; a cell with no row or withheld by the protection rules links nowhere. In a table
 * the script sorts (`sortable`), a figure carries its exact value to sort by.
 */
export function cellMarkup(
  cell: Cell,
  unit: Unit,
  messages: Messages,
  evidence?: EvidenceTarget,
  extra: SafeHtml | string = "",
  sortable = false,
): SafeHtml {
  const text = formatCell(cell, unit, messages);
  const computed = cell.kind === "value" || cell.kind === "suppressed" || cell.kind === "no-value";
  const content =
    evidence && computed ? html`<a class="figure-link" href="${evidenceHref(evidence)}">${text}</a>` : text;
  const sortValue = sortable && cell.kind === "value" ? html` data-value="${cell.value}"` : "";
  return cell.kind === "value"
    ? html`<td${sortValue}>${content}${extra}</td>`
    : html`<td class="withheld">${content}${extra}</td>`;
}

/**
 * The notes under a table that explain the kinds of missing figure it shows (suppressed, no value, no
 * data, withheld), and that its figures link to their reports.
 */
export function notesMarkup(
  kinds: ReadonlySet<Cell["kind"]>,
  context: ContentContext,
  options: { readonly linked?: boolean } = {},
): SafeHtml | string {
  const { messages, k } = context;
  const notes = [
    options.linked ? messages.noteFigureLinks : null,
    kinds.has("suppressed") ? messages.noteSuppressed(k) : null,
    kinds.has("no-value") ? messages.noteNoValue : null,
    kinds.has("no-data") ? messages.noteNoData : null,
    kinds.has("withheld") ? messages.noteWithheld : null,
  ].filter((note): note is string => note !== null);
  return notes.length > 0
    ? html`<ul class="table-notes">
${notes.map((note) => html`<li>${note}</li>\n`)}</ul>
`
    : "";
}

/**
 * How a figure stands against its target, in words ("target not met", "8.8 pp below the target"), at the
 * scopes the target is set for; nothing where no target applies or there is no figure.
 */
export function targetWords(
  indicator: IndicatorDefinition,
  scope: Scope,
  cell: Cell,
  messages: Messages,
): {
  readonly met: boolean;
  readonly target: string;
  readonly verdict: string;
  readonly detail: string;
} | null {
  const reading = targetReading(indicator, scope, cell);
  if (!reading) return null;
  const target = messages.target(
    reading.target.comparison,
    formatNumber(reading.target.value, indicator.unit, messages),
  );
  return {
    met: reading.met,
    target,
    verdict: reading.met ? messages.targetMet : messages.targetMissed,
    detail: messages.targetGap(reading.position, formatGap(reading.gap, indicator.unit, messages)),
  };
}

/** The target reading as markup: the verdict in bold and the gap in words; nothing where no target applies. */
export function targetMarkup(
  indicator: IndicatorDefinition,
  scope: Scope,
  cell: Cell,
  messages: Messages,
): SafeHtml | string {
  const words = targetWords(indicator, scope, cell, messages);
  if (!words) return "";
  return html`<span class="target-reading"><strong class="${words.met ? "target-met" : "target-missed"}">${words.verdict}</strong>${messages.colon}${words.detail}</span>`;
}
