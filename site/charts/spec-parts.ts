import type { TopLevelSpec } from "vega-lite";
import { type VegaNumberLocale, vegaNumberLocale } from "../vega/number-locale.js";
import { CHART_CONFIG, DIMMED } from "./theme.js";

type LayerSpec = Extract<TopLevelSpec, { layer: unknown }>;

/** The name of the dataset every spec draws from; the browser loads it from the chart's data file. */
export const CHART_DATASET = "table";

const NOTE_LINE_LENGTH = 90;

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

/** How long a line of a region's name may be on a chart's axis before it wraps. */
const REGION_LINE_LENGTH = 28;

/** A region's name as an axis label: wrapped into lines (joined by `\n`, split again by {@link MULTILINE_LABEL}). */
export function axisName(name: string, width = REGION_LINE_LENGTH): string {
  return wrapText(name, width).join("\n");
}

/** Axis labels that break into lines where {@link axisName} wrapped them. */
export const MULTILINE_LABEL = "split(datum.label, '\\n')";

/**
 * The label properties of a band axis whose labels are {@link axisName}s: broken into lines and
 * centred on their band (Vega sets the first line on the band and the others below it).
 */
export function multilineAxis(labelLimit: number) {
  const lines = "length(split(datum.label, '\\n'))";
  return {
    labelLimit,
    labelExpr: MULTILINE_LABEL,
    labelLineHeight: LABEL_LINE_HEIGHT,
    labelOffset: {
      condition: [2, 3, 4].map((count) => ({
        test: `${lines} === ${count}`,
        value: (-(count - 1) * LABEL_LINE_HEIGHT) / 2,
      })),
      value: 0,
    },
  };
}

const LABEL_LINE_HEIGHT = 14;

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

/** The spec's locale: how Vega writes numbers in the page's language (see `vegaNumberLocale`). */
export function numberLocaleConfig(locale: string): { number: VegaNumberLocale } {
  return { number: vegaNumberLocale(locale) };
}

/** The top of every spec: schema, description, title, the shared look in the page's locale, and the dataset. */
export function baseSpec(
  chart: { title: LayerSpec["title"]; description: string; locale: string },
  values: readonly object[],
) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: chart.description,
    title: chart.title,
    config: { ...CHART_CONFIG, locale: numberLocaleConfig(chart.locale) },
    data: { name: CHART_DATASET },
    datasets: { [CHART_DATASET]: values as object[] },
  } as const;
}

/** The rows a spec draws (its dataset). */
export function chartValues(spec: TopLevelSpec): Record<string, unknown>[] {
  const datasets = (spec as { datasets?: Record<string, Record<string, unknown>[]> }).datasets;
  return datasets?.[CHART_DATASET] ?? [];
}
