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
import { isUploadFormat, type UploadFormat } from "../core/uploads/upload-layout.js";
import { apiMessages } from "./api-messages.js";
import type { Logger } from "./log.js";

export interface UploadApiDependencies {
  /** Obtains access scoped to the uploader (on AWS: a role session tagged with its hub_id). */
  readonly accessFor: (uploader: Uploader) => Promise<UploaderAccess>;
  readonly councilGroup: string;
  readonly maxUploadBytes: number;
  readonly uploadUrlTtlSeconds: number;
  readonly logger: Logger;
  /**
   * The one origin whose pages may call the API from a browser (the published site's, e.g.
   * `https://d111111abcdef8.cloudfront.net`): its preflights are answered and its responses carry
   * `Access-Control-Allow-Origin`. Any other origin gets no CORS header, so browsers withhold the answer.
   */
  readonly siteOrigin: string;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** @default 8 random bytes as hex */
  readonly randomHex?: () => string;
}

type Response = APIGatewayProxyStructuredResultV2;

/** The methods and request headers a browser may use across origins: what the site's page sends, nothing more. */
export const CORS_ALLOWED_METHODS = ["GET", "POST"] as const;
export const CORS_ALLOWED_HEADERS = ["authorization", "content-type"] as const;
/** How long a browser may reuse a preflight's answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/** The preflight route: unauthenticated (browsers send no token with a preflight), answered by this handler. */
export const PREFLIGHT_ROUTE = "OPTIONS /{proxy+}";

function json(statusCode: number, body: unknown): Response {
  return {
    statusCode,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    body: JSON.stringify(body),
  };
}

const error = (statusCode: number, message: string) => json(statusCode, { error: message });

/** A request header, whatever its case (HTTP APIs pass them lower-cased, tests and proxies may not). */
function headerOf(event: APIGatewayProxyEventV2WithJWTAuthorizer, name: string): string | undefined {
  for (const [key, value] of Object.entries(event.headers ?? {}))
    if (key.toLowerCase() === name) return value;
  return undefined;
}

/** The answer to a CORS preflight: allowed only for the site's origin, its two methods and two headers. */
function preflight(event: APIGatewayProxyEventV2WithJWTAuthorizer, siteOrigin: string): Response {
  const method = headerOf(event, "access-control-request-method") ?? "";
  const requested = (headerOf(event, "access-control-request-headers") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const allowed =
    headerOf(event, "origin") === siteOrigin &&
    (CORS_ALLOWED_METHODS as readonly string[]).includes(method) &&
    requested.every((name) => (CORS_ALLOWED_HEADERS as readonly string[]).includes(name));
  if (!allowed) return { statusCode: 403, headers: { vary: "Origin", "cache-control": "no-store" } };
  return {
    statusCode: 204,
    headers: {
      "access-control-allow-origin": siteOrigin,
      "access-control-allow-methods": CORS_ALLOWED_METHODS.join(", "),
      "access-control-allow-headers": CORS_ALLOWED_HEADERS.join(", "),
      "access-control-max-age": String(CORS_MAX_AGE_SECONDS),
      vary: "Origin",
    },
  };
}

/** A response as the site's origin may read it (and as no other origin may). */
function withCors(response: Response, requestOrigin: string | undefined, siteOrigin: string): Response {
  const headers: Record<string, string | number | boolean> = { ...response.headers, vary: "Origin" };
  if (requestOrigin === siteOrigin) headers["access-control-allow-origin"] = siteOrigin;
  return { ...response, headers };
}

/** The format asked for in a `POST /uploads` body (`{"format":"xlsx"}`), CSV when the body names none. */
function requestedFormat(event: APIGatewayProxyEventV2WithJWTAuthorizer): UploadFormat | undefined {
  const text = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, "base64").toString("utf8")
      : event.body
    : "";
  if (!text.trim()) return "csv";
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const format = (parsed as { format?: unknown }).format;
  if (format === undefined) return "csv";
  return isUploadFormat(format) ? format : undefined;
}

/**
 * The upload API behind an HTTP API with a JWT authorizer: `POST /uploads` issues a presigned upload under the
 * caller's own prefix, `GET /results` lists the caller's validation results and `GET /results/{uploadId}` returns
 * one. Identity comes only from the verified token's claims; storage is reached only through access scoped to
 * that identity, so a bug here still cannot reach another hub's files. `POST /uploads` takes an optional JSON body
 * `{"format": "csv" | "xlsx" | "ods"}` (CSV when absent). CORS: preflights (`OPTIONS`, the one route without the
 * authorizer) and responses allow the site's origin only; tokens travel in the `Authorization` header, never in
 * cookies, so no credentials are allowed.
 */
export function createUploadApiHandler(dependencies: UploadApiDependencies) {
  const { siteOrigin } = dependencies;
  const answer = createRouter(dependencies);
  return async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<Response> => {
    if (event.routeKey === PREFLIGHT_ROUTE) return preflight(event, siteOrigin);
    return withCors(await answer(event), headerOf(event, "origin"), siteOrigin);
  };
}

function createRouter(dependencies: UploadApiDependencies) {
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
          const format = requestedFormat(event);
          if (!format) return error(400, apiMessages.badUploadRequest);
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
            format,
          );
          dependencies.logger.info("upload issued", {
            uploader: uploader.id,
            upload_id: issued.upload_id,
            format,
          });
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
