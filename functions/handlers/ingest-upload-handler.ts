import type { S3Event } from "aws-lambda";
import type { RecomputeTrigger } from "../adapters/aws/recompute-trigger.js";
import type { IngestDependencies } from "../core/ingest.js";
import { type ProcessedUpload, processUpload } from "../core/uploads/process-upload.js";
import type { Logger } from "./log.js";

export interface IngestUploadDependencies extends IngestDependencies {
  /** The bucket uploads arrive in; events from any other bucket are refused. */
  readonly uploadBucket: string;
  readonly recompute: RecomputeTrigger;
  readonly logger: Logger;
}

/** An S3 event's object key, which S3 sends URL-encoded with `+` for spaces. */
export function decodeEventKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, " "));
}

/**
 * Handles S3 "object created" events of the upload area: each record is validated and ingested exactly as
 * `observatory ingest` would, and its result stored for the uploader. S3 delivers events at least once and in
 * no guaranteed order; a repeated record returns the stored result and changes nothing, and a late one cannot
 * replace a newer upload (reports supersede each other by upload time). An unexpected failure is thrown so
 * that Lambda retries the event and, in the end, sends it to the dead-letter queue.
 */
export function createIngestUploadHandler(dependencies: IngestUploadDependencies) {
  const { store, logger } = dependencies;
  return async (event: S3Event): Promise<{ readonly processed: ProcessedUpload["status"][] }> => {
    const statuses: ProcessedUpload["status"][] = [];
    for (const record of event.Records ?? []) {
      const bucket = record.s3.bucket.name;
      if (bucket !== dependencies.uploadBucket)
        throw new Error(
          `event for bucket ${bucket}, but this function ingests uploads of ${dependencies.uploadBucket}`,
        );
      const key = decodeEventKey(record.s3.object.key);
      const processed = await processUpload(dependencies, {
        key,
        size: record.s3.object.size,
        receivedAt: new Date(record.eventTime),
        open: () => store.getStream(key),
      });
      statuses.push(processed.status);
      if (processed.status === "ignored") {
        logger.warn("upload ignored", { key, reason: processed.reason });
        continue;
      }
      const { result } = processed;
      logger.info(processed.status === "processed" ? "upload processed" : "upload already processed", {
        key,
        uploader: result.uploader,
        upload_id: result.upload_id,
        status: result.status,
        report_id: result.report?.report_id ?? null,
        problems: result.problems.length,
      });
      if (processed.status === "processed" && result.status === "accepted")
        await dependencies.recompute(new Date(result.processed_at));
    }
    return { processed: statuses };
  };
}
