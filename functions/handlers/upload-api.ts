import { STSClient } from "@aws-sdk/client-sts";
import { scopedUploaderAccess } from "../adapters/aws/scoped-access.js";
import { env, readConfig } from "./config.js";
import { jsonLogger } from "./log.js";
import { createUploadApiHandler } from "./upload-api-handler.js";

const config = readConfig({
  rawBucket: env.string("RAW_BUCKET"),
  hubRoleArn: env.string("HUB_ACCESS_ROLE_ARN"),
  councilRoleArn: env.string("COUNCIL_ACCESS_ROLE_ARN"),
  councilGroup: env.string("COUNCIL_GROUP"),
  maxUploadBytes: env.integer("MAX_UPLOAD_BYTES", { min: 1, max: 5 * 1024 ** 3 }),
  uploadUrlTtlSeconds: env.integer("UPLOAD_URL_TTL_SECONDS", { min: 60, max: 900, default: 300 }),
  siteOrigin: env.origin("SITE_ORIGIN"),
});

/** Lambda entry point of the upload API (see `createUploadApiHandler`). */
export const handler = createUploadApiHandler({
  accessFor: scopedUploaderAccess({
    sts: new STSClient({}),
    rawBucket: config.rawBucket,
    hubRoleArn: config.hubRoleArn,
    councilRoleArn: config.councilRoleArn,
  }),
  councilGroup: config.councilGroup,
  maxUploadBytes: config.maxUploadBytes,
  uploadUrlTtlSeconds: config.uploadUrlTtlSeconds,
  siteOrigin: config.siteOrigin,
  logger: jsonLogger("upload-api"),
});
