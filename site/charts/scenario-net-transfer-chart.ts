import type { ChartOf } from "./chart.js";
import { regionsBeforeAfter } from "./scenario-regions.js";
import { INK } from "./theme.js";

/**
 * A scenario's net transfers by region (deployed minus raised), real and under the scenario, in the year the page
 * shows: bars either side of the zero line, the regions that receive most under the scenario first.
 */
export const scenarioNetTransferChart: ChartOf<"scenario-net-transfer"> = (definition, sources, options) =>
  regionsBeforeAfter(definition, sources, options, {
    title: (messages, year) => messages.chartScenarioNetTitle(year),
    summary: (messages) => messages.summaryScenarioNet,
    layers: () => [
      { mark: { type: "rule", color: INK }, encoding: { x: { datum: 0, type: "quantitative" } } },
    ],
  });
