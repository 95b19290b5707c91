import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildSite, type SiteBuild } from "../../../reports/build-site.js";
import { bundleClientScript } from "../../../reports/client/bundle.js";
import { directorySiteWriter } from "../../../reports/site-writer.js";
import { readDashboardData } from "../../core/dashboards/dashboard-data.js";
import { frameworkHistory } from "../../core/framework/framework.js";
import { indicatorsFromCsv } from "../../core/indicators/indicators-file.js";
import { PUBLISHED_FILES, type PublishedIndicators } from "../../core/indicators/publish-indicators.js";
import type { ManifestRecord } from "../../core/lake/manifest.js";
import { bundledCountryTable } from "../../core/reference/countries.js";
import { required, UsageError, wholeNumber } from "../usage-error.js";
import { computeFromLake } from "./compute.js";

/** `observatory build`: the static dashboard site, from a lake or from computed indicators. */
export async function buildCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      lake: { type: "string" },
      indicators: { type: "string" },
      out: { type: "string" },
      k: { type: "string" },
    },
  });
  const out = required(values.out, "--out");
  if ((values.lake === undefined) === (values.indicators === undefined))
    throw new UsageError("give either --lake or --indicators");
  const k = wholeNumber(values.k, "--k", 10, 1);
  const started = performance.now();
  const published =
    values.lake !== undefined
      ? await computeFromLake({ lake: values.lake, out: join(out, "data"), k })
      : await readPublished(values.indicators as string);
  const site = await buildSiteFromPublished(published, out, k);
  console.log(
    `built ${site.pages.length} pages and ${site.specs} charts in ${((performance.now() - started) / 1000).toFixed(2)} s → ${out}/index.html`,
  );
  return 0;
}

/** Reads what `observatory compute` wrote: the indicators, the dashboard data and the evidence list. */
export async function readPublished(dir: string): Promise<PublishedIndicators> {
  const read = async (file: string) => {
    try {
      return await readFile(join(dir, file), "utf8");
    } catch {
      throw new UsageError(`${join(dir, file)} is missing: run observatory compute --out ${dir} first`);
    }
  };
  return {
    rows: indicatorsFromCsv(await read(PUBLISHED_FILES.csv)),
    dashboard: readDashboardData(await read(PUBLISHED_FILES.dashboard)),
    reports: JSON.parse(await read(PUBLISHED_FILES.reports)) as ManifestRecord[],
  };
}

/** Builds the site, in every language, from published indicators into a folder. */
export async function buildSiteFromPublished(
  published: PublishedIndicators,
  out: string,
  k: number,
): Promise<SiteBuild> {
  const frameworks = frameworkHistory(published.dashboard.framework_version);
  const framework = frameworks.at(-1);
  if (!framework) throw new UsageError(`no framework ${published.dashboard.framework_version} is shipped`);
  return buildSite(
    {
      framework,
      frameworks,
      indicators: published.rows,
      dashboard: published.dashboard,
      reports: published.reports,
      countries: bundledCountryTable(),
      generatedAt: new Date().toISOString(),
      k,
      clientFiles: await bundleClientScript(),
    },
    directorySiteWriter(out),
  );
}
