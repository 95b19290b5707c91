import { randomBytes } from "node:crypto";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import {
  AccessDeniedError,
  type IdentityClaims,
  issueUpload,
  listUploadResults,
  readUploadResult,
  type Uploader,
  type UploaderAccess,
  uploaderOf,
} from "../core/uploads/upload-access.js";
import { apiMessages } from "./api-messages.js";
import type { Logger } from "./log.js";

export interface UploadApiDependencies {
  /** Obtains access scoped to the uploader (on AWS: a role session tagged with its hub_id). */
  readonly accessFor: (uploader: Uploader) => Promise<UploaderAccess>;
  readonly councilGroup: string;
  readonly maxUploadBytes: number;
  readonly uploadUrlTtlSeconds: number;
  readonly logger: Logger;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** @default 8 random bytes as hex */
  readonly randomHex?: () => string;
}

type Response = APIGatewayProxyStructuredResultV2;

function json(statusCode: number, body: unknown): Response {
  return {
    statusCode,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    body: JSON.stringify(body),
  };
}

const error = (statusCode: number, message: string) => json(statusCode, { error: message });

/**
 * The upload API behind an HTTP API with a JWT authorizer: `POST /uploads` issues a presigned upload under the
 * caller's own prefix, `GET /results` lists the caller's validation results and `GET /results/{uploadId}` returns
 * one. Identity comes only from the verified token's claims; storage is reached only through access scoped to
 * that identity, so a bug here still cannot reach another hub's files.
 */
export function createUploadApiHandler(dependencies: UploadApiDependencies) {
  const clock = dependencies.clock ?? (() => new Date());
  const randomHex = dependencies.randomHex ?? (() => randomBytes(8).toString("hex"));
  return async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<Response> => {
    const requestId = event.requestContext.requestId;
    const claims = event.requestContext.authorizer?.jwt?.claims as IdentityClaims | undefined;
    if (!claims) return error(401, apiMessages.notSignedIn);
    let uploader: Uploader;
    try {
      uploader = uploaderOf(claims, dependencies.councilGroup);
    } catch (denied) {
      if (denied instanceof AccessDeniedError) return error(403, denied.message);
      throw denied;
    }
    try {
      switch (event.routeKey) {
        case "POST /uploads": {
          const access = await dependencies.accessFor(uploader);
          const issued = await issueUpload(
            {
              signer: access.signer,
              now: clock(),
              randomHex: randomHex(),
              maxBytes: dependencies.maxUploadBytes,
              expiresInSeconds: dependencies.uploadUrlTtlSeconds,
            },
            uploader,
          );
          dependencies.logger.info("upload issued", { uploader: uploader.id, upload_id: issued.upload_id });
          return json(201, { ...issued, result: `/results/${issued.upload_id}` });
        }
        case "GET /results": {
          const limitText = event.queryStringParameters?.limit ?? "50";
          const limit = Number(limitText);
          if (!/^\d+$/.test(limitText) || limit < 1 || limit > 200) return error(400, apiMessages.badLimit);
          const access = await dependencies.accessFor(uploader);
          return json(200, {
            uploader: uploader.id,
            results: await listUploadResults(access.results, uploader, limit),
          });
        }
        case "GET /results/{uploadId}": {
          const uploadId = event.pathParameters?.uploadId ?? "";
          const access = await dependencies.accessFor(uploader);
          const result = await readUploadResult(access.results, uploader, uploadId);
          return result ? json(200, result) : error(404, apiMessages.noResultYet(uploadId));
        }
        default:
          return error(404, apiMessages.unknownRoute(event.routeKey));
      }
    } catch (failure) {
      dependencies.logger.error("request failed", {
        request_id: requestId,
        uploader: uploader.id,
        route: event.routeKey,
        error: failure instanceof Error ? failure.message : String(failure),
      });
      return error(500, apiMessages.internalError(requestId));
    }
  };
}
