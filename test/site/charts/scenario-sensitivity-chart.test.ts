import { describe, expect, it } from "vitest";
import { scenarioChartDefinitions } from "../../../site/charts/definitions.js";
import { checkSpec } from "../../../site/vega/validate-spec.js";
import { drawnChart, parameterOf, valuesOf } from "../fixtures/charts.js";

const definitionOf = (id: string) => {
  const found = scenarioChartDefinitions(id)[3];
  if (!found) throw new Error("no sensitivity chart");
  return found;
};

describe("scenarioSensitivityChart", () => {
  it("draws the precomputed pool and Gini at every rate from 0 to 20% for each year, the latest first shown", () => {
    const chart = drawnChart(definitionOf("fixture-solidarity"));
    const values = valuesOf(chart);
    expect(values).toHaveLength(42);
    expect(values.filter((row) => row.year === 2025).map((row) => row.rate)).toEqual(
      Array.from({ length: 21 }, (_, i) => i / 100),
    );
    expect(values.find((row) => row.year === 2025 && row.rate === 0.05)).toMatchObject({
      pool: 105_000,
      gini: 0.52 - 0.003,
      own: 0.05,
    });
    expect(parameterOf(chart, "year")).toBe(2025);
  });

  it("draws two panels from zero on one rate axis, with the scenario's own rate as a vertical line", () => {
    const chart = drawnChart(definitionOf("fixture-level-up"));
    const panels = (
      chart.spec as {
        vconcat: { layer: { encoding: Record<string, { field?: string; scale?: unknown }> }[] }[];
      }
    ).vconcat;
    expect(panels.map((panel) => panel.layer[0]?.encoding.y?.field)).toEqual(["pool", "gini"]);
    for (const panel of panels) {
      expect(panel.layer[0]?.encoding.y?.scale).toEqual({ zero: true });
      expect(panel.layer[0]?.encoding.x?.scale).toEqual({ domain: [0, 0.2] });
      expect(panel.layer[1]?.encoding.x?.field).toBe("own");
    }
    expect(chart.description).toContain("The vertical line marks the scenario's own rate, 10%.");
  });

  it("says so in words when the Gini moves too little to show on an axis from zero, and not otherwise", () => {
    const flat = drawnChart(definitionOf("fixture-solidarity"));
    expect(flat.description).toContain(
      "The Gini moves too little over these rates to show on an axis from zero",
    );
    expect(drawnChart(definitionOf("fixture-level-up")).description).not.toContain("moves too little");
  });

  it("reads every point out, and is a valid Vega-Lite spec with no compiler warning in every language", () => {
    const chart = drawnChart(definitionOf("fixture-level-up"));
    expect(chart.description).toContain(
      "Pool and funding Gini by contribution rate, 2025. At 0%, a pool of $430,000 and a Gini of 0.470; at 1%, a pool of $506,420",
    );
    for (const language of ["en", "es", "fr", "ar"] as const)
      expect(
        checkSpec(drawnChart(definitionOf("fixture-level-up"), undefined, language).spec).problems,
      ).toEqual([]);
  });
});
