/**
 * Which charts the site draws, as data: each chart is a kind and what it draws (an indicator, the
 * series of several, a region); `site/charts/<kind>-chart.ts` works it out from the published figures.
 */
import type { Framework } from "../../functions/core/framework/framework.js";
import { slugOf } from "../web/paths.js";
import type { ChartDefinition, Series } from "./chart.js";

/** The charts every indicator gets, in order: the movement over the years, the regions in one year, the regions over the years. */
export const INDICATOR_CHART_KINDS = ["movement", "by-region", "regions-over-time"] as const;

/** Money raised against money deployed, in that order. */
const RAISED_AND_DEPLOYED = [
  { indicator: "raised_usd", label: "seriesRaised" },
  { indicator: "deployed_usd", label: "seriesDeployed" },
] as const satisfies readonly [Series, Series];

/** The charts of several indicators or of the dashboard data, by the lens page they are on. */
export const LENS_CHARTS: Readonly<Record<string, readonly ChartDefinition[]>> = {
  opportunities: [
    { kind: "lorenz", name: "funding.lorenz", indicator: "funding_gini" },
    {
      kind: "theil",
      name: "funding.theil",
      indicator: "funding_theil",
      parts: [
        { indicator: "funding_theil_between", label: "theilBetween" },
        { indicator: "funding_theil_within", label: "theilWithin" },
      ],
    },
  ],
  redistribution: [
    {
      kind: "raised-deployed",
      name: "money.raised-deployed",
      indicator: "raised_usd",
      series: RAISED_AND_DEPLOYED,
    },
    {
      kind: "net-transfer",
      name: "net_transfer_usd.diverging",
      indicator: "net_transfer_usd",
      replaces: "net_transfer_usd.by-region",
    },
    { kind: "reconciliation", name: "allocations.reconciliation", indicator: null },
  ],
  accountability: [{ kind: "reporting-grid", name: "reporting.grid", indicator: "reporting_rate" }],
};

/** The standard charts of one indicator (see {@link INDICATOR_CHART_KINDS}), named `<indicator>.<kind>`. */
export function indicatorChartDefinitions(indicator: string): ChartDefinition[] {
  return INDICATOR_CHART_KINDS.map((kind) => ({ kind, name: `${indicator}.${kind}`, indicator }));
}

/** The charts of a lens page: the standard charts of each of its indicators in the framework's order, and its own. */
export function lensChartDefinitions(
  framework: Framework,
  lens: string,
): { readonly standard: readonly ChartDefinition[]; readonly own: readonly ChartDefinition[] } {
  return {
    standard: framework.indicators
      .filter((indicator) => indicator.lens === lens)
      .flatMap((indicator) => indicatorChartDefinitions(indicator.id)),
    own: LENS_CHARTS[lens] ?? [],
  };
}

/** The charts of a region's page: its money over the years, and its shares beside the movement's. */
export function regionChartDefinitions(region: string): ChartDefinition[] {
  const slug = slugOf(region);
  return [
    {
      kind: "region-money",
      name: `region.${slug}.money`,
      indicator: null,
      region,
      series: RAISED_AND_DEPLOYED,
    },
    { kind: "region-shares", name: `region.${slug}.shares`, indicator: null, region },
  ];
}

/**
 * The charts of a scenario's page: funds per editor and net transfer by region, the Gini and the Theil index with
 * its parts, and the sensitivity of the pool and the Gini to the contribution rate, each real and under the scenario.
 */
export function scenarioChartDefinitions(scenario: string): ChartDefinition[] {
  return [
    {
      kind: "scenario-per-editor",
      name: `scenario.${scenario}.per-editor`,
      indicator: "deployed_per_editor_usd",
      scenario,
    },
    {
      kind: "scenario-net-transfer",
      name: `scenario.${scenario}.net-transfer`,
      indicator: "net_transfer_usd",
      scenario,
    },
    {
      kind: "scenario-inequality",
      name: `scenario.${scenario}.inequality`,
      indicator: "funding_gini",
      scenario,
    },
    {
      kind: "scenario-sensitivity",
      name: `scenario.${scenario}.sensitivity`,
      indicator: "funding_gini",
      scenario,
    },
  ];
}
