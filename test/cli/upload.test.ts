/**
 * `observatory upload` end to end, through everything that can run here: the real CLI binary in a child process,
 * the real upload-API handler behind a local HTTP server, the real presigned POST into a real S3-compatible server
 * (s3rver over HTTP), whose object-created notifications drive the real ingest handler. Faked, because they cannot
 * run here: API Gateway's JWT authorizer (a bearer token is looked up in a table of verified claims), STS (it hands
 * out s3rver's credentials) and Step Functions (recompute requests are counted). s3rver does not enforce POST
 * policies; the policy's conditions are tested in test/handlers/upload-api-handler.test.ts.
 */

import { writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, S3Event } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lakeOnS3 } from "../../functions/adapters/aws/lake-on-s3.js";
import { scopedUploaderAccess } from "../../functions/adapters/aws/scoped-access.js";
import { ingestReport } from "../../functions/core/ingest.js";
import { LakeReader } from "../../functions/core/lake/lake-reader.js";
import { readManifest } from "../../functions/core/lake/manifest.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { createIngestUploadHandler } from "../../functions/handlers/ingest-upload-handler.js";
import { memoryLogger } from "../../functions/handlers/log.js";
import { createUploadApiHandler } from "../../functions/handlers/upload-api-handler.js";
import { observatory } from "../helpers/cli.js";
import { encode, FX_CSV, financialCsv, HUBS_CSV } from "../helpers/movement.js";
import { type LocalS3, startS3rver } from "../helpers/s3rver.js";
import { tempDir } from "../helpers/temp.js";

const RAW = "observatory-raw";
const CURATED = "observatory-curated";
const ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE";
const VERIFIED_TOKENS: Record<string, Record<string, string>> = {
  "token-of-amaka": { sub: "1", iss: ISSUER, token_use: "id", "custom:hub_id": "wm-ng" },
  "token-of-visitor": { sub: "3", iss: ISSUER, token_use: "id" },
};

const ROUTES: [method: string, pattern: RegExp, routeKey: string][] = [
  ["POST", /^\/uploads$/, "POST /uploads"],
  ["GET", /^\/results$/, "GET /results"],
  ["GET", /^\/results\/([^/]+)$/, "GET /results/{uploadId}"],
];

let s3: LocalS3;
let api: Server;
let apiUrl: string;
let recomputes: number;
let ingesting: Promise<unknown>;

/** The HTTP API in front of the handler: routes, and a JWT authorizer that knows the tokens above. */
function apiGateway(handler: ReturnType<typeof createUploadApiHandler>): Server {
  return createServer(async (request: IncomingMessage, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const claims = VERIFIED_TOKENS[(request.headers.authorization ?? "").replace(/^Bearer /, "")];
    const route = ROUTES.find(([method, pattern]) => method === request.method && pattern.test(url.pathname));
    if (!claims || !route) {
      response
        .writeHead(claims ? 404 : 401, { "content-type": "application/json" })
        .end('{"message":"Unauthorized"}');
      return;
    }
    const uploadId = route[1].exec(url.pathname)?.[1];
    const event = {
      routeKey: route[2],
      rawPath: url.pathname,
      pathParameters: uploadId === undefined ? undefined : { uploadId: decodeURIComponent(uploadId) },
      queryStringParameters: Object.fromEntries(url.searchParams),
      requestContext: { requestId: "local-request", authorizer: { jwt: { claims, scopes: null } } },
    } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
    const result = await handler(event);
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>).end(result.body);
  });
}

beforeEach(async () => {
  s3 = await startS3rver([RAW, CURATED]);
  const store = lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED });
  const countries = bundledCountryTable();
  for (const text of [HUBS_CSV, FX_CSV])
    await ingestReport(
      { store, countries },
      { fileName: "reference.csv", bytes: encode(text), uploader: "council" },
    );

  recomputes = 0;
  const ingest = createIngestUploadHandler({
    store,
    reader: new LakeReader(store),
    countries,
    maxBytes: 1024 * 1024,
    uploadBucket: RAW,
    recompute: async () => {
      recomputes++;
    },
    logger: memoryLogger(),
  });
  ingesting = Promise.resolve();
  s3.onEvent((event: S3Event) => {
    const record = event.Records[0];
    if (
      record?.s3.bucket.name === RAW &&
      record.eventName.startsWith("ObjectCreated") &&
      record.s3.object.key.startsWith("uploads/")
    )
      ingesting = ingesting.then(() => ingest(event));
  });

  const sts: Pick<STSClient, "send"> = {
    send: (async (_command: AssumeRoleCommand) => ({
      Credentials: {
        AccessKeyId: "S3RVER",
        SecretAccessKey: "S3RVER",
        SessionToken: "session",
        Expiration: new Date(),
      },
    })) as STSClient["send"],
  };
  api = apiGateway(
    createUploadApiHandler({
      accessFor: scopedUploaderAccess({
        sts,
        rawBucket: RAW,
        hubRoleArn: "arn:aws:iam::1:role/hub",
        councilRoleArn: "arn:aws:iam::1:role/council",
        s3: s3.clientOptions,
      }),
      councilGroup: "global-council",
      maxUploadBytes: 1024 * 1024,
      uploadUrlTtlSeconds: 300,
      siteOrigin: "https://site.example.org",
      logger: memoryLogger(),
    }),
  );
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await ingesting;
  await new Promise((resolve) => api.close(resolve));
});

async function file(name: string, text: string): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, text);
  return path;
}

describe("observatory upload", () => {
  it("uploads a hub's report to the deployed observatory and prints its acceptance", async () => {
    const report = await file(
      "ng-2025.csv",
      financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]),
    );
    const run = await observatory([
      "upload",
      "--api",
      apiUrl,
      "--token",
      "token-of-amaka",
      "--wait",
      "20",
      report,
    ]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(
      /ng-2025\.csv: accepted as report r-[0-9a-f]{16} \(financial report of wm-ng for 2025, 1 rows\)/,
    );
    expect(run.code).toBe(0);
    const store = lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED });
    const financial = (await readManifest(store)).filter((e) => e.kind === "financial");
    expect(financial).toMatchObject([{ hub_id: "wm-ng", uploader: "wm-ng" }]);
    expect(financial[0]?.upload_id).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{16}$/);
    expect(recomputes).toBe(1);
  });

  it("prints every problem of a rejected file with row and column, and exits 1", async () => {
    const report = await file("bad.csv", financialCsv("wm-ng", "2025", ["expense,programs,lots,NGN,NG,,"]));
    const run = await observatory(["upload", "--api", apiUrl, "--token", "token-of-amaka", "--json", report]);
    expect(run.code).toBe(1);
    const [outcome] = JSON.parse(run.stdout) as {
      state: string;
      result: { status: string; problems: { row: number; column: string }[] };
    }[];
    expect(outcome?.state).toBe("done");
    expect(outcome?.result.status).toBe("rejected");
    expect(outcome?.result.problems.map((p) => [p.row, p.column])).toEqual([[2, "amount"]]);
  });

  it("explains a refusal when the account belongs to no hub", async () => {
    const report = await file("ng-2025.csv", financialCsv("wm-ng", "2025", ["expense,programs,1,NGN,NG,,"]));
    const run = await observatory(["upload", "--api", apiUrl, "--token", "token-of-visitor", report]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /not uploaded: the API refused the upload \(403\): this account belongs to no hub/,
    );
  });

  it("needs an API and a token, as a usage error", async () => {
    const run = await observatory(["upload", "some.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--api \(or OBSERVATORY_API\) is required/);
  });
});
