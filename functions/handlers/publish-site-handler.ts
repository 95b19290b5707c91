import { buildPublishedSite } from "../../site/build/build-site.js";
import { objectStoreSiteWriter } from "../../site/build/site-writer.js";
import type { ClientFiles } from "../../site/client/client-files.js";
import type { UploadConfig } from "../../site/client/upload/upload-config.js";
import { readPublishedIndicators } from "../core/indicators/publish-indicators.js";
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
  /**
   * What the validator page needs to sign in and upload on AWS, published as `upload-config.json` at the site's
   * root by the site build. Without it (a site published elsewhere) no such file is written, and the page offers no
   * upload.
   */
  readonly uploadConfig?: UploadConfig;
}

/**
 * The publish step of the workflow: rebuilds the dashboards from the published indicators into the site bucket,
 * with the validator page's upload settings when there are some.
 */
export function createPublishSiteHandler(dependencies: PublishSiteDependencies) {
  return async (): Promise<{ readonly pages: number; readonly charts: number }> => {
    const build = await buildPublishedSite(
      await readPublishedIndicators(dependencies.published),
      {
        countries: dependencies.countries,
        generatedAt: (dependencies.clock ?? (() => new Date()))().toISOString(),
        clientFiles: await dependencies.clientFiles(),
        uploadConfig: dependencies.uploadConfig,
      },
      objectStoreSiteWriter(dependencies.site),
    );
    dependencies.logger.info("site published", { pages: build.pages.length, charts: build.specs });
    return { pages: build.pages.length, charts: build.specs };
  };
}
