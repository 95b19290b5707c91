import { buildSite } from "../../reports/build-site.js";
import { objectStoreSiteWriter } from "../../reports/site-writer.js";
import { loadFramework } from "../core/framework/framework.js";
import { indicatorsFromCsv } from "../core/indicators/indicators-file.js";
import { PUBLISHED_FILES } from "../core/indicators/publish-indicators.js";
import type { CountryTable } from "../core/reference/countries.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Logger } from "./log.js";

export interface PublishSiteDependencies {
  /** Where the compute step published `indicators.csv`. */
  readonly published: ObjectStore;
  /** The site bucket. */
  readonly site: ObjectStore;
  readonly countries: CountryTable;
  readonly logger: Logger;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** The publish step of the workflow: rebuilds the dashboards from the published indicators into the site bucket. */
export function createPublishSiteHandler(dependencies: PublishSiteDependencies) {
  return async (): Promise<{ readonly pages: number; readonly charts: number }> => {
    const csv = await dependencies.published.get(PUBLISHED_FILES.csv);
    if (!csv)
      throw new Error(`${PUBLISHED_FILES.csv} has not been published yet; run the compute step first`);
    const rows = indicatorsFromCsv(new TextDecoder().decode(csv));
    const framework = loadFramework(rows[0]?.framework_version);
    const build = await buildSite(
      {
        framework,
        indicators: rows,
        countries: dependencies.countries,
        generatedAt: (dependencies.clock ?? (() => new Date()))().toISOString(),
        k: framework.disclosure.k_default,
      },
      objectStoreSiteWriter(dependencies.site),
    );
    dependencies.logger.info("site published", { pages: build.pages.length, charts: build.specs });
    return { pages: build.pages.length, charts: build.specs };
  };
}
