import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../../site/charts/chart.js";
import {
  INDICATOR_CHART_KINDS,
  indicatorChartDefinitions,
  LENS_CHARTS,
  lensChartDefinitions,
  regionChartDefinitions,
} from "../../../site/charts/definitions.js";
import { en } from "../../../site/i18n/en.js";
import { countries, framework } from "../fixtures/charts.js";

const indicatorIds = new Set(framework.indicators.map((indicator) => indicator.id));

/** Every indicator a definition names: its own and its series'. */
function indicatorsOf(definition: ChartDefinition): string[] {
  const series = "series" in definition ? definition.series : "parts" in definition ? definition.parts : [];
  return [definition.indicator, ...series.map((s) => s.indicator)].filter((id): id is string => id !== null);
}

describe("the chart definitions", () => {
  it("put each lens's own charts on a lens the framework has, naming only indicators it defines", () => {
    const lenses = new Set(framework.lenses.map((lens) => lens.id));
    for (const [lens, definitions] of Object.entries(LENS_CHARTS)) {
      expect(lenses, lens).toContain(lens);
      for (const definition of definitions) {
        for (const id of indicatorsOf(definition)) expect(indicatorIds, definition.name).toContain(id);
        if (definition.indicator !== null)
          expect(framework.indicators.find((i) => i.id === definition.indicator)?.lens, definition.name).toBe(
            lens,
          );
      }
    }
  });

  it("name series by catalogue texts", () => {
    for (const definition of Object.values(LENS_CHARTS).flat()) {
      const series =
        "series" in definition ? definition.series : "parts" in definition ? definition.parts : [];
      for (const s of series) expect(typeof en[s.label], `${definition.name} ${s.label}`).toBe("string");
    }
  });

  it("replace only standard charts of the same lens", () => {
    for (const lens of framework.lenses) {
      const { standard, own } = lensChartDefinitions(framework, lens.id);
      const names = standard.map((definition) => definition.name);
      for (const definition of own.filter((d) => d.replaces !== undefined))
        expect(names, definition.name).toContain(definition.replaces);
    }
  });

  it("give every indicator the standard charts, named after it, in the framework's order", () => {
    expect(indicatorChartDefinitions("participants")).toEqual(
      INDICATOR_CHART_KINDS.map((kind) => ({
        kind,
        name: `participants.${kind}`,
        indicator: "participants",
      })),
    );
    const outcomes = lensChartDefinitions(framework, "outcomes").standard.map(
      (definition) => definition.indicator,
    );
    const inLens = framework.indicators.filter((i) => i.lens === "outcomes").map((i) => i.id);
    expect([...new Set(outcomes)]).toEqual(inLens);
  });

  it("name every chart uniquely across the site, region charts after the region's slug", () => {
    const names = [
      ...framework.lenses.flatMap((lens) => {
        const { standard, own } = lensChartDefinitions(framework, lens.id);
        return [...standard, ...own].map((definition) => definition.name);
      }),
      ...countries.regions.flatMap((region) =>
        regionChartDefinitions(region).map((definition) => definition.name),
      ),
    ];
    expect(new Set(names).size).toBe(names.length);
    expect(regionChartDefinitions("Middle East & North Africa").map((definition) => definition.name)).toEqual(
      ["region.middle-east-and-north-africa.money", "region.middle-east-and-north-africa.shares"],
    );
  });
});
