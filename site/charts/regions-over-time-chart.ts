import { cellOf } from "../figures/cell.js";
import { movementValue } from "../figures/lookup.js";
import { regionRank } from "../figures/order.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import { buildChart, type ChartLayer, type ChartOf, describe } from "./chart.js";
import { indicatorOf } from "./indicator-of.js";
import { REGION_EMPHASIS, wrapText } from "./spec-parts.js";
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

const PANEL_LABEL_LENGTH = 22;

/**
 * Each region's figure over the years as small multiples: one panel per region, on one shared scale
 * from zero (shares from 0 to 100%); for a rate or an index the movement's figure is a dashed line in
 * every panel. Figures too close together to see on that scale are stated, with their range.
 */
export const regionsOverTimeChart: ChartOf<"regions-over-time"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const indicator = indicatorOf(definition, sources);
  const rank = regionRank(options.regions);
  const own = sources.rows
    .filter((row) => row.indicator === indicator.id && row.scope === "region")
    .sort((a, b) => rank(a.scope_id, b.scope_id) || a.year - b.year);
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined || years.length < 2) return null;
  const name = (region: string) => regionName(region, messages);
  const panelOf = (region: string) => wrapText(name(region), PANEL_LABEL_LENGTH).join("\n");
  const additive = isAmount(indicator.unit);
  const values = own.flatMap((row) => {
    const cell = cellOf(row);
    return cell.kind === "value"
      ? [
          {
            year: row.year,
            region: row.scope_id,
            panel: panelOf(row.scope_id),
            value: cell.value,
            label: formatNumber(cell.value, indicator.unit, messages),
            movement: additive ? null : movementValue(sources.rows, indicator.id, row.year),
          },
        ]
      : [];
  });
  if (values.length === 0) return null;
  const regions = [...new Set(values.map((v) => v.region))];
  const withheld = (kind: "suppressed" | "no-value") => {
    const byRegion = new Map<string, number[]>();
    for (const row of own) {
      if (cellOf(row).kind === kind)
        byRegion.set(row.scope_id, [...(byRegion.get(row.scope_id) ?? []), row.year]);
    }
    return [...byRegion].map(([region, ys]) => `${name(region)} (${ys.join(", ")})`);
  };
  const suppressed = withheld("suppressed");
  const noValue = withheld("no-value");
  const notes = [
    ...(suppressed.length > 0 ? [messages.chartSuppressed(options.k, suppressed)] : []),
    ...(noValue.length > 0 ? [messages.chartNoValue(noValue)] : []),
  ];
  const shown = values.map((v) => v.value);
  const range =
    !additive && isNarrowRange(shown)
      ? [
          messages.chartNarrowRangeRegions(
            formatNumber(Math.min(...shown), indicator.unit, messages),
            formatNumber(Math.max(...shown), indicator.unit, messages),
          ),
        ]
      : [];
  const title = messages.chartRegionsOverTimeTitle(first, last);
  const description = describe(
    messages.describeRegionsOverTimeChart(
      indicator.title,
      regions.map((region) =>
        messages.describeSeries(
          name(region),
          values
            .filter((v) => v.region === region)
            .map((v) => messages.describePoint(String(v.year), v.label)),
        ),
      ),
    ),
    [...notes, ...range],
    messages,
  );
  const y = {
    field: "value",
    type: "quantitative",
    title: null,
    scale: valueScale(indicator.unit),
    axis: { ...axisFormat(indicator.unit, messages.numberLocale), tickCount: 3 },
  } as const;
  const x = {
    field: "year",
    type: "ordinal",
    title: null,
    scale: { domain: years },
    axis: { labelAngle: 0 },
  } as const;
  const movementLine: ChartLayer[] = additive
    ? []
    : [
        {
          mark: { type: "line", color: REFERENCE_COLOUR, strokeDash: [4, 3], strokeWidth: 1.5 },
          encoding: { x, y: { ...y, field: "movement" } },
        },
      ];
  return buildChart({
    definition,
    messages,
    text: { title, description },
    summary: [
      indicator.unit === "share" ? messages.summaryRegionsOverTimeShare : messages.summaryRegionsOverTime,
      ...(additive ? [] : [messages.chartRegionsOverTimeMovement]),
      ...range,
    ],
    notes,
    values,
    table: {
      caption: `${indicator.title}${messages.colon}${title}`,
      columns: [
        { key: "region", label: messages.columnRegion },
        { key: "year", label: messages.columnYear },
        { key: "value", label: indicator.title, unit: indicator.unit },
        { key: "note", label: messages.columnNote },
      ],
      rows: own.map((row) => ({
        region: name(row.scope_id),
        region_id: row.scope_id,
        year: row.year,
        ...tableFigure(row, indicator.unit, messages),
      })),
    },
    evidence: {},
    followsRegion: true,
    view: {
      columns: 2,
      spacing: { row: 14, column: 18 },
      facet: {
        field: "panel",
        type: "nominal",
        title: null,
        sort: [...new Set(values.map((v) => v.panel))],
        header: {
          labelExpr: "split(datum.value, '\\n')",
          labelAnchor: "start",
          labelFontSize: 12,
          labelFontWeight: 600,
          labelColor: INK,
          labelPadding: 6,
        },
      },
      spec: {
        width: 130,
        height: 90,
        layer: [
          ...movementLine,
          {
            mark: { type: "line", color: SERIES_COLOUR, strokeWidth: 2, point: { size: 30, filled: true } },
            encoding: { x, y, opacity: REGION_EMPHASIS },
          },
        ],
      },
    },
  });
};
