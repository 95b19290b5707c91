import { byRegionChart } from "./by-region-chart.js";
import type { Chart, ChartDefinition, ChartKind, ChartOf, ChartOptions, ChartSources } from "./chart.js";
import { withEvidence } from "./evidence.js";
import { lorenzChart } from "./lorenz-chart.js";
import { movementChart } from "./movement-chart.js";
import { netTransferChart } from "./net-transfer-chart.js";
import { raisedDeployedChart } from "./raised-deployed-chart.js";
import { reconciliationChart } from "./reconciliation-chart.js";
import { regionMoneyChart } from "./region-money-chart.js";
import { regionSharesChart } from "./region-shares-chart.js";
import { regionsOverTimeChart } from "./regions-over-time-chart.js";
import { reportingGridChart } from "./reporting-grid-chart.js";
import { theilChart } from "./theil-chart.js";

/** Each kind of chart and the function that works it out. */
export const CHART_KINDS: { readonly [K in ChartKind]: ChartOf<K> } = {
  movement: movementChart,
  "by-region": byRegionChart,
  "regions-over-time": regionsOverTimeChart,
  lorenz: lorenzChart,
  theil: theilChart,
  "raised-deployed": raisedDeployedChart,
  "net-transfer": netTransferChart,
  reconciliation: reconciliationChart,
  "reporting-grid": reportingGridChart,
  "region-money": regionMoneyChart,
  "region-shares": regionSharesChart,
};

/**
 * The chart a definition describes, worked out from the published figures, each of its marks and table
 * rows linked to the reports behind it; null when it would show nothing.
 */
export function chartFor(
  definition: ChartDefinition,
  sources: ChartSources,
  options: ChartOptions,
): Chart | null {
  const chartOf = CHART_KINDS[definition.kind] as ChartOf<ChartKind>;
  const chart = chartOf(definition, sources, options);
  return chart && withEvidence(chart, definition, sources.indicators);
}
