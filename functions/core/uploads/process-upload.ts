import { type ByteSource, SourceGoneError } from "../../ports/byte-source.js";
import { ObjectExistsError } from "../../ports/object-store.js";
import { type IngestDependencies, type IngestOutcome, ingestReport } from "../ingest.js";
import { outcomeDocument, readStoredResult, type UploadResult } from "./result-document.js";
import { uploadLayout } from "./upload-layout.js";

/** A file that arrived in the upload area, as the storage event describes it. */
export interface ArrivedUpload {
  readonly key: string;
  /** Its size in bytes, as the event reports it; larger files are rejected without being read. */
  readonly size: number;
  readonly receivedAt: Date;
  /** Its bytes from the first, as a stream (each call reads it again), or undefined when it is no longer there. */
  open(): Promise<AsyncIterable<Uint8Array> | undefined>;
}

export type ProcessedUpload =
  | { readonly status: "processed"; readonly result: UploadResult }
  /** The upload already has a result (a repeated event): nothing was done again. */
  | { readonly status: "already-processed"; readonly result: UploadResult }
  /** Not an upload the observatory can attribute: nothing was done. */
  | { readonly status: "ignored"; readonly reason: string };

/**
 * Processes one upload: validates and ingests it as the CLI would, reading it as a stream (in bounded memory), then
 * stores its result where only its uploader can read it. Idempotent: a repeated event for the same upload changes
 * nothing and returns the stored result, and an upload whose earlier processing stopped after the commit gets its
 * result written now. An upload that is no longer there is ignored (ingest leaves no report of it).
 */
export async function processUpload(
  dependencies: IngestDependencies,
  upload: ArrivedUpload,
): Promise<ProcessedUpload> {
  const location = uploadLayout.parseUploadKey(upload.key);
  if (!location)
    return {
      status: "ignored",
      reason: `${upload.key} is not an upload key (uploads/<uploader>/<upload id>.csv)`,
    };
  const { store } = dependencies;
  const resultKey = uploadLayout.resultKey(location);
  const stored = await readStoredResult(store, resultKey);
  if (stored) return { status: "already-processed", result: stored };

  const fileName = `${location.uploadId}.csv`;
  const source: ByteSource = {
    size: upload.size,
    async *chunks() {
      const stream = await upload.open();
      if (!stream) throw new SourceGoneError(upload.key);
      yield* stream;
    },
  };
  let outcome: IngestOutcome;
  try {
    outcome = await ingestReport(dependencies, {
      fileName,
      source,
      uploader: location.uploader,
      uploadId: location.uploadId,
      receivedAt: upload.receivedAt,
    });
  } catch (error) {
    if (error instanceof SourceGoneError) return { status: "ignored", reason: error.message };
    throw error;
  }
  const result: UploadResult = {
    upload_id: location.uploadId,
    uploader: location.uploader,
    received_at: upload.receivedAt.toISOString(),
    processed_at: (dependencies.clock ?? (() => new Date()))().toISOString(),
    ...outcomeDocument(outcome),
  };
  try {
    await store.put(resultKey, new TextEncoder().encode(`${JSON.stringify(result, null, 1)}\n`), {
      ifAbsent: true,
      contentType: "application/json",
    });
  } catch (error) {
    if (!(error instanceof ObjectExistsError)) throw error;
    const written = await readStoredResult(store, resultKey);
    if (written) return { status: "already-processed", result: written };
    throw error;
  }
  return { status: "processed", result };
}
