import { createS3Client } from "../adapters/aws/s3-client.js";
import { S3ObjectStore } from "../adapters/aws/s3-store.js";
import { createCompactLakeHandler } from "./compact-lake-handler.js";
import { env, readConfig } from "./config.js";
import { jsonLogger } from "./log.js";

const config = readConfig({
  curatedBucket: env.string("CURATED_BUCKET"),
});

/** Lambda entry point of the compaction step (see `createCompactLakeHandler`). */
export const handler = createCompactLakeHandler({
  lake: new S3ObjectStore({ client: createS3Client(), bucket: config.curatedBucket }),
  logger: jsonLogger("compact-lake"),
});
