import { readFile } from "node:fs/promises";
import type { Framework } from "../functions/core/framework/framework.js";
import type { IndicatorRow } from "../functions/core/indicators/indicator-row.js";
import { projectPath } from "../functions/core/project-files.js";
import type { CountryTable } from "../functions/core/reference/countries.js";
import { type PageContext, renderPage } from "./layout.js";
import { en, type Messages } from "./messages.js";
import { type ContentContext, frameworkPage, lensPage, overviewPage, type RenderedChart } from "./pages.js";
import { publishableRows } from "./publishable.js";
import { renderSvg } from "./render-svg.js";
import type { SiteWriter } from "./site-writer.js";
import { lensCharts } from "./specs.js";
import { validateSpec } from "./validate-spec.js";

/** Everything a site is built from. */
export interface SiteInput {
  readonly framework: Framework;
  /** The computed indicators; publication rules are applied again here (see `publishableRows`). */
  readonly indicators: readonly IndicatorRow[];
  readonly countries: CountryTable;
  /** ISO timestamp shown in every footer; fixed by the caller so that builds are reproducible. */
  readonly generatedAt: string;
  /** The disclosure threshold the figures were suppressed with. */
  readonly k: number;
}

/** What a build wrote. */
export interface SiteBuild {
  /** The HTML pages, in nav order. */
  readonly pages: string[];
  /** How many Vega-Lite specs were validated, rendered and published. */
  readonly specs: number;
  /** Input rows held back from publication (protected countries, undeclared scopes). */
  readonly withheld: number;
}

const STYLESHEET = projectPath("reports/assets/style.css");
const SAFE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function rowsJson(rows: readonly IndicatorRow[]): string {
  return rows.length === 0 ? "[]\n" : `[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(",\n")}\n]\n`;
}

/**
 * Builds the published dashboards: an overview, one page per lens, the framework page, the
 * stylesheet, every chart's Vega-Lite spec under `specs/` and the published rows as
 * `data/indicators.json`. Every spec is validated (schema and compiler) before it is rendered to
 * SVG and inlined; the pages need no script. All side effects go through `writer`.
 */
export async function buildSite(
  input: SiteInput,
  writer: SiteWriter,
  messages: Messages = en,
): Promise<SiteBuild> {
  const { framework, countries, generatedAt, k } = input;
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`disclosure threshold k must be a positive integer, not ${k}`);
  for (const id of [...framework.lenses.map((lens) => lens.id), ...framework.indicators.map((i) => i.id)]) {
    if (!SAFE_ID.test(id)) throw new Error(`framework id ${JSON.stringify(id)} cannot name a page or file`);
  }
  const { rows, withheld } = publishableRows(framework, input.indicators, countries);
  const pageContext: PageContext = { framework, generatedAt, messages };
  const context: ContentContext = { ...pageContext, rows, countries, k };

  const pages = [overviewPage(context)];
  let specs = 0;
  for (const lens of framework.lenses) {
    const rendered: RenderedChart[] = [];
    for (const chart of lensCharts(framework, lens.id, rows, { k, regions: countries.regions, messages })) {
      const compiled = validateSpec(chart.name, chart.spec);
      const specPath = `specs/${chart.name}.vl.json`;
      await writer.write(specPath, json(chart.spec));
      const svg = await renderSvg(compiled, {
        id: `chart-${chart.name}`,
        title: `${framework.indicators.find((i) => i.id === chart.indicator)?.title ?? chart.indicator}: ${chart.title}`,
        description: chart.description,
      });
      rendered.push({ chart, svg, specPath });
      specs += 1;
    }
    pages.push(lensPage(lens, rendered, context));
  }
  pages.push(frameworkPage(context));

  for (const page of pages) await writer.write(page.file, renderPage(page, pageContext));
  await writer.write("style.css", await readFile(STYLESHEET, "utf8"));
  await writer.write("data/indicators.json", rowsJson(rows));
  return { pages: pages.map((page) => page.file), specs, withheld };
}
