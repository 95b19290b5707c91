import type { ObjectStore } from "../../ports/object-store.js";
import { COUNCIL, isValidUploader } from "../reporting/kinds.js";
import { readStoredResult, type UploadResult } from "./result-document.js";
import { isUploadId, newUploadId, UPLOAD_FORMATS, type UploadFormat, uploadLayout } from "./upload-layout.js";

/** Raised when a signed-in user may not upload: no hub and no Council role, or both. */
export class AccessDeniedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccessDeniedError";
  }
}

/** Who is uploading: a hub (by its hub_id) or the Global Council (reference data). */
export interface Uploader {
  readonly id: string;
  readonly role: "hub" | "council";
}

/** The claims of a verified identity token that name the uploader. */
export interface IdentityClaims {
  readonly "custom:hub_id"?: unknown;
  readonly "cognito:groups"?: unknown;
}

/** Group names of a `cognito:groups` claim: an array, or the `[a b]` string an HTTP API JWT authorizer passes on. */
function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== "string") return [];
  return claim
    .replace(/^\[|\]$/g, "")
    .split(/[\s,]+/)
    .filter(Boolean);
}

/**
 * The uploader a verified token speaks for: its `custom:hub_id` attribute (which only administrators can set),
 * or the Council when the user is in the Council group. A user with both, or neither, is refused: one account
 * acts for one uploader.
 */
export function uploaderOf(claims: IdentityClaims, councilGroup: string): Uploader {
  const hubId = typeof claims["custom:hub_id"] === "string" ? claims["custom:hub_id"].trim() : "";
  const council = groupsOf(claims["cognito:groups"]).includes(councilGroup);
  if (hubId && council)
    throw new AccessDeniedError(
      "this account has both a hub and the Global Council role; ask an administrator to split it into two accounts",
    );
  if (council) return { id: COUNCIL, role: "council" };
  if (!hubId)
    throw new AccessDeniedError("this account belongs to no hub; ask an administrator to set its hub_id");
  if (hubId === COUNCIL || !isValidUploader(hubId))
    throw new AccessDeniedError(`this account's hub_id ${JSON.stringify(hubId)} is not a valid hub id`);
  return { id: hubId, role: "hub" };
}

/** The conditions a presigned upload enforces at the storage service. */
export interface UploadPolicy {
  readonly key: string;
  readonly maxBytes: number;
  readonly contentType: string;
  readonly expiresInSeconds: number;
}

/** Signs a browser-style POST upload of exactly one object, valid for a short time. */
export interface UploadSigner {
  presignUpload(
    policy: UploadPolicy,
  ): Promise<{ readonly url: string; readonly fields: Record<string, string> }>;
}

/** Storage access scoped to one uploader: credentials that can reach only that uploader's uploads and results. */
export interface UploaderAccess {
  readonly results: ObjectStore;
  readonly signer: UploadSigner;
}

/** What an uploader gets back: where to POST the file and with which form fields. */
export interface IssuedUpload {
  readonly upload_id: string;
  readonly url: string;
  readonly fields: Record<string, string>;
  readonly expires_at: string;
  readonly max_bytes: number;
  /** The format the upload was issued for: the key's extension and the `Content-Type` its policy requires. */
  readonly format: UploadFormat;
}

/** Issues a short-lived, single-object upload of one format (CSV unless told) under the uploader's own prefix. */
export async function issueUpload(
  dependencies: {
    readonly signer: UploadSigner;
    readonly now: Date;
    readonly randomHex: string;
    readonly maxBytes: number;
    readonly expiresInSeconds: number;
  },
  uploader: Uploader,
  format: UploadFormat = "csv",
): Promise<IssuedUpload> {
  const uploadId = newUploadId(dependencies.now, dependencies.randomHex);
  const { url, fields } = await dependencies.signer.presignUpload({
    key: uploadLayout.uploadKey({ uploader: uploader.id, uploadId, format }),
    maxBytes: dependencies.maxBytes,
    contentType: UPLOAD_FORMATS[format],
    expiresInSeconds: dependencies.expiresInSeconds,
  });
  return {
    upload_id: uploadId,
    url,
    fields,
    expires_at: new Date(dependencies.now.getTime() + dependencies.expiresInSeconds * 1000).toISOString(),
    max_bytes: dependencies.maxBytes,
    format,
  };
}

/** A line of the uploader's result list. */
export interface ResultSummary {
  readonly upload_id: string;
  readonly status: UploadResult["status"];
  readonly kind: UploadResult["kind"];
  readonly received_at: string;
  readonly problems: number;
}

/** The uploader's newest results first (upload ids sort by time), at most `limit`. */
export async function listUploadResults(
  store: ObjectStore,
  uploader: Uploader,
  limit: number,
): Promise<ResultSummary[]> {
  const ids = (await store.list(uploadLayout.resultPrefix(uploader.id)))
    .map((key) => uploadLayout.uploadIdOfResultKey(uploader.id, key))
    .filter((id): id is string => id !== undefined)
    .sort()
    .reverse()
    .slice(0, limit);
  const results = await Promise.all(ids.map((uploadId) => readUploadResult(store, uploader, uploadId)));
  return results
    .filter((result): result is UploadResult => result !== undefined)
    .map((result) => ({
      upload_id: result.upload_id,
      status: result.status,
      kind: result.kind,
      received_at: result.received_at,
      problems: result.problems.length,
    }));
}

/** One of the uploader's results, or undefined when the upload is unknown or not processed yet. */
export async function readUploadResult(
  store: ObjectStore,
  uploader: Uploader,
  uploadId: string,
): Promise<UploadResult | undefined> {
  if (!isUploadId(uploadId)) return undefined;
  return readStoredResult(store, uploadLayout.resultKey({ uploader: uploader.id, uploadId }));
}
