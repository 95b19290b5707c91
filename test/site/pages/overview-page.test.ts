import { describe, expect, it } from "vitest";
import type { Framework } from "../../../functions/core/framework/framework.js";
import { overviewPage } from "../../../site/pages/overview-page.js";
import { framework } from "../fixtures/charts.js";
import { contentContext, mainOf } from "../fixtures/content.js";

describe("overviewPage", () => {
  it("leads with the latest figures, the change and a plain sentence for each", () => {
    const overview = mainOf(overviewPage(contentContext()));
    expect(overview).toContain("Headline figures for the whole movement in 2025");
    expect(overview).toMatch(/<p class="headline-value">\$47,900,000<\/p>/);
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

  it("reads each headline against its target when the Council sets one", () => {
    const withTargets: Framework = {
      ...framework,
      indicators: framework.indicators.map((indicator) =>
        indicator.id === "global_south_share"
          ? { ...indicator, target: { value: 0.5, comparison: ">=" } }
          : indicator.id === "funding_gini"
            ? { ...indicator, target: { value: 0.6, comparison: "<=" } }
            : indicator,
      ),
    };
    const overview = mainOf(overviewPage(contentContext({ framework: withTargets })));
    expect(overview).toContain(
      'Target: at least 50.0% · <strong class="target-missed">target not met</strong>',
    );
    expect(overview).toContain('Target: at most 0.600 · <strong class="target-met">target met</strong>');
  });

  it("says so when no figures have been published", () => {
    expect(mainOf(overviewPage(contentContext({ rows: [] })))).toContain(
      "No figures have been published yet.",
    );
  });
});
