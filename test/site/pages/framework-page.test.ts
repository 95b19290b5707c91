import { describe, expect, it } from "vitest";
import { type Framework, loadFramework } from "../../../functions/core/framework/framework.js";
import { frameworkPage } from "../../../site/pages/framework-page.js";
import { framework } from "../fixtures/charts.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { rowsOf, textOf } from "../fixtures/markup.js";

const previous = loadFramework("2026.1");

function card(page: string, id: string): string {
  return textOf(page.split(`id="def-${id}"`)[1]?.split("</article>")[0] ?? "");
}

describe("frameworkPage", () => {
  it("defines every indicator with its scopes, regions by lines or by seat, and says that this is the first version", () => {
    const page = mainOf(frameworkPage(contentContext()));
    for (const indicator of framework.indicators) expect(page).toContain(`<code>${indicator.id}</code>`);
    expect(page).toContain("This is the first published version of the framework.");
    expect(card(page, "local_revenue_share")).toContain(
      "Published forMovement, Region (by the hubs' seats), and Hub".replace("'", "&#39;"),
    );
    expect(card(page, "participants")).toContain(
      "Published forMovement, Region (by the countries of the lines), Hub, and Country",
    );
    expect(card(page, "participants")).toContain(
      "DisclosureSuppressed at region, hub, and country scope when fewer than k people took part",
    );
    expect(card(page, "deployed_usd")).toContain("DisclosurePublished in full");
  });

  it("publishes the five targets, for the movement, with the latest figure met or not and the gap in words", () => {
    const page = mainOf(frameworkPage(contentContext()));
    expect(page.match(/<dd>no target set<\/dd>/g)).toHaveLength(framework.indicators.length - 5);
    expect(card(page, "board_women_share")).toContain("Targetat least 40.0%, for the movement");
    const targets = rowsOf(
      page.split('<table class="data-table targets-table">')[1]?.split("</table>")[0] ?? "",
    );
    expect(targets).toEqual([
      [
        "Share of funds deployed in the Global South",
        "at least 50.0%, for the movement",
        "41.2%target not met: 8.8 pp below the target",
      ],
      [
        "Share of grants with an underrepresented-communities focus",
        "at least 50.0%, for the movement",
        "26.8%target not met: 23.2 pp below the target",
      ],
      [
        "Board seats held by women",
        "at least 40.0%, for the movement",
        "41.0%target met: 1.0 pp above the target",
      ],
      [
        "Women and non-binary participants",
        "at least 40.0%, for the movement",
        "30.9%target not met: 9.1 pp below the target",
      ],
      ["Reporting rate", "at least 90.0%, for the movement", "86.0%target not met: 4.0 pp below the target"],
    ]);
    expect(page).toContain(
      '<a class="figure-link" href="evidence.html?year=2025&amp;behind=movement%3Amovement#year-2025">86.0%</a>',
    );
  });

  it("publishes both versions: 2026.2's own list of changes linked to its indicators, the changed fields, and 2026.1 as it was", () => {
    const page = mainOf(frameworkPage(contentContext({ frameworks: [previous, framework] })));
    expect(page).toContain("<dd>2026.1 and 2026.2</dd>");
    expect(page).toContain("Changes from framework 2026.1 to 2026.2.");
    const stated = page.split('<ol class="stated-changes">')[1]?.split("</ol>")[0] ?? "";
    expect(stated.match(/<li>/g)).toHaveLength(framework.changes.length);
    expect(stated).toContain('<a href="#def-reporting_rate"><code>reporting_rate</code></a>');
    expect(textOf(stated)).toContain("Row existence is stated for every scope. (the framework as a whole)");
    for (const id of new Set(framework.changes.flatMap((change) => change.indicators)))
      expect(page, id).toContain(`id="def-${id}"`);
    expect(page).toContain(
      "<li><code>board_women_share</code>: changed: definition, target, scopes, and how regions count</li>",
    );
    const earlier =
      page.split('<details class="earlier-version" id="version-2026-1">')[1]?.split("</details>")[0] ?? "";
    expect(earlier).toContain("<summary>Evaluation framework 2026.1</summary>");
    expect(earlier).toContain(previous.disclosure.rule.replaceAll("'", "&#39;"));
    expect(rowsOf(earlier).find((row) => row[0] === "board_women_share")).toEqual([
      "board_women_share",
      "Board seats held by women",
      "Movement",
      "no target set",
      "Published in full",
    ]);
  });

  it("says what changed between versions that differ in indicators", () => {
    const older: Framework = {
      ...framework,
      version: "2025.2",
      changes: [],
      indicators: framework.indicators
        .filter((indicator) => indicator.id !== "reporting_rate")
        .map((indicator) => (indicator.id === "participants" ? { ...indicator, title: "People" } : indicator))
        .concat([
          {
            ...framework.indicators[0],
            id: "retired_indicator",
            title: "Retired",
          } as Framework["indicators"][number],
        ]),
    };
    const page = mainOf(frameworkPage(contentContext({ frameworks: [older, framework] })));
    expect(page).toContain("Changes from framework 2025.2 to 2026.2.");
    expect(page).toContain("<code>reporting_rate</code> Reporting rate: added");
    expect(page).toContain("<code>retired_indicator</code> Retired: removed");
    expect(page).toContain("<code>participants</code>: changed: title");
  });
});

describe("frameworkPage in French", () => {
  const context = contentContext({
    languages: ["en", "fr"],
    language: "fr",
    frameworks: [previous, framework],
  });
  const page = mainOf(frameworkPage(context));

  it("publishes 2026.2's changes, its targets and disclosure rule, and what changed field by field, all in French", () => {
    const text = textOf(page);
    expect(text).toContain("Nouvelles échelles, hub et pays, pour les indicateurs qui les mentionnent.");
    expect(text).toContain("Des cibles pour cinq indicateurs.");
    expect(text).toContain("Rien du tout n’est publié à l’échelle d’un pays pour un pays protégé");
    expect(text).toContain("au moins 50,0\u00a0% (échelle\u00a0: mouvement)");
    expect(text).toContain("deployed_per_editor_usd\u00a0: modifié\u00a0: définition et échelles");
    expect(text).toContain(
      "board_women_share\u00a0: modifié\u00a0: définition, cible, échelles et comptage des régions",
    );
    expect(text).not.toMatch(/\b(definition|scopes|region_by|target)\b(?!_)/);
  });
});
