import type { Spec as VegaSpec } from "vega";
import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import { type Chart, chartLabel } from "../charts/chart.js";
import { tableToCsv } from "../charts/csv-download.js";
import { CHART_DATASET, chartValues } from "../charts/spec-parts.js";
import type { RenderedChart } from "../pages/parts/figure.js";
import type { SiteLanguage } from "../pages/parts/page-layout.js";
import { renderSvg } from "../vega/render-svg.js";
import { forTextDirection } from "../vega/text-direction.js";
import { validateSpec } from "../vega/validate-spec.js";
import { hashedPath } from "../web/assets.js";
import { chartFiles } from "../web/paths.js";
import { jsonText } from "./json-text.js";
import type { SiteWriter } from "./site-writer.js";

/** Where a chart is published: the language of its page, the framework's indicators (for its label), the writer. */
export interface ChartTarget {
  readonly language: SiteLanguage;
  readonly indicators: readonly IndicatorDefinition[];
  readonly writer: SiteWriter;
}

/** The compiled Vega spec as the browser loads it: the chart's dataset without its values, which come from the data file. */
function withoutValues(compiled: VegaSpec): VegaSpec {
  return {
    ...compiled,
    data: (compiled.data ?? []).map((data) => {
      if (data.name !== CHART_DATASET) return data;
      const { values: _values, ...rest } = data as { values?: unknown; name: string };
      return rest as typeof data;
    }),
  };
}

/**
 * Publishes a chart in a language: validates its spec (schema and compiler), writes the spec and its
 * data table as CSV below the language's folder and, for a chart that follows the page's filters,
 * the compiled spec and the data file the browser draws it from, each named by its content (they
 * are cached for a year); then renders it to SVG for its page.
 */
export async function publishChart(original: Chart, target: ChartTarget): Promise<RenderedChart> {
  const { language, writer } = target;
  const chart = { ...original, spec: forTextDirection(original.spec, language.messages.dir) };
  const compiled = validateSpec(chart.name, chart.spec);
  const label = chartLabel(chart, target.indicators, language.messages);
  const { specPath, csvPath, vegaPath, valuesPath } = chartFiles(chart.name);
  await writer.write(language.folder + specPath, jsonText(chart.spec));
  await writer.write(language.folder + csvPath, tableToCsv(chart.table));
  let interactive: RenderedChart["interactive"] = null;
  if (chart.filters.length > 0) {
    const vega = JSON.stringify(withoutValues(compiled));
    const data = JSON.stringify({
      title: label,
      values: chartValues(chart.spec),
      descriptions: chart.descriptions ?? {},
    });
    interactive = {
      vegaPath: hashedPath(vegaPath, vega, ".vg.json"),
      valuesPath: hashedPath(valuesPath, data, ".json"),
    };
    await writer.write(language.folder + interactive.vegaPath, vega);
    await writer.write(language.folder + interactive.valuesPath, data);
  }
  const svg = await renderSvg(compiled, {
    id: `svg-${chart.name.replace(/\./g, "-")}`,
    title: label,
    description: chart.description,
  });
  return { chart, svg, specPath, csvPath, interactive };
}
