import { cellOf } from "../figures/cell.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { buildChart, type ChartLayer, type ChartOf, describe } from "./chart.js";
import { indicatorOf } from "./indicator-of.js";
import { tableFigure } from "./table.js";
import {
  axisFormat,
  INK,
  isAmount,
  isNarrowRange,
  REFERENCE_COLOUR,
  SERIES_COLOUR,
  valueScale,
} from "./theme.js";

const CHART_WIDTH = 360;
/** Room right of the plot for the line's end label, which therefore never sits on a line. */
const END_LABEL_OFFSET = 10;

/**
 * The movement's figure for each year: amounts as bars from zero, labelled above each bar; rates
 * and indices as a line on an axis from zero (shares from 0 to 100%), labelled once, right of its
 * last point and outside the plot. The target, where the Council set one, is a dashed line named
 * in the subtitle. An index whose figures lie too close together to see on that axis says so, with
 * its range, beside the chart — the axis is never zoomed to make a small change look large.
 */
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
  const lastShown = values.at(-1);
  if (!lastShown || !first || !last) return null;
  const years = own.map((row) => row.year);
  const yearsWhere = (kind: "suppressed" | "no-value") =>
    own.filter((row) => cellOf(row).kind === kind).map((row) => String(row.year));
  const suppressed = yearsWhere("suppressed");
  const noValue = yearsWhere("no-value");
  const target = indicator.target;
  const targetText = target
    ? messages.target(target.comparison, formatNumber(target.value, indicator.unit, messages))
    : null;
  const notes = [
    ...(suppressed.length > 0 ? [messages.chartSuppressed(options.k, suppressed)] : []),
    ...(noValue.length > 0 ? [messages.chartNoValue(noValue)] : []),
    ...(targetText ? [messages.chartTargetNote(targetText)] : []),
  ];
  const bars = isAmount(indicator.unit);
  const shown = values.map((v) => v.value);
  const range =
    !bars && isNarrowRange(shown)
      ? [
          messages.chartNarrowRange(
            label(Math.min(...shown)),
            label(Math.max(...shown)),
            values[0]?.year ?? first.year,
            lastShown.year,
          ),
        ]
      : [];
  const title = messages.chartMovementTitle(first.year, last.year);
  const description = describe(
    messages.describeMovementChart(
      indicator.title,
      values.map((v) => messages.describePoint(String(v.year), v.label)),
    ),
    [...notes, ...range],
    messages,
  );
  const summary = [
    bars
      ? messages.summaryMovementBars
      : indicator.unit === "share"
        ? messages.summaryMovementShareLine
        : messages.summaryMovementLine,
    ...range,
  ];
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
    scale: valueScale(indicator.unit),
    axis: { ...axisFormat(indicator.unit, messages.numberLocale), tickCount: 5, grid: !bars },
  } as const;
  const targetLayer: ChartLayer[] = target
    ? [
        {
          data: { values: [{ target: target.value }] },
          mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { y: { field: "target", type: "quantitative" } },
        },
      ]
    : [];
  const layers: ChartLayer[] = bars
    ? [
        { mark: { type: "bar", color: SERIES_COLOUR, width: { band: 0.6 } }, encoding: { x, y } },
        ...targetLayer,
        ...(target
          ? []
          : [
              {
                mark: {
                  type: "text",
                  dy: -6,
                  fontSize: 12,
                  fontWeight: 600,
                  color: INK,
                  baseline: "bottom",
                },
                encoding: { x, y, text: { field: "label", type: "nominal" } },
              } as ChartLayer,
            ]),
      ]
    : [
        {
          mark: { type: "line", color: SERIES_COLOUR, strokeWidth: 2.5, point: { size: 60, filled: true } },
          encoding: { x, y },
        },
        ...targetLayer,
        {
          transform: [{ filter: `datum.year === ${lastShown.year}` }],
          mark: {
            type: "text",
            align: "left",
            baseline: "middle",
            fontSize: 12,
            fontWeight: 600,
            color: INK,
          },
          encoding: {
            x: { value: CHART_WIDTH + END_LABEL_OFFSET },
            y,
            text: { field: "label", type: "nominal" },
          },
        },
      ];
  return buildChart({
    definition,
    messages,
    text: { title, description },
    summary,
    notes,
    values,
    table: {
      caption: `${indicator.title}${messages.colon}${title}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "value", label: indicator.title, unit: indicator.unit },
        { key: "note", label: messages.columnNote },
      ],
      rows: own.map((row) => ({ year: row.year, ...tableFigure(row, indicator.unit, messages) })),
    },
    evidence: { year: last.year },
    view: { width: CHART_WIDTH, height: 220, layer: layers },
  });
};
