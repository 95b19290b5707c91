import type { DataTable } from "../../charts/table.js";
import type { Messages } from "../../i18n/catalogue.js";
import { formatNumber } from "../../i18n/format.js";
import { html, type SafeHtml } from "../../web/html.js";

/**
 * The box a table scrolls in when it is wider than the page (the page itself never scrolls
 * sideways): focusable, so that it scrolls from the keyboard, and named after the table. The
 * stylesheet shades the edge that has more columns beyond it.
 */
export function tableBox(caption: string): SafeHtml {
  return html`<div class="table-wrap" tabindex="0" role="group" aria-label="${caption}">`;
}

/** A chart's data table, formatted for reading. */
export function dataTableMarkup(table: DataTable, messages: Messages): SafeHtml {
  const header = table.columns.map((column) => html`<th scope="col">${column.label}</th>`);
  const body = table.rows.map((row) => {
    const cells = table.columns.map((column, i) => {
      const value = row[column.key];
      const text =
        value === null || value === undefined
          ? "—"
          : typeof value === "number" && column.unit
            ? formatNumber(value, column.unit, messages)
            : String(value);
      return i === 0 ? html`<th scope="row">${text}</th>` : html`<td>${text}</td>`;
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
