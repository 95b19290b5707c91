import type { Unit } from "../../functions/core/framework/framework.js";
import { regionRank } from "../figures/order.js";
import { scenarioById } from "../figures/scenarios.js";
import type { Messages } from "../i18n/catalogue.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import {
  buildChart,
  type Chart,
  type ChartDefinition,
  type ChartLayer,
  type ChartOptions,
  type ChartSources,
  describe,
  perYear,
} from "./chart.js";
import { indicatorOf } from "./indicator-of.js";
import { axisName, multilineAxis, REGION_EMPHASIS } from "./spec-parts.js";
import { axisFormat, REFERENCE_COLOUR, SERIES_COLOUR, valueScale } from "./theme.js";

/** The two series of a scenario chart, in the order they are drawn: the real figures, then the scenario's. */
export function scenarioSeries(messages: Messages): { domain: string[]; range: string[] } {
  return { domain: [messages.seriesReal, messages.seriesScenario], range: [REFERENCE_COLOUR, SERIES_COLOUR] };
}

/** How a chart of a scenario's regions is drawn: its title, the sentence beside it and its reference layers. */
export interface RegionsBeforeAfter {
  readonly title: (messages: Messages, year: number) => string;
  readonly summary: (messages: Messages) => string;
  /** Layers drawn over the bars (a reference line, the zero line), given the year's rows. */
  readonly layers: (unit: Unit) => ChartLayer[];
  /** Fields every row carries besides the figures (the movement's figure a reference line is drawn at). */
  readonly extra?: (year: number) => Readonly<Record<string, number | null>>;
}

/**
 * A scenario's figure of an indicator for each region, real and under the scenario, in each of the scenario's years
 * (the page's year filter picks one; the latest by default): two bars per region, regions sorted by the scenario's
 * figure, largest first. A region without a figure (suppressed, or no value) is left out, and a note says so.
 */
export function regionsBeforeAfter(
  definition: ChartDefinition<"scenario-per-editor" | "scenario-net-transfer">,
  sources: ChartSources,
  options: ChartOptions,
  drawing: RegionsBeforeAfter,
): Chart | null {
  const messages = options.messages ?? en;
  const indicator = indicatorOf(definition, sources);
  const scenario = scenarioById(sources.scenarios, definition.scenario);
  const rank = regionRank(options.regions);
  const own = scenario.figures
    .filter((figure) => figure.indicator === indicator.id && figure.scope === "region")
    .sort((a, b) => a.year - b.year || rank(a.scope_id, b.scope_id));
  const shown = own.filter((figure) => figure.baseline !== null && figure.value !== null);
  const years = [...new Set(shown.map((figure) => figure.year))].sort((a, b) => a - b);
  const year = years.at(-1);
  if (year === undefined) return null;
  const series = scenarioSeries(messages);
  const format = (value: number) => formatNumber(value, indicator.unit, messages);
  const values = shown.flatMap((figure) =>
    [figure.baseline as number, figure.value as number].map((value, order) => ({
      year: figure.year,
      region: figure.scope_id,
      name: axisName(regionName(figure.scope_id, messages)),
      series: series.domain[order] as string,
      order,
      value,
      label: format(value),
      rank: figure.value as number,
      ...(drawing.extra?.(figure.year) ?? {}),
    })),
  );
  const missing = own.length > shown.length;
  const notes = missing ? [messages.chartSuppressedReason(options.k)] : [];
  const titles = perYear(years, (y) => drawing.title(messages, y));
  const descriptions = perYear(years, (y) =>
    describe(
      messages.describeScenarioChart(
        titles[String(y)] ?? "",
        shown
          .filter((figure) => figure.year === y)
          .sort((a, b) => (b.value as number) - (a.value as number))
          .map((figure) =>
            messages.describeBeforeAfter(
              regionName(figure.scope_id, messages),
              format(figure.baseline as number),
              format(figure.value as number),
            ),
          ),
      ),
      notes,
      messages,
    ),
  );
  const bandY = {
    field: "name",
    type: "nominal",
    title: null,
    sort: { field: "rank", op: "max", order: "descending" },
    axis: multilineAxis(210),
  } as const;
  return buildChart({
    definition,
    messages,
    text: { year, titles, descriptions },
    summary: [drawing.summary(messages)],
    notes,
    values,
    table: {
      caption: `${scenario.entry.title}${messages.colon}${titles[String(year)] ?? ""}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "region", label: messages.columnRegion },
        { key: "baseline", label: messages.seriesReal, unit: indicator.unit },
        { key: "value", label: messages.seriesScenario, unit: indicator.unit },
        { key: "change", label: messages.columnChange, unit: indicator.unit },
      ],
      rows: shown.map((figure) => ({
        year: figure.year,
        region: regionName(figure.scope_id, messages),
        region_id: figure.scope_id,
        baseline: figure.baseline,
        value: figure.value,
        change: figure.change,
      })),
      linkColumn: "baseline",
    },
    evidence: { year },
    followsRegion: true,
    view: {
      width: 260,
      height: { step: 22, for: "offset" },
      transform: [{ filter: "datum.year === year" }],
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: bandY,
            yOffset: { field: "series", type: "nominal", sort: series.domain },
            x: {
              field: "value",
              type: "quantitative",
              title: indicator.title,
              scale: valueScale(indicator.unit),
              axis: { ...axisFormat(indicator.unit, messages.numberLocale), tickCount: 5 },
            },
            color: {
              field: "series",
              type: "nominal",
              title: null,
              sort: series.domain,
              scale: series,
            },
            opacity: REGION_EMPHASIS,
          },
        },
        ...drawing.layers(indicator.unit),
      ],
    },
  });
}
