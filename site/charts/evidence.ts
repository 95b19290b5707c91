/**
 * The reports behind each mark of a chart: every row a chart draws, and every row of its data table,
 * gets the link to the evidence of its scope instance and year, worked out from the row's fields as
 * every chart kind names them (`year`, `hub_id`, and the region's own name in `region_id`, or in
 * `region` where the row does not show it translated; `indicator_id` on a region's shares) and from
 * the chart's definition. The browser follows a mark's link when the reader clicks it; the data table
 * links each figure.
 */
import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import { basisOf, evidenceKey, movementEvidence } from "../figures/evidence.js";
import { type EvidenceFilter, evidenceHref } from "../web/paths.js";
import type { Chart, ChartDefinition } from "./chart.js";
import { CHART_DATASET, chartValues } from "./spec-parts.js";
import type { CellValue } from "./table.js";

/** The field of a chart's rows that holds the link to the reports behind the mark. */
export const EVIDENCE_FIELD = "evidence";

type Row = Readonly<Record<string, unknown>>;

/** The evidence behind one row of a chart: a hub's reports, a region's (by lines or seat), or the movement's. */
export function rowEvidence(
  row: Row,
  definition: ChartDefinition,
  indicators: readonly IndicatorDefinition[],
  chartYear: number | undefined,
): EvidenceFilter {
  const year = typeof row.year === "number" ? row.year : chartYear;
  const at = (filter: EvidenceFilter): EvidenceFilter => (year === undefined ? filter : { ...filter, year });
  if (typeof row.hub_id === "string") return at({ hub: row.hub_id });
  const indicatorOf = (match: (indicator: IndicatorDefinition) => boolean) => indicators.find(match);
  if (definition.kind === "region-money") return at({ behind: evidenceKey("lines", definition.region) });
  if (definition.kind === "region-shares") {
    const indicator = indicatorOf((candidate) => candidate.id === row.indicator_id);
    return row.region_id === definition.region && indicator
      ? at({ behind: evidenceKey(basisOf(indicator, "region"), definition.region) })
      : at({ behind: movementEvidence().behind });
  }
  const region = typeof row.region_id === "string" ? row.region_id : row.region;
  if (typeof region === "string") {
    const indicator = indicatorOf((candidate) => candidate.id === definition.indicator);
    return at({ behind: evidenceKey(indicator ? basisOf(indicator, "region") : "lines", region) });
  }
  return at({ behind: movementEvidence().behind });
}

/**
 * The chart with the link to its reports on every row it draws (field {@link EVIDENCE_FIELD}) and on
 * every row of its data table; when all its figures belong to one scope instance (the movement's charts, a
 * region's money), the chart's own evidence link names it too.
 */
export function withEvidence(
  chart: Chart,
  definition: ChartDefinition,
  indicators: readonly IndicatorDefinition[],
): Chart {
  const link = (row: Row) => rowEvidence(row, definition, indicators, chart.evidence.year);
  const values = chartValues(chart.spec).map((row) => ({
    ...row,
    [EVIDENCE_FIELD]: evidenceHref(link(row)),
  }));
  const spec = {
    ...chart.spec,
    datasets: { ...(chart.spec as { datasets?: object }).datasets, [CHART_DATASET]: values },
  } as Chart["spec"];
  const table = {
    ...chart.table,
    evidence: chart.table.rows.map((row: Readonly<Record<string, CellValue>>) => link(row)),
  };
  const instances = new Set(table.evidence.map((filter) => filter.behind));
  const [only] = instances;
  const evidence =
    instances.size === 1 && only !== undefined ? { ...chart.evidence, behind: only } : chart.evidence;
  return { ...chart, spec, table, evidence };
}
