import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../../site/charts/chart.js";
import { chartSources, drawn, drawnChart, framework, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const movement = (indicator: string): ChartDefinition => ({
  kind: "movement",
  name: `${indicator}.movement`,
  indicator,
});

describe("movementChart", () => {
  it("inlines only the rows it needs, labelled", () => {
    expect(valuesOf(drawn(movement("deployed_usd")))).toEqual([
      { year: 2023, value: 41_200_000, label: "$41,200,000" },
      { year: 2024, value: 44_800_000, label: "$44,800,000" },
      { year: 2025, value: 47_900_000, label: "$47,900,000" },
    ]);
  });

  it("starts every axis at zero and shares on 0-100%, never zooming to make a small change look large", () => {
    const scaleOf = (indicator: string) => JSON.stringify(drawnChart(movement(indicator)).spec);
    expect(scaleOf("deployed_usd")).toContain('"scale":{"zero":true}');
    expect(scaleOf("funding_gini")).toContain('"scale":{"zero":true}');
    expect(scaleOf("global_south_share")).toContain('"scale":{"domain":[0,1]}');
    expect(scaleOf("funding_gini")).not.toContain('"zero":false');
  });

  it("says in words, beside the chart, that an index barely moves rather than zooming into it", () => {
    const rows = [3.83, 3.85, 3.87].map((value, i) =>
      indicatorRow("language_diversity", 2023 + i, "movement", "movement", value),
    );
    const chart = drawnChart(movement("language_diversity"), chartSources(rows));
    expect(chart.summary).toBe(
      "The line joins the whole movement's figure year by year, on an axis that starts at zero. From 2023 to 2025 the figure stays between 3.83 and 3.87; the axis starts at zero, so a change this small hardly shows.",
    );
    expect(chart.description).toContain("the figure stays between 3.83 and 3.87");
    const wide = [0.3, 0.5, 0.6].map((value, i) =>
      indicatorRow("funding_gini", 2023 + i, "movement", "movement", value),
    );
    expect(drawnChart(movement("funding_gini"), chartSources(wide)).summary).not.toContain("stays between");
  });

  it("labels a line once, right of its last point and outside the plot, so no label sits on a line", () => {
    const spec = drawnChart(movement("global_south_share")).spec as unknown as {
      width: number;
      layer: { mark: { type: string }; transform?: unknown; encoding: { x: { value?: number } } }[];
    };
    const labels = spec.layer.filter((layer) => layer.mark.type === "text");
    expect(labels).toHaveLength(1);
    expect(labels[0]?.transform).toEqual([{ filter: "datum.year === 2025" }]);
    expect(labels[0]?.encoding.x.value).toBeGreaterThan(spec.width);
  });

  it("labels bars above them, with no gridline or target line for a label to sit on", () => {
    const spec = JSON.stringify(drawnChart(movement("deployed_usd")).spec);
    expect(spec).toContain('"grid":false');
    expect(spec).toContain('"type":"text"');
    expect(spec).not.toContain('"type":"rule"');
  });

  it("draws the target as a dashed line named in its subtitle", () => {
    const target = { value: 0.5, comparison: ">=" as const, scopes: ["movement" as const] };
    const indicators = framework.indicators.map((indicator) =>
      indicator.id === "global_south_share" ? { ...indicator, target } : indicator,
    );
    const chart = drawnChart(movement("global_south_share"), { ...chartSources(), indicators });
    expect((chart.spec.title as { subtitle: string[] }).subtitle).toEqual([
      "Dashed line: the target, at least 50.0%",
    ]);
    expect(JSON.stringify(chart.spec)).toContain('"strokeDash":[6,4]');
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
