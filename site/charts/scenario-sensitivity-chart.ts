import { scenarioById } from "../figures/scenarios.js";
import { en } from "../i18n/en.js";
import { formatNumber, numberFormat } from "../i18n/format.js";
import { buildChart, type ChartLayer, type ChartOf, describe, perYear } from "./chart.js";
import { axisFormat, isNarrowRange, REFERENCE_COLOUR, SERIES_COLOUR } from "./theme.js";

/** A sentence's first letter in upper case, as the language writes it (scripts without case are unchanged). */
function sentenceStart(text: string, lang: string): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

const RATE_FORMAT: Intl.NumberFormatOptions = { style: "percent", maximumFractionDigits: 1 };

/**
 * A scenario's sensitivity series in the year the page shows, precomputed at compute time: the pool and the funding
 * Gini (`indicator`) as the contribution rate on local revenue runs from 0 to 20%, the rest of the policy as it is;
 * two panels of lines from zero sharing the rate axis, with the scenario's own rate as a vertical line.
 */
export const scenarioSensitivityChart: ChartOf<"scenario-sensitivity"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const scenario = scenarioById(sources.scenarios, definition.scenario);
  const points = scenario.entry.sensitivity;
  const years = [...new Set(points.map((point) => point.year))].sort((a, b) => a - b);
  const year = years.at(-1);
  if (year === undefined) return null;
  const ownRate = scenario.entry.parameters.contribution.local_revenue_rate;
  const rate = (value: number) => numberFormat(messages.numberLocale, RATE_FORMAT).format(value);
  const values = points.map((point) => ({
    year: point.year,
    rate: point.local_revenue_rate,
    pool: point.pool_usd,
    gini: point.funding_gini,
    own: ownRate,
  }));
  const titles = perYear(years, (y) => messages.chartScenarioSensitivityTitle(y));
  const flat = years.some((y) =>
    isNarrowRange(
      points.flatMap((point) =>
        point.year === y && point.funding_gini !== null ? [point.funding_gini] : [],
      ),
    ),
  );
  const notes = [
    messages.sensitivityRateNote(rate(ownRate)),
    ...(flat ? [messages.sensitivityFlatNote] : []),
  ];
  const pointText = (point: (typeof points)[number]) =>
    messages.describeSensitivityPoint(
      rate(point.local_revenue_rate),
      formatNumber(point.pool_usd, "usd", messages),
      point.funding_gini === null ? messages.noValue : formatNumber(point.funding_gini, "index", messages),
    );
  const descriptions = perYear(years, (y) =>
    describe(
      messages.describeScenarioChart(
        titles[String(y)] ?? "",
        points
          .filter((point) => point.year === y)
          .map((point, i) => (i === 0 ? sentenceStart(pointText(point), messages.lang) : pointText(point))),
      ),
      notes,
      messages,
    ),
  );
  const x = {
    field: "rate",
    type: "quantitative" as const,
    title: messages.axisRate,
    scale: { domain: [0, 0.2] },
    axis: { format: ".0%", tickCount: 5 },
  };
  const panel = (field: "pool" | "gini", title: string, unit: "usd" | "index"): ChartLayer & object => ({
    width: 300,
    height: 130,
    transform: [{ filter: "datum.year === year" }],
    layer: [
      {
        mark: { type: "line", color: SERIES_COLOUR, point: { filled: true, size: 24, color: SERIES_COLOUR } },
        encoding: {
          x,
          y: {
            field,
            type: "quantitative",
            title,
            scale: { zero: true },
            axis: { ...axisFormat(unit, messages.numberLocale), tickCount: 4 },
          },
        },
      },
      {
        transform: [{ filter: "datum.rate === 0" }],
        mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { x: { field: "own", type: "quantitative" } },
      },
    ],
  });
  return buildChart({
    definition,
    messages,
    text: { year, titles, descriptions },
    summary: [messages.summaryScenarioSensitivity],
    notes,
    values,
    table: {
      caption: `${scenario.entry.title}${messages.colon}${titles[String(year)] ?? ""}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "rate", label: messages.axisRate, unit: "share" },
        { key: "pool", label: messages.columnPool, unit: "usd" },
        { key: "gini", label: messages.measureGini, unit: "index" },
      ],
      rows: values.map(({ year: y, rate: r, pool, gini }) => ({ year: y, rate: r, pool, gini })),
      linkColumn: "gini",
    },
    evidence: { year },
    view: {
      vconcat: [panel("pool", messages.axisPool, "usd"), panel("gini", messages.measureGini, "index")],
    },
  });
};
