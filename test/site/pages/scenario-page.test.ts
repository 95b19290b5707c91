import { describe, expect, it } from "vitest";
import { scenarioById } from "../../../site/figures/scenarios.js";
import { scenarioPage } from "../../../site/pages/scenario-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { rowsOf } from "../fixtures/markup.js";

function pageOf(id: string, language: "en" | "es" | "fr" | "ar" = "en") {
  const context = contentContext({ languages: ["en", "es", "fr", "ar"], language });
  return scenarioPage(scenarioById(context.scenarios, id), [], context);
}

describe("scenarioPage", () => {
  it("reads without script in the latest year: that year's summary shown, the others hidden until picked", () => {
    const main = mainOf(pageOf("fixture-solidarity"));
    expect(main).toContain(
      '<div class="scenario-year" data-year-section="2025">\n<h2 id="summary-2025">In 2025</h2>',
    );
    expect(main).toContain('<div class="scenario-year" data-year-section="2024" hidden>');
    expect(main).toContain(
      "A 5% contribution on local revenue above $100,000 would have moved $102.5K in 2024 from 1 hub to 1 and lowered the funding Gini from 0.463 to 0.451.",
    );
    expect(main).toMatch(
      /<select name="year">\n<option value="2025">2025<\/option>\n<option value="2024">2024<\/option>/,
    );
    expect(pageOf("fixture-solidarity").scripted).toBe(false);
  });

  it("sets out the policy with every default written out and the field that sets it", () => {
    const main = mainOf(pageOf("fixture-level-up"));
    const table = main.split('<table class="data-table scenario-parameters">')[1]?.split("</table>")[0] ?? "";
    expect(rowsOf(table)).toEqual([
      ["Contribution on local revenue", "10%", "contribution.local_revenue_rate"],
      ["Local revenue exempt (floor)", "$0", "contribution.floor_usd"],
      [
        "Share of the global fund&#39;s allocations given back",
        "20%",
        "contribution.global_fund_reallocation",
      ],
      ["How the pool is spent", "levelling up funds per editor", "allocation.rule"],
      ["Weight of an editor in the Global South", "× 1.5", "allocation.south_weight"],
      ["Years", "2025", "years"],
    ]);
  });

  it("lists the hubs that contribute and receive to the dollar, and withholds a hub seated in a protected country", () => {
    const main = mainOf(pageOf("fixture-level-up"));
    const table = main.split('<table class="data-table scenario-hubs">')[1]?.split("</table>")[0] ?? "";
    expect(rowsOf(table)).toEqual([
      ["DACH Hub", "$2,200,000", "$330,000", "$0", "-$330,000", "$2,010,000", "$1,680,000"],
      ["East Africa Hub", "$72,000", "$2,200", "$734,600", "$732,400", "$460,000", "$1,192,400"],
      ["Bangla Hub", "withheld (hub seated in a protected country)"],
    ]);
    expect(main).toContain(
      "Hubs seated in a country on the protection list take part in the arithmetic, but their rows are withheld",
    );
    expect(main).not.toMatch(/Bangladesh|\bBD\b|820,000|459,600/);
  });

  it("links the scenario file's evidence entry, with its SHA-256 and upload time, and the published files", () => {
    const main = mainOf(pageOf("fixture-solidarity", "fr"));
    expect(main).toContain(
      'Le Conseil mondial a déposé ce scénario le 20 février 2026, 15:45 UTC\u00a0; le fichier est conservé octet pour octet sous son SHA-256\u00a0: <code class="sha">11111111cccc',
    );
    expect(main).toContain('<a class="scenario-evidence-link" href="evidence.html#report-r-scenario-1">');
    expect(main).toContain('<a href="../data/scenario-fixture-solidarity.csv" download>');
    expect(main).toContain('<a href="../data/scenario-fixture-solidarity-hubs.csv" download>');
  });

  it("is under the Scenarios entry of the navigation, in every language", () => {
    for (const language of ["en", "es", "fr", "ar"] as const) {
      const page = pageOf("fixture-level-up", language);
      expect(page.file).toBe("scenario-fixture-level-up.html");
      expect(page.section).toBe("scenarios.html");
    }
    expect(mainOf(pageOf("fixture-level-up", "ar"))).toContain("كانت ستنقل");
  });
});
