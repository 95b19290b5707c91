import { describe, expect, it } from "vitest";
import type { Framework, LensDefinition } from "../../../functions/core/framework/framework.js";
import { lensPage, reconciliationSection } from "../../../site/pages/lens-page.js";
import { framework } from "../fixtures/charts.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";
import { tableRows } from "../fixtures/markup.js";

function lensOf(of: Framework, id: string): LensDefinition {
  const found = of.lenses.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no lens ${id}`);
  return found;
}

const lens = (id: string) => lensOf(framework, id);

describe("lensPage", () => {
  it("shows suppressed figures as the word, never as 0, and explains them", () => {
    const outcomes = mainOf(lensPage(lens("outcomes"), [], contentContext()));
    expect(
      tableRows(outcomes, "participants").find((row) => row[0] === "Middle East &amp; North Africa"),
    ).toEqual(["Middle East &amp; North Africa", "suppressed", "suppressed", "12"]);
    expect(outcomes).toContain("<li>suppressed: fewer than 10 participants, so the figure is withheld.</li>");
  });

  it("shows a figure whose denominator was zero as no value", () => {
    const power = mainOf(lensPage(lens("power"), [], contentContext()));
    expect(
      tableRows(power, "local_revenue_share").find((row) => row[0] === "Middle East &amp; North Africa"),
    ).toEqual(["Middle East &amp; North Africa", "no value", "4.0%", "6.0%"]);
  });

  it("links every computed figure to the reports of its scope instance and year", () => {
    const outcomes = mainOf(lensPage(lens("outcomes"), [], contentContext()));
    const article = outcomes.split('<article class="indicator" id="participants"')[1] ?? "";
    expect(article).toContain(
      '<td class="withheld"><a class="figure-link" href="evidence.html?year=2023&amp;behind=lines%3AMiddle+East+%26+North+Africa#year-2023">suppressed</a></td>',
    );
    expect(article).toContain("<li>Each figure links to the reports it was computed from.</li>");
    const power = mainOf(lensPage(lens("power"), [], contentContext()));
    expect(power).toContain(
      'href="evidence.html?year=2025&amp;behind=seat%3ASouth+Asia#year-2025">12.0%</a>',
    );
    expect(power).toContain(
      "A region&#39;s figure counts the hubs seated in the region, wherever their lines are; hubs seated in a protected country are left out.",
    );
  });

  it("reads the movement's figure against its target, year by year, under the movement's row", () => {
    const power = mainOf(lensPage(lens("power"), [], contentContext()));
    expect(tableRows(power, "board_women_share").slice(0, 2)).toEqual([
      ["Movement", "39.0%", "41.0%", "41.0%"],
      [
        "Target: at least 40.0%",
        "target not met: 1.0 pp below the target",
        "target met: 1.0 pp above the target",
        "target met: 1.0 pp above the target",
      ],
    ]);
    expect(tableRows(power, "local_revenue_share").map((row) => row[0])).not.toContain(
      "Target: no target set",
    );
  });

  it("folds each hub's and each country's figures below, the hubs seated in a protected country withheld with the reason", () => {
    const outcomes = mainOf(lensPage(lens("outcomes"), [], contentContext()));
    const article =
      outcomes.split('<article class="indicator" id="participants"')[1]?.split("</article>")[0] ?? "";
    expect(article).toContain(
      '<details class="scope-details"><summary>The figures of each of 3 hubs</summary>',
    );
    expect(tableRows(outcomes, "participants", 1)).toEqual([
      [
        "=HYPERLINK(&quot;http://evil.example&quot;,&quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co&quot;)",
        "withheld (hub seated in a protected country)",
        "withheld (hub seated in a protected country)",
        "withheld (hub seated in a protected country)",
      ],
      [
        "Bangla Hub",
        "withheld (hub seated in a protected country)",
        "withheld (hub seated in a protected country)",
        "withheld (hub seated in a protected country)",
      ],
      ["DACH Hub", "2,200", "2,310", "2,405"],
      ["East Africa Hub", "1,210", "1,340", "1,460"],
      ["Global Fund", "no data", "suppressed", "suppressed"],
    ]);
    expect(article).toContain(
      '<details class="scope-details"><summary>The figures of each of 7 countries</summary>',
    );
    expect(tableRows(outcomes, "participants", 2).map((row) => row[0])).toEqual([
      "Antarctica (AQ)",
      "Brazil (BR)",
      "Germany (DE)",
      "India (IN)",
      "Kenya (KE)",
      "Nigeria (NG)",
      "United States (US)",
    ]);
    expect(article).toContain(
      "Countries on the protection list are not shown: nothing is published for them.",
    );
    expect(article).toContain("<li>withheld: nothing is published for a country on the protection list");
  });

  it("is in the page's language throughout: lens, indicators, definitions, units, regions, countries and numbers", () => {
    const finer = {
      ...framework,
      indicators: framework.indicators.map((indicator) =>
        indicator.id === "participants"
          ? { ...indicator, scopes: ["movement", "region", "country"] as const }
          : indicator,
      ),
    };
    const rows = [
      indicatorRow("participants", 2025, "movement", "movement", 12_345),
      indicatorRow("participants", 2025, "region", "Sub-Saharan Africa", 4_321),
      indicatorRow("participants", 2025, "country", "CI", 1_200),
      indicatorRow("participants", 2025, "country", "DE", 900),
    ];
    const context = contentContext({ framework: finer, rows, languages: ["en", "fr"], language: "fr" });
    const outcomes = mainOf(lensPage(lensOf(context.framework, "outcomes"), [], context));
    expect(outcomes).toContain("<h1>Résultats</h1>");
    expect(outcomes).toContain("Qu’accomplissent les ressources, et pour qui\u00a0?");
    expect(outcomes).toContain("Diversité linguistique des nouveaux contenus");
    expect(outcomes).toContain("Entropie de Shannon des contenus créés par langue");
    expect(outcomes).toContain("<dd>Nombre</dd>");
    expect(outcomes).toContain("<dd>Mouvement, Région (selon les pays des lignes) et Pays</dd>");
    expect(tableRows(outcomes, "participants")).toEqual([
      ["Mouvement", "12\u202f345"],
      ["Afrique subsaharienne", "4\u202f321"],
    ]);
    expect(tableRows(outcomes, "participants", 1)).toEqual([
      ["Allemagne (DE)", "900"],
      ["Côte d’Ivoire (CI)", "1\u202f200"],
    ]);
    expect(outcomes).toContain("<summary>Les chiffres de chacun des 2 pays</summary>");
    const text = outcomes.replace(/<[^>]+>/g, " ");
    for (const english of ["Language diversity", "Sub-Saharan Africa", "Ivory Coast", "Germany"])
      expect(text).not.toContain(english);
    expect(outcomes).not.toContain('lang="en"');
    expect(outcomes).toContain('data-region="Sub-Saharan Africa"');
  });

  it("loads the script only when a chart follows the page's filters", () => {
    expect(lensPage(lens("power"), [], contentContext()).scripted).toBe(false);
  });
});

describe("reconciliationSection", () => {
  it("flags every allocation the hub's receipts do not match, in words", () => {
    const section = reconciliationSection(undefined, contentContext()).markup;
    expect(section.match(/<tr class="flagged"/g)).toHaveLength(3);
    expect(section).toContain("⚠ </span>gap</strong>");
    expect(section).toContain("not reported by the hub</strong>");
    expect(section).toContain("no allocation recorded</strong>");
    expect(section).toContain("<td>-$60,000</td>");
  });

  it("links each row to the global fund's report of the year and the hub's", () => {
    const section = reconciliationSection(undefined, contentContext()).markup;
    const gap =
      section.split("<tr")[section.split("<tr").findIndex((row) => row.includes("gap</strong>"))] ?? "";
    expect(gap).toContain(
      '<td class="report-links">global fund: <a href="evidence.html#report-r-gf-fin-2025"><code>r-gf-fin-2025</code></a><br>hub: <a href="evidence.html#report-r-ke-fin-2025"><code>r-ke-fin-2025</code></a></td>',
    );
    const early = section.split("<tr").find((row) => row.includes('data-year="2023"')) ?? "";
    expect(early).toContain("global fund: no report<br>hub: no report");
  });

  it("never shows an allocation to a hub seated in a protected country", () => {
    const section = reconciliationSection(undefined, contentContext()).markup;
    expect(section).not.toMatch(/hub-hub-bd|hub-hub-x|120,000/);
  });
});
