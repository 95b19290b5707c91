import { readFile } from "node:fs/promises";
import { CLIENT_BUNDLE } from "../../reports/client/bundle-path.js";
import { PUBLISHED_PREFIX } from "../adapters/aws/published.js";
import { createS3Client } from "../adapters/aws/s3-client.js";
import { S3ObjectStore } from "../adapters/aws/s3-store.js";
import { projectPath } from "../core/project-files.js";
import { bundledCountryTable } from "../core/reference/countries.js";
import { env, readConfig } from "./config.js";
import { jsonLogger } from "./log.js";
import { createPublishSiteHandler } from "./publish-site-handler.js";

const config = readConfig({
  curatedBucket: env.string("CURATED_BUCKET"),
  siteBucket: env.string("SITE_BUCKET"),
});

const s3 = createS3Client();

/** Lambda entry point of the publish step (see `createPublishSiteHandler`). */
export const handler = createPublishSiteHandler({
  published: new S3ObjectStore({ client: s3, bucket: config.curatedBucket, keyPrefix: PUBLISHED_PREFIX }),
  site: new S3ObjectStore({ client: s3, bucket: config.siteBucket }),
  countries: bundledCountryTable(),
  logger: jsonLogger("publish-site"),
  clientScript: () => readFile(projectPath(CLIENT_BUNDLE), "utf8"),
});
