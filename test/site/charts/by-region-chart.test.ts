import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../../site/charts/chart.js";
import { chartSources, drawnChart, parameterOf, valuesOf } from "../fixtures/charts.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const MENA = "Middle East & North Africa";
const byRegion = (indicator: string): ChartDefinition => ({
  kind: "by-region",
  name: `${indicator}.by-region`,
  indicator,
});

describe("byRegionChart", () => {
  it("sorts the regions by their figure in the year shown, withheld ones last, with the movement as a dashed reference line", () => {
    const chart = drawnChart(byRegion("newcomer_share"));
    const spec = JSON.stringify(chart.spec);
    expect(spec).toContain('"sort":{"field":"rank","op":"max","order":"descending"}');
    expect(spec).toContain('{"calculate":"isValid(datum.value) ? datum.value : -1e+300","as":"rank"}');
    expect(spec).toContain('"strokeDash":[6,4]');
    const in2025 = valuesOf(chart).filter((row) => row.year === 2025);
    expect(in2025.filter((row) => row.reference)).toHaveLength(1);
    expect(in2025.every((row) => row.movement === 0.351)).toBe(true);
    const shown = in2025.filter((row) => row.value !== null).map((row) => row.value as number);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(chart.summary).toBe(
      "Each bar is a region's figure in the year shown, largest first, from zero; the dashed line is the whole movement.",
    );
    expect(chart.descriptions?.["2025"]).toContain("Movement: 35.1%.");
  });

  it("gives an amount, which the regions add up to, the movement's total in its title rather than a line that would flatten every bar", () => {
    const chart = drawnChart(byRegion("deployed_usd"));
    expect(JSON.stringify(chart.spec)).not.toContain('"type":"rule"');
    expect(chart.title).toBe("By region, 2025 (movement: $47,900,000)");
    expect(chart.summary).toContain("together they make the movement's total");
  });

  it("writes every figure in a column right of the plot, where no label sits on a bar end or on the reference line", () => {
    const spec = drawnChart(byRegion("newcomer_share")).spec as unknown as {
      width: number;
      layer: { mark: { type: string }; encoding: { x: { value?: number } } }[];
    };
    const text = spec.layer.find((layer) => layer.mark.type === "text");
    expect(text?.encoding.x.value).toBeGreaterThan(spec.width);
  });

  it("names the regions in the page's language, keeping the English name for the region filter", () => {
    const chart = drawnChart(byRegion("newcomer_share"), undefined, "ar");
    const row = valuesOf(chart).find((value) => value.region === "South Asia");
    expect(row?.name).toBe("جنوب آسيا");
    expect(chart.table.rows.some((value) => value.region === "جنوب آسيا")).toBe(true);
  });

  it("keeps a withheld region's row in every year, with the word instead of a bar", () => {
    const rows = [
      indicatorRow("newcomer_share", 2025, "region", "South Asia", 0.41),
      indicatorRow("newcomer_share", 2025, "region", MENA, "suppressed"),
      indicatorRow("newcomer_share", 2025, "region", "North America", null),
      indicatorRow("newcomer_share", 2024, "region", "Sub-Saharan Africa", 0.3),
    ];
    const chart = drawnChart(byRegion("newcomer_share"), chartSources(rows));
    const row = (region: string, name: string, value: number | null, label: string, reference = false) => ({
      year: 2025,
      region,
      name,
      value,
      label,
      movement: null,
      reference,
    });
    expect(valuesOf(chart).filter((value) => value.year === 2025)).toEqual([
      row("South Asia", "South Asia", 0.41, "41.0%"),
      row(MENA, "Middle East & North Africa", null, "suppressed"),
      row("North America", "North America", null, "no value"),
      row("Sub-Saharan Africa", "Sub-Saharan Africa", null, "no data"),
    ]);
    expect((chart.spec.title as { subtitle: string[] }).subtitle).toEqual([
      "Suppressed: fewer than 10 participants in the region that year",
    ]);
    expect(chart.descriptions?.["2025"]).toContain("South Asia: 41.0%");
    expect(chart.descriptions?.["2025"]).toContain(`${MENA}: suppressed`);
    expect(chart.descriptions?.["2024"]).toContain("Sub-Saharan Africa: 30.0%");
  });

  it("follows the year and region filters, starting at the latest year with a figure and titling every year", () => {
    const chart = drawnChart(byRegion("newcomer_share"));
    expect(chart.filters).toEqual(["year", "region"]);
    expect(parameterOf(chart, "year")).toBe(2025);
    expect(parameterOf(chart, "region")).toBe("");
    expect(parameterOf(chart, "titles")).toEqual({
      "2023": "By region, 2023 (movement: 31.2%)",
      "2024": "By region, 2024 (movement: 33.4%)",
      "2025": "By region, 2025 (movement: 35.1%)",
    });
    expect(chart.title).toBe("By region, 2025 (movement: 35.1%)");
    expect(chart.description).toBe(chart.descriptions?.["2025"]);
  });
});
