import type { LensDefinition } from "../../functions/core/framework/framework.js";
import type { Chart, ChartDefinition } from "../charts/chart.js";
import { lensChartDefinitions, regionChartDefinitions } from "../charts/definitions.js";
import { countriesPage } from "../pages/countries-page.js";
import { evidencePage } from "../pages/evidence-page.js";
import { frameworkPage } from "../pages/framework-page.js";
import { hubPage } from "../pages/hub-page.js";
import { hubsPage } from "../pages/hubs-page.js";
import { lensPage, reconciliationSection } from "../pages/lens-page.js";
import { overviewPage } from "../pages/overview-page.js";
import type { ContentContext } from "../pages/parts/content-context.js";
import type { RenderedChart } from "../pages/parts/figure.js";
import type { Page } from "../pages/parts/page-layout.js";
import { publishesCountries } from "../pages/parts/scope-names.js";
import { regionPage } from "../pages/region-page.js";
import { regionsPage } from "../pages/regions-page.js";

/** Draws the charts of a page and publishes them in the page's language. */
export interface PageCharts {
  /** The charts of `definitions` that have something to show, in order. */
  draw(definitions: readonly ChartDefinition[]): Chart[];
  /** Publishes charts (spec, data, SVG) and returns them ready for their page, in order. */
  publish(charts: readonly Chart[]): Promise<RenderedChart[]>;
}

/**
 * A lens page with its charts: each indicator's standard charts, except those a chart of the lens's
 * own replaces, then the lens's own; the reconciliation has a section of its own on the
 * redistribution page.
 */
async function lensPageWithCharts(lens: LensDefinition, context: ContentContext, charts: PageCharts) {
  const definitions = lensChartDefinitions(context.framework, lens.id);
  const own = charts.draw(definitions.own);
  const replaced = new Set(own.map((chart) => chart.replaces));
  const rendered = await charts.publish(
    charts.draw(definitions.standard.filter((definition) => !replaced.has(definition.name))),
  );
  let reconciliation: RenderedChart | undefined;
  for (const chart of await charts.publish(own)) {
    if (chart.chart.kind === "reconciliation") reconciliation = chart;
    else rendered.push(chart);
  }
  const extra = lens.id === "redistribution" ? reconciliationSection(reconciliation, context) : "";
  return lensPage(lens, rendered, context, extra);
}

/**
 * The pages of one language, in nav order: the overview, each lens, the regions and each region
 * with data (`regions`), the countries (where the framework publishes them), the hubs and each hub,
 * the evidence and the framework. Charts are
 * published as their pages are made.
 */
export async function languagePages(
  context: ContentContext,
  regions: readonly string[],
  charts: PageCharts,
): Promise<Page[]> {
  const pages: Page[] = [overviewPage(context)];
  for (const lens of context.framework.lenses) pages.push(await lensPageWithCharts(lens, context, charts));
  pages.push(regionsPage(context));
  for (const region of regions) {
    pages.push(
      regionPage(region, await charts.publish(charts.draw(regionChartDefinitions(region))), context),
    );
  }
  if (publishesCountries(context.framework.indicators)) pages.push(countriesPage(context));
  pages.push(hubsPage(context));
  for (const hub of context.dashboard.hubs) pages.push(hubPage(hub, context));
  pages.push(evidencePage(context));
  pages.push(frameworkPage(context));
  return pages;
}
