import { readFile } from "node:fs/promises";
import type { DashboardData } from "../../functions/core/dashboards/dashboard-data.js";
import { type Framework, frameworkHistory } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import type { PublishedIndicators } from "../../functions/core/indicators/publish-indicators.js";
import type { ManifestRecord } from "../../functions/core/lake/manifest.js";
import { projectPath } from "../../functions/core/project-files.js";
import type { CountryTable } from "../../functions/core/reference/countries.js";
import {
  type PublishedScenarios,
  scenarioIndexToJson,
} from "../../functions/core/scenarios/published-scenarios.js";
import { type ChartOptions, chartSources } from "../charts/chart.js";
import { chartFor } from "../charts/chart-kinds.js";
import { CLIENT_FILE_NAME, type ClientFiles } from "../client/client-files.js";
import { regionsWithData } from "../figures/lookup.js";
import { CATALOGUES, type Language } from "../i18n/catalogue.js";
import { localFramework } from "../i18n/framework-translations.js";
import type { ContentContext } from "../pages/parts/content-context.js";
import type { RenderedChart } from "../pages/parts/figure.js";
import {
  type PageContext,
  renderPage,
  type SiteAssets,
  type SiteLanguage,
} from "../pages/parts/page-layout.js";
import { hashedPath } from "../web/assets.js";
import { slugOf } from "../web/paths.js";
import { jsonText, rowsJsonText } from "./json-text.js";
import { languagePages, type PageCharts } from "./language-pages.js";
import { publishChart } from "./publish-chart.js";
import { evidenceReports, publishableDashboard, publishableRows } from "./publishable.js";
import type { SiteWriter } from "./site-writer.js";

/** Everything a site is built from. */
export interface SiteInput {
  /** The framework the figures were computed with. */
  readonly framework: Framework;
  /** Every framework version published so far, oldest first; the framework page says what changed. @default [framework] */
  readonly frameworks?: readonly Framework[];
  /** The computed indicators; publication rules are applied again here (see `publishableRows`). */
  readonly indicators: readonly IndicatorRow[];
  /** The datasets the dashboards draw besides the indicators (see `computeDashboardData`). */
  readonly dashboard: DashboardData;
  /** The lake's reports with their status: the evidence behind the figures. */
  readonly reports: readonly ManifestRecord[];
  readonly countries: CountryTable;
  /** ISO timestamp shown in every footer; fixed by the caller so that builds are reproducible. */
  readonly generatedAt: string;
  /** The disclosure threshold the figures were suppressed with. */
  readonly k: number;
  /** The browser files (see `bundleClientScript`), published at the site root: `site.js` and its chunks. */
  readonly clientFiles: ClientFiles;
  /** The languages to publish, the first at the site root and each other in its own folder. @default every catalogue */
  readonly languages?: readonly Language[];
  /** The redistribution scenarios compute published: copied into `data/` as downloads, with their index. */
  readonly scenarios?: PublishedScenarios;
}

/** What a build wrote. */
export interface SiteBuild {
  /** The HTML pages of every language, the first language's in nav order first. */
  readonly pages: string[];
  /** How many Vega-Lite specs were validated, rendered and published (all languages). */
  readonly specs: number;
  /** Input rows held back from publication (protected countries, undeclared scopes). */
  readonly withheld: number;
}

const STYLESHEET = projectPath("site/assets/style.css");
const FAVICON = projectPath("site/assets/favicon.svg");
const SAFE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Builds the published dashboards in every language: the overview, a page per lens, the regions and
 * each region, the hubs and each hub, the evidence and the framework; each chart's Vega-Lite spec,
 * CSV and (for charts that follow the page's filters) compiled spec and data file; the stylesheet,
 * the script and the favicon, named by their content (`style.<hash>.css`, see `hashedPath`), and the
 * published rows, dashboard data and evidence as JSON. Every spec is validated
 * (schema and compiler) before it is rendered to SVG and inlined, so every page reads without
 * script. All side effects go through `writer`.
 */
export async function buildSite(input: SiteInput, writer: SiteWriter): Promise<SiteBuild> {
  const { framework, countries, generatedAt, k } = input;
  if (input.clientFiles["site.js"] === undefined) throw new Error("the browser files must include site.js");
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`disclosure threshold k must be a positive integer, not ${k}`);
  for (const id of [...framework.lenses.map((lens) => lens.id), ...framework.indicators.map((i) => i.id)]) {
    if (!SAFE_ID.test(id)) throw new Error(`framework id ${JSON.stringify(id)} cannot name a page or file`);
  }
  const frameworks = input.frameworks ?? [framework];
  if (frameworks.at(-1)?.version !== framework.version)
    throw new Error(`the last framework version must be ${framework.version}, the one the figures use`);
  const { rows, withheld } = publishableRows(framework, input.indicators, countries, input.dashboard.hubs);
  const dashboard = publishableDashboard(framework, input.dashboard, countries, input.reports);
  const reports = evidenceReports(input.reports);
  const languageCodes = input.languages ?? (Object.keys(CATALOGUES) as Language[]);
  const languages: SiteLanguage[] = languageCodes.map((code, i) => ({
    code,
    messages: CATALOGUES[code],
    folder: i === 0 ? "" : `${code}/`,
  }));

  const stylesheet = await readFile(STYLESHEET, "utf8");
  const favicon = await readFile(FAVICON, "utf8");
  const script = input.clientFiles["site.js"];
  const assets: SiteAssets = {
    stylesheet: hashedPath("style.css", stylesheet, ".css"),
    script: hashedPath("site.js", script, ".js"),
    favicon: hashedPath("favicon.svg", favicon, ".svg"),
  };
  const pages: string[] = [];
  let specs = 0;
  for (const language of languages) {
    const local = localFramework(framework, language.code);
    const sources = chartSources(rows, local.indicators, dashboard);
    const pageContext: PageContext = {
      framework: local,
      generatedAt,
      messages: language.messages,
      languages,
      language,
    };
    const context: ContentContext = {
      ...pageContext,
      rows,
      dashboard,
      reports,
      frameworks: frameworks.map((version) => localFramework(version, language.code)),
      countries,
      k,
    };
    const regions = regionsWithData(context);
    const slugs = new Map<string, string>();
    for (const region of regions) {
      const other = slugs.get(slugOf(region));
      if (other !== undefined) throw new Error(`regions ${other} and ${region} would share a page`);
      slugs.set(slugOf(region), region);
    }
    const options: ChartOptions = { k, regions: countries.regions, messages: language.messages };
    const target = { language, indicators: local.indicators, writer };
    const charts: PageCharts = {
      draw: (definitions) =>
        definitions.flatMap((definition) => chartFor(definition, sources, options) ?? []),
      publish: async (drawn) => {
        const rendered: RenderedChart[] = [];
        for (const chart of drawn) rendered.push(await publishChart(chart, target));
        specs += drawn.length;
        return rendered;
      },
    };
    const built = await languagePages(context, regions, charts);
    for (const page of built) {
      await writer.write(language.folder + page.file, renderPage(page, pageContext, assets));
      pages.push(language.folder + page.file);
    }
  }

  await writer.write(assets.stylesheet, stylesheet);
  await writer.write(assets.favicon, favicon);
  for (const [name, text] of Object.entries(input.clientFiles)) {
    if (!CLIENT_FILE_NAME.test(name))
      throw new Error(`browser file ${JSON.stringify(name)} is not a site script`);
    await writer.write(name === "site.js" ? assets.script : name, text);
  }
  await writer.write("data/indicators.json", rowsJsonText(rows));
  await writer.write("data/reports.json", rowsJsonText(reports));
  await writer.write("data/dashboard.json", jsonText(dashboard));
  if (input.scenarios) {
    for (const [name, text] of input.scenarios.files) await writer.write(`data/${name}`, text);
    await writer.write("data/scenarios.json", scenarioIndexToJson(input.scenarios.index));
  }
  return { pages, specs, withheld };
}

/**
 * Builds the site from what the compute step published, with the framework version and k its run used
 * (`published.run`) and every earlier framework version.
 */
export async function buildPublishedSite(
  published: PublishedIndicators,
  options: {
    readonly countries: CountryTable;
    readonly generatedAt: string;
    readonly clientFiles: ClientFiles;
  },
  writer: SiteWriter,
): Promise<SiteBuild> {
  const frameworks = frameworkHistory(published.run.frameworkVersion);
  const framework = frameworks[frameworks.length - 1] as Framework;
  return buildSite(
    {
      framework,
      frameworks,
      indicators: published.rows,
      dashboard: published.dashboard,
      reports: published.reports,
      countries: options.countries,
      generatedAt: options.generatedAt,
      k: published.run.k,
      clientFiles: options.clientFiles,
      scenarios: published.scenarios,
    },
    writer,
  );
}
