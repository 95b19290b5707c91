import type { DataTable } from "../../charts/table.js";
import type { Messages } from "../../i18n/catalogue.js";
import { formatNumber } from "../../i18n/format.js";
import { html, type SafeHtml } from "../../web/html.js";
import { evidenceHref } from "../../web/paths.js";

/**
 * The box a table scrolls in when it is wider than the page (the page itself never scrolls
 * sideways): focusable, so that it scrolls from the keyboard, and named after the table. The
 * stylesheet shades the edge that has more columns beyond it.
 */
export function tableBox(caption: string): SafeHtml {
  return html`<div class="table-wrap" tabindex="0" role="group" aria-label="${caption}">`;
}

/** A chart's data table, formatted for reading; each row's figure links to the reports behind it. */
export function dataTableMarkup(table: DataTable, messages: Messages): SafeHtml {
  const header = table.columns.map((column) => html`<th scope="col">${column.label}</th>`);
  const linkColumn = table.linkColumn ?? table.columns.find((column) => column.unit !== undefined)?.key;
  const body = table.rows.map((row, r) => {
    const evidence = table.evidence?.[r];
    const cells = table.columns.map((column, i) => {
      const value = row[column.key];
      const text =
        value === null || value === undefined
          ? "—"
          : typeof value === "number" && column.unit
            ? formatNumber(value, column.unit, messages)
            : String(value);
      const content =
        evidence && column.key === linkColumn && value !== null && value !== undefined
          ? html`<a class="figure-link" href="${evidenceHref(evidence)}">${text}</a>`
          : text;
      return i === 0 ? html`<th scope="row">${content}</th>` : html`<td>${content}</td>`;
    });
    return html`<tr>${cells}</tr>\n`;
  });
  return html`${tableBox(table.caption)}<table class="data-table">
<caption>${table.caption}</caption>
<thead><tr>${header}</tr></thead>
<tbody>
${body}</tbody>
</table></div>`;
}
