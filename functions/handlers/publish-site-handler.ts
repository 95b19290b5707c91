import { buildSite } from "../../reports/build-site.js";
import type { ClientFiles } from "../../reports/client/client-files.js";
import { objectStoreSiteWriter } from "../../reports/site-writer.js";
import { readDashboardData } from "../core/dashboards/dashboard-data.js";
import { frameworkHistory } from "../core/framework/framework.js";
import { indicatorsFromCsv } from "../core/indicators/indicators-file.js";
import { PUBLISHED_FILES } from "../core/indicators/publish-indicators.js";
import type { ManifestRecord } from "../core/lake/manifest.js";
import type { CountryTable } from "../core/reference/countries.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Logger } from "./log.js";

export interface PublishSiteDependencies {
  /** Where the compute step published `indicators.csv`, `dashboard.json` and `reports.json`. */
  readonly published: ObjectStore;
  /** The site bucket. */
  readonly site: ObjectStore;
  readonly countries: CountryTable;
  readonly logger: Logger;
  /** The browser files published at the site root (on Lambda, the bundle built beside the code). */
  readonly clientFiles: () => Promise<ClientFiles>;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** The publish step of the workflow: rebuilds the dashboards from the published indicators into the site bucket. */
export function createPublishSiteHandler(dependencies: PublishSiteDependencies) {
  const read = async (key: string) => {
    const bytes = await dependencies.published.get(key);
    if (!bytes) throw new Error(`${key} has not been published yet; run the compute step first`);
    return new TextDecoder().decode(bytes);
  };
  return async (): Promise<{ readonly pages: number; readonly charts: number }> => {
    const rows = indicatorsFromCsv(await read(PUBLISHED_FILES.csv));
    const dashboard = readDashboardData(await read(PUBLISHED_FILES.dashboard));
    const reports = JSON.parse(await read(PUBLISHED_FILES.reports)) as ManifestRecord[];
    const frameworks = frameworkHistory(dashboard.framework_version);
    const framework = frameworks[frameworks.length - 1] as (typeof frameworks)[number];
    const build = await buildSite(
      {
        framework,
        frameworks,
        indicators: rows,
        dashboard,
        reports,
        countries: dependencies.countries,
        generatedAt: (dependencies.clock ?? (() => new Date()))().toISOString(),
        k: framework.disclosure.k_default,
        clientFiles: await dependencies.clientFiles(),
      },
      objectStoreSiteWriter(dependencies.site),
    );
    dependencies.logger.info("site published", { pages: build.pages.length, charts: build.specs });
    return { pages: build.pages.length, charts: build.specs };
  };
}
