import type { Config, TopLevelSpec } from "vega-lite";
import type { Framework, IndicatorDefinition, Lens, Unit } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { en, type Messages } from "../i18n/catalogue.js";
import { cellOf, formatCell, formatNumber } from "../i18n/format.js";

/** The kinds of chart the site draws. */
export type ChartKind =
  | "movement"
  | "by-region"
  | "regions-over-time"
  | "lorenz"
  | "theil"
  | "raised-deployed"
  | "net-transfer"
  | "reconciliation"
  | "reporting-grid"
  | "region-money"
  | "region-shares";

/** A filter of the page that a chart follows in the browser; both are kept in the page's URL. */
export type ChartFilter = "year" | "region";

/** A value in a chart's data table: a number, a text, a flag or nothing. */
export type CellValue = string | number | boolean | null;

/** A column of a chart's data table; numbers in a column with a unit are formatted for reading. */
export interface DataColumn {
  readonly key: string;
  readonly label: string;
  readonly unit?: Unit;
}

/** The figures a chart draws, as a table: shown under the chart and offered as CSV. */
export interface DataTable {
  readonly caption: string;
  readonly columns: readonly DataColumn[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
}

/** Where the reports behind a chart's figures are listed. */
export interface EvidenceLink {
  readonly year?: number;
  readonly region?: string;
}

/** One chart: its Vega-Lite spec, its table, and the text that stands in for it where it cannot be seen. */
export interface Chart {
  /** Unique within a site and safe as a file name, e.g. `<indicator>.<kind>`. */
  readonly name: string;
  /** The indicator the chart belongs to, or null for a chart of the dashboard data. */
  readonly indicator: string | null;
  readonly kind: ChartKind;
  readonly title: string;
  /** A sentence or two that says what the chart shows, figure by figure, for screen readers. */
  readonly description: string;
  readonly spec: TopLevelSpec;
  readonly table: DataTable;
  /** The page filters the chart follows when scripts run (its spec declares a parameter of each name). */
  readonly filters: readonly ChartFilter[];
  /** For a chart that follows the year filter: the years it can show and its description in each. */
  readonly descriptions?: Readonly<Record<string, string>>;
  readonly evidence: EvidenceLink;
  /** The name of a standard chart this one replaces on its page (it shows the same figures better). */
  readonly replaces?: string;
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

/** The name of the dataset every spec draws from; the browser loads it from the chart's data file. */
export const CHART_DATASET = "table";

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

/** The colour of a single series. */
export const SERIES_COLOUR = OKABE_ITO[0];
/** The colour of a second series, or of the figure the reader picked. */
export const CONTRAST_COLOUR = OKABE_ITO[3];
/** A neutral colour for reference marks (targets, the line of equality). */
export const REFERENCE_COLOUR = "#7b8794";
export const INK = "#1f2933";
const MUTED = "#52606d";
const FONT = "Helvetica Neue, Helvetica, Arial, Liberation Sans, sans-serif";
const CHART_WIDTH = 440;
const NOTE_LINE_LENGTH = 90;
const PANEL_LABEL_LENGTH = 22;
/** Opacity of the figures the reader did not pick when a region is picked. */
const DIMMED = 0.3;

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
  legend: { labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: MUTED, orient: "top" },
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
export function zeroBased(unit: Unit): boolean {
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

/** A chart title with notes as its subtitle, wrapped to the chart's width. */
export function titleWith(text: string, notes: readonly string[]): LayerSpec["title"] {
  const subtitle = notes.flatMap((note) => wrapText(note));
  return subtitle.length > 0 ? { text, subtitle } : { text };
}

/** A title that follows the year filter: the text of the year shown, from the `titles` parameter (see {@link yearParameters}). */
export function titleByYear(notes: readonly string[]) {
  const subtitle = notes.flatMap((note) => wrapText(note));
  return {
    text: { expr: "titles['' + year]" },
    ...(subtitle.length > 0 ? { subtitle } : {}),
  };
}

/** The parameters a year-filtered chart declares: the year shown, and the title of each year. */
export function yearParameters(year: number, titles: Readonly<Record<string, string>>) {
  return [
    { name: "year", value: year },
    { name: "titles", value: titles },
  ];
}

/** The parameter a chart declares to follow the region filter; empty means no region is picked. */
export const REGION_PARAMETER = { name: "region", value: "" };

/** Full opacity for the picked region (or every region when none is picked), dimmed for the others. */
export const REGION_EMPHASIS = {
  condition: { test: "region === '' || datum.region === region", value: 1 },
  value: DIMMED,
} as const;

/** The description of a chart: its main sentence, its notes, and where the full figures are. */
export function describe(main: string, notes: readonly string[], messages: Messages): string {
  return [main, ...notes.map((note) => `${note}.`), messages.describeTail].join(" ");
}

/** Orders regions as the country table lists them; unknown names last, alphabetically. */
export function regionRank(regions: readonly string[]): (a: string, b: string) => number {
  const index = (region: string) => {
    const i = regions.indexOf(region);
    return i === -1 ? regions.length : i;
  };
  return (a, b) => index(a) - index(b) || a.localeCompare(b, "en");
}

function valueLabel(unit: Unit, messages: Messages) {
  return (value: number) => formatNumber(value, unit, messages);
}

/** The top of every spec: schema, description, title, the shared look and the dataset. */
export function baseSpec(
  chart: { title: LayerSpec["title"]; description: string },
  values: readonly object[],
) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: chart.description,
    title: chart.title,
    config: CHART_CONFIG,
    data: { name: CHART_DATASET },
    datasets: { [CHART_DATASET]: values as object[] },
  } as const;
}

/** The rows a spec draws (its dataset). */
export function chartValues(spec: TopLevelSpec): Record<string, unknown>[] {
  const datasets = (spec as { datasets?: Record<string, Record<string, unknown>[]> }).datasets;
  return datasets?.[CHART_DATASET] ?? [];
}

/** The text for a figure in a chart: the formatted value, or the word for why there is none. */
function cellText(row: IndicatorRow | undefined, unit: Unit, messages: Messages): string {
  return formatCell(cellOf(row), unit, messages);
}

/** A row's figure for a chart's data table: the value, or none and the word for why. */
function tableFigure(
  row: IndicatorRow,
  unit: Unit,
  messages: Messages,
): { value: number | null; note: string } {
  const cell = cellOf(row);
  return cell.kind === "value"
    ? { value: cell.value, note: "" }
    : { value: null, note: cellText(row, unit, messages) };
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
  const marks: Layer = isAmount(indicator.unit)
    ? { mark: { type: "bar", color: SERIES_COLOUR, width: { band: 0.6 } }, encoding: { x, y } }
    : {
        mark: { type: "line", color: SERIES_COLOUR, strokeWidth: 2.5, point: { size: 60, filled: true } },
        encoding: { x, y },
      };
  const target: Layer[] = indicator.target
    ? [
        {
          data: { values: [{ target: indicator.target.value }] },
          mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { y: { field: "target", type: "quantitative" } },
        },
      ]
    : [];
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleWith(title, notes), description }, values),
    width: CHART_WIDTH,
    height: 220,
    layer: [
      marks,
      ...target,
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
    table: {
      caption: `${indicator.title}: ${title}`,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "value", label: indicator.title, unit: indicator.unit },
        { key: "note", label: messages.columnNote },
      ],
      rows: own.map((row) => ({ year: row.year, ...tableFigure(row, indicator.unit, messages) })),
    },
    filters: [],
    evidence: { year: last.year },
  };
}

/**
 * Each region's figure in one year, as labelled horizontal bars; the year follows the page's year
 * filter (the latest year by default) and the picked region stands out. A region whose figure is
 * withheld keeps its row, with the word for why instead of a bar.
 */
export function byRegionChart(
  indicator: IndicatorDefinition,
  rows: readonly IndicatorRow[],
  options: ChartOptions,
): Chart | null {
  const messages = options.messages ?? en;
  const own = rows.filter((row) => row.indicator === indicator.id && row.scope === "region");
  if (!own.some((row) => cellOf(row).kind === "value")) return null;
  const rank = regionRank(options.regions);
  const years = [...new Set(own.map((row) => row.year))].sort((a, b) => a - b);
  const regions = [...new Set(own.map((row) => row.scope_id))].sort(rank);
  const year = Math.max(...own.filter((row) => cellOf(row).kind === "value").map((row) => row.year));
  const label = valueLabel(indicator.unit, messages);
  const find = (region: string, y: number) => own.find((row) => row.scope_id === region && row.year === y);
  const values = years.flatMap((y) =>
    regions.map((region) => {
      const row = find(region, y);
      const cell = cellOf(row);
      return {
        year: y,
        region,
        value: cell.kind === "value" ? cell.value : null,
        label: cell.kind === "value" ? label(cell.value) : cellText(row, indicator.unit, messages),
        labelAt: cell.kind === "value" ? Math.max(cell.value, 0) : 0,
      };
    }),
  );
  const withheld = own.filter((row) => cellOf(row).kind === "suppressed").length > 0;
  const notes = withheld ? [messages.chartSuppressedReason(options.k)] : [];
  const titles = Object.fromEntries(years.map((y) => [String(y), messages.chartByRegionTitle(y)]));
  const descriptions = Object.fromEntries(
    years.map((y) => {
      const points = values
        .filter((v) => v.year === y)
        .sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY))
        .map((v) => messages.describePoint(v.region, v.label));
      return [
        String(y),
        describe(messages.describeByRegionChart(indicator.title, y, points), notes, messages),
      ];
    }),
  );
  const title = messages.chartByRegionTitle(year);
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
  const spec: TopLevelSpec = {
    ...baseSpec({ title: titleByYear(notes), description: descriptions[String(year)] ?? "" }, values),
    params: [...yearParameters(year, titles), REGION_PARAMETER],
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
  };
  return {
    name: `${indicator.id}.by-region`,
    indicator: indicator.id,
    kind: "by-region",
    title,
    description: descriptions[String(year)] ?? "",
    spec,
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
    filters: ["year", "region"],
    descriptions,
    evidence: { year },
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
    ...baseSpec({ title: titleWith(title, notes), description }, values),
    params: [REGION_PARAMETER],
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
        opacity: REGION_EMPHASIS,
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
    table: {
      caption: `${indicator.title}: ${title}`,
      columns: [
        { key: "region", label: messages.columnRegion },
        { key: "year", label: messages.columnYear },
        { key: "value", label: indicator.title, unit: indicator.unit },
        { key: "note", label: messages.columnNote },
      ],
      rows: own.map((row) => ({
        region: row.scope_id,
        year: row.year,
        ...tableFigure(row, indicator.unit, messages),
      })),
    },
    filters: ["region"],
    evidence: {},
  };
}

/** The charts for one indicator: the movement over years, and for region figures one year and the trend. */
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

const RIGHT_TO_LEFT_EMBEDDING = "\u202B";
const POP_DIRECTIONAL_FORMATTING = "\u202C";

function embedRightToLeft(text: string): string {
  return text.length === 0 ? text : `${RIGHT_TO_LEFT_EMBEDDING}${text}${POP_DIRECTIONAL_FORMATTING}`;
}

function embedTitle(value: unknown): unknown {
  if (typeof value === "string") return embedRightToLeft(value);
  if (Array.isArray(value))
    return value.map((line) => (typeof line === "string" ? embedRightToLeft(line) : line));
  if (value !== null && typeof value === "object") {
    const title = value as Record<string, unknown>;
    return {
      ...title,
      ...("text" in title ? { text: embedTitle(title.text) } : {}),
      ...("subtitle" in title ? { subtitle: embedTitle(title.subtitle) } : {}),
    };
  }
  return value;
}

/**
 * A spec for a right-to-left page. Charts keep their left-to-right geometry, so each title (chart,
 * axis, legend, and the per-year titles) is wrapped in a right-to-left embedding: Arabic text with
 * numbers and Latin names inside then reads in the right order. Other specs are returned unchanged.
 */
export function forTextDirection(spec: TopLevelSpec, dir: "ltr" | "rtl"): TopLevelSpec {
  if (dir === "ltr") return spec;
  const visit = (node: unknown, key?: string): unknown => {
    if (key === "title" || key === "subtitle") return embedTitle(node);
    if (Array.isArray(node)) return node.map((item) => visit(item));
    if (node === null || typeof node !== "object") return node;
    const record = node as Record<string, unknown>;
    if (record.name === "titles" && record.value !== null && typeof record.value === "object") {
      return {
        ...record,
        value: Object.fromEntries(
          Object.entries(record.value as Record<string, string>).map(([year, text]) => [
            year,
            embedRightToLeft(text),
          ]),
        ),
      };
    }
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, k === "datasets" || k === "data" ? v : visit(v, k)]),
    );
  };
  return visit(spec) as TopLevelSpec;
}
