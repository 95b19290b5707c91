import { regionValue } from "../figures/lookup.js";
import { regionRank } from "../figures/order.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import { buildChart, type ChartOf, describe, perYear } from "./chart.js";
import { axisName, multilineAxis, REGION_EMPHASIS } from "./spec-parts.js";
import { axisFormat, OKABE_ITO, SERIES_COLOUR } from "./theme.js";

/**
 * Raised against deployed (the definition's two series) for each region in the year the page shows,
 * as paired bars from zero, regions in order of the larger of the two.
 */
export const raisedDeployedChart: ChartOf<"raised-deployed"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const rank = regionRank(options.regions);
  const series = definition.series.map((s) => ({ key: s.indicator, label: messages[s.label] }));
  const own = sources.rows.filter(
    (row) => row.scope === "region" && series.some((s) => s.key === row.indicator),
  );
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const regions = [...new Set(own.map((row) => row.scope_id))].sort(rank);
  const year = years.at(-1);
  if (year === undefined) return null;
  const values = years.flatMap((y) =>
    regions.flatMap((region) =>
      series.flatMap((s) => {
        const value = regionValue(sources.rows, s.key, region, y);
        return value === null
          ? []
          : [
              {
                year: y,
                region,
                name: axisName(regionName(region, messages)),
                series: s.label,
                value,
                label: formatNumber(value, "usd", messages),
              },
            ];
      }),
    ),
  );
  const labelOf = (y: number, region: string, label: string) =>
    values.find((v) => v.year === y && v.region === region && v.series === label)?.label ?? messages.noData;
  const [raised, deployed] = series.map((s) => s.label) as [string, string];
  const titles = perYear(years, (y) => messages.chartRaisedDeployedTitle(y));
  const descriptions = perYear(years, (y) =>
    describe(
      messages.describeRaisedDeployed(
        y,
        regions.map((region) =>
          messages.describeRaisedDeployedRegion(
            regionName(region, messages),
            labelOf(y, region, raised),
            labelOf(y, region, deployed),
          ),
        ),
      ),
      [],
      messages,
    ),
  );
  return buildChart({
    definition,
    messages,
    text: { year, titles, descriptions },
    summary: [messages.summaryRaisedDeployed],
    values,
    table: {
      caption: titles[String(year)] ?? "",
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "region", label: messages.columnRegion },
        { key: "series", label: messages.columnSeries },
        { key: "value", label: messages.units.usd, unit: "usd" },
      ],
      rows: values.map(({ year: y, region, series: s, value }) => ({
        year: y,
        region: regionName(region, messages),
        region_id: region,
        series: s,
        value,
      })),
    },
    evidence: { year },
    followsRegion: true,
    view: {
      width: 260,
      height: { step: 18 },
      transform: [{ filter: "datum.year === year" }],
      mark: { type: "bar" },
      encoding: {
        y: {
          field: "name",
          type: "nominal",
          title: null,
          sort: { field: "value", op: "max", order: "descending" },
          axis: multilineAxis(210),
        },
        yOffset: { field: "series", type: "nominal", sort: series.map((s) => s.label) },
        x: {
          field: "value",
          type: "quantitative",
          title: messages.units.usd,
          axis: axisFormat("usd", messages.numberLocale),
        },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          scale: { domain: series.map((s) => s.label), range: [OKABE_ITO[1], SERIES_COLOUR] },
        },
        opacity: REGION_EMPHASIS,
      },
    },
  });
};
