import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../../site/charts/chart.js";
import { chartSources, drawn, drawnChart, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const movement = (indicator: string): ChartDefinition => ({
  kind: "movement",
  name: `${indicator}.movement`,
  indicator,
});

describe("movementChart", () => {
  it("inlines only the rows it needs, labelled", () => {
    expect(valuesOf(drawn(movement("deployed_usd")))).toEqual([
      { year: 2023, value: 41_200_000, label: "$41.2M" },
      { year: 2024, value: 44_800_000, label: "$44.8M" },
      { year: 2025, value: 47_900_000, label: "$47.9M" },
    ]);
  });

  it("draws amounts as bars and rates as lines", () => {
    expect(JSON.stringify(drawnChart(movement("deployed_usd")).spec)).toContain('"type":"bar"');
    expect(JSON.stringify(drawnChart(movement("global_south_share")).spec)).toContain('"type":"line"');
  });

  it("names the years it cannot show in its subtitle and description, and keeps them in its table", () => {
    const rows = [
      indicatorRow("participants", 2023, "movement", "movement", "suppressed"),
      indicatorRow("participants", 2024, "movement", "movement", null),
      indicatorRow("participants", 2025, "movement", "movement", 160),
    ];
    const chart = drawnChart(movement("participants"), chartSources(rows));
    expect(valuesOf(chart)).toEqual([{ year: 2025, value: 160, label: "160" }]);
    expect((chart.spec.title as { subtitle: string[] }).subtitle).toEqual([
      "Suppressed (fewer than 10 participants): 2023",
      "No value (denominator was zero): 2024",
    ]);
    expect(chart.description).toContain("Suppressed (fewer than 10 participants): 2023.");
    expect(chart.table.rows).toEqual([
      { year: 2023, value: null, note: "suppressed" },
      { year: 2024, value: null, note: "no value" },
      { year: 2025, value: 160, note: "" },
    ]);
    expect(chart.evidence).toEqual({ year: 2025 });
  });

  it("makes no chart at all when nothing is left to draw", () => {
    const rows = [indicatorRow("participants", 2025, "movement", "movement", "suppressed")];
    expect(drawn(movement("participants"), chartSources(rows))).toBeNull();
  });
});
