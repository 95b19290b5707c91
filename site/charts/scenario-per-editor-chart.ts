import type { ChartOf } from "./chart.js";
import { regionsBeforeAfter } from "./scenario-regions.js";
import { REFERENCE_COLOUR } from "./theme.js";

/**
 * A scenario's funds deployed per active editor by region, real and under the scenario, in the year the page shows:
 * bars from zero, the regions with most per editor under the scenario first, and the whole movement's figure as a
 * dashed reference line (a scenario moves money within the movement, so that figure does not change).
 */
export const scenarioPerEditorChart: ChartOf<"scenario-per-editor"> = (definition, sources, options) => {
  const movement = (year: number) => {
    const figure = sources.scenarios
      .find((scenario) => scenario.entry.id === definition.scenario)
      ?.figures.find(
        (candidate) =>
          candidate.indicator === definition.indicator &&
          candidate.scope === "movement" &&
          candidate.year === year,
      );
    return figure?.value ?? null;
  };
  return regionsBeforeAfter(definition, sources, options, {
    title: (messages, year) => messages.chartScenarioPerEditorTitle(year),
    summary: (messages) => messages.summaryScenarioPerEditor,
    extra: (year) => ({ movement: movement(year) }),
    layers: () => [
      {
        transform: [{ filter: "isValid(datum.movement) && datum.order === 1" }],
        mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { x: { field: "movement", type: "quantitative", aggregate: "max" } },
      },
    ],
  });
};
