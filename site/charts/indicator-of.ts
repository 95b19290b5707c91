import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import type { ChartSources } from "./chart.js";

/** The definition of the indicator a chart draws; a chart of an indicator the framework lacks is a mistake. */
export function indicatorOf(
  definition: { readonly name: string; readonly indicator: string },
  sources: ChartSources,
): IndicatorDefinition {
  const indicator = sources.indicators.find((candidate) => candidate.id === definition.indicator);
  if (!indicator)
    throw new Error(
      `chart ${definition.name} draws ${definition.indicator}, which the framework does not define`,
    );
  return indicator;
}
