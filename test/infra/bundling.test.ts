/**
 * The one synthesis with real bundling: esbuild run locally (no Docker), as `npm run synth` does. Each function's
 * asset must hold its ESM bundle and the project files the code reads at run time.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type BundleSize, bundleSizes } from "../../infra/bundle-sizes.js";
import { cdkJsonContext, createObservatoryApp } from "../../infra/observatory-app.js";

const outdir = mkdtempSync(join(tmpdir(), "observatory-cdk-out-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const { app } = createObservatoryApp({
  app: {
    outdir,
    context: {
      ...cdkJsonContext(),
      "aws:cdk:enable-asset-metadata": true,
      "aws:cdk:enable-path-metadata": true,
    },
  },
});
app.synth();
const bundles = bundleSizes(outdir);

/** Every variable the functions read at cold start, with placeholder values; no AWS call is made by loading. */
const LAMBDA_ENVIRONMENT = {
  AWS_REGION: "eu-west-1",
  RAW_BUCKET: "raw",
  CURATED_BUCKET: "curated",
  SITE_BUCKET: "site",
  RECOMPUTE_STATE_MACHINE_ARN: "arn:aws:states:eu-west-1:123456789012:stateMachine:recompute",
  MAX_UPLOAD_BYTES: "268435456",
  EVIDENCE_RETENTION_DAYS: "365",
  HUB_ACCESS_ROLE_ARN: "arn:aws:iam::123456789012:role/hub",
  COUNCIL_ACCESS_ROLE_ARN: "arn:aws:iam::123456789012:role/council",
  COUNCIL_GROUP: "global-council",
  ATHENA_WORKGROUP: "equity-observatory",
  GLUE_DATABASE: "equity_observatory",
  ATHENA_STAGING_WORKGROUP: "equity-observatory-staging",
  STAGING_BUCKET: "query-results",
  COMPUTE_TIMEOUT_SECONDS: "600",
  SITE_ORIGIN: "https://d111111abcdef8.cloudfront.net",
  SUPERSEDED_FILES_GRACE_DAYS: "7",
  UPLOAD_CONFIG: JSON.stringify({
    version: 1,
    region: "eu-west-1",
    api_url: "https://abc123.execute-api.eu-west-1.amazonaws.com",
    sign_in_url: "https://equity-observatory-123456789012.auth.eu-west-1.amazoncognito.com",
    client_id: "4example0client0id",
    upload_origin: "https://raw.s3.eu-west-1.amazonaws.com",
    redirect_paths: ["/check.html", "/es/check.html", "/ar/check.html"],
  }),
};

describe("the Lambda bundles", () => {
  it("are one per handler", () => {
    expect(bundles.map((bundle) => bundle.functionPath.split("/").slice(-2, -1)[0])).toEqual([
      "IngestUpload",
      "CompactLake",
      "ComputeIndicators",
      "PublishSite",
      "UploadApiFunction",
    ]);
  });

  describe.each(bundles.map((bundle) => [bundle.functionPath, bundle] as [string, BundleSize]))(
    "%s",
    (_path, bundle) => {
      const file = (relative: string) => join(outdir, bundle.assetDir, relative);

      it("is an ES module that can require() the CommonJS code bundled in it", () => {
        expect(readFileSync(file("index.mjs"), "utf8")).toMatch(
          /^import \{ createRequire \} from 'node:module';.*const require = createRequire\(import\.meta\.url\);/,
        );
      });

      it.each([
        "parquet_wasm_bg.wasm",
        "queries/framework-2026.1.json",
        "data/countries.tsv",
        "site/assets/style.css",
      ])("holds %s", (relative) => {
        expect(existsSync(file(relative))).toBe(true);
      });

      it("starts in Node from its own folder, as Lambda loads it (WebAssembly, schema and config included)", () => {
        const folder = join(outdir, bundle.assetDir);
        const printed = execFileSync(
          process.execPath,
          [
            "--no-warnings",
            "--input-type=module",
            "-e",
            "const m = await import('./index.mjs'); console.log(typeof m.handler)",
          ],
          {
            cwd: folder,
            env: { ...LAMBDA_ENVIRONMENT, OBSERVATORY_HOME: folder, PATH: process.env.PATH ?? "" },
            encoding: "utf8",
          },
        );
        expect(printed.trim()).toBe("function");
      });

      it("carries the dashboards' browser script only when it publishes the site", () => {
        const script = file("site/assets/client/site.js");
        if (bundle.functionPath.includes("PublishSite")) {
          expect(readFileSync(script, "utf8")).toMatch(/^(var|const|let|import|function|\(|!)/);
          const chunks = readdirSync(file("site/assets/client"));
          expect(chunks.length).toBeGreaterThan(1);
          expect(chunks.every((name) => /^site(-[A-Za-z0-9]+)?\.js$/.test(name))).toBe(true);
        } else {
          expect(existsSync(script)).toBe(false);
        }
      });

      it("holds the SQL of the framework", () => {
        expect(existsSync(file("queries/stages/01_current_reports.sql"))).toBe(true);
      });

      it("fits Lambda's limits (50 MB zipped, 250 MB unzipped)", () => {
        expect(bundle.zippedBytes).toBeLessThan(50 * 1000 ** 2);
        expect(bundle.totalBytes).toBeLessThan(250 * 1000 ** 2);
      });
    },
  );
});
