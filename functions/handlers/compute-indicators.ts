import { AthenaClient } from "@aws-sdk/client-athena";
import { AthenaEngine } from "../adapters/aws/athena-engine.js";
import { manifestSource } from "../adapters/aws/athena-tables.js";
import { PUBLISHED_PREFIX } from "../adapters/aws/published.js";
import { createS3Client } from "../adapters/aws/s3-client.js";
import { S3ObjectStore } from "../adapters/aws/s3-store.js";
import { frameworkVersions, newestFrameworkVersion } from "../core/framework/framework.js";
import { LakeReader } from "../core/lake/lake-reader.js";
import { bundledCountryTable } from "../core/reference/countries.js";
import { createComputeIndicatorsHandler } from "./compute-indicators-handler.js";
import { env, readConfig } from "./config.js";
import { jsonLogger } from "./log.js";

const config = readConfig({
  curatedBucket: env.string("CURATED_BUCKET"),
  workGroup: env.string("ATHENA_WORKGROUP"),
  database: env.string("GLUE_DATABASE"),
  stagingWorkGroup: env.string("ATHENA_STAGING_WORKGROUP"),
  stagingBucket: env.string("STAGING_BUCKET"),
  /** The function's own timeout: a compute run that started longer ago (and a margin) is dead, and swept. */
  timeoutSeconds: env.integer("COMPUTE_TIMEOUT_SECONDS", { min: 1, max: 900 }),
  frameworkVersion: env.oneOf("FRAMEWORK_VERSION", frameworkVersions(), {
    default: newestFrameworkVersion(),
  }),
});

const s3 = createS3Client();
const athena = new AthenaClient({});

const lake = new S3ObjectStore({ client: s3, bucket: config.curatedBucket });

/** Lambda entry point of the compute step (see `createComputeIndicatorsHandler`). */
export const handler = createComputeIndicatorsHandler({
  lake,
  published: new S3ObjectStore({ client: s3, bucket: config.curatedBucket, keyPrefix: PUBLISHED_PREFIX }),
  openEngine: async () =>
    new AthenaEngine({
      client: athena,
      workGroup: config.workGroup,
      database: config.database,
      staging: {
        workGroup: config.stagingWorkGroup,
        s3,
        bucket: config.stagingBucket,
        sweepDeadRuns: { runTimeoutMs: config.timeoutSeconds * 1000 },
      },
      sources: [manifestSource(await new LakeReader(lake).writeCheckpoint())],
    }),
  countries: bundledCountryTable(),
  logger: jsonLogger("compute-indicators"),
  frameworkVersion: config.frameworkVersion,
});
