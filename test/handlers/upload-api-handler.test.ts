/**
 * The upload API's handler, driven by API Gateway (HTTP API, JWT authorizer) event fixtures. Results are read
 * from a real S3-compatible server (s3rver over HTTP). STS, Cognito and API Gateway cannot run here: the role
 * session is a fake STS client that records what it was asked and hands out s3rver's credentials. IAM itself is
 * tested on the synthesised templates (test/infra); here we test that the handler asks for the right session.
 */
import { readFile } from "node:fs/promises";
import type { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { beforeEach, describe, expect, it } from "vitest";
import { S3ObjectStore } from "../../functions/adapters/aws/s3-store.js";
import { scopedUploaderAccess } from "../../functions/adapters/aws/scoped-access.js";
import { memoryLogger } from "../../functions/handlers/log.js";
import { createUploadApiHandler } from "../../functions/handlers/upload-api-handler.js";
import { type LocalS3, startS3rver } from "../helpers/s3rver.js";

const FIXTURES = new URL("../fixtures/events/", import.meta.url);
const RAW = "observatory-raw";
const HUB_ROLE = "arn:aws:iam::123456789012:role/HubAccessRole";
const COUNCIL_ROLE = "arn:aws:iam::123456789012:role/CouncilAccessRole";
const SITE = "https://d111111abcdef8.cloudfront.net";

async function apiEvent(name: string): Promise<APIGatewayProxyEventV2WithJWTAuthorizer> {
  return JSON.parse(
    await readFile(new URL(name, FIXTURES), "utf8"),
  ) as APIGatewayProxyEventV2WithJWTAuthorizer;
}

let s3: LocalS3;
let sessions: AssumeRoleCommand["input"][];
let logger: ReturnType<typeof memoryLogger>;
let handler: ReturnType<typeof createUploadApiHandler>;

beforeEach(async () => {
  s3 = await startS3rver([RAW]);
  sessions = [];
  logger = memoryLogger();
  const sts: Pick<STSClient, "send"> = {
    send: (async (command: AssumeRoleCommand) => {
      sessions.push(command.input);
      return {
        Credentials: {
          AccessKeyId: "S3RVER",
          SecretAccessKey: "S3RVER",
          SessionToken: "session-token",
          Expiration: new Date(),
        },
      };
    }) as STSClient["send"],
  };
  handler = createUploadApiHandler({
    accessFor: scopedUploaderAccess({
      sts,
      rawBucket: RAW,
      hubRoleArn: HUB_ROLE,
      councilRoleArn: COUNCIL_ROLE,
      s3: s3.clientOptions,
    }),
    councilGroup: "global-council",
    maxUploadBytes: 1024 * 1024,
    uploadUrlTtlSeconds: 300,
    siteOrigin: SITE,
    logger,
    clock: () => new Date("2026-11-20T10:00:00.000Z"),
    randomHex: () => "0123456789abcdef",
  });
});

function body(response: { body?: string }): Record<string, unknown> {
  return JSON.parse(response.body ?? "null") as Record<string, unknown>;
}

/** The conditions of a presigned POST's policy, which S3 enforces on the upload. */
function policyConditions(fields: Record<string, string>): unknown[] {
  const policy = JSON.parse(Buffer.from(fields.Policy ?? "", "base64").toString("utf8")) as {
    conditions: unknown[];
    expiration: string;
  };
  return policy.conditions;
}

describe("upload API", () => {
  it("gives a hub a short-lived upload that can only create its own upload key, under a size cap", async () => {
    const response = await handler(await apiEvent("api-post-uploads-hub.json"));
    expect(response.statusCode).toBe(201);
    const issued = body(response) as {
      upload_id: string;
      url: string;
      fields: Record<string, string>;
      expires_at: string;
      result: string;
    };
    expect(issued.upload_id).toBe("20261120T100000Z-0123456789abcdef");
    expect(issued.expires_at).toBe("2026-11-20T10:05:00.000Z");
    expect(issued.result).toBe("/results/20261120T100000Z-0123456789abcdef");
    expect(issued.fields.key).toBe("uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv");
    expect(issued.fields["X-Amz-Security-Token"]).toBe("session-token");
    expect(policyConditions(issued.fields)).toEqual(
      expect.arrayContaining([
        ["eq", "$key", "uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv"],
        ["content-length-range", 1, 1024 * 1024],
        ["eq", "$Content-Type", "text/csv"],
        { bucket: RAW },
      ]),
    );
    expect(sessions).toEqual([
      expect.objectContaining({
        RoleArn: HUB_ROLE,
        Tags: [{ Key: "hub_id", Value: "wm-ng" }],
        DurationSeconds: 900,
      }),
    ]);
  });

  it("gives the Global Council an upload under the council prefix, through the council role", async () => {
    const response = await handler(await apiEvent("api-post-uploads-council.json"));
    expect(response.statusCode).toBe(201);
    expect((body(response).fields as Record<string, string>).key).toBe(
      "uploads/council/20261120T100000Z-0123456789abcdef.csv",
    );
    expect(sessions).toEqual([expect.objectContaining({ RoleArn: COUNCIL_ROLE })]);
    expect(sessions[0]?.Tags).toBeUndefined();
  });

  it("refuses an account that belongs to no hub, without asking for any session", async () => {
    const response = await handler(await apiEvent("api-post-uploads-no-hub.json"));
    expect(response.statusCode).toBe(403);
    expect(body(response).error).toMatch(/belongs to no hub/);
    expect(sessions).toEqual([]);
  });

  it("refuses a request without verified claims", async () => {
    const event = await apiEvent("api-post-uploads-hub.json");
    const unauthenticated = { ...event, requestContext: { ...event.requestContext, authorizer: undefined } };
    const response = await handler(unauthenticated as unknown as APIGatewayProxyEventV2WithJWTAuthorizer);
    expect(response.statusCode).toBe(401);
  });

  it("returns a hub's result, and 404 with an explanation while it is not there yet", async () => {
    const event = await apiEvent("api-get-result-hub.json");
    const pending = await handler(event);
    expect(pending.statusCode).toBe(404);
    expect(body(pending).error).toMatch(/no result for upload 20261120T100000Z-0123456789abcdef yet/);

    const store = new S3ObjectStore({ client: s3.client, bucket: RAW });
    const result = {
      upload_id: "20261120T100000Z-0123456789abcdef",
      uploader: "wm-ng",
      status: "rejected",
      kind: "financial",
      received_at: "2026-11-20T10:00:01.000Z",
      problems: [{ severity: "error", code: "badAmount", row: 2, column: "amount", message: "…" }],
    };
    await store.put(
      "results/wm-ng/20261120T100000Z-0123456789abcdef.json",
      new TextEncoder().encode(JSON.stringify(result)),
    );
    const ready = await handler(event);
    expect(ready.statusCode).toBe(200);
    expect(body(ready)).toEqual(result);
    expect(ready.headers?.["cache-control"]).toBe("no-store");
  });

  it("lists only the calling hub's results, newest first", async () => {
    const store = new S3ObjectStore({ client: s3.client, bucket: RAW });
    const put = (uploader: string, uploadId: string, status: string) =>
      store.put(
        `results/${uploader}/${uploadId}.json`,
        new TextEncoder().encode(
          JSON.stringify({
            upload_id: uploadId,
            uploader,
            status,
            kind: "financial",
            received_at: "2026-11-20T10:00:00.000Z",
            problems: [],
          }),
        ),
      );
    await put("wm-ng", "20261119T090000Z-00000000000000a1", "accepted");
    await put("wm-ng", "20261120T090000Z-00000000000000a2", "rejected");
    await put("wm-ngx", "20261120T095000Z-00000000000000b1", "accepted");
    await put("wm-de", "20261120T095000Z-00000000000000c1", "accepted");

    const response = await handler(await apiEvent("api-get-results-hub.json"));
    expect(response.statusCode).toBe(200);
    const listed = body(response) as { uploader: string; results: { upload_id: string; status: string }[] };
    expect(listed.uploader).toBe("wm-ng");
    expect(listed.results.map((r) => [r.upload_id, r.status])).toEqual([
      ["20261120T090000Z-00000000000000a2", "rejected"],
      ["20261119T090000Z-00000000000000a1", "accepted"],
    ]);
  });

  it("answers a hub with a hostile upload id by 404, reading nothing outside its prefix", async () => {
    const event = await apiEvent("api-get-result-hub.json");
    for (const uploadId of ["../wm-de/20261120T095000Z-00000000000000c1", "%2e%2e", ""]) {
      const response = await handler({ ...event, pathParameters: { uploadId } });
      expect(response.statusCode).toBe(404);
    }
  });

  it("reports an internal failure without details, and logs them with the request id", async () => {
    const failing = createUploadApiHandler({
      accessFor: async () => {
        throw new Error("AccessDenied: sts:AssumeRole");
      },
      councilGroup: "global-council",
      maxUploadBytes: 1024,
      uploadUrlTtlSeconds: 300,
      siteOrigin: SITE,
      logger,
    });
    const response = await failing(await apiEvent("api-post-uploads-hub.json"));
    expect(response.statusCode).toBe(500);
    expect(body(response).error).toMatch(/Ab1CdEfGhIjKlM=/);
    expect(body(response).error).not.toMatch(/AssumeRole/);
    expect(logger.lines.at(-1)).toMatchObject({
      level: "ERROR",
      request_id: "Ab1CdEfGhIjKlM=",
      error: "AccessDenied: sts:AssumeRole",
    });
  });
});

describe("upload API: workbooks", () => {
  it("issues an .xlsx or .ods upload whose policy requires the workbook's content type", async () => {
    const event = await apiEvent("api-post-uploads-hub.json");
    for (const [format, contentType] of [
      ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["ods", "application/vnd.oasis.opendocument.spreadsheet"],
    ] as const) {
      const response = await handler({ ...event, body: JSON.stringify({ format }) });
      expect(response.statusCode).toBe(201);
      const issued = body(response) as { fields: Record<string, string>; format: string };
      const key = `uploads/wm-ng/20261120T100000Z-0123456789abcdef.${format}`;
      expect(issued.format).toBe(format);
      expect(issued.fields.key).toBe(key);
      expect(issued.fields["Content-Type"]).toBe(contentType);
      expect(policyConditions(issued.fields)).toEqual(
        expect.arrayContaining([
          ["eq", "$key", key],
          ["eq", "$Content-Type", contentType],
        ]),
      );
    }
  });

  it("issues a CSV upload when the body names no format, and refuses a format it does not know", async () => {
    const event = await apiEvent("api-post-uploads-hub.json");
    const plain = await handler({ ...event, body: undefined });
    expect((body(plain).fields as Record<string, string>).key).toMatch(/\.csv$/);
    for (const bad of ['{"format":"xls"}', '{"format":"../x"}', "not json", "[]"]) {
      const response = await handler({ ...event, body: bad });
      expect(response.statusCode).toBe(400);
      expect(body(response).error).toBe(
        'the request body must be empty or JSON such as {"format": "csv"}, where format is csv, xlsx or ods',
      );
    }
    expect(sessions).toHaveLength(1);
  });
});

describe("upload API: CORS for the site's origin only", () => {
  const preflight = async (headers: Record<string, string>) => {
    const event = await apiEvent("api-post-uploads-hub.json");
    return handler({
      ...event,
      routeKey: "OPTIONS /{proxy+}",
      headers,
      body: undefined,
      requestContext: {
        ...event.requestContext,
        authorizer: undefined,
      } as unknown as typeof event.requestContext,
    });
  };

  it("answers the site's preflight for POST with an Authorization header", async () => {
    const response = await preflight({
      origin: SITE,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type",
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toEqual({
      "access-control-allow-origin": SITE,
      "access-control-allow-methods": "GET, POST",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-max-age": "600",
      vary: "Origin",
    });
    expect(sessions).toEqual([]);
  });

  it("refuses a preflight from another origin, for another method or with another header", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example", "access-control-request-method": "POST" },
      { origin: `${SITE}.evil.example`, "access-control-request-method": "GET" },
      { origin: SITE, "access-control-request-method": "DELETE" },
      {
        origin: SITE,
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-amz-date",
      },
      { "access-control-request-method": "POST" },
    ]) {
      const response = await preflight(headers);
      expect(response.statusCode).toBe(403);
      expect(response.headers?.["access-control-allow-origin"]).toBeUndefined();
    }
  });

  it("lets the site read its answers, and no other origin", async () => {
    const event = await apiEvent("api-post-uploads-hub.json");
    const fromSite = await handler({ ...event, headers: { ...event.headers, Origin: SITE } });
    expect(fromSite.statusCode).toBe(201);
    expect(fromSite.headers?.["access-control-allow-origin"]).toBe(SITE);
    expect(fromSite.headers?.vary).toBe("Origin");
    const fromElsewhere = await handler({
      ...event,
      headers: { ...event.headers, origin: "https://evil.example" },
    });
    expect(fromElsewhere.headers?.["access-control-allow-origin"]).toBeUndefined();
    const refused = await handler({
      ...(await apiEvent("api-post-uploads-no-hub.json")),
      headers: { origin: SITE },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers?.["access-control-allow-origin"]).toBe(SITE);
    expect(fromSite.headers?.["access-control-allow-credentials"]).toBeUndefined();
  });
});
