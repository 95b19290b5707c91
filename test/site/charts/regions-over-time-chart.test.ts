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
      {
        year: 2025,
        region: MENA,
        panel: "Middle East & North\nAfrica",
        value: 12,
        label: "12",
        movement: null,
      },
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

  it("puts every panel on one scale from zero, and shares from 0 to 100% with the movement as a dashed line", () => {
    const share = JSON.stringify(drawnChart(overTime("newcomer_share")).spec);
    expect(share).toContain('"scale":{"domain":[0,1]}');
    expect(share).toContain('"field":"movement"');
    expect(drawnChart(overTime("newcomer_share")).summary).toBe(
      "One panel per region, all on the same scale from 0 to 100%: the region's share year by year. The dashed line in each panel is the whole movement.",
    );
    const count = drawnChart(overTime("participants"));
    expect(JSON.stringify(count.spec)).toContain('"scale":{"zero":true}');
    expect(JSON.stringify(count.spec)).not.toContain('"field":"movement"');
  });

  it("states the range of figures that lie too close together to see on an axis from zero", () => {
    const rows = ["South Asia", "North America"].flatMap((region, r) =>
      [2024, 2025].map((year) =>
        indicatorRow("language_diversity", year, "region", region, 3.83 + r * 0.02 + (year - 2024) * 0.01),
      ),
    );
    const chart = drawnChart(overTime("language_diversity"), chartSources(rows));
    expect(chart.summary).toContain(
      "Every figure lies between 3.83 and 3.86; the axes start at zero, so differences this small hardly show.",
    );
    expect(chart.description).toContain("Every figure lies between 3.83 and 3.86");
  });

  it("needs two years to draw a trend", () => {
    const rows = [indicatorRow("participants", 2025, "region", "South Asia", 120)];
    expect(drawn(overTime("participants"), chartSources(rows))).toBeNull();
  });
});
