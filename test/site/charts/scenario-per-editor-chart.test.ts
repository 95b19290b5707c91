import { describe, expect, it } from "vitest";
import { scenarioChartDefinitions } from "../../../site/charts/definitions.js";
import { checkSpec } from "../../../site/vega/validate-spec.js";
import { drawnChart, parameterOf, valuesOf } from "../fixtures/charts.js";

const [PER_EDITOR] = scenarioChartDefinitions("fixture-solidarity");
if (!PER_EDITOR) throw new Error("no per-editor chart");

describe("scenarioPerEditorChart", () => {
  it("draws each region's funds per editor twice, real then under the scenario, ranked by the scenario's figure", () => {
    const chart = drawnChart(PER_EDITOR);
    const y2025 = valuesOf(chart).filter((row) => row.year === 2025);
    expect(y2025.map((row) => [row.region, row.series, row.value, row.rank])).toEqual([
      ["North America", "Real", 2400.2, 2371.9],
      ["North America", "Under the scenario", 2371.9, 2371.9],
      ["Northern & Western Europe", "Real", 1116.67, 1081.3],
      ["Northern & Western Europe", "Under the scenario", 1081.3, 1081.3],
      ["Sub-Saharan Africa", "Real", 598.7, 655.2],
      ["Sub-Saharan Africa", "Under the scenario", 655.2, 655.2],
    ]);
    const bars = (chart.spec as { layer: { encoding: { y: { sort: unknown }; x: { scale: unknown } } }[] })
      .layer[0];
    expect(bars?.encoding.y.sort).toEqual({ field: "rank", op: "max", order: "descending" });
    expect(bars?.encoding.x.scale).toEqual({ zero: true });
  });

  it("draws the movement's figure, which a scenario does not change, as a dashed reference line", () => {
    const chart = drawnChart(PER_EDITOR);
    expect(
      new Set(
        valuesOf(chart)
          .filter((row) => row.year === 2025)
          .map((row) => row.movement),
      ),
    ).toEqual(new Set([640.1]));
    const rule = (chart.spec as { layer: { mark: { type: string; strokeDash?: number[] } }[] }).layer[1];
    expect(rule?.mark).toMatchObject({ type: "rule", strokeDash: [6, 4] });
  });

  it("leaves out a region without a figure and says why, follows the year filter from the latest year", () => {
    const chart = drawnChart(PER_EDITOR);
    expect(valuesOf(chart).some((row) => row.region === "South Asia")).toBe(false);
    expect(chart.description).toContain("Suppressed: fewer than 10 participants");
    expect(parameterOf(chart, "year")).toBe(2025);
    expect(Object.keys(chart.descriptions ?? {})).toEqual(["2024", "2025"]);
    expect(chart.descriptions?.["2024"]).toContain(
      "Funds deployed per active editor by region, 2024. North America: $2,310.90 real, $2,290.50 under the scenario;",
    );
  });

  it("gives the table the exact figures and their change, per region and year", () => {
    const chart = drawnChart(PER_EDITOR);
    expect(
      chart.table.rows.find((row) => row.year === 2025 && row.region_id === "Sub-Saharan Africa"),
    ).toEqual({
      year: 2025,
      region: "Sub-Saharan Africa",
      region_id: "Sub-Saharan Africa",
      baseline: 598.7,
      value: 655.2,
      change: 655.2 - 598.7,
    });
    expect(chart.table.columns.map((column) => column.unit ?? null)).toEqual([
      null,
      null,
      "usd_per_editor",
      "usd_per_editor",
      "usd_per_editor",
    ]);
  });

  it("is a valid Vega-Lite spec with no compiler warning, in every language", () => {
    for (const language of ["en", "es", "fr", "ar"] as const)
      expect(checkSpec(drawnChart(PER_EDITOR, undefined, language).spec).problems).toEqual([]);
    expect(drawnChart(PER_EDITOR, undefined, "fr").title).toBe(
      "Fonds déployés par contributeur actif par région, 2025",
    );
  });
});
