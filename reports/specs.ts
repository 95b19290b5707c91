import type { Config, TopLevelSpec } from "vega-lite";
import type { Framework, IndicatorDefinition, Lens, Unit } from "../functions/core/framework/framework.js";
import type { IndicatorRow } from "../functions/core/indicators/indicator-row.js";
import { cellOf, formatNumber } from "./format.js";
import { en, type Messages } from "./messages.js";

/** The kinds of chart the site draws for an indicator. */
export type ChartKind = "movement" | "by-region" | "regions-over-time";

/** One chart: its Vega-Lite spec and the text that stands in for it where it cannot be seen. */
export interface Chart {
  /** Unique within a site and safe as a file name: `<indicator>.<kind>`. */
  readonly name: string;
  readonly indicator: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** A sentence or two that says what the chart shows, figure by figure, for screen readers. */
  readonly description: string;
  readonly spec: TopLevelSpec;
}

/** What chart generation needs besides the rows. */
export interface ChartOptions {
  /** The disclosure threshold, named in the notes on suppressed figures. */
  readonly k: number;
  /** The regions in the order the site lists them (the country table's). */
  readonly regions: readonly string[];
  readonly messages?: Messages;
}

type LayerSpec = Extract<TopLevelSpec, { layer: unknown }>;
type Layer = LayerSpec["layer"][number];

/**
 * The Okabe–Ito palette, safe for the common colour-vision deficiencies; yellow comes last because
 * it is the hardest to see on white.
 */
export const OKABE_ITO = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#56B4E9",
  "#CC79A7",
  "#000000",
  "#F0E442",
] as const;

const SERIES_COLOUR = OKABE_ITO[0];
const INK = "#1f2933";
const MUTED = "#52606d";
const FONT = "Helvetica Neue, Helvetica, Arial, Liberation Sans, sans-serif";
const CHART_WIDTH = 440;
const NOTE_LINE_LENGTH = 90;
const PANEL_LABEL_LENGTH = 22;

/** The shared look of every chart. */
export const CHART_CONFIG: Config = {
  aria: false,
  font: FONT,
  background: "#ffffff",
  padding: 8,
  view: { stroke: null },
  title: {
    anchor: "start",
    fontSize: 15,
    fontWeight: 600,
    color: INK,
    subtitleFontSize: 12,
    subtitleColor: MUTED,
    subtitlePadding: 6,
    offset: 14,
  },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 500,
    labelColor: MUTED,
    titleColor: MUTED,
    gridColor: "#e4e7eb",
    domainColor: "#9aa5b1",
    tickColor: "#9aa5b1",
  },
};

/** The Vega-Lite axis format for a unit: `$` with SI-style abbreviations, percentages, fixed decimals. */
export function axisFormat(unit: Unit): { format: string } | { labelExpr: string } {
  switch (unit) {
    case "usd":
      return { labelExpr: "replace(format(datum.value, '$.2~s'), 'G', 'B')" };
    case "usd_per_editor":
      return { format: "$,.2~f" };
    case "share":
      return { format: ".0%" };
    case "index":
      return { format: ".3f" };
    case "nats":
      return { format: ".2f" };
    case "per_1k_usd":
      return { format: ",.2~f" };
    case "count":
      return { format: ",.3~s" };
  }
}

/** Whether the scale should start at zero: yes, except for indices whose level is read against themselves. */
function zeroBased(unit: Unit): boolean {
  return unit !== "index" && unit !== "nats";
}

/** Whether a unit is an additive amount, drawn as bars over time rather than a line. */
function isAmount(unit: Unit): boolean {
  return unit === "usd" || unit === "count";
}

/** Wraps `text` into lines of at most about `width` characters, breaking at spaces. */
export function wrapText(text: string, width = NOTE_LINE_LENGTH): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function titleWith(text: string, notes: readonly string[]): LayerSpec["title"] {
  const subtitle = notes.flatMap((note) => wrapText(note));
  return subtitle.length > 0 ? { text, subtitle } : { text };
}

function describe(main: string, notes: readonly string[], messages: Messages): string {
  return [main, ...notes.map((note) => `${note}.`), messages.describeTail].join(" ");
}

function regionRank(regions: readonly string[]): (a: string, b: string) => number {
  const index = (region: string) => {
    const i = regions.indexOf(region);
    return i === -1 ? regions.length : i;
  };
  return (a, b) => index(a) - index(b) || a.localeCompare(b, "en");
}

function valueLabel(unit: Unit, messages: Messages) {
  return (value: number) => formatNumber(value, unit, messages);
}

function baseSpec(chart: { title: LayerSpec["title"]; description: string }) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: chart.description,
    title: chart.title,
    config: CHART_CONFIG,
  } as const;
}

/** The movement's figure for each year, as bars (amounts) or a line (rates and indices), labelled. */
export function movementChart(
  indicator: IndicatorDefinition,
  rows: readonly IndicatorRow[],
  options: ChartOptions,
): Chart | null {
  const messages = options.messages ?? en;
  const own = rows
    .filter((row) => row.indicator === indicator.id && row.scope === "movement")
    .sort((a, b) => a.year - b.year);
  const label = valueLabel(indicator.unit, messages);
  const values = own.flatMap((row) => {
    const cell = cellOf(row);
    return cell.kind === "value" ? [{ year: row.year, value: cell.value, label: label(cell.value) }] : [];
  });
  const first = own[0];
  const last = own.at(-1);
  if (values.length === 0 || !first || !last) return null;
  const years = own.map((row) => row.year);
  const suppressed = own.filter((row) => cellOf(row).kind === "suppressed").map((row) => String(row.year));
  const noValue = own.filter((row) => cellOf(row).kind === "no-value").map((row) => String(row.year));
  const notes = [
    ...(suppressed.length > 0 ? [messages.chartSuppressed(options.k, suppressed)] : []),
    ...(noValue.length > 0 ? [messages.chartNoValue(noValue)] : []),
  ];
  const title = messages.chartMovementTitle(first.year, last.year);
  const description = describe(
    messages.describeMovementChart(
      indicator.title,
      values.map((v) => messages.describePoint(String(v.year), v.label)),
    ),
    notes,
    messages,
  );
  const bars = isAmount(indicator.unit);
  const x = {
    field: "year",
    type: "ordinal",
    title: null,
    scale: { domain: years },
    axis: { labelAngle: 0 },
  } as const;
  const y = {
    field: "value",
    type: "quantitative",
    title: messages.units[indicator.unit],
    scale: { zero: zeroBased(indicator.unit) },
    axis: { ...axisFormat(indicator.unit), tickCount: 5 },
  } as const;
  const marks: Layer = bars
    ? { mark: { type: "bar", color: SERIES_COLOUR, width: { band: 0.6 } }, encoding: { x, y } }
    : {
        mark: { type: "line", color: SERIES_COLOUR, strokeWidth: 2.5, point: { size: 60, filled: true } },
        encoding: { x, y },
      };
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleWith(title, notes), description }),
    width: CHART_WIDTH,
    height: 220,
    data: { values },
    layer: [
      marks,
      {
        mark: { type: "text", dy: -10, fontSize: 12, fontWeight: 600, color: INK, baseline: "bottom" },
        encoding: { x, y, text: { field: "label", type: "nominal" } },
      },
    ],
  };
  return {
    name: `${indicator.id}.movement`,
    indicator: indicator.id,
    kind: "movement",
    title,
    description,
    spec,
  };
}

/** Each region's figure in the latest year that has region figures, as labelled horizontal bars. */
export function byRegionChart(
  indicator: IndicatorDefinition,
  rows: readonly IndicatorRow[],
  options: ChartOptions,
): Chart | null {
  const messages = options.messages ?? en;
  const own = rows.filter((row) => row.indicator === indicator.id && row.scope === "region");
  if (own.length === 0) return null;
  const year = Math.max(...own.map((row) => row.year));
  const rank = regionRank(options.regions);
  const latest = own.filter((row) => row.year === year).sort((a, b) => rank(a.scope_id, b.scope_id));
  const label = valueLabel(indicator.unit, messages);
  const values = latest.flatMap((row) => {
    const cell = cellOf(row);
    return cell.kind === "value"
      ? [{ region: row.scope_id, value: cell.value, label: label(cell.value) }]
      : [];
  });
  if (values.length === 0) return null;
  const reported = new Set(latest.map((row) => row.scope_id));
  const missing = [...new Set(own.map((row) => row.scope_id))].filter((r) => !reported.has(r)).sort(rank);
  const suppressed = latest.filter((row) => cellOf(row).kind === "suppressed").map((row) => row.scope_id);
  const noValue = latest.filter((row) => cellOf(row).kind === "no-value").map((row) => row.scope_id);
  const notes = [
    ...(suppressed.length > 0 ? [messages.chartSuppressed(options.k, suppressed)] : []),
    ...(noValue.length > 0 ? [messages.chartNoValue(noValue)] : []),
    ...(missing.length > 0 ? [messages.chartMissingFrom(year, missing)] : []),
  ];
  const title = messages.chartByRegionTitle(year);
  const ranked = [...values].sort((a, b) => b.value - a.value);
  const description = describe(
    messages.describeByRegionChart(
      indicator.title,
      year,
      ranked.map((v) => messages.describePoint(v.region, v.label)),
    ),
    notes,
    messages,
  );
  const y = {
    field: "region",
    type: "nominal",
    title: null,
    sort: ranked.map((v) => v.region),
    axis: { labelLimit: 280, labelFontSize: 12, labelColor: INK },
  } as const;
  const x = {
    field: "value",
    type: "quantitative",
    title: messages.units[indicator.unit],
    scale: { zero: true },
    axis: { ...axisFormat(indicator.unit), tickCount: 5 },
  } as const;
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleWith(title, notes), description }),
    width: 320,
    height: { step: 26 },
    data: { values },
    transform: [{ calculate: "max(datum.value, 0)", as: "labelAt" }],
    layer: [
      { mark: { type: "bar", color: SERIES_COLOUR, height: { band: 0.7 } }, encoding: { x, y } },
      {
        mark: { type: "text", align: "left", dx: 5, fontSize: 12, color: INK },
        encoding: {
          y,
          x: { field: "labelAt", type: "quantitative" },
          text: { field: "label", type: "nominal" },
        },
      },
    ],
  };
  return {
    name: `${indicator.id}.by-region`,
    indicator: indicator.id,
    kind: "by-region",
    title,
    description,
    spec,
  };
}

/** Each region's figure over the years as small multiples: one panel per region, on a shared scale. */
export function regionsOverTimeChart(
  indicator: IndicatorDefinition,
  rows: readonly IndicatorRow[],
  options: ChartOptions,
): Chart | null {
  const messages = options.messages ?? en;
  const rank = regionRank(options.regions);
  const own = rows
    .filter((row) => row.indicator === indicator.id && row.scope === "region")
    .sort((a, b) => rank(a.scope_id, b.scope_id) || a.year - b.year);
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined || years.length < 2) return null;
  const label = valueLabel(indicator.unit, messages);
  const panelOf = (region: string) => wrapText(region, PANEL_LABEL_LENGTH).join("\n");
  const values = own.flatMap((row) => {
    const cell = cellOf(row);
    return cell.kind === "value"
      ? [
          {
            year: row.year,
            region: row.scope_id,
            panel: panelOf(row.scope_id),
            value: cell.value,
            label: label(cell.value),
          },
        ]
      : [];
  });
  if (values.length === 0) return null;
  const regions = [...new Set(values.map((v) => v.region))];
  const withheld = (kind: "suppressed" | "no-value") => {
    const byRegion = new Map<string, number[]>();
    for (const row of own) {
      if (cellOf(row).kind === kind)
        byRegion.set(row.scope_id, [...(byRegion.get(row.scope_id) ?? []), row.year]);
    }
    return [...byRegion].map(([region, ys]) => `${region} (${ys.join(", ")})`);
  };
  const suppressed = withheld("suppressed");
  const noValue = withheld("no-value");
  const notes = [
    ...(suppressed.length > 0 ? [messages.chartSuppressed(options.k, suppressed)] : []),
    ...(noValue.length > 0 ? [messages.chartNoValue(noValue)] : []),
  ];
  const title = messages.chartRegionsOverTimeTitle(first, last);
  const description = describe(
    messages.describeRegionsOverTimeChart(
      indicator.title,
      regions.map((region) =>
        messages.describeSeries(
          region,
          values
            .filter((v) => v.region === region)
            .map((v) => messages.describePoint(String(v.year), v.label)),
        ),
      ),
    ),
    notes,
    messages,
  );
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleWith(title, notes), description }),
    data: { values },
    columns: 4,
    spacing: { row: 14, column: 18 },
    facet: {
      field: "panel",
      type: "nominal",
      title: null,
      sort: [...new Set(values.map((v) => v.panel))],
      header: {
        labelExpr: "split(datum.value, '\\n')",
        labelAnchor: "start",
        labelFontSize: 12,
        labelFontWeight: 600,
        labelColor: INK,
        labelPadding: 6,
      },
    },
    spec: {
      width: 130,
      height: 90,
      mark: { type: "line", color: SERIES_COLOUR, strokeWidth: 2, point: { size: 30, filled: true } },
      encoding: {
        x: { field: "year", type: "ordinal", title: null, scale: { domain: years }, axis: { labelAngle: 0 } },
        y: {
          field: "value",
          type: "quantitative",
          title: null,
          scale: { zero: zeroBased(indicator.unit) },
          axis: { ...axisFormat(indicator.unit), tickCount: 3 },
        },
      },
    },
  };
  return {
    name: `${indicator.id}.regions-over-time`,
    indicator: indicator.id,
    kind: "regions-over-time",
    title,
    description,
    spec,
  };
}

/** The charts for one indicator: the movement over years, and for region figures the latest year and the trend. */
export function indicatorCharts(
  indicator: IndicatorDefinition,
  rows: readonly IndicatorRow[],
  options: ChartOptions,
): Chart[] {
  return [
    movementChart(indicator, rows, options),
    byRegionChart(indicator, rows, options),
    regionsOverTimeChart(indicator, rows, options),
  ].filter((chart): chart is Chart => chart !== null);
}

/** The charts for every indicator of a lens, in the framework's order. */
export function lensCharts(
  framework: Framework,
  lens: Lens,
  rows: readonly IndicatorRow[],
  options: ChartOptions,
): Chart[] {
  return framework.indicators
    .filter((indicator) => indicator.lens === lens)
    .flatMap((indicator) => indicatorCharts(indicator, rows, options));
}
