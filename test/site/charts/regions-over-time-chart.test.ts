import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../../site/charts/chart.js";
import { chartSources, drawn, drawnChart, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const MENA = "Middle East & North Africa";
const overTime = (indicator: string): ChartDefinition => ({
  kind: "regions-over-time",
  name: `${indicator}.regions-over-time`,
  indicator,
});

describe("regionsOverTimeChart", () => {
  it("draws only the figures it has, one panel per region with its name wrapped", () => {
    const values = valuesOf(drawn(overTime("participants")));
    expect(values.filter((row) => row.region === MENA)).toEqual([
      { year: 2025, region: MENA, panel: "Middle East & North\nAfrica", value: 12, label: "12" },
    ]);
  });

  it("names suppressed figures in its subtitle and text description", () => {
    const chart = drawnChart(overTime("participants"));
    expect((chart.spec.title as { subtitle: string[] }).subtitle.join(" ")).toBe(
      "Suppressed (fewer than 10 participants): Middle East & North Africa (2023, 2024)",
    );
    expect(chart.description).toContain(
      "Suppressed (fewer than 10 participants): Middle East & North Africa",
    );
    expect(chart.filters).toEqual(["region"]);
  });

  it("needs two years to draw a trend", () => {
    const rows = [indicatorRow("participants", 2025, "region", "South Asia", 120)];
    expect(drawn(overTime("participants"), chartSources(rows))).toBeNull();
  });
});
