import { describe, expect, it } from "vitest";
import { chartSources, drawn, drawnChart, lensChart, parameterOf, valuesOf } from "../fixtures/charts.js";
import { FIXTURE_DASHBOARD } from "../fixtures/dashboard.js";
import { FIXTURE_ROWS } from "../fixtures/indicator-rows.js";

const LORENZ = lensChart("funding.lorenz");

describe("lorenzChart", () => {
  it("puts each year's Gini in its title and follows the year filter", () => {
    const chart = drawnChart(LORENZ);
    expect(chart.title).toBe("Funding per editor across countries, 2025: Gini 0.581");
    expect(chart.filters).toEqual(["year"]);
    const titles = parameterOf(chart, "titles") as Record<string, string>;
    expect(titles["2023"]).toBe("Funding per editor across countries, 2023: Gini 0.612");
    expect(valuesOf(chart)).toHaveLength(63);
  });

  it("says in words what the bottom half and the top tenth of editors received", () => {
    const chart = drawnChart(LORENZ);
    // y = x^2.2: the bottom half gets 0.5^2.2 = 21.8%; the top tenth gets 1 − 0.9^2.2 = 20.7%.
    expect(chart.descriptions?.["2025"]).toContain("received 21.8% of deployed funds");
    expect(chart.descriptions?.["2025"]).toContain("best-funded countries received 20.7%");
  });

  it("is not drawn when no year has a curve", () => {
    expect(drawn(LORENZ, chartSources(FIXTURE_ROWS, { ...FIXTURE_DASHBOARD, lorenz: [] }))).toBeNull();
  });
});
