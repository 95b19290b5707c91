import { describe, expect, it } from "vitest";
import { countriesPage } from "../../../site/pages/countries-page.js";
import { countries } from "../fixtures/charts.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { FIXTURE_ROWS } from "../fixtures/indicator-rows.js";
import { rowsOf, textOf } from "../fixtures/markup.js";

function tableOf(page: string, year: number): string {
  const start = page.indexOf(`<caption>Countries in ${year}</caption>`);
  return page.slice(start, page.indexOf("</table>", start));
}

describe("countriesPage", () => {
  const page = countriesPage(contentContext());
  const main = mainOf(page);

  it("gives each year's table of funds per editor, deployed, raised, net transfer and participants, by country name", () => {
    expect(page.file).toBe("countries.html");
    expect(page.scripted).toBe(true);
    expect(main).toContain(
      '<thead><tr><th scope="col" aria-sort="ascending" data-sort="text">Country</th><th scope="col" data-sort="number">Funds deployed per active editor</th><th scope="col" data-sort="number">Funds deployed</th><th scope="col" data-sort="number">Funds raised</th><th scope="col" data-sort="number">Net transfer</th><th scope="col" data-sort="number">Participants</th></tr></thead>',
    );
    const rows = rowsOf(tableOf(main, 2025));
    expect(rows.find((row) => row[0] === "Kenya (KE)")).toEqual([
      "Kenya (KE)",
      "$598.70",
      "$460,000",
      "$72,000",
      "$388,000",
      "1,420",
    ]);
    const names = rows.map((row) => row[0] ?? "");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(main.indexOf('<h2 id="countries-2025">')).toBeLessThan(
      main.indexOf("<summary>Countries in 2024</summary>"),
    );
  });

  it("shows a suppressed or undefined figure as the word, and lists every protected country as withheld with no figure", () => {
    const rows = rowsOf(tableOf(main, 2025));
    expect(rows.find((row) => row[0] === "Nigeria (NG)")?.at(-1)).toBe("suppressed");
    expect(rowsOf(tableOf(main, 2023)).find((row) => row[0] === "India (IN)")?.[1]).toBe("no value");
    const protectedRows = rows.filter((row) => row[1] === "withheld (protected country)");
    const protectedCount = [...countries.byCode.values()].filter((country) => country.isProtected).length;
    expect(protectedRows).toHaveLength(protectedCount);
    for (const row of protectedRows) expect(row).toHaveLength(2);
    expect(main).toContain(
      '<tr class="withheld-row" data-withheld="true"><th scope="row" data-value="Bangladesh (BD)">Bangladesh (BD)</th><td class="withheld" colspan="5">withheld (protected country)</td></tr>',
    );
  });

  it("links every figure to the reports behind that country and year, and carries its exact value to sort by", () => {
    expect(main).toContain(
      '<td data-value="1420"><a class="figure-link" href="evidence.html?year=2025&amp;behind=country%3AKE#year-2025">1,420</a></td>',
    );
  });

  it("says so when no country figures have been published", () => {
    const rows = FIXTURE_ROWS.filter((row) => row.scope !== "country");
    const empty = countriesPage(contentContext({ rows }));
    expect(mainOf(empty)).toContain("No country figures have been published yet.");
    expect(empty.scripted).toBe(false);
  });
});

describe("countriesPage in French", () => {
  const main = mainOf(countriesPage(contentContext({ languages: ["en", "fr"], language: "fr" })));
  const table = main.slice(main.indexOf("<caption>Pays en 2025</caption>"), main.indexOf("</table>"));

  it("names every country as CLDR does in French, sorted as French sorts, with exact amounts in French formats", () => {
    const rows = rowsOf(table);
    expect(rows.find((row) => row[0] === "Allemagne (DE)")).toBeDefined();
    expect(rows.find((row) => row[0] === "Kenya (KE)")).toEqual([
      "Kenya (KE)",
      "598,70\u00a0$US",
      "460\u202f000\u00a0$US",
      "72\u202f000\u00a0$US",
      "388\u202f000\u00a0$US",
      "1\u202f420",
    ]);
    const names = rows.map((row) => row[0] ?? "");
    expect(names).toEqual([...names].sort(new Intl.Collator("fr").compare));
    expect(rows.find((row) => row[0] === "Bangladesh (BD)")).toEqual([
      "Bangladesh (BD)",
      "non publié (pays protégé)",
    ]);
    expect(textOf(main)).not.toMatch(/Germany|withheld|Countries in/);
  });

  it("keeps each year's table in a box of its own named after it, so that a phone scrolls the table, not the page", () => {
    expect(main).toContain(
      '<div class="table-wrap" tabindex="0" role="group" aria-label="Pays en 2025"><table class="data-table countries-table" data-sortable="true">',
    );
  });
});
