import { cellOf } from "../figures/cell.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import { buildChart, type ChartOf, describe, perYear } from "./chart.js";
import { axisName, multilineAxis, REGION_EMPHASIS } from "./spec-parts.js";
import { axisFormat, CONTRAST_COLOUR, INK, SERIES_COLOUR } from "./theme.js";

/**
 * Net transfers by region in the year the page shows, largest first: bars to the right of zero
 * receive, bars to the left give.
 */
export const netTransferChart: ChartOf<"net-transfer"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const own = sources.rows.filter((row) => row.indicator === definition.indicator && row.scope === "region");
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const year = years.at(-1);
  if (year === undefined) return null;
  const values = own.flatMap((row) => {
    const cell = cellOf(row);
    if (cell.kind !== "value") return [];
    return [
      {
        year: row.year,
        region: row.scope_id,
        name: axisName(regionName(row.scope_id, messages)),
        value: cell.value,
        direction: cell.value >= 0 ? messages.netReceives : messages.netGives,
        label: formatNumber(cell.value, "usd", messages),
        labelAlign: cell.value >= 0 ? "left" : "right",
      },
    ];
  });
  if (values.length === 0) return null;
  const titles = perYear(years, (y) => messages.chartNetTransferTitle(y));
  const descriptions = perYear(years, (y) =>
    describe(
      messages.describeNetTransfer(
        y,
        values
          .filter((v) => v.year === y)
          .sort((a, b) => b.value - a.value)
          .map((v) => messages.describePoint(regionName(v.region, messages), v.label)),
      ),
      [],
      messages,
    ),
  );
  return buildChart({
    definition,
    messages,
    text: { year, titles, descriptions },
    summary: [messages.summaryNetTransfer],
    notes: [messages.netTransferNote],
    values,
    table: {
      caption: titles[String(year)] ?? "",
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "region", label: messages.columnRegion },
        { key: "value", label: messages.axisNetTransfer, unit: "usd" },
        { key: "direction", label: messages.columnDirection },
      ],
      rows: values.map(({ year: y, region, value, direction }) => ({
        year: y,
        region: regionName(region, messages),
        region_id: region,
        value,
        direction,
      })),
    },
    evidence: { year },
    followsRegion: true,
    view: {
      width: 280,
      height: { step: 34 },
      transform: [{ filter: "datum.year === year" }],
      layer: [
        {
          mark: { type: "bar", height: { band: 0.7 } },
          encoding: {
            y: {
              field: "name",
              type: "nominal",
              title: null,
              sort: "-x",
              axis: multilineAxis(210),
            },
            x: {
              field: "value",
              type: "quantitative",
              title: messages.axisNetTransfer,
              axis: axisFormat("usd", messages.numberLocale),
            },
            color: {
              field: "direction",
              type: "nominal",
              title: null,
              scale: {
                domain: [messages.netReceives, messages.netGives],
                range: [SERIES_COLOUR, CONTRAST_COLOUR],
              },
            },
            opacity: REGION_EMPHASIS,
          },
        },
        { mark: { type: "rule", color: INK }, encoding: { x: { datum: 0, type: "quantitative" } } },
      ],
    },
  });
};
