import { cellOf } from "../figures/cell.js";
import { regionRank } from "../figures/order.js";
import { en } from "../i18n/en.js";
import { formatCell } from "../i18n/format.js";
import { buildChart, type ChartOf, describe, perYear } from "./chart.js";
import { indicatorOf } from "./indicator-of.js";
import { REGION_EMPHASIS } from "./spec-parts.js";
import { axisFormat, INK, SERIES_COLOUR } from "./theme.js";

/**
 * Each region's figure in one year, as labelled horizontal bars; the year follows the page's year
 * filter (the latest year by default) and the picked region stands out. A region whose figure is
 * withheld keeps its row, with the word for why instead of a bar.
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
  const values = years.flatMap((y) =>
    regions.map((region) => {
      const cell = cellOf(find(region, y));
      return {
        year: y,
        region,
        value: cell.kind === "value" ? cell.value : null,
        label: formatCell(cell, indicator.unit, messages),
        labelAt: cell.kind === "value" ? Math.max(cell.value, 0) : 0,
      };
    }),
  );
  const withheld = own.filter((row) => cellOf(row).kind === "suppressed").length > 0;
  const notes = withheld ? [messages.chartSuppressedReason(options.k)] : [];
  const titles = perYear(years, (y) => messages.chartByRegionTitle(y));
  const descriptions = perYear(years, (y) => {
    const points = values
      .filter((v) => v.year === y)
      .sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY))
      .map((v) => messages.describePoint(v.region, v.label));
    return describe(messages.describeByRegionChart(indicator.title, y, points), notes, messages);
  });
  const yEncoding = {
    field: "region",
    type: "nominal",
    title: null,
    sort: regions,
    axis: { labelLimit: 280, labelFontSize: 12, labelColor: INK },
  } as const;
  const x = {
    field: "value",
    type: "quantitative",
    title: messages.units[indicator.unit],
    scale: { zero: true },
    axis: { ...axisFormat(indicator.unit), tickCount: 5 },
  } as const;
  return buildChart({
    definition,
    text: { year, titles, descriptions },
    notes,
    values,
    table: {
      caption: `${indicator.title}: ${messages.chartByRegionTitle(year)}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "region", label: messages.columnRegion },
        { key: "value", label: indicator.title, unit: indicator.unit },
        { key: "note", label: messages.columnNote },
      ],
      rows: values.map((v) => ({
        year: v.year,
        region: v.region,
        value: v.value,
        note: v.value === null ? v.label : "",
      })),
    },
    evidence: { year },
    followsRegion: true,
    view: {
      width: 320,
      height: { step: 26 },
      transform: [{ filter: "datum.year === year" }],
      layer: [
        {
          mark: { type: "bar", color: SERIES_COLOUR, height: { band: 0.7 } },
          encoding: { x, y: yEncoding, opacity: REGION_EMPHASIS },
        },
        {
          mark: { type: "text", align: "left", dx: 5, fontSize: 12, color: INK },
          encoding: {
            y: yEncoding,
            x: { field: "labelAt", type: "quantitative" },
            text: { field: "label", type: "nominal" },
            opacity: REGION_EMPHASIS,
          },
        },
      ],
    },
  });
};
