/**
 * A file handed in for ingest, read as a stream of chunks as often as needed: once to validate and hash it, again to
 * keep it byte for byte and convert it (a local file, an S3 object, bytes already in memory). Each read starts at
 * the first byte.
 */
export interface ByteSource {
  /** Its size in bytes, as known before reading (a file's, a storage event's). */
  readonly size: number;
  /** Its bytes from the first, in chunks. Throws a {@link SourceError} when the file cannot be read. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** Why a source could not be read (as opposed to a failure of the lake). */
export abstract class SourceError extends Error {}

/** The source is no longer there (the upload was removed, the file deleted). */
export class SourceGoneError extends SourceError {
  constructor(readonly location: string) {
    super(`${location} is no longer there`);
    this.name = "SourceGoneError";
  }
}

/** The source changed between two reads: its bytes or size are not the ones read before. */
export class SourceChangedError extends SourceError {
  constructor(
    readonly location: string,
    detail: string,
  ) {
    super(`${location} changed while it was being ingested (${detail})`);
    this.name = "SourceChangedError";
  }
}

/** Reading the source failed; `cause` is the system's error. */
export class SourceReadError extends SourceError {
  constructor(
    readonly location: string,
    cause: unknown,
  ) {
    super(`${location} could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "SourceReadError";
  }
}

/** How much of a source in memory one chunk holds. */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** Bytes already in memory as a source, in chunks of `chunkBytes` (views, not copies). */
export function bytesSource(bytes: Uint8Array, chunkBytes = DEFAULT_CHUNK_BYTES): ByteSource {
  if (!(Number.isInteger(chunkBytes) && chunkBytes > 0))
    throw new Error(`chunkBytes must be a whole number above 0, not ${chunkBytes}`);
  return {
    size: bytes.byteLength,
    async *chunks() {
      for (let start = 0; start < bytes.byteLength; start += chunkBytes)
        yield bytes.subarray(start, Math.min(start + chunkBytes, bytes.byteLength));
    },
  };
}
