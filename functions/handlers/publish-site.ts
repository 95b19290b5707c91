import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { CLIENT_BUNDLE_DIR } from "../../site/client/client-files.js";
import { parseUploadConfig } from "../../site/client/upload/upload-config.js";
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
  uploadConfig: env.json("UPLOAD_CONFIG", parseUploadConfig),
  supersededFilesGraceDays: env.integer("SUPERSEDED_FILES_GRACE_DAYS", { min: 1, max: 365 }),
});

const s3 = createS3Client();

/** The browser files built beside the code at bundling time. */
async function readClientFiles(): Promise<Record<string, string>> {
  const dir = projectPath(CLIENT_BUNDLE_DIR);
  const files: Record<string, string> = {};
  for (const name of await readdir(dir)) files[name] = await readFile(join(dir, name), "utf8");
  return files;
}

/** Lambda entry point of the publish step (see `createPublishSiteHandler`). */
export const handler = createPublishSiteHandler({
  published: new S3ObjectStore({ client: s3, bucket: config.curatedBucket, keyPrefix: PUBLISHED_PREFIX }),
  site: new S3ObjectStore({ client: s3, bucket: config.siteBucket }),
  countries: bundledCountryTable(),
  logger: jsonLogger("publish-site"),
  clientFiles: readClientFiles,
  uploadConfig: config.uploadConfig,
  supersededFilesGraceDays: config.supersededFilesGraceDays,
});
