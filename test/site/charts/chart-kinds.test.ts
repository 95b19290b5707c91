import { describe, expect, it } from "vitest";
import type { IndicatorRow } from "../../../functions/core/indicators/indicator-row.js";
import type { Chart, ChartSources } from "../../../site/charts/chart.js";
import { CHART_KINDS } from "../../../site/charts/chart-kinds.js";
import { lensChartDefinitions, regionChartDefinitions } from "../../../site/charts/definitions.js";
import { REPORTING_COLOURS } from "../../../site/charts/reporting-grid-chart.js";
import { OKABE_ITO, REFERENCE_COLOUR } from "../../../site/charts/theme.js";
import { forTextDirection } from "../../../site/vega/text-direction.js";
import { checkSpec } from "../../../site/vega/validate-spec.js";
import { chartSources, countries, drawn, framework, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const MENA = "Middle East & North Africa";

/** Every chart the site would draw from `sources`: each lens page's and each region page's. */
function everyChart(sources: ChartSources = chartSources()): Chart[] {
  const definitions = [
    ...framework.lenses.flatMap((lens) => {
      const { standard, own } = lensChartDefinitions(framework, lens.id);
      return [...standard, ...own];
    }),
    ...countries.regions.flatMap(regionChartDefinitions),
  ];
  return definitions.flatMap((definition) => drawn(definition, sources) ?? []);
}

/** Every indicator at every scope it declares, with suppressed and empty figures mixed in. */
function everyIndicatorRows(): IndicatorRow[] {
  return framework.indicators.flatMap((definition, i) =>
    [2024, 2025].flatMap((year) => [
      ...(definition.scopes.includes("movement")
        ? [indicatorRow(definition.id, year, "movement", "movement", 0.3 + i / 100)]
        : []),
      ...(definition.scopes.includes("region")
        ? countries.regions.map((region, r) =>
            indicatorRow(
              definition.id,
              year,
              "region",
              region,
              r === 0 ? "suppressed" : r === 1 ? null : -0.2 + r / 10,
            ),
          )
        : []),
    ]),
  );
}

/** Every colour a spec sets on marks, scales and conditions. */
function coloursOf(spec: unknown): string[] {
  const colours: string[] = [];
  JSON.stringify(spec, (key, value) => {
    if ((key === "color" || key === "stroke" || key === "fill") && typeof value === "string")
      colours.push(value);
    if (key === "range" && Array.isArray(value))
      colours.push(...value.filter((v) => String(v).startsWith("#")));
    return value;
  });
  return colours;
}

/** Every unit view of a spec (a layer of a layered view, the inner spec of a facet), with its width. */
function unitViews(
  spec: Record<string, unknown>,
  width?: unknown,
): { view: Record<string, unknown>; width: unknown }[] {
  const own = spec.width ?? width;
  if (Array.isArray(spec.layer))
    return (spec.layer as Record<string, unknown>[]).flatMap((layer) => unitViews(layer, own));
  if (spec.spec) return unitViews(spec.spec as Record<string, unknown>, own);
  return [{ view: spec, width: own }];
}

/** The groups of layers drawn over each other (a layered view, or a single view). */
function layerGroups(spec: Record<string, unknown>): Record<string, unknown>[][] {
  if (spec.spec) return layerGroups(spec.spec as Record<string, unknown>);
  return [Array.isArray(spec.layer) ? (spec.layer as Record<string, unknown>[]) : [spec]];
}

const markOf = (view: Record<string, unknown>) =>
  typeof view.mark === "string" ? view.mark : (view.mark as { type: string } | undefined)?.type;

/** The fields a data table row keeps, beside its columns, for its evidence link: the hub's, region's and indicator's own ids. */
const LINK_KEYS = new Set(["hub_id", "region_id", "indicator_id"]);

describe("every chart the site draws", () => {
  it("starts every quantitative axis at zero, shares on 0-100%", () => {
    const charts = [...everyChart(), ...everyChart(chartSources(everyIndicatorRows()))];
    for (const chart of charts) {
      for (const { view } of unitViews(chart.spec as unknown as Record<string, unknown>)) {
        const encoding = (view.encoding ?? {}) as Record<
          string,
          { type?: string; scale?: { zero?: boolean; domain?: number[] } | null }
        >;
        for (const channel of ["x", "y"]) {
          const position = encoding[channel];
          if (position?.type !== "quantitative") continue;
          expect(position.scale?.zero, `${chart.name} ${channel}`).not.toBe(false);
          if (position.scale?.domain) expect(position.scale.domain[0], `${chart.name} ${channel}`).toBe(0);
        }
      }
    }
  });

  it("never sets a label on a line: text placed by the data shares its plot with no line, rule or gridline", () => {
    const charts = [...everyChart(), ...everyChart(chartSources(everyIndicatorRows()))];
    let checked = 0;
    for (const chart of charts) {
      for (const layers of layerGroups(chart.spec as unknown as Record<string, unknown>)) {
        const texts = layers.filter((layer) => markOf(layer) === "text");
        for (const text of texts) {
          const encoding = text.encoding as Record<string, { field?: string; value?: number }>;
          const inPlot = encoding.x?.field !== undefined && encoding.y?.field !== undefined;
          if (!inPlot) {
            const outside = encoding.x?.value ?? Number.POSITIVE_INFINITY;
            const width = (chart.spec as { width?: number }).width ?? 0;
            if (encoding.x?.value !== undefined) expect(outside, chart.name).toBeGreaterThan(width);
            continue;
          }
          if (chart.kind === "reporting-grid") continue;
          checked += 1;
          const lines = layers.filter((layer) =>
            ["line", "rule", "area", "trail"].includes(markOf(layer) ?? ""),
          );
          expect(lines.map(markOf), chart.name).toEqual([]);
          expect(JSON.stringify(layers), chart.name).toContain('"grid":false');
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("says in a sentence what it shows", () => {
    for (const chart of everyChart()) {
      expect(chart.summary.length, chart.name).toBeGreaterThan(40);
      expect(chart.summary, chart.name).toMatch(/\.$/);
    }
  });

  it("is of a kind the site knows, and every kind is drawn from the fixture", () => {
    expect(new Set(everyChart().map((chart) => chart.kind))).toEqual(new Set(Object.keys(CHART_KINDS)));
  });

  it("passes the official schema and compiles without a single warning, in both text directions", () => {
    const fixture = everyChart();
    const everyIndicator = everyChart(chartSources(everyIndicatorRows()));
    expect(fixture.length + everyIndicator.length).toBeGreaterThan(80);
    const findings = [
      ...[...fixture, ...everyIndicator].flatMap((chart) =>
        checkSpec(chart.spec).problems.map((p) => `${chart.name}: ${p}`),
      ),
      ...fixture.flatMap((chart) =>
        checkSpec(forTextDirection(chart.spec, "rtl")).problems.map((p) => `${chart.name} (rtl): ${p}`),
      ),
    ];
    expect(findings).toEqual([]);
  });

  it("draws every standard kind for every unit", () => {
    const charts = everyChart(chartSources(everyIndicatorRows()));
    for (const unit of new Set(framework.indicators.map((indicator) => indicator.unit))) {
      const kinds = new Set(
        charts
          .filter((chart) => framework.indicators.find((i) => i.id === chart.indicator)?.unit === unit)
          .map((chart) => chart.kind),
      );
      for (const kind of ["movement", "by-region", "regions-over-time"]) {
        const ofUnit = framework.indicators.some(
          (i) =>
            i.unit === unit &&
            (kind === "movement" ? i.scopes.includes("movement") : i.scopes.includes("region")),
        );
        if (ofUnit) expect(kinds, `${unit} ${kind}`).toContain(kind);
      }
    }
  });

  it("draws data only in Okabe–Ito colours, with neutral greys for references and missing reports", () => {
    const neutral = [REFERENCE_COLOUR, REPORTING_COLOURS.missing, "#ffffff", "#1f2933"];
    const charts = everyChart();
    for (const chart of charts) {
      for (const colour of coloursOf(chart.spec))
        expect([...OKABE_ITO, ...neutral], `${chart.name}: ${colour}`).toContain(colour);
    }
    expect(JSON.stringify(charts.map((chart) => chart.spec))).not.toMatch(/scheme|tableau/);
  });

  it("has a unique, file-safe name and a data table with a column per key (and the ids its links need)", () => {
    const charts = everyChart();
    expect(new Set(charts.map((chart) => chart.name)).size).toBe(charts.length);
    for (const chart of charts) {
      expect(chart.name).toMatch(/^[a-z0-9_.-]+$/);
      for (const row of chart.table.rows)
        expect(
          Object.keys(row)
            .filter((key) => !LINK_KEYS.has(key))
            .sort(),
        ).toEqual(chart.table.columns.map((column) => column.key).sort());
    }
  });

  it("never draws a suppressed or empty figure as a mark, so none can read as 0", () => {
    const participants = everyChart().filter((chart) => chart.indicator === "participants");
    expect(participants.map((chart) => chart.kind)).toEqual(["movement", "by-region", "regions-over-time"]);
    for (const chart of participants.filter((c) => c.kind !== "by-region")) {
      for (const row of valuesOf(chart)) expect(row.value).not.toBeNull();
    }
    const byRegion = valuesOf(participants.find((chart) => chart.kind === "by-region") ?? null);
    expect(
      byRegion.filter((row) => row.region === MENA).map(({ year, value, label }) => ({ year, value, label })),
    ).toEqual([
      { year: 2023, value: null, label: "suppressed" },
      { year: 2024, value: null, label: "suppressed" },
      { year: 2025, value: 12, label: "12" },
    ]);
  });
});
