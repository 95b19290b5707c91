import { buildPublishedSite } from "../../site/build/build-site.js";
import { publishBuild } from "../../site/build/publish-build.js";
import { memorySiteWriter } from "../../site/build/site-writer.js";
import type { ClientFiles } from "../../site/client/client-files.js";
import type { UploadConfig } from "../../site/client/upload/upload-config.js";
import { readPublishedIndicators } from "../core/indicators/publish-indicators.js";
import type { CountryTable } from "../core/reference/countries.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Logger } from "./log.js";

export interface PublishSiteDependencies {
  /** Where the compute step published `indicators.csv`, `dashboard.json` and `reports.json`. */
  readonly published: ObjectStore;
  /** The site bucket (or the part of it that holds the site): the only store the publish step writes or deletes in. */
  readonly site: ObjectStore;
  readonly countries: CountryTable;
  readonly logger: Logger;
  /** The browser files published at the site root (on Lambda, the bundle built beside the code). */
  readonly clientFiles: () => Promise<ClientFiles>;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /**
   * How many days a superseded build's content-hashed files stay after a later build rewrote its pages, for the
   * browsers that still show one of them (see `supersededFiles`): a whole number, at least 1.
   */
  readonly supersededFilesGraceDays: number;
  /**
   * What the validator page needs to sign in and upload on AWS, published as `upload-config.json` at the site's
   * root by the site build. Without it (a site published elsewhere) no such file is written, and the page offers no
   * upload.
   */
  readonly uploadConfig?: UploadConfig;
}

/**
 * The publish step of the workflow: rebuilds the dashboards from the published indicators, with the validator
 * page's upload settings when there are some, and publishes them into the site bucket (`publishBuild`: the
 * content-hashed files before the pages that load them, then what earlier builds published and this one does not
 * deleted at once, then the superseded builds' files pruned once no open page may need them).
 */
export function createPublishSiteHandler(dependencies: PublishSiteDependencies) {
  const clock = dependencies.clock ?? (() => new Date());
  return async (): Promise<{
    readonly pages: number;
    readonly charts: number;
    readonly pruned: number;
    readonly withdrawn: number;
  }> => {
    const publishedAt = clock();
    const built = memorySiteWriter();
    const build = await buildPublishedSite(
      await readPublishedIndicators(dependencies.published),
      {
        countries: dependencies.countries,
        generatedAt: publishedAt.toISOString(),
        clientFiles: await dependencies.clientFiles(),
        uploadConfig: dependencies.uploadConfig,
      },
      built,
    );
    const published = await publishBuild(dependencies.site, built.files, {
      publishedAt,
      clock,
      gracePeriodDays: dependencies.supersededFilesGraceDays,
    });
    dependencies.logger.info("site published", {
      pages: build.pages.length,
      charts: build.specs,
      record: published.record,
      pruned: published.prunedFiles,
      prunedRecords: published.prunedRecords,
      withdrawn: published.withdrawn,
      stalePages: published.stalePages,
    });
    return {
      pages: build.pages.length,
      charts: build.specs,
      pruned: published.prunedFiles,
      withdrawn: published.withdrawn,
    };
  };
}
