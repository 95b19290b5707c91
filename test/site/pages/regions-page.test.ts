import { describe, expect, it } from "vitest";
import { regionsPage } from "../../../site/pages/regions-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { FIXTURE_REGION_PAGES, rowsOf, textOf } from "../fixtures/markup.js";

describe("regionsPage", () => {
  const main = mainOf(regionsPage(contentContext()));
  const latest = main.slice(
    main.indexOf('<table class="figures regions-comparison">'),
    main.indexOf("</table>"),
  );

  it("links every region with figures, in the country table's order", () => {
    const links = [...main.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(FIXTURE_REGION_PAGES);
  });

  it("sets every region side by side on each region indicator of the latest year, the movement first as the reference", () => {
    expect(latest).toContain(
      "<caption>Every region indicator in 2025, the whole movement first as the reference</caption>",
    );
    expect(latest).toMatch(
      /<th scope="col">Indicator<\/th><th scope="col" class="reference">Movement<\/th><th scope="col"><a href="region-central-and-eastern-europe-and-central-asia.html">/,
    );
    const rows = rowsOf(latest);
    expect(rows.map((row) => row[0]?.replace(/ \(by the hubs&#39; seats\)$/, ""))).toEqual([
      "Funds deployed",
      "Funds deployed per active editor",
      "Share of grants with an underrepresented-communities focus",
      "Local revenue share",
      "Board seats held by people from the Global South",
      "Board seats held by women",
      "Participants",
      "Newcomer share",
      "Women and non-binary participants",
      "Content created per 1,000 USD",
      "Language diversity of new content",
      "Funds raised",
      "Net transfer",
      "Reporting rate",
    ]);
    expect(rows.find((row) => row[0] === "Participants")).toEqual([
      "Participants",
      "69,120",
      "7,010",
      "11,050",
      "9,870",
      "12",
      "7,990",
      "14,870",
      "6,940",
      "11,380",
    ]);
    expect(rows.find((row) => row[0] === "Net transfer")?.[1]).toBe("not published at this scope");
    expect(rows.find((row) => row[0]?.startsWith("Reporting rate"))?.[1]).toBe(
      "86.0%target not met: 4.0 pp below the target",
    );
    expect(latest).toContain(
      'href="evidence.html?year=2025&amp;behind=seat%3ASub-Saharan+Africa#year-2025">50.0%</a>',
    );
  });

  it("folds the earlier years below", () => {
    expect(main).toContain(
      '<details class="year-details" id="regions-year-2024"><summary>Every region side by side, 2024</summary>',
    );
    expect(main).toContain('<details class="year-details" id="regions-year-2023">');
  });
});

describe("regionsPage in Arabic", () => {
  const main = mainOf(regionsPage(contentContext({ languages: ["en", "ar"], language: "ar" })));
  const latest = main.slice(main.indexOf("<table"), main.indexOf("</table>"));

  it("names the regions, the indicators and the target readings in Arabic, each figure in Arabic formats", () => {
    expect(latest).toContain(
      '<th scope="col"><a href="region-sub-saharan-africa.html">أفريقيا جنوب الصحراء الكبرى</a></th>',
    );
    const rate = rowsOf(latest).find((row) => row[0]?.startsWith("معدل"));
    expect(rate?.[1]).toMatch(/^86\.0\u200e%\u200e.+الهدف/);
    expect(textOf(main)).not.toMatch(/Sub-Saharan|Reporting rate|target/);
    expect(main).toContain('<div class="table-wrap" tabindex="0" role="group" aria-label="');
  });
});
