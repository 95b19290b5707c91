import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../../site/charts/chart.js";
import { regionChartDefinitions } from "../../../site/charts/definitions.js";
import { drawn, drawnChart } from "../fixtures/charts.js";

const shares = (region: string) => regionChartDefinitions(region)[1] as ChartDefinition;

describe("regionSharesChart", () => {
  it("sets a region's shares beside the movement's, naming suppressed ones", () => {
    const chart = drawnChart(shares("Middle East & North Africa"));
    expect(chart.title).toBe("Shares against the movement, 2025");
    expect(chart.description).toContain("Newcomer share 50.0% (movement 35.1%)");
  });

  it("draws nothing for a region without figures", () => {
    expect(drawn(shares("Atlantis"))).toBeNull();
  });
});
