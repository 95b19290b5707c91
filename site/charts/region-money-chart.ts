import { regionValue } from "../figures/lookup.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import { buildChart, type ChartOf, describe } from "./chart.js";
import { axisFormat, OKABE_ITO, SERIES_COLOUR } from "./theme.js";

/** One region's money over the years: what it raised against what was deployed in it (the definition's two series). */
export const regionMoneyChart: ChartOf<"region-money"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const { region } = definition;
  const name = regionName(region, messages);
  const series = definition.series.map((s) => ({ key: s.indicator, label: messages[s.label] }));
  const years = [
    ...new Set(
      sources.rows
        .filter(
          (row) =>
            row.scope === "region" && row.scope_id === region && series.some((s) => s.key === row.indicator),
        )
        .map((row) => row.year),
    ),
  ].sort((a, b) => a - b);
  const values = years.flatMap((year) =>
    series.flatMap((s) => {
      const value = regionValue(sources.rows, s.key, region, year);
      return value === null
        ? []
        : [{ year, series: s.label, value, label: formatNumber(value, "usd", messages) }];
    }),
  );
  const first = years[0];
  const last = years.at(-1);
  if (values.length === 0 || first === undefined || last === undefined) return null;
  const labelOf = (year: number, label: string) =>
    values.find((v) => v.year === year && v.series === label)?.label ?? messages.noData;
  const [raised, deployed] = series.map((s) => s.label) as [string, string];
  const title = messages.chartRegionMoneyTitle(first, last);
  const description = describe(
    messages.describeRegionMoney(
      name,
      years.map((year) =>
        messages.describeRaisedDeployedRegion(String(year), labelOf(year, raised), labelOf(year, deployed)),
      ),
    ),
    [],
    messages,
  );
  return buildChart({
    definition,
    messages,
    text: { title, description },
    summary: [messages.summaryRegionMoney],
    values,
    table: {
      caption: `${name}${messages.colon}${title}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "series", label: messages.columnSeries },
        { key: "value", label: messages.units.usd, unit: "usd" },
      ],
      rows: values.map(({ year, series: s, value }) => ({ year, series: s, value })),
    },
    evidence: { year: last, region },
    view: {
      width: { step: 28 },
      height: 200,
      mark: { type: "bar" },
      encoding: {
        x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
        xOffset: { field: "series", type: "nominal", sort: series.map((s) => s.label) },
        y: {
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
      },
    },
  });
};
