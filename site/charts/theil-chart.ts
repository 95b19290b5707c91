import { movementValue } from "../figures/lookup.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { buildChart, type ChartOf, describe } from "./chart.js";
import { axisFormat, OKABE_ITO, SERIES_COLOUR } from "./theme.js";

/** An index of each year (the Theil index), stacked from its parts (between and within regions). */
export const theilChart: ChartOf<"theil"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const total = definition.indicator;
  const years = [
    ...new Set(sources.rows.filter((row) => row.indicator === total).map((row) => row.year)),
  ].sort((a, b) => a - b);
  const parts = definition.parts.map((part) => ({ key: part.indicator, label: messages[part.label] }));
  const index = (indicator: string, year: number) =>
    formatNumber(movementValue(sources.rows, indicator, year) ?? Number.NaN, "index", messages);
  const values = years.flatMap((year) =>
    parts.flatMap((part, order) => {
      const value = movementValue(sources.rows, part.key, year);
      return value === null
        ? []
        : [{ year, part: part.label, order, value, label: formatNumber(value, "index", messages) }];
    }),
  );
  const first = years[0];
  const last = years.at(-1);
  if (values.length === 0 || first === undefined || last === undefined) return null;
  const [between, within] = definition.parts;
  const title = messages.chartTheilTitle(first, last);
  const description = describe(
    messages.describeTheil(
      years.map((year) =>
        messages.describeTheilYear(
          year,
          index(total, year),
          index(between.indicator, year),
          index(within.indicator, year),
        ),
      ),
    ),
    [],
    messages,
  );
  const totalTitle = sources.indicators.find((candidate) => candidate.id === total)?.title ?? total;
  return buildChart({
    definition,
    messages,
    text: { title, description },
    summary: [messages.summaryTheil],
    values,
    table: {
      caption: `${totalTitle}${messages.colon}${title}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "part", label: messages.columnPart },
        { key: "value", label: messages.units.index, unit: "index" },
      ],
      rows: values.map(({ year, part, value }) => ({ year, part, value })),
    },
    evidence: { year: last },
    view: {
      width: 360,
      height: 220,
      mark: { type: "bar", width: { band: 0.6 } },
      encoding: {
        x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
        y: {
          field: "value",
          type: "quantitative",
          title: messages.units.index,
          stack: "zero",
          axis: axisFormat("index", messages.numberLocale),
        },
        color: {
          field: "part",
          type: "nominal",
          title: null,
          sort: parts.map((part) => part.label),
          scale: { domain: parts.map((part) => part.label), range: [SERIES_COLOUR, OKABE_ITO[1]] },
        },
        order: { field: "order", type: "quantitative" },
      },
    },
  });
};
