import { describe, expect, it } from "vitest";
import type { Framework } from "../../../functions/core/framework/framework.js";
import { overviewPage } from "../../../site/pages/overview-page.js";
import { framework } from "../fixtures/charts.js";
import { contentContext, mainOf } from "../fixtures/content.js";

describe("overviewPage", () => {
  it("leads with the latest figures, the change and a plain sentence for each", () => {
    const overview = mainOf(overviewPage(contentContext()));
    expect(overview).toContain("Headline figures for the whole movement in 2025");
    expect(overview).toContain(
      '<p class="headline-value"><a class="figure-link" href="evidence.html?year=2025&amp;behind=movement%3Amovement#year-2025">$47,900,000</a></p>',
    );
    expect(overview).toContain("up 6.9% from 2024</p>");
    expect(overview).toContain('up 1.6 pp from 2024 <span class="reading reading-better">(better)</span>');
    expect(overview).toContain('down 0.017 from 2024 <span class="reading reading-better">(better)</span>');
    expect(overview).toContain(
      '<p class="headline-sentence">41.2% of deployed funds reached the Global South in 2025, up from 39.6% in 2024.</p>',
    );
    expect(overview).toContain(
      '<p class="headline-sentence">The movement deployed $47,900,000 in 2025, up from $44,800,000 in 2024.</p>',
    );
    expect(overview).toContain("Target: no target set");
  });

  it("reads each of the five targeted headlines against its target, met or not, with the gap in words", () => {
    const overview = mainOf(overviewPage(contentContext()));
    const targets = [...overview.matchAll(/<p class="headline-target">(.*?)<\/p>/g)].map((match) =>
      (match[1] ?? "").replace(/<[^>]+>/g, ""),
    );
    expect(targets.filter((text) => text !== "Target: no target set")).toEqual([
      "Target: at least 50.0% · target not met: 8.8 pp below the target",
      "Target: at least 50.0% · target not met: 23.2 pp below the target",
      "Target: at least 40.0% · target met: 1.0 pp above the target",
      "Target: at least 40.0% · target not met: 9.1 pp below the target",
      "Target: at least 90.0% · target not met: 4.0 pp below the target",
    ]);
    expect(overview).toContain('<strong class="target-met">target met</strong>: 1.0 pp above the target');
  });

  it("reads a figure on its target as met, and a lower-is-better target from below", () => {
    const withTargets: Framework = {
      ...framework,
      indicators: framework.indicators.map((indicator) =>
        indicator.id === "global_south_share"
          ? { ...indicator, target: { value: 0.412, comparison: ">=", scopes: ["movement"] } }
          : indicator.id === "funding_gini"
            ? { ...indicator, target: { value: 0.6, comparison: "<=", scopes: ["movement"] } }
            : indicator,
      ),
    };
    const overview = mainOf(overviewPage(contentContext({ framework: withTargets })));
    expect(overview).toContain(
      'Target: at least 41.2% · <strong class="target-met">target met</strong>: exactly on the target',
    );
    expect(overview).toContain(
      'Target: at most 0.600 · <strong class="target-met">target met</strong>: 0.019 below the target',
    );
  });

  it("says which scopes outcome figures are suppressed at, and that protected countries and hubs seated there are left out", () => {
    expect(mainOf(overviewPage(contentContext()))).toContain(
      "outcome figures for a region, a hub, or a country with fewer than 10 participants are suppressed, and nothing is published for a country on the protection list or for a hub seated in one.",
    );
  });

  it("says so when no figures have been published", () => {
    expect(mainOf(overviewPage(contentContext({ rows: [] })))).toContain(
      "No figures have been published yet.",
    );
  });
});
