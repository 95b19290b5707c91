import { describe, expect, it } from "vitest";
import { type IndicatorDefinition, loadFramework } from "../../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../../functions/core/indicators/indicator-row.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import {
  axisFormat,
  byRegionChart,
  type Chart,
  chartValues,
  indicatorCharts,
  lensCharts,
  movementChart,
  OKABE_ITO,
  regionsOverTimeChart,
} from "../../../site/charts/indicator-charts.js";
import { renderSvg } from "../../../site/vega/render-svg.js";
import { checkSpec, SpecValidationError, validateSpec } from "../../../site/vega/validate-spec.js";
import { FIXTURE_K, FIXTURE_ROWS, indicatorRow } from "../fixtures/indicator-rows.js";

const framework = loadFramework();
const regions = bundledCountryTable().regions;
const options = { k: FIXTURE_K, regions };
const MENA = "Middle East & North Africa";

function indicator(id: string): IndicatorDefinition {
  const found = framework.indicators.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

function dataOf(chart: Chart | null): Record<string, unknown>[] {
  return chart ? chartValues(chart.spec) : [];
}

function allCharts(rows: readonly IndicatorRow[]): Chart[] {
  return framework.lenses.flatMap((lens) => lensCharts(framework, lens.id, rows, options));
}

/** Every indicator at every scope it declares, with suppressed and empty figures mixed in. */
function everyIndicatorRows(): IndicatorRow[] {
  return framework.indicators.flatMap((definition, i) =>
    [2024, 2025].flatMap((year) => [
      ...(definition.scopes.includes("movement")
        ? [indicatorRow(definition.id, year, "movement", "movement", 0.3 + i / 100)]
        : []),
      ...(definition.scopes.includes("region")
        ? regions.map((region, r) =>
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

describe("generated Vega-Lite specs", () => {
  it("pass the official schema and compile without a single warning", () => {
    const charts = [...allCharts(FIXTURE_ROWS), ...allCharts(everyIndicatorRows())];
    expect(charts.length).toBeGreaterThan(50);
    const findings = charts.flatMap((chart) =>
      checkSpec(chart.spec).problems.map((p) => `${chart.name}: ${p}`),
    );
    expect(findings).toEqual([]);
  });

  it("draws every kind of chart for every unit", () => {
    const charts = allCharts(everyIndicatorRows());
    const units = new Set(framework.indicators.map((definition) => definition.unit));
    for (const unit of units) {
      const ofUnit = charts.filter((chart) => indicator(chart.indicator ?? "").unit === unit);
      expect(ofUnit.length, unit).toBeGreaterThan(0);
    }
    expect(new Set(charts.map((chart) => chart.kind))).toEqual(
      new Set(["movement", "by-region", "regions-over-time"]),
    );
  });

  it("gives every chart a unique, file-safe name", () => {
    const names = allCharts(FIXTURE_ROWS).map((chart) => chart.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_]+\.[a-z-]+$/);
  });

  it("inlines only the rows a chart needs", () => {
    const chart = movementChart(indicator("deployed_usd"), FIXTURE_ROWS, options);
    expect(dataOf(chart)).toEqual([
      { year: 2023, value: 41_200_000, label: "$41.2M" },
      { year: 2024, value: 44_800_000, label: "$44.8M" },
      { year: 2025, value: 47_900_000, label: "$47.9M" },
    ]);
  });
});

describe("suppressed and empty figures", () => {
  const participants = indicator("participants");

  it("leave no row in the chart data, so they can never be drawn as 0", () => {
    const charts = indicatorCharts(participants, FIXTURE_ROWS, options);
    expect(charts.map((chart) => chart.kind)).toEqual(["movement", "by-region", "regions-over-time"]);
    const overTime = dataOf(charts.find((chart) => chart.kind === "regions-over-time") ?? null);
    expect(overTime.filter((row) => row.region === MENA)).toEqual([
      { year: 2025, region: MENA, panel: "Middle East & North\nAfrica", value: 12, label: "12" },
    ]);
    for (const chart of charts.filter((c) => c.kind !== "by-region")) {
      for (const row of dataOf(chart)) expect(row.value).not.toBeNull();
    }
    const byRegion = dataOf(charts.find((chart) => chart.kind === "by-region") ?? null);
    expect(byRegion.filter((row) => row.region === MENA)).toEqual([
      { year: 2023, region: MENA, value: null, label: "suppressed", labelAt: 0 },
      { year: 2024, region: MENA, value: null, label: "suppressed", labelAt: 0 },
      { year: 2025, region: MENA, value: 12, label: "12", labelAt: 12 },
    ]);
  });

  it("are named in the chart's subtitle and text description", () => {
    const chart = regionsOverTimeChart(participants, FIXTURE_ROWS, options);
    const title = chart?.spec.title as { subtitle: string[] };
    expect(title.subtitle.join(" ")).toBe(
      "Suppressed (fewer than 10 participants): Middle East & North Africa (2023, 2024)",
    );
    expect(chart?.description).toContain(
      "Suppressed (fewer than 10 participants): Middle East & North Africa",
    );
  });

  it("keep their row in the by-region chart, with the word instead of a bar, in every year", () => {
    const rows = [
      indicatorRow("newcomer_share", 2025, "region", "South Asia", 0.41),
      indicatorRow("newcomer_share", 2025, "region", MENA, "suppressed"),
      indicatorRow("newcomer_share", 2025, "region", "North America", null),
      indicatorRow("newcomer_share", 2024, "region", "Sub-Saharan Africa", 0.3),
    ];
    const chart = byRegionChart(indicator("newcomer_share"), rows, options);
    const in2025 = dataOf(chart).filter((row) => row.year === 2025);
    expect(in2025).toEqual([
      { year: 2025, region: MENA, value: null, label: "suppressed", labelAt: 0 },
      { year: 2025, region: "North America", value: null, label: "no value", labelAt: 0 },
      { year: 2025, region: "South Asia", value: 0.41, label: "41.0%", labelAt: 0.41 },
      { year: 2025, region: "Sub-Saharan Africa", value: null, label: "no data", labelAt: 0 },
    ]);
    expect((chart?.spec.title as { subtitle: string[] } | undefined)?.subtitle).toEqual([
      "Suppressed: fewer than 10 participants in the region that year",
    ]);
    expect(chart?.descriptions?.["2025"]).toContain("South Asia: 41.0%");
    expect(chart?.descriptions?.["2025"]).toContain(`${MENA}: suppressed`);
    expect(chart?.descriptions?.["2024"]).toContain("Sub-Saharan Africa: 30.0%");
  });

  it("follow the year filter: the chart starts at the latest year with a figure, and titles every year", () => {
    const chart = byRegionChart(indicator("newcomer_share"), FIXTURE_ROWS, options);
    expect(chart?.filters).toEqual(["year", "region"]);
    const params = (chart?.spec as { params?: { name: string; value: unknown }[] } | undefined)?.params ?? [];
    expect(params.find((p) => p.name === "year")?.value).toBe(2025);
    expect(params.find((p) => p.name === "titles")?.value).toEqual({
      "2023": "By region, 2023",
      "2024": "By region, 2024",
      "2025": "By region, 2025",
    });
  });

  it("make no chart at all when nothing is left to draw", () => {
    const rows = [indicatorRow("participants", 2025, "movement", "movement", "suppressed")];
    expect(movementChart(participants, rows, options)).toBeNull();
  });
});

describe("chart style", () => {
  it("draws data only in colours from the Okabe–Ito palette", () => {
    const specs = allCharts(FIXTURE_ROWS).map((chart) => chart.spec);
    const colours: unknown[] = [];
    JSON.stringify(specs, (key, value) => {
      if (key === "mark" && (value?.type === "bar" || value?.type === "line")) colours.push(value.color);
      return value;
    });
    expect(colours.length).toBeGreaterThan(0);
    for (const colour of colours) expect(OKABE_ITO).toContain(colour);
    expect(JSON.stringify(specs)).not.toMatch(/scheme|tableau/);
  });

  it("formats axes per unit", () => {
    expect(axisFormat("usd")).toEqual({ labelExpr: "replace(format(datum.value, '$.2~s'), 'G', 'B')" });
    expect(axisFormat("share")).toEqual({ format: ".0%" });
    expect(axisFormat("index")).toEqual({ format: ".3f" });
  });

  it("draws amounts as bars and rates as lines", () => {
    const bar = movementChart(indicator("deployed_usd"), FIXTURE_ROWS, options)?.spec;
    const line = movementChart(indicator("global_south_share"), FIXTURE_ROWS, options)?.spec;
    expect(JSON.stringify(bar)).toContain('"type":"bar"');
    expect(JSON.stringify(line)).toContain('"type":"line"');
  });
});

describe("validateSpec", () => {
  it("rejects a spec the schema refuses", () => {
    expect(() => validateSpec("bad", { mark: "bars", data: { values: [] } } as never)).toThrow(
      SpecValidationError,
    );
  });

  it("rejects a spec that compiles only with a warning", () => {
    const spec = {
      data: { values: [{ a: 1, b: "x" }] },
      mark: "bar",
      encoding: { x: { field: "a", type: "quantitative" }, shape: { field: "b", type: "nominal" } },
    } as const;
    expect(checkSpec(spec).problems.some((problem) => problem.startsWith("compile warning"))).toBe(true);
    expect(() => validateSpec("warns", spec)).toThrow(/compile warning/);
  });
});

describe("renderSvg", () => {
  it("renders a labelled, escaped SVG without a browser", async () => {
    const hostile = "<script>alert(1)</script>";
    const chart = byRegionChart(
      indicator("deployed_usd"),
      [indicatorRow("deployed_usd", 2025, "region", hostile, 1_000_000)],
      options,
    );
    if (!chart) throw new Error("no chart");
    const svg = await renderSvg(validateSpec(chart.name, chart.spec), {
      id: "chart-test",
      title: `Title ${hostile}`,
      description: chart.description,
    });
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart" width="\d+" height="\d+"/,
    );
    expect(svg).toContain('role="img" aria-labelledby="chart-test-title" aria-describedby="chart-test-desc"');
    expect(svg).toContain('<title id="chart-test-title">Title &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;</text>");
    expect(svg).not.toContain("<script");
    expect(svg).not.toMatch(/style=/);
  });
});
