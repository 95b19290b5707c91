import { cellOf } from "../figures/cell.js";
import { movementValue } from "../figures/lookup.js";
import { regionRank } from "../figures/order.js";
import { en } from "../i18n/en.js";
import { formatCell, formatNumber } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import { buildChart, type ChartLayer, type ChartOf, describe, perYear } from "./chart.js";
import { indicatorOf } from "./indicator-of.js";
import { axisName, multilineAxis, REGION_EMPHASIS } from "./spec-parts.js";
import { axisFormat, INK, isAmount, REFERENCE_COLOUR, SERIES_COLOUR, valueScale } from "./theme.js";

const PLOT_WIDTH = 240;
/** Where the column of figures starts, right of the plot: no figure ever sits on a bar end or a line. */
const FIGURES_AT = PLOT_WIDTH + 10;
/** Withheld figures sort after every figure shown. */
const LAST = -1e300;

/**
 * Each region's figure in one year as horizontal bars from zero, largest first, with the figure
 * (or the word for why there is none) in a column right of the plot. For a rate or an index the
 * movement's figure that year is a dashed reference line; for an amount, which the regions add up
 * to, the movement's total is in the title instead (a line at the total would flatten every bar).
 * The year follows the page's year filter (the latest year with a figure by default), and the
 * picked region stands out.
 */
export const byRegionChart: ChartOf<"by-region"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const indicator = indicatorOf(definition, sources);
  const own = sources.rows.filter((row) => row.indicator === indicator.id && row.scope === "region");
  if (!own.some((row) => cellOf(row).kind === "value")) return null;
  const rank = regionRank(options.regions);
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const regions = [...new Set(own.map((row) => row.scope_id))].sort(rank);
  const year = Math.max(...own.filter((row) => cellOf(row).kind === "value").map((row) => row.year));
  const find = (region: string, y: number) => own.find((row) => row.scope_id === region && row.year === y);
  const additive = isAmount(indicator.unit);
  const movement = (y: number) => movementValue(sources.rows, indicator.id, y);
  const values = years.flatMap((y) =>
    regions
      .map((region) => {
        const cell = cellOf(find(region, y));
        return {
          year: y,
          region,
          name: axisName(regionName(region, messages)),
          value: cell.kind === "value" ? cell.value : null,
          label: formatCell(cell, indicator.unit, messages),
          movement: additive ? null : movement(y),
        };
      })
      .sort((a, b) => (b.value ?? LAST) - (a.value ?? LAST))
      .map((row, i) => ({ ...row, reference: i === 0 && row.movement !== null })),
  );
  const withheld = own.filter((row) => cellOf(row).kind === "suppressed").length > 0;
  const notes = withheld ? [messages.chartSuppressedReason(options.k)] : [];
  const titles = perYear(years, (y) => {
    const figure = movement(y);
    return figure === null
      ? messages.chartByRegionTitle(y)
      : messages.chartByRegionMovementTitle(y, formatNumber(figure, indicator.unit, messages));
  });
  const descriptions = perYear(years, (y) => {
    const points = values
      .filter((v) => v.year === y)
      .map((v) => messages.describePoint(regionName(v.region, messages), v.label));
    const figure = movement(y);
    const whole =
      figure === null
        ? []
        : [messages.describePoint(messages.scopes.movement, formatNumber(figure, indicator.unit, messages))];
    return describe(
      messages.describeByRegionChart(indicator.title, y, points),
      [...notes, ...whole],
      messages,
    );
  });
  const yEncoding = {
    field: "name",
    type: "nominal",
    title: null,
    sort: { field: "rank", op: "max", order: "descending" },
    axis: { ...multilineAxis(210), labelFontSize: 12, labelColor: INK },
  } as const;
  const x = {
    field: "value",
    type: "quantitative",
    title: messages.units[indicator.unit],
    scale: valueScale(indicator.unit),
    axis: { ...axisFormat(indicator.unit, messages.numberLocale), tickCount: 5 },
  } as const;
  const reference: ChartLayer[] = additive
    ? []
    : [
        {
          transform: [{ filter: "datum.reference" }],
          mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { x: { field: "movement", type: "quantitative" } },
        },
      ];
  return buildChart({
    definition,
    messages,
    text: { year, titles, descriptions },
    summary: [additive ? messages.summaryByRegionAmount : messages.summaryByRegion],
    notes,
    values,
    table: {
      caption: `${indicator.title}${messages.colon}${messages.chartByRegionTitle(year)}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "region", label: messages.columnRegion },
        { key: "value", label: indicator.title, unit: indicator.unit },
        { key: "note", label: messages.columnNote },
      ],
      rows: values.map((v) => ({
        year: v.year,
        region: regionName(v.region, messages),
        region_id: v.region,
        value: v.value,
        note: v.value === null ? v.label : "",
      })),
    },
    evidence: { year },
    followsRegion: true,
    view: {
      width: PLOT_WIDTH,
      height: { step: 34 },
      transform: [
        { filter: "datum.year === year" },
        { calculate: `isValid(datum.value) ? datum.value : ${LAST}`, as: "rank" },
      ],
      layer: [
        {
          mark: { type: "bar", color: SERIES_COLOUR, height: { band: 0.7 } },
          encoding: { x, y: yEncoding, opacity: REGION_EMPHASIS },
        },
        ...reference,
        {
          mark: { type: "text", align: "left", baseline: "middle", fontSize: 12, color: INK },
          encoding: {
            y: yEncoding,
            x: { value: FIGURES_AT },
            text: { field: "label", type: "nominal" },
            opacity: REGION_EMPHASIS,
          },
        },
      ],
    },
  });
};
