import { describe, expect, it } from "vitest";
import { en } from "../../../../site/i18n/en.js";
import { dataTableMarkup } from "../../../../site/pages/parts/data-table.js";

describe("dataTableMarkup", () => {
  it("formats numbers by their column's unit, heads each row with its first cell and shows nothing as a dash", () => {
    const markup = dataTableMarkup(
      {
        caption: "Deployed <by> region",
        columns: [
          { key: "region", label: "Region" },
          { key: "value", label: "Deployed", unit: "usd" },
          { key: "note", label: "Note" },
        ],
        rows: [
          { region: "South Asia", value: 3_300_000, note: "" },
          { region: "North America", value: null, note: "suppressed" },
        ],
      },
      en,
    ).markup;
    expect(markup).toContain("<caption>Deployed &lt;by&gt; region</caption>");
    expect(markup).toContain('<tr><th scope="row">South Asia</th><td>$3,300,000</td><td></td></tr>');
    expect(markup).toContain('<tr><th scope="row">North America</th><td>—</td><td>suppressed</td></tr>');
  });

  it("scrolls in a box of its own, which the keyboard can reach and which is named after the table", () => {
    const markup = dataTableMarkup({ caption: "Deployed", columns: [], rows: [] }, en).markup;
    expect(markup).toMatch(/^<div class="table-wrap" tabindex="0" role="group" aria-label="Deployed"><table/);
  });
});
