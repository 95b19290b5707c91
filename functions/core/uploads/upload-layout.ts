import { isValidUploader } from "../reporting/kinds.js";

/** An upload id: when it was issued, then randomness, e.g. `20261120T101500Z-3f9c2a1be0d47c65`. */
const UPLOAD_ID = /^\d{8}T\d{6}Z-[0-9a-f]{16}$/;

/**
 * The formats a presigned upload may carry, by the file-name extension of its key and the `Content-Type` its POST
 * policy requires. Ingest recognises a file by its bytes, never by this name: the extension only keeps the raw
 * zone's copy named as what the uploader said it was.
 */
export const UPLOAD_FORMATS = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
} as const;

/** A format an upload may have: `csv`, `xlsx` or `ods`. */
export type UploadFormat = keyof typeof UPLOAD_FORMATS;

/** Whether a value names an upload format. */
export function isUploadFormat(value: unknown): value is UploadFormat {
  return typeof value === "string" && Object.hasOwn(UPLOAD_FORMATS, value);
}

/** Where an upload lives, as keys of the lake's store: what the uploader sent, and what the observatory answered. */
export interface UploadLocation {
  /** A hub_id, or `council`. */
  readonly uploader: string;
  readonly uploadId: string;
}

/** Where an uploaded file lives: its location and the format it was announced as. */
export interface UploadFileLocation extends UploadLocation {
  /** @default "csv" */
  readonly format?: UploadFormat;
}

/**
 * Keys of the upload flow, in the raw zone (on AWS, the raw bucket):
 * - `uploads/<uploader>/<upload_id>.<csv|xlsx|ods>`: the file as the uploader sent it (a presigned POST writes it);
 * - `results/<uploader>/<upload_id>.json`: its validation result, readable by that uploader only.
 * The uploader is the first path segment of both, so that access policies can scope each uploader to its own.
 */
export const uploadLayout = {
  uploadPrefix: (uploader: string) => `uploads/${uploader}/`,
  uploadKey: ({ uploader, uploadId, format = "csv" }: UploadFileLocation) =>
    `uploads/${uploader}/${uploadId}.${format}`,
  resultPrefix: (uploader: string) => `results/${uploader}/`,
  resultKey: ({ uploader, uploadId }: UploadLocation) => `results/${uploader}/${uploadId}.json`,
  /** The uploader, upload id and format of an upload key, or undefined when the key is not one. */
  parseUploadKey(key: string): Required<UploadFileLocation> | undefined {
    const match = /^uploads\/([^/]+)\/([^/]+)\.([a-z]+)$/.exec(key);
    if (!match) return undefined;
    const [, uploader = "", uploadId = "", format] = match;
    if (!isUploadFormat(format)) return undefined;
    return isValidUploader(uploader) && isUploadId(uploadId) ? { uploader, uploadId, format } : undefined;
  },
  /** The upload id of a result key of the uploader's, or undefined. */
  uploadIdOfResultKey(uploader: string, key: string): string | undefined {
    const prefix = `results/${uploader}/`;
    if (!key.startsWith(prefix) || !key.endsWith(".json")) return undefined;
    const uploadId = key.slice(prefix.length, -".json".length);
    return isUploadId(uploadId) ? uploadId : undefined;
  },
} as const;

export function isUploadId(value: string): boolean {
  return UPLOAD_ID.test(value);
}

/** A UTC time to the second in ISO 8601's basic format, e.g. `20261120T101500Z`: safe in keys and names. */
export function basicUtcTimestamp(time: Date): string {
  return time
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** A fresh upload id; ids sort by the time they were issued. */
export function newUploadId(now: Date, randomHex: string): string {
  const id = `${basicUtcTimestamp(now)}-${randomHex}`;
  if (!isUploadId(id)) throw new Error(`not an upload id: ${id}`);
  return id;
}
