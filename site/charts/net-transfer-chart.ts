import { cellOf } from "../figures/cell.js";
import { regionRank } from "../figures/order.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { buildChart, type ChartOf, describe, perYear } from "./chart.js";
import { REGION_EMPHASIS } from "./spec-parts.js";
import { axisFormat, CONTRAST_COLOUR, INK, SERIES_COLOUR } from "./theme.js";

/** Net transfers by region in the year the page shows: bars to the right receive, bars to the left give. */
export const netTransferChart: ChartOf<"net-transfer"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const rank = regionRank(options.regions);
  const own = sources.rows.filter((row) => row.indicator === definition.indicator && row.scope === "region");
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const regions = [...new Set(own.map((row) => row.scope_id))].sort(rank);
  const year = years.at(-1);
  if (year === undefined) return null;
  const values = own.flatMap((row) => {
    const cell = cellOf(row);
    if (cell.kind !== "value") return [];
    return [
      {
        year: row.year,
        region: row.scope_id,
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
        values.filter((v) => v.year === y).map((v) => messages.describePoint(v.region, v.label)),
      ),
      [],
      messages,
    ),
  );
  return buildChart({
    definition,
    text: { year, titles, descriptions },
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
      rows: values.map(({ year: y, region, value, direction }) => ({ year: y, region, value, direction })),
    },
    evidence: { year },
    followsRegion: true,
    view: {
      width: 360,
      height: { step: 26 },
      transform: [{ filter: "datum.year === year" }],
      layer: [
        {
          mark: { type: "bar", height: { band: 0.7 } },
          encoding: {
            y: { field: "region", type: "nominal", title: null, sort: regions, axis: { labelLimit: 280 } },
            x: {
              field: "value",
              type: "quantitative",
              title: messages.axisNetTransfer,
              axis: axisFormat("usd"),
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
