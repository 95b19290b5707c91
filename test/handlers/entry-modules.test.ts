/**
 * The Lambda entry modules themselves (functions/handlers/<name>.ts), not only the handlers they wire: each is
 * imported afresh ("cold start") with its environment set, its AWS SDK clients reach local endpoints over real
 * HTTP, and its exported `handler` is invoked with an event fixture. The tests then read what reached each
 * service, proving that every configuration key gets to its adapter.
 *
 * S3 is real (s3rver, behind a recording proxy: see recording-aws.ts). Athena, Step Functions and STS cannot
 * run here and are faked over HTTP; Lambda and Cognito are not involved (the handler is called directly with the
 * event API Gateway would pass after verifying the token). s3rver ignores Object Lock, so the lock is asserted
 * on the requests, as S3 would receive them.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, S3Event } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lakeOnS3 } from "../../functions/adapters/aws/lake-on-s3.js";
import { S3ObjectStore } from "../../functions/adapters/aws/s3-store.js";
import { newRunId } from "../../functions/adapters/aws/staged-run.js";
import { DuckDbEngine } from "../../functions/adapters/local/duckdb-engine.js";
import { loadFramework } from "../../functions/core/framework/framework.js";
import { frameworkStages } from "../../functions/core/indicators/compute.js";
import { publishIndicators } from "../../functions/core/indicators/publish-indicators.js";
import { ingestReport } from "../../functions/core/ingest.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import type { UploadResult } from "../../functions/core/uploads/result-document.js";
import { basicUtcTimestamp } from "../../functions/core/uploads/upload-layout.js";
import { buildRecordJson, newBuildRecord } from "../../site/build/build-record.js";
import { CLIENT_BUNDLE_DIR } from "../../site/client/client-files.js";
import { contentHash } from "../../site/web/assets.js";
import { encode, FX_CSV, financialCsv, HUBS_CSV, impactCsv, lakeWithReference } from "../helpers/movement.js";
import { type LocalS3, startS3rver } from "../helpers/s3rver.js";
import { tempDir } from "../helpers/temp.js";
import {
  fakeAwsServices,
  type RecordedCall,
  type RecordedS3Request,
  recordingS3Proxy,
  SESSION,
} from "./recording-aws.js";

const FIXTURES = new URL("../fixtures/events/", import.meta.url);
const REPOSITORY = new URL("../../", import.meta.url).pathname;
const RAW = "observatory-raw";
const CURATED = "observatory-curated";
const SITE = "observatory-site";
const RESULTS = "observatory-query-results";
const DAY_MS = 86_400_000;
/** The validator page's upload settings, as the stack hands them to the publish step. */
const UPLOAD_CONFIG = {
  version: 1,
  region: "eu-west-1",
  api_url: "https://abc123.execute-api.eu-west-1.amazonaws.com",
  sign_in_url: "https://equity-observatory-123456789012.auth.eu-west-1.amazoncognito.com",
  client_id: "4example0client0id",
  upload_origin: "https://observatory-raw.s3.eu-west-1.amazonaws.com",
  redirect_paths: ["/check.html", "/es/check.html", "/ar/check.html"],
};

async function fixture<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(new URL(name, FIXTURES), "utf8")) as T;
}

let s3: LocalS3;
let s3Requests: RecordedS3Request[];
let calls: RecordedCall[];
let endpoints: { s3: string; services: string };
const savedEnvironment = { ...process.env };

async function startEndpoints(
  buckets: readonly string[],
  athenaTables: readonly string[] = [],
): Promise<void> {
  s3 = await startS3rver(buckets);
  const proxy = await recordingS3Proxy(s3.endpoint);
  const services = await fakeAwsServices({ athenaTables });
  s3Requests = proxy.requests;
  calls = services.calls;
  endpoints = { s3: proxy.endpoint, services: services.endpoint };
}

/** Imports an entry module afresh with exactly this configuration, as Lambda's cold start does. */
async function coldStart<T>(module: string, configuration: Record<string, string>): Promise<T> {
  process.env = {
    ...savedEnvironment,
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    AWS_CONFIG_FILE: join(REPOSITORY, "no-such-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(REPOSITORY, "no-such-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_ATHENA: endpoints.services,
    AWS_ENDPOINT_URL_SFN: endpoints.services,
    AWS_ENDPOINT_URL_STS: endpoints.services,
    ...configuration,
  };
  for (const name of ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "OBSERVATORY_HOME"])
    if (!(name in configuration)) delete process.env[name];
  vi.resetModules();
  return (await import(module)) as T;
}

beforeEach(() => {
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});

afterEach(() => {
  process.env = { ...savedEnvironment };
  vi.restoreAllMocks();
});

const puts = () => s3Requests.filter((r) => r.method === "PUT");
const header = (request: RecordedS3Request, name: string) => request.headers[name] as string | undefined;

describe("ingest-upload.ts", () => {
  const UPLOAD_KEY = "uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv";
  const RESULT_KEY = "results/wm-ng/20261120T100000Z-0123456789abcdef.json";
  const STATE_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:observatory-recompute";

  async function lakeWithUpload() {
    await startEndpoints([RAW, CURATED]);
    const seed = lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED });
    for (const text of [HUBS_CSV, FX_CSV])
      await ingestReport(
        { store: seed, countries: bundledCountryTable() },
        { fileName: "reference.csv", bytes: encode(text), uploader: "council" },
      );
    await seed.put(UPLOAD_KEY, new Uint8Array(await readFile(new URL("uploads/wm-ng-2025.csv", FIXTURES))));
    return seed;
  }

  const configuration = (overrides: Record<string, string> = {}) => ({
    RAW_BUCKET: RAW,
    CURATED_BUCKET: CURATED,
    RECOMPUTE_STATE_MACHINE_ARN: STATE_MACHINE,
    RECOMPUTE_DEBOUNCE_SECONDS: "600",
    MAX_UPLOAD_BYTES: String(1024 * 1024),
    EVIDENCE_RETENTION_DAYS: "400",
    ...overrides,
  });

  it("puts the accepted file under raw/ in Object Lock for EVIDENCE_RETENTION_DAYS, and nothing else", async () => {
    const seed = await lakeWithUpload();
    const { handler } = await coldStart<{ handler: (event: S3Event) => Promise<unknown> }>(
      "../../functions/handlers/ingest-upload.js",
      configuration(),
    );
    const before = Date.now();
    expect(await handler(await fixture<S3Event>("s3-upload-created.json"))).toEqual({
      processed: ["processed"],
    });
    const after = Date.now();

    const result = JSON.parse(new TextDecoder().decode(await seed.get(RESULT_KEY))) as UploadResult;
    expect(result.status).toBe("accepted");
    const rawKey = `raw/wm-ng/${result.report?.sha256}.csv`;
    const evidence = puts().filter((r) => r.key.startsWith("raw/"));
    expect(evidence.map((r) => `${r.bucket}/${r.key}`)).toEqual([`${RAW}/${rawKey}`]);
    const [write] = evidence as [RecordedS3Request];
    expect(header(write, "x-amz-object-lock-mode")).toBe("GOVERNANCE");
    const until = Date.parse(header(write, "x-amz-object-lock-retain-until-date") ?? "");
    expect(until).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 400 * DAY_MS);
    expect(until).toBeLessThanOrEqual(after + 400 * DAY_MS);
    expect(
      header(write, "x-amz-checksum-crc32") ?? header(write, "content-md5"),
      "S3 refuses a retention without a checksum",
    ).toBeTruthy();

    const others = puts().filter((r) => r !== write);
    expect(others.map((r) => `${r.bucket}/${r.key.replace(/[^/]+$/, "")}`)).toEqual([
      `${CURATED}/curated/financial/year=2025/hub=wm-ng/`,
      `${CURATED}/manifest/`,
      `${RAW}/results/wm-ng/`,
    ]);
    for (const request of others) expect(header(request, "x-amz-object-lock-mode")).toBeUndefined();
    expect(s3Requests.find((r) => r.method === "GET" && r.key === UPLOAD_KEY)?.bucket).toBe(RAW);
  });

  it("asks RECOMPUTE_STATE_MACHINE_ARN for one recompute per window of RECOMPUTE_DEBOUNCE_SECONDS", async () => {
    const seed = await lakeWithUpload();
    const { handler } = await coldStart<{ handler: (event: S3Event) => Promise<unknown> }>(
      "../../functions/handlers/ingest-upload.js",
      configuration(),
    );
    await handler(await fixture<S3Event>("s3-upload-created.json"));
    const result = JSON.parse(new TextDecoder().decode(await seed.get(RESULT_KEY))) as UploadResult;
    const windowStart = Math.floor(Date.parse(result.processed_at) / 600_000) * 600_000;
    expect(calls.map((c) => [c.service, c.operation])).toEqual([["sfn", "StartExecution"]]);
    const [start] = calls as [RecordedCall];
    expect(start.input).toEqual({
      stateMachineArn: STATE_MACHINE,
      name: `after-ingest-${basicUtcTimestamp(new Date(windowStart))}`,
      input: JSON.stringify({ reason: "ingest", notBefore: new Date(windowStart + 600_000).toISOString() }),
    });
  });

  it("refuses an upload over MAX_UPLOAD_BYTES from the event, without reading it", async () => {
    const seed = await lakeWithUpload();
    const { handler } = await coldStart<{ handler: (event: S3Event) => Promise<unknown> }>(
      "../../functions/handlers/ingest-upload.js",
      configuration({ MAX_UPLOAD_BYTES: "200" }),
    );
    await handler(await fixture<S3Event>("s3-upload-created.json"));
    const result = JSON.parse(new TextDecoder().decode(await seed.get(RESULT_KEY))) as UploadResult;
    expect(result.status).toBe("rejected");
    expect(result.problems.map((p) => p.message)).toEqual([
      "the file is 249 bytes; the limit is 200 bytes (split the report or ask the Global Council)",
    ]);
    expect(s3Requests.filter((r) => r.method === "GET" && r.key === UPLOAD_KEY)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it("ingests only events of RAW_BUCKET", async () => {
    await lakeWithUpload();
    const { handler } = await coldStart<{ handler: (event: S3Event) => Promise<unknown> }>(
      "../../functions/handlers/ingest-upload.js",
      configuration({ RAW_BUCKET: "another-raw-bucket" }),
    );
    await expect(handler(await fixture<S3Event>("s3-upload-created.json"))).rejects.toThrow(
      "event for bucket observatory-raw, but this function ingests uploads of another-raw-bucket",
    );
  });
});

describe("compute-indicators.ts", () => {
  const configuration = (overrides: Record<string, string> = {}) => ({
    CURATED_BUCKET: CURATED,
    ATHENA_WORKGROUP: "observatory-analytics",
    ATHENA_STAGING_WORKGROUP: "observatory-staging",
    STAGING_BUCKET: RESULTS,
    GLUE_DATABASE: "observatory_lake",
    FRAMEWORK_VERSION: "2026.1",
    COMPUTE_TIMEOUT_SECONDS: "600",
    ...overrides,
  });

  async function lakeWithReferenceOnS3(athenaTables: readonly string[] = []) {
    await startEndpoints([CURATED, RESULTS, RAW], athenaTables);
    const seed = lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED });
    for (const text of [HUBS_CSV, FX_CSV])
      await ingestReport(
        { store: seed, countries: bundledCountryTable() },
        { fileName: "reference.csv", bytes: encode(text), uploader: "council" },
      );
  }

  const statementsSent = () =>
    calls.filter((c) => c.operation === "StartQueryExecution").map((c) => String(c.input.QueryString));

  /** The JSON lines the function logged (stdout is captured by the test). */
  const logLines = () =>
    vi
      .mocked(process.stdout.write)
      .mock.calls.map(([chunk]) => String(chunk))
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it("computes FRAMEWORK_VERSION, stages in ATHENA_STAGING_WORKGROUP under STAGING_BUCKET, queries in ATHENA_WORKGROUP on GLUE_DATABASE and publishes to CURATED_BUCKET, with the run's k", async () => {
    await lakeWithReferenceOnS3();
    const { handler } = await coldStart<{ handler: () => Promise<unknown> }>(
      "../../functions/handlers/compute-indicators.js",
      configuration(),
    );
    expect(await handler()).toMatchObject({ frameworkVersion: "2026.1", indicatorRows: 0, reports: 2 });

    const starts = calls.filter((c) => c.operation === "StartQueryExecution");
    const [listing] = starts as [RecordedCall];
    expect(listing.input).toMatchObject({
      QueryString: "SHOW TABLES IN observatory_lake 'compute_run_*'",
      WorkGroup: "observatory-staging",
    });
    const creates = starts.filter((c) => String(c.input.QueryString).startsWith("CREATE TABLE"));
    const drops = starts.filter((c) => String(c.input.QueryString).startsWith("DROP TABLE"));
    const queries = starts.filter((c) => c !== listing && !creates.includes(c) && !drops.includes(c));
    expect(creates.length).toBe(1 + frameworkStages(loadFramework("2026.1")).length);
    const [manifest] = creates as [RecordedCall];
    expect(String(manifest.input.QueryString)).toMatch(
      /^CREATE TABLE observatory_lake\.compute_run_\w+_manifest\n[\s\S]*\nFROM manifest_checkpoints\nWHERE checkpoint = \?$/,
    );
    const pinned = puts().find((r) => r.key.startsWith("checkpoints/manifest/"));
    expect(pinned?.key).toMatch(/^checkpoints\/manifest\/000000000002-[0-9a-f]{64}\/entries\.ndjson\.gz$/);
    expect(manifest.input.ExecutionParameters).toEqual([`'${pinned?.key.split("/")[2]}'`]);
    expect(drops.length).toBe(creates.length);
    expect(queries.length).toBeGreaterThanOrEqual(loadFramework().indicators.length);
    for (const start of [listing, ...creates, ...drops])
      expect(start.input).toMatchObject({
        WorkGroup: "observatory-staging",
        QueryExecutionContext: { Catalog: "AwsDataCatalog", Database: "observatory_lake" },
      });
    for (const create of creates)
      expect(String(create.input.QueryString)).toMatch(
        new RegExp(
          `^CREATE TABLE observatory_lake\\.compute_run_\\w+\\nWITH \\(.*external_location = 's3://${RESULTS}/staging/`,
        ),
      );
    for (const start of queries)
      expect(start.input).toMatchObject({
        WorkGroup: "observatory-analytics",
        QueryExecutionContext: { Catalog: "AwsDataCatalog", Database: "observatory_lake" },
      });
    for (const start of starts)
      expect(start.input, "results go where the workgroup enforces").not.toHaveProperty(
        "ResultConfiguration",
      );
    expect(new Set(calls.map((c) => c.service))).toEqual(new Set(["athena"]));

    const written = puts().map((r) => `${r.bucket}/${r.key}`);
    expect(written.slice(0, 3)).toEqual([
      `${CURATED}/curated/countries/countries.parquet`,
      `${CURATED}/${pinned?.key}`,
      `${CURATED}/checkpoints/manifest-last.json`,
    ]);
    // The four published files are written at once, in any order; the scenarios' index and run.json after them.
    expect(written.slice(3, 7).sort()).toEqual(
      ["dashboard.json", "indicators.csv", "indicators.parquet", "reports.json"].map(
        (file) => `${CURATED}/published/${file}`,
      ),
    );
    expect(written.slice(7)).toEqual(
      ["scenarios.json", "run.json"].map((file) => `${CURATED}/published/${file}`),
    );
    const published = new S3ObjectStore({ client: s3.client, bucket: CURATED, keyPrefix: "published/" });
    expect(new TextDecoder().decode(await published.get("run.json"))).toBe(
      '{\n "framework_version": "2026.1",\n "k": 10\n}\n',
    );
  });
  it("first sweeps, in ATHENA_STAGING_WORKGROUP, the tables of runs older than COMPUTE_TIMEOUT_SECONDS and the margin, and their objects in STAGING_BUCKET, and logs them", async () => {
    const minutesAgo = (minutes: number) => newRunId(new Date(Date.now() - minutes * 60_000));
    const dead = minutesAgo(42);
    const alive = minutesAgo(5);
    await lakeWithReferenceOnS3([
      `compute_run_${dead}_manifest`,
      `compute_run_${dead}_financial_facts`,
      `compute_run_${alive}_manifest`,
      "manifest",
    ]);
    const objects = [`staging/${dead}/manifest/1/a.parquet`, `staging/${alive}/manifest/1/a.parquet`];
    for (const key of objects)
      await s3.client.send(new PutObjectCommand({ Bucket: RESULTS, Key: key, Body: "PAR1" }));

    const { handler } = await coldStart<{ handler: () => Promise<unknown> }>(
      "../../functions/handlers/compute-indicators.js",
      configuration({ COMPUTE_TIMEOUT_SECONDS: "60" }),
    );
    const sweep = { runs: [dead], tablesDropped: 2 };
    expect(await handler()).toMatchObject({ scan: { sweep } });
    expect(statementsSent().slice(0, 4)).toEqual([
      "SHOW TABLES IN observatory_lake 'compute_run_*'",
      `DROP TABLE IF EXISTS observatory_lake.compute_run_${dead}_manifest`,
      `DROP TABLE IF EXISTS observatory_lake.compute_run_${dead}_financial_facts`,
      expect.stringMatching(/^CREATE TABLE observatory_lake\.compute_run_\w+_manifest\n/),
    ]);
    for (const drop of calls.filter((c) => String(c.input.QueryString).includes(dead)))
      expect(drop.input).toMatchObject({
        WorkGroup: "observatory-staging",
        QueryExecutionContext: { Catalog: "AwsDataCatalog", Database: "observatory_lake" },
      });
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: RESULTS, Prefix: "staging/" }));
    expect((listed.Contents ?? []).map((object) => object.Key)).toEqual([objects[1]]);
    expect(logLines().filter((line) => line.message === "indicators published")).toEqual([
      expect.objectContaining({ level: "INFO", scan: expect.objectContaining({ sweep }) }),
    ]);

    calls.length = 0;
    const longer = await coldStart<{ handler: () => Promise<unknown> }>(
      "../../functions/handlers/compute-indicators.js",
      configuration({ COMPUTE_TIMEOUT_SECONDS: "900" }),
    );
    expect(await longer.handler()).toMatchObject({ scan: { sweep: { runs: [], tablesDropped: 0 } } });
    expect(statementsSent().filter((text) => text.includes(dead))).toEqual([]);
  });

  it("fails at cold start without a valid COMPUTE_TIMEOUT_SECONDS", async () => {
    await startEndpoints([CURATED]);
    await expect(
      coldStart(
        "../../functions/handlers/compute-indicators.js",
        configuration({ COMPUTE_TIMEOUT_SECONDS: "" }),
      ),
    ).rejects.toThrow("the function is misconfigured: COMPUTE_TIMEOUT_SECONDS is not set");
    await expect(
      coldStart(
        "../../functions/handlers/compute-indicators.js",
        configuration({ COMPUTE_TIMEOUT_SECONDS: "0" }),
      ),
    ).rejects.toThrow('COMPUTE_TIMEOUT_SECONDS must be an integer from 1 to 900, not "0"');
  });
});

describe("compact-lake.ts", () => {
  it("compacts the lake in CURATED_BUCKET, and nothing in any other bucket", async () => {
    await startEndpoints([CURATED, RAW]);
    const seed = lakeOnS3({ client: s3.client, rawBucket: RAW, curatedBucket: CURATED });
    const reports = [
      [HUBS_CSV, "council"],
      [FX_CSV, "council"],
      [financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng"],
      [financialCsv("wm-de", "2025", ["expense,programs,2000,EUR,DE,,"]), "wm-de"],
      [impactCsv("wm-ng", "2025", ["NG,participants,4,"]), "wm-ng"],
    ] as const;
    for (const [text, uploader] of reports)
      await ingestReport(
        { store: seed, countries: bundledCountryTable() },
        { fileName: "report.csv", bytes: encode(text), uploader },
      );
    const small = (await seed.list("curated/financial/")).concat(await seed.list("curated/impact/"));
    expect(small).toHaveLength(3);

    const { handler } = await coldStart<{ handler: () => Promise<unknown> }>(
      "../../functions/handlers/compact-lake.js",
      { CURATED_BUCKET: CURATED },
    );
    expect(await handler()).toEqual({
      compacted: 2,
      reports: 3,
      deletedFiles: 3,
      checkpointThroughSeq: 5,
      checkpointProblems: [],
    });
    expect(new Set(s3Requests.map((r) => r.bucket))).toEqual(new Set([CURATED]));
    expect(
      s3Requests
        .filter((r) => r.method === "DELETE")
        .map((r) => r.key)
        .sort(),
    ).toEqual([...small].sort());
    expect(
      (await seed.list("curated/financial/year=2025/")).map((key) => key.replace(/-[0-9a-f]{64}/, "")),
    ).toEqual(["curated/financial/year=2025/compacted-000001.parquet"]);
    expect(await seed.list("compactions/")).toEqual([
      "compactions/financial/year=2025/000001.json",
      "compactions/impact/year=2025/000001.json",
    ]);
  });

  it("fails at cold start without CURATED_BUCKET", async () => {
    await startEndpoints([CURATED]);
    await expect(
      coldStart("../../functions/handlers/compact-lake.js", { CURATED_BUCKET: "" }),
    ).rejects.toThrow("the function is misconfigured: CURATED_BUCKET is not set");
  });
});

/**
 * A copy of the project as a Lambda bundle lays it out (`OBSERVATORY_HOME`): the project's files, and the
 * prebuilt browser files in `CLIENT_BUNDLE_DIR`.
 */
async function bundleHome(clientFiles: Record<string, string>): Promise<string> {
  const home = await tempDir("bundle-");
  const copy = async (source: string, target: string, replaced: readonly string[]): Promise<void> => {
    const [head, ...rest] = replaced as [string, ...string[]];
    await mkdir(target, { recursive: true });
    for (const name of await readdir(source)) {
      if (name !== head) await symlink(join(source, name), join(target, name));
      else if (rest.length > 0) await copy(join(source, name), join(target, name), rest);
    }
    if (rest.length === 0) {
      await mkdir(join(target, head), { recursive: true });
      for (const [name, text] of Object.entries(clientFiles)) await writeFile(join(target, head, name), text);
    }
  };
  await copy(REPOSITORY, home, CLIENT_BUNDLE_DIR.split("/"));
  return home;
}

describe("publish-site.ts", () => {
  const PUBLISH_SITE = "../../functions/handlers/publish-site.js";
  const configuration = (overrides: Record<string, string> = {}) => ({
    CURATED_BUCKET: CURATED,
    SITE_BUCKET: SITE,
    UPLOAD_CONFIG: JSON.stringify(UPLOAD_CONFIG),
    SUPERSEDED_FILES_GRACE_DAYS: "7",
    ...overrides,
  });

  /** Indicators computed with k = 3 and published to CURATED_BUCKET, and a bundle home with a prebuilt script. */
  async function publishedForSite(): Promise<{ home: string }> {
    await startEndpoints([CURATED, SITE]);
    const root = await tempDir();
    const lake = await lakeWithReference(root);
    await lake.ingest(financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]), "wm-ng");
    await lake.ingest(impactCsv("wm-ng", "2025", ["NG,participants,4,"]), "wm-ng");
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: bundledCountryTable() });
    try {
      await publishIndicators(
        {
          engine,
          lake: lake.store,
          output: new S3ObjectStore({ client: s3.client, bucket: CURATED, keyPrefix: "published/" }),
        },
        { framework: loadFramework("2026.1"), countries: bundledCountryTable(), k: 3 },
      );
    } finally {
      await engine.close();
    }
    return { home: await bundleHome({ "site.js": "/* the prebuilt browser script */" }) };
  }

  it("builds the site from CURATED_BUCKET's published/ into SITE_BUCKET, with the k compute used", async () => {
    const { home } = await publishedForSite();
    const { handler } = await coldStart<{ handler: () => Promise<{ pages: number }> }>(
      PUBLISH_SITE,
      configuration({ OBSERVATORY_HOME: home }),
    );
    const { pages } = await handler();

    const reads = s3Requests.filter((r) => r.method === "GET" && r.key !== "");
    expect(new Set(reads.filter((r) => r.bucket === CURATED).map((r) => r.key))).toEqual(
      new Set(
        ["indicators.csv", "dashboard.json", "reports.json", "run.json", "scenarios.json"].map(
          (f) => `published/${f}`,
        ),
      ),
    );
    const [record] = reads.filter((r) => r.bucket === SITE);
    expect(reads.filter((r) => r.bucket === SITE)).toHaveLength(1);
    expect(record?.key).toMatch(/^_builds\/\d{8}T\d{9}Z-[0-9a-f]{10}\.json$/);
    const written = puts();
    expect(new Set(written.map((r) => r.bucket))).toEqual(new Set([SITE]));
    expect(written.filter((r) => r.key.endsWith(".html"))).toHaveLength(pages);
    const site = new S3ObjectStore({ client: s3.client, bucket: SITE });
    const script = `site.${contentHash("/* the prebuilt browser script */")}.js`;
    expect(new TextDecoder().decode(await site.get(script))).toBe("/* the prebuilt browser script */");
    expect(new TextDecoder().decode(await site.get("framework.html"))).toContain(
      "In this publication, k = 3.",
    );
    expect(JSON.parse(new TextDecoder().decode(await site.get("upload-config.json")))).toEqual(UPLOAD_CONFIG);
    expect(written.find((r) => r.key === "upload-config.json")?.headers["content-type"]).toBe(
      "application/json; charset=utf-8",
    );
  });

  it("keeps a superseded build's hashed files in SITE_BUCKET for SUPERSEDED_FILES_GRACE_DAYS after a later build replaced its pages", async () => {
    const { home } = await publishedForSite();
    const site = new S3ObjectStore({ client: s3.client, bucket: SITE });
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
    const older = {
      ...newBuildRecord(daysAgo(10), ["index.html", "site.0000000000.js"]),
      completedAt: daysAgo(10),
    };
    const newer = {
      ...newBuildRecord(daysAgo(3), ["index.html", "style.1111111111.css"]),
      completedAt: daysAgo(3),
    };
    for (const record of [older, newer]) await site.put(record.key, encode(buildRecordJson(record)));
    for (const file of ["site.0000000000.js", "style.1111111111.css"])
      await site.put(file, encode("/* old */"));
    const logLines = () =>
      vi
        .mocked(process.stdout.write)
        .mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
        .filter((line) => line.message === "site published");

    const fourDays = await coldStart<{ handler: () => Promise<unknown> }>(
      PUBLISH_SITE,
      configuration({ OBSERVATORY_HOME: home, SUPERSEDED_FILES_GRACE_DAYS: "4" }),
    );
    await expect(fourDays.handler()).resolves.toMatchObject({ pruned: 0 });
    expect(s3Requests.filter((r) => r.method === "DELETE")).toEqual([]);
    expect(await site.get("site.0000000000.js")).toBeDefined();

    const twoDays = await coldStart<{ handler: () => Promise<unknown> }>(
      PUBLISH_SITE,
      configuration({ OBSERVATORY_HOME: home, SUPERSEDED_FILES_GRACE_DAYS: "2" }),
    );
    await expect(twoDays.handler()).resolves.toMatchObject({ pruned: 1 });
    expect(s3Requests.filter((r) => r.method === "DELETE").map((r) => `${r.bucket}/${r.key}`)).toEqual([
      `${SITE}/site.0000000000.js`,
      `${SITE}/${older.key}`,
    ]);
    expect(await site.get("style.1111111111.css")).toBeDefined();
    expect(logLines().map((line) => [line.service, line.pruned, line.prunedRecords])).toEqual([
      ["publish-site", 0, 0],
      ["publish-site", 1, 1],
    ]);
  });

  it("refuses to start with UPLOAD_CONFIG missing or not the page's schema, naming the problem", async () => {
    await startEndpoints([CURATED, SITE]);
    await expect(coldStart(PUBLISH_SITE, configuration({ UPLOAD_CONFIG: "" }))).rejects.toThrow(
      "the function is misconfigured: UPLOAD_CONFIG is not set",
    );
    await expect(
      coldStart(
        PUBLISH_SITE,
        configuration({
          UPLOAD_CONFIG: JSON.stringify({ ...UPLOAD_CONFIG, api_url: "http://abc123.example/" }),
        }),
      ),
    ).rejects.toThrow(
      "the function is misconfigured: UPLOAD_CONFIG is not valid: api_url must be an https origin with nothing after the host",
    );
  });

  it("refuses to start without a SUPERSEDED_FILES_GRACE_DAYS of whole days from 1 to 365", async () => {
    await startEndpoints([CURATED, SITE]);
    await expect(coldStart(PUBLISH_SITE, configuration({ SUPERSEDED_FILES_GRACE_DAYS: "" }))).rejects.toThrow(
      "the function is misconfigured: SUPERSEDED_FILES_GRACE_DAYS is not set",
    );
    for (const days of ["0", "7.5", "366", "a week"])
      await expect(
        coldStart(PUBLISH_SITE, configuration({ SUPERSEDED_FILES_GRACE_DAYS: days })),
      ).rejects.toThrow(
        `the function is misconfigured: SUPERSEDED_FILES_GRACE_DAYS must be an integer from 1 to 365, not ${JSON.stringify(days)}`,
      );
  });
});

describe("upload-api.ts", () => {
  const HUB_ROLE = "arn:aws:iam::123456789012:role/observatory-hub-access";
  const COUNCIL_ROLE = "arn:aws:iam::123456789012:role/observatory-council-access";
  const configuration = {
    RAW_BUCKET: RAW,
    HUB_ACCESS_ROLE_ARN: HUB_ROLE,
    COUNCIL_ACCESS_ROLE_ARN: COUNCIL_ROLE,
    COUNCIL_GROUP: "observatory-council",
    MAX_UPLOAD_BYTES: "4096",
    UPLOAD_URL_TTL_SECONDS: "120",
    SITE_ORIGIN: "https://d111111abcdef8.cloudfront.net",
  };
  type ApiHandler = {
    handler: (
      event: APIGatewayProxyEventV2WithJWTAuthorizer,
    ) => Promise<{ statusCode?: number; body?: string }>;
  };

  it("issues a hub's upload through HUB_ACCESS_ROLE_ARN, into RAW_BUCKET, capped at MAX_UPLOAD_BYTES for UPLOAD_URL_TTL_SECONDS", async () => {
    await startEndpoints([RAW]);
    const { handler } = await coldStart<ApiHandler>("../../functions/handlers/upload-api.js", configuration);
    const before = Date.now();
    const response = await handler(await fixture("api-post-uploads-hub.json"));
    const after = Date.now();
    expect(response.statusCode).toBe(201);
    const issued = JSON.parse(response.body ?? "") as {
      url: string;
      fields: Record<string, string>;
      max_bytes: number;
    };
    expect(calls.map((c) => [c.service, c.operation])).toEqual([["sts", "AssumeRole"]]);
    expect(calls[0]?.input).toMatchObject({
      RoleArn: HUB_ROLE,
      RoleSessionName: "uploader-wm-ng",
      "Tags.member.1.Key": "hub_id",
      "Tags.member.1.Value": "wm-ng",
    });
    expect(issued.url).toBe(`${endpoints.s3}/${RAW}`);
    expect(issued.max_bytes).toBe(4096);
    expect(issued.fields["X-Amz-Security-Token"]).toBe(SESSION.token);
    const policy = JSON.parse(Buffer.from(issued.fields.Policy ?? "", "base64").toString("utf8")) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([["content-length-range", 1, 4096], { bucket: RAW }]),
    );
    const expires = Date.parse(policy.expiration);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 120_000);
    expect(expires).toBeLessThanOrEqual(after + 120_000);
  });

  it("answers the preflight of SITE_ORIGIN, and of no other origin, without any AWS call", async () => {
    await startEndpoints([RAW]);
    const { handler } = await coldStart<{
      handler: (event: unknown) => Promise<{ statusCode?: number; headers?: Record<string, string> }>;
    }>("../../functions/handlers/upload-api.js", configuration);
    const event = await fixture<APIGatewayProxyEventV2WithJWTAuthorizer>("api-post-uploads-hub.json");
    const preflight = (origin: string) =>
      handler({
        ...event,
        routeKey: "OPTIONS /{proxy+}",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization",
        },
        requestContext: { ...event.requestContext, authorizer: undefined },
      });
    const allowed = await preflight("https://d111111abcdef8.cloudfront.net");
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers?.["access-control-allow-origin"]).toBe("https://d111111abcdef8.cloudfront.net");
    expect((await preflight("https://d222222abcdef8.cloudfront.net")).statusCode).toBe(403);
    expect(calls).toEqual([]);
    expect(s3Requests).toEqual([]);
  });

  it("refuses to start with a SITE_ORIGIN that is not exactly an https origin", async () => {
    await startEndpoints([RAW]);
    for (const origin of [
      "https://d111111abcdef8.cloudfront.net/",
      "http://d111111abcdef8.cloudfront.net",
      "*",
    ])
      await expect(
        coldStart("../../functions/handlers/upload-api.js", { ...configuration, SITE_ORIGIN: origin }),
      ).rejects.toThrow(
        `the function is misconfigured: SITE_ORIGIN must be an origin such as https://example.org, not ${JSON.stringify(origin)}`,
      );
  });

  it("issues a council upload through COUNCIL_ACCESS_ROLE_ARN to members of COUNCIL_GROUP", async () => {
    await startEndpoints([RAW]);
    const { handler } = await coldStart<ApiHandler>("../../functions/handlers/upload-api.js", configuration);
    const event = await fixture<APIGatewayProxyEventV2WithJWTAuthorizer>("api-post-uploads-council.json");
    const claims = event.requestContext.authorizer.jwt.claims;
    expect(claims["cognito:groups"]).toBe("[global-council]");
    const notAMember = await handler(event);
    expect(notAMember.statusCode).toBe(403);
    claims["cognito:groups"] = "[observatory-council]";
    const member = await handler(event);
    expect(member.statusCode).toBe(201);
    expect(calls.map((c) => c.input.RoleArn)).toEqual([COUNCIL_ROLE]);
    expect(Object.keys(calls[0]?.input ?? {}).filter((name) => name.startsWith("Tags."))).toEqual([]);
  });

  it("reads a hub's result from RAW_BUCKET with the hub's session, not the function's role", async () => {
    await startEndpoints([RAW]);
    const uploadId = "20261120T100000Z-0123456789abcdef";
    const stored = { upload_id: uploadId, uploader: "wm-ng", status: "accepted" };
    await new S3ObjectStore({ client: s3.client, bucket: RAW }).put(
      `results/wm-ng/${uploadId}.json`,
      encode(JSON.stringify(stored)),
    );
    const { handler } = await coldStart<ApiHandler>("../../functions/handlers/upload-api.js", configuration);
    const response = await handler(await fixture("api-get-result-hub.json"));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? "")).toEqual(stored);
    const [read] = s3Requests.filter((r) => r.method === "GET");
    expect(read).toMatchObject({ bucket: RAW, key: `results/wm-ng/${uploadId}.json` });
    expect(read?.headers["x-amz-security-token"]).toBe(SESSION.token);
    expect(calls.map((c) => c.input.RoleArn)).toEqual([HUB_ROLE]);
  });
});
