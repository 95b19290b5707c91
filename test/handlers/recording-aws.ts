/**
 * Local HTTP endpoints for the Lambda entry modules, which build their AWS SDK clients themselves: the SDK is
 * pointed at them through `AWS_ENDPOINT_URL_<SERVICE>`, as it would be at any S3-compatible or private endpoint.
 *
 * - S3: a recording proxy on 127.0.0.1 in front of a real S3-compatible server (s3rver): every request is
 *   recorded (method, bucket, key, headers) and forwarded unchanged, so the objects really land in s3rver.
 * - Athena, Step Functions and STS cannot run here: one fake answers them over real HTTP in their wire protocols
 *   (JSON 1.1, JSON 1.0, AWS query), records every request, and answers just enough for the SDK (Athena: every
 *   query succeeds with no rows, but `SHOW TABLES` lists the tables it is given, one a row without a header row,
 *   as Athena answers it; Step Functions: the execution starts; STS: a session with s3rver's credentials).
 */
import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** One S3 request as the proxy saw it. */
export interface RecordedS3Request {
  readonly method: string;
  readonly bucket: string;
  /** The object key, decoded; "" for bucket-level requests such as ListObjectsV2. */
  readonly key: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly bodyBytes: number;
}

/** One request to a faked service: its operation and its parameters. */
export interface RecordedCall {
  readonly service: "athena" | "sfn" | "sts";
  readonly operation: string;
  /** The JSON body (Athena, Step Functions) or the form fields (STS). */
  readonly input: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/** A proxy that records every S3 request (path-style: `/<bucket>/<key>`) and forwards it to `upstream`. */
export async function recordingS3Proxy(
  upstream: string,
): Promise<{ endpoint: string; requests: RecordedS3Request[] }> {
  const requests: RecordedS3Request[] = [];
  const target = new URL(upstream);
  const server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming);
    const url = new URL(incoming.url ?? "/", "http://proxy");
    const [, bucket = "", ...key] = url.pathname.split("/");
    requests.push({
      method: incoming.method ?? "GET",
      bucket: decodeURIComponent(bucket),
      key: decodeURIComponent(key.join("/")),
      query: url.searchParams,
      headers: incoming.headers,
      bodyBytes: body.byteLength,
    });
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", (error) => {
      outgoing.writeHead(502).end(String(error));
    });
    forwarded.end(body);
  });
  return { endpoint: await listen(server), requests };
}

/** What the fake STS hands out: s3rver accepts only its own key pair, so the session carries it. */
export const SESSION = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER", token: "fake-sts-session-token" };

function stsAnswer(operation: string): string {
  if (operation !== "AssumeRole") throw new Error(`the fake STS does not answer ${operation}`);
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${SESSION.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${SESSION.secretAccessKey}</SecretAccessKey>
      <SessionToken>${SESSION.token}</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAFAKE:uploader</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/fake/uploader</Arn>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;
}

/** What the fake Athena holds: the tables its `SHOW TABLES` lists, and which executions were one. */
interface FakeCatalog {
  readonly tables: readonly string[];
  readonly listings: Set<string>;
}

function jsonAnswer(
  service: "athena" | "sfn",
  operation: string,
  input: Record<string, unknown>,
  catalog: FakeCatalog,
): unknown {
  if (service === "sfn") {
    if (operation !== "StartExecution")
      throw new Error(`the fake Step Functions does not answer ${operation}`);
    return {
      executionArn: `${String(input.stateMachineArn).replace(":stateMachine:", ":execution:")}:${String(input.name)}`,
      startDate: Date.now() / 1000,
    };
  }
  switch (operation) {
    case "StartQueryExecution": {
      const id = `query-${Math.random().toString(16).slice(2)}`;
      if (String(input.QueryString).startsWith("SHOW TABLES")) catalog.listings.add(id);
      return { QueryExecutionId: id };
    }
    case "GetQueryExecution":
      return {
        QueryExecution: { QueryExecutionId: input.QueryExecutionId, Status: { State: "SUCCEEDED" } },
      };
    case "GetQueryResults":
      if (catalog.listings.has(String(input.QueryExecutionId)))
        return {
          ResultSet: {
            Rows: catalog.tables.map((name) => ({ Data: [{ VarCharValue: name }] })),
            ResultSetMetadata: { ColumnInfo: [{ Name: "tab_name", Type: "string" }] },
          },
        };
      return { ResultSet: { Rows: [], ResultSetMetadata: { ColumnInfo: [] } } };
    case "StopQueryExecution":
      return {};
    default:
      throw new Error(`the fake Athena does not answer ${operation}`);
  }
}

/**
 * One fake for Athena, Step Functions and STS, told apart by their protocols; `athenaTables` are the tables
 * Athena's `SHOW TABLES` lists.
 */
export async function fakeAwsServices(
  options: { athenaTables?: readonly string[] } = {},
): Promise<{ endpoint: string; calls: RecordedCall[] }> {
  const calls: RecordedCall[] = [];
  const catalog: FakeCatalog = { tables: options.athenaTables ?? [], listings: new Set() };
  const server = createServer(async (incoming, outgoing) => {
    const body = (await readBody(incoming)).toString("utf8");
    const target = String(incoming.headers["x-amz-target"] ?? "");
    try {
      if (target) {
        const [prefix, operation = ""] = target.split(".");
        const service =
          prefix === "AmazonAthena" ? "athena" : prefix === "AWSStepFunctions" ? "sfn" : undefined;
        if (!service) throw new Error(`unknown target ${target}`);
        const input = JSON.parse(body || "{}") as Record<string, unknown>;
        calls.push({ service, operation, input, headers: incoming.headers });
        const contentType = `application/x-amz-json-${service === "athena" ? "1.1" : "1.0"}`;
        outgoing
          .writeHead(200, { "content-type": contentType })
          .end(JSON.stringify(jsonAnswer(service, operation, input, catalog)));
        return;
      }
      const input = Object.fromEntries(new URLSearchParams(body));
      const operation = String(input.Action);
      calls.push({ service: "sts", operation, input, headers: incoming.headers });
      outgoing.writeHead(200, { "content-type": "text/xml" }).end(stsAnswer(operation));
    } catch (error) {
      outgoing.writeHead(400, { "content-type": "text/plain" }).end(String(error));
    }
  });
  return { endpoint: await listen(server), calls };
}
