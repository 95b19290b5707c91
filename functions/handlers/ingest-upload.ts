import { SFNClient } from "@aws-sdk/client-sfn";
import { lakeOnS3 } from "../adapters/aws/lake-on-s3.js";
import { debouncedRecompute } from "../adapters/aws/recompute-trigger.js";
import { createS3Client } from "../adapters/aws/s3-client.js";
import { LakeReader } from "../core/lake/lake-reader.js";
import { bundledCountryTable } from "../core/reference/countries.js";
import { env, readConfig } from "./config.js";
import { createIngestUploadHandler } from "./ingest-upload-handler.js";
import { jsonLogger } from "./log.js";

const config = readConfig({
  rawBucket: env.string("RAW_BUCKET"),
  curatedBucket: env.string("CURATED_BUCKET"),
  stateMachineArn: env.string("RECOMPUTE_STATE_MACHINE_ARN"),
  debounceSeconds: env.integer("RECOMPUTE_DEBOUNCE_SECONDS", { min: 1, max: 3600, default: 300 }),
  maxUploadBytes: env.integer("MAX_UPLOAD_BYTES", { min: 1, max: 5 * 1024 ** 3 }),
  evidenceRetentionDays: env.integer("EVIDENCE_RETENTION_DAYS", { min: 1, max: 36500 }),
});

const store = lakeOnS3({
  client: createS3Client(),
  rawBucket: config.rawBucket,
  curatedBucket: config.curatedBucket,
  evidenceRetention: { mode: "GOVERNANCE", days: config.evidenceRetentionDays },
});

/** Lambda entry point of ingest (see `createIngestUploadHandler`). */
export const handler = createIngestUploadHandler({
  store,
  reader: new LakeReader(store),
  countries: bundledCountryTable(),
  maxBytes: config.maxUploadBytes,
  uploadBucket: config.rawBucket,
  recompute: debouncedRecompute({
    sfn: new SFNClient({}),
    stateMachineArn: config.stateMachineArn,
    debounceSeconds: config.debounceSeconds,
  }),
  logger: jsonLogger("ingest-upload"),
});
