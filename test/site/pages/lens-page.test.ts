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
    expect(outcomes).toContain("<dd>Mouvement, Région et Pays</dd>");
    expect(tableRows(outcomes, "participants")).toEqual([
      ["Mouvement", "12\u202f345"],
      ["Afrique subsaharienne", "4\u202f321"],
      ["Allemagne (DE)", "900"],
      ["Côte d’Ivoire (CI)", "1\u202f200"],
    ]);
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
});
