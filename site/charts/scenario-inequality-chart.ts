import { scenarioById, scenarioFigure } from "../figures/scenarios.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { buildChart, type ChartOf, describe, perYear } from "./chart.js";
import { scenarioSeries } from "./scenario-regions.js";
import { axisName, MULTILINE_LABEL } from "./spec-parts.js";
import { axisFormat, OKABE_ITO, SERIES_COLOUR } from "./theme.js";

const THEIL_PARTS = ["funding_theil_between", "funding_theil_within"] as const;

/**
 * A scenario's inequality of funding per editor in the year the page shows: the funding Gini (`indicator`), and the
 * Theil index stacked from its parts between and within regions, each real and under the scenario, as bars from
 * zero side by side.
 */
export const scenarioInequalityChart: ChartOf<"scenario-inequality"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const scenario = scenarioById(sources.scenarios, definition.scenario);
  const series = scenarioSeries(messages);
  const parts = {
    [definition.indicator]: messages.measureGini,
    funding_theil_between: messages.theilBetween,
    funding_theil_within: messages.theilWithin,
  };
  const measures = [
    { measure: messages.measureGini, indicators: [definition.indicator] },
    { measure: messages.measureTheil, indicators: [...THEIL_PARTS] },
  ];
  const index = (value: number) => formatNumber(value, "index", messages);
  const values = scenario.entry.years.flatMap((year) =>
    measures.flatMap(({ measure, indicators }) =>
      indicators.flatMap((id, order) => {
        const figure = scenarioFigure(scenario, id, year);
        if (!figure || figure.baseline === null || figure.value === null) return [];
        return [figure.baseline, figure.value].map((value, i) => ({
          year,
          measure,
          series: series.domain[i] as string,
          column: axisName(series.domain[i] as string, 12),
          seriesOrder: i,
          part: parts[id] as string,
          order,
          value,
          label: index(value),
        }));
      }),
    ),
  );
  const years = [...new Set(values.map((row) => row.year))].sort((a, b) => a - b);
  const year = years.at(-1);
  if (year === undefined) return null;
  const titles = perYear(years, (y) => messages.chartScenarioInequalityTitle(y));
  const total = (id: string, y: number) => {
    const figure = scenarioFigure(scenario, id, y);
    return figure?.baseline != null && figure.value != null
      ? messages.describeBeforeAfter(
          id === "funding_theil" ? messages.measureTheil : messages.measureGini,
          index(figure.baseline),
          index(figure.value),
        )
      : [];
  };
  const partText = (id: string, y: number) => {
    const figure = scenarioFigure(scenario, id, y);
    return figure?.baseline != null && figure.value != null
      ? messages.describeBeforeAfter(parts[id] as string, index(figure.baseline), index(figure.value))
      : [];
  };
  const descriptions = perYear(years, (y) =>
    describe(
      messages.describeScenarioChart(
        titles[String(y)] ?? "",
        [
          total(definition.indicator, y),
          total("funding_theil", y),
          ...THEIL_PARTS.map((id) => partText(id, y)),
        ].flat(),
      ),
      [],
      messages,
    ),
  );
  const partDomain = [messages.measureGini, messages.theilBetween, messages.theilWithin];
  return buildChart({
    definition,
    messages,
    text: { year, titles, descriptions },
    summary: [messages.summaryScenarioInequality],
    values,
    table: {
      caption: `${scenario.entry.title}${messages.colon}${titles[String(year)] ?? ""}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "part", label: messages.columnMeasure },
        { key: "baseline", label: messages.seriesReal, unit: "index" },
        { key: "value", label: messages.seriesScenario, unit: "index" },
        { key: "change", label: messages.columnChange, unit: "index" },
      ],
      rows: years.flatMap((y) =>
        [definition.indicator, "funding_theil", ...THEIL_PARTS].flatMap((id) => {
          const figure = scenarioFigure(scenario, id, y);
          if (!figure) return [];
          const name = id === "funding_theil" ? messages.measureTheil : (parts[id] as string);
          return [
            { year: y, part: name, baseline: figure.baseline, value: figure.value, change: figure.change },
          ];
        }),
      ),
      linkColumn: "baseline",
    },
    evidence: { year },
    view: {
      transform: [{ filter: "datum.year === year" }],
      width: { step: 72 },
      height: 200,
      mark: { type: "bar" },
      encoding: {
        column: {
          field: "measure",
          type: "nominal",
          title: null,
          sort: measures.map((m) => m.measure),
          header: { labelFontSize: 12, labelOrient: "bottom" },
        },
        x: {
          field: "column",
          type: "nominal",
          title: null,
          sort: { field: "seriesOrder", op: "min" },
          axis: { labelAngle: 0, labelLimit: 90, labelExpr: MULTILINE_LABEL, labelLineHeight: 14 },
        },
        y: {
          field: "value",
          type: "quantitative",
          title: messages.units.index,
          stack: "zero",
          scale: { zero: true },
          axis: axisFormat("index", messages.numberLocale),
        },
        color: {
          field: "part",
          type: "nominal",
          title: null,
          sort: partDomain,
          scale: { domain: partDomain, range: [SERIES_COLOUR, OKABE_ITO[2], OKABE_ITO[1]] },
        },
        order: { field: "order", type: "quantitative" },
      },
    },
  });
};
