import { cellOf } from "../figures/cell.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { buildChart, type ChartLayer, type ChartOf, describe } from "./chart.js";
import { indicatorOf } from "./indicator-of.js";
import { tableFigure } from "./table.js";
import { axisFormat, INK, isAmount, REFERENCE_COLOUR, SERIES_COLOUR, zeroBased } from "./theme.js";

const CHART_WIDTH = 440;

/** The movement's figure for each year, as bars (amounts) or a line (rates and indices), labelled. */
export const movementChart: ChartOf<"movement"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const indicator = indicatorOf(definition, sources);
  const own = sources.rows
    .filter((row) => row.indicator === indicator.id && row.scope === "movement")
    .sort((a, b) => a.year - b.year);
  const label = (value: number) => formatNumber(value, indicator.unit, messages);
  const values = own.flatMap((row) => {
    const cell = cellOf(row);
    return cell.kind === "value" ? [{ year: row.year, value: cell.value, label: label(cell.value) }] : [];
  });
  const first = own[0];
  const last = own.at(-1);
  if (values.length === 0 || !first || !last) return null;
  const years = own.map((row) => row.year);
  const yearsWhere = (kind: "suppressed" | "no-value") =>
    own.filter((row) => cellOf(row).kind === kind).map((row) => String(row.year));
  const suppressed = yearsWhere("suppressed");
  const noValue = yearsWhere("no-value");
  const notes = [
    ...(suppressed.length > 0 ? [messages.chartSuppressed(options.k, suppressed)] : []),
    ...(noValue.length > 0 ? [messages.chartNoValue(noValue)] : []),
  ];
  const title = messages.chartMovementTitle(first.year, last.year);
  const description = describe(
    messages.describeMovementChart(
      indicator.title,
      values.map((v) => messages.describePoint(String(v.year), v.label)),
    ),
    notes,
    messages,
  );
  const x = {
    field: "year",
    type: "ordinal",
    title: null,
    scale: { domain: years },
    axis: { labelAngle: 0 },
  } as const;
  const y = {
    field: "value",
    type: "quantitative",
    title: messages.units[indicator.unit],
    scale: { zero: zeroBased(indicator.unit) },
    axis: { ...axisFormat(indicator.unit), tickCount: 5 },
  } as const;
  const marks: ChartLayer = isAmount(indicator.unit)
    ? { mark: { type: "bar", color: SERIES_COLOUR, width: { band: 0.6 } }, encoding: { x, y } }
    : {
        mark: { type: "line", color: SERIES_COLOUR, strokeWidth: 2.5, point: { size: 60, filled: true } },
        encoding: { x, y },
      };
  const target: ChartLayer[] = indicator.target
    ? [
        {
          data: { values: [{ target: indicator.target.value }] },
          mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { y: { field: "target", type: "quantitative" } },
        },
      ]
    : [];
  return buildChart({
    definition,
    text: { title, description },
    notes,
    values,
    table: {
      caption: `${indicator.title}: ${title}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "value", label: indicator.title, unit: indicator.unit },
        { key: "note", label: messages.columnNote },
      ],
      rows: own.map((row) => ({ year: row.year, ...tableFigure(row, indicator.unit, messages) })),
    },
    evidence: { year: last.year },
    view: {
      width: CHART_WIDTH,
      height: 220,
      layer: [
        marks,
        ...target,
        {
          mark: { type: "text", dy: -10, fontSize: 12, fontWeight: 600, color: INK, baseline: "bottom" },
          encoding: { x, y, text: { field: "label", type: "nominal" } },
        },
      ],
    },
  });
};
