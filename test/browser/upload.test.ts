/**
 * The validator page as AWS publishes it, in a real browser (Debian's Chromium through playwright-core): the fixture
 * site is built with an upload configuration and served with the Content Security Policy CloudFront gives the
 * validator page. A hub signs in, checks a valid CSV file, sends it and sees that the observatory accepted it.
 *
 * Faked, because they cannot run here: Cognito (its hosted UI, which redirects straight back with a code, and its
 * token endpoint, which checks the PKCE verifier against the challenge), the upload API (presigned POST and stored
 * result) and the raw bucket's S3 POST endpoint. Each is a real HTTPS server on 127.0.0.1 with its own port, so its
 * own origin, with a self-signed certificate made by `openssl` for the run (the browser context accepts it), and
 * answers CORS for the site's origin only. Every request each one receives is recorded, so the test can tell where
 * the file's bytes and the sign-in token went.
 */

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../site/build/build-site.js";
import { directorySiteWriter } from "../../site/build/site-writer.js";
import { type UploadConfig, uploadConnectOrigins } from "../../site/client/upload/upload-config.js";
import { UPLOAD_MESSAGES } from "../../site/i18n/upload.js";
import { type RunningSite, serveSite } from "../../site/serve.js";
import { contentSecurityPolicyHeader } from "../../site/web/security.js";
import { launchChromium } from "../helpers/browser.js";
import { checkableSiteInput } from "./checkable-site.js";

const CLIENT_ID = "fakeclient123";
const EMAIL = "treasurer@wm-ng.example";
const UPLOAD_ID = "01JD7Z0FAKEUPLOAD";
const VALID_CSV =
  "hub_id,period,flow,category,amount,currency,country,counterparty_id,underrepresented_focus\n" +
  "wm-ng,2025,expense,programs,1000000,NGN,NG,,\n" +
  "wm-ng,2025,revenue,movement_allocation,1500,USD,US,,\n";

/** A request a fake received: what the browser sent it. */
interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
}

interface Fake {
  readonly origin: string;
  readonly received: Received[];
  close(): Promise<void>;
}

const base64url = (bytes: Buffer) => bytes.toString("base64url");

/** An unsigned JWT with the claims the page reads (the API's authorizer, not the page, verifies signatures). */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => base64url(Buffer.from(JSON.stringify(value)));
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.signature`;
}

async function fakeServer(
  certificate: { key: Buffer; cert: Buffer },
  siteOrigin: () => string,
  answer: (request: Received, response: ServerResponse) => void,
): Promise<Fake> {
  const received: Received[] = [];
  const server: Server = createServer(certificate, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      received.push(seen);
      response.setHeader("Access-Control-Allow-Origin", siteOrigin());
      response.setHeader("Vary", "Origin");
      if (seen.method === "OPTIONS") {
        response.writeHead(204, {
          "Access-Control-Allow-Methods": "GET, POST",
          "Access-Control-Allow-Headers": "authorization, content-type",
        });
        response.end();
        return;
      }
      answer(seen, response);
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(value));
}

let dir: string;
let site: RunningSite;
let browser: Browser;
let signIn: Fake;
let api: Fake;
let bucket: Fake;
let config: UploadConfig;
let issuedToken = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "observatory-upload-"));
  await promisify(execFile)("openssl", [
    ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
    ...["-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
    ...["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
  ]);
  const certificate = {
    key: await readFile(join(dir, "key.pem")),
    cert: await readFile(join(dir, "cert.pem")),
  };
  const siteOrigin = () => new URL(site.url).origin;
  const challenges = new Map<string, string>();

  signIn = await fakeServer(certificate, siteOrigin, (request, response) => {
    const url = new URL(request.url, "https://sign-in.invalid");
    if (request.method === "GET" && url.pathname === "/oauth2/authorize") {
      const code = `code-${challenges.size + 1}`;
      challenges.set(code, url.searchParams.get("code_challenge") ?? "");
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      back.search = new URLSearchParams({ code, state: url.searchParams.get("state") ?? "" }).toString();
      response.writeHead(302, { Location: back.href });
      response.end();
      return;
    }
    if (request.method === "POST" && url.pathname === "/oauth2/token") {
      const form = new URLSearchParams(request.body.toString("utf8"));
      const challenge = challenges.get(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      if (!challenge || base64url(createHash("sha256").update(verifier).digest()) !== challenge) {
        json(response, 400, { error: "invalid_grant" });
        return;
      }
      issuedToken = idToken({
        aud: CLIENT_ID,
        exp: Math.floor(Date.now() / 1000) + 3600,
        email: EMAIL,
        "custom:hub_id": "wm-ng",
      });
      json(response, 200, { id_token: issuedToken, token_type: "Bearer", expires_in: 3600 });
      return;
    }
    json(response, 404, { error: "not found" });
  });

  bucket = await fakeServer(certificate, siteOrigin, (request, response) => {
    response.writeHead(request.method === "POST" ? 204 : 405);
    response.end();
  });

  api = await fakeServer(certificate, siteOrigin, (request, response) => {
    if (request.headers.authorization !== `Bearer ${issuedToken}`) {
      json(response, 401, { error: "unauthorized" });
      return;
    }
    if (request.method === "POST" && request.url === "/uploads") {
      json(response, 200, {
        upload_id: UPLOAD_ID,
        url: `${bucket.origin}/`,
        fields: { key: `incoming/wm-ng/${UPLOAD_ID}.csv`, policy: "fake-policy" },
        max_bytes: 10_000_000,
      });
      return;
    }
    if (request.method === "GET" && request.url === `/results/${UPLOAD_ID}`) {
      if (!bucket.received.some((posted) => posted.method === "POST")) {
        json(response, 404, { error: "no result yet" });
        return;
      }
      json(response, 200, {
        upload_id: UPLOAD_ID,
        uploader: EMAIL,
        received_at: "2026-11-26T10:00:00Z",
        processed_at: "2026-11-26T10:00:02Z",
        file: "report.csv",
        status: "accepted",
        kind: "financial",
        report: null,
        supersedes: null,
        superseded_by: null,
        problems: [],
        groups: [],
        error_count: 0,
      });
      return;
    }
    json(response, 404, { error: "not found" });
  });

  config = {
    version: 1,
    region: "eu-west-1",
    api_url: api.origin,
    sign_in_url: signIn.origin,
    client_id: CLIENT_ID,
    upload_origin: bucket.origin,
    redirect_paths: ["/check.html", "/es/check.html", "/fr/check.html", "/ar/check.html"],
  };
  await buildSite(
    await checkableSiteInput({ languages: ["en"], uploadConfig: config }),
    directorySiteWriter(join(dir, "site")),
  );
  const checkPagePolicy = contentSecurityPolicyHeader(uploadConnectOrigins(config));
  site = await serveSite(join(dir, "site"), {
    extraHeaders: (path): Record<string, string> =>
      /(^|\/)check\.html$/.test(path) ? { "Content-Security-Policy": checkPagePolicy } : {},
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await signIn?.close();
  await api?.close();
  await bucket?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe("true");
}

describe("the validator page on AWS", () => {
  it("signs a hub in with PKCE, sends a valid file to the bucket only, and shows that it was accepted", async () => {
    const texts = UPLOAD_MESSAGES.en;
    let context: BrowserContext | undefined;
    try {
      context = await browser.newContext({ ignoreHTTPSErrors: true, serviceWorkers: "block" });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning")
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      const sent: { method: string; url: string; authorization?: string }[] = [];
      page.on("request", (request) =>
        sent.push({
          method: request.method(),
          url: request.url(),
          authorization: request.headers().authorization,
        }),
      );

      await page.goto(`${site.url}check.html`, { waitUntil: "load" });
      await ready(page);
      await expect.poll(() => page.isVisible("#check-upload")).toBe(true);
      expect(await page.innerText("#upload-sign-in")).toBe(texts.signIn);
      expect(await page.isVisible("#upload-send")).toBe(false);

      await page.click("#upload-sign-in");
      await page.waitForURL(/check\.html$/);
      await ready(page);
      await page.waitForFunction(
        () =>
          `${document.querySelector("#upload-hub")?.textContent}${document.querySelector("#upload-status")?.textContent}` !==
          "",
      );
      expect(await page.innerText("#upload-status"), problems.join("\n")).toBe("");
      expect(await page.innerText("#upload-hub")).toBe(texts.signedInAs(EMAIL, "wm-ng"));
      expect(await page.isVisible("#upload-sign-out")).toBe(true);
      expect(await page.isVisible("#upload-sign-in")).toBe(false);
      expect(page.url()).toBe(`${site.url}check.html`);
      const authorize = new URL(signIn.received[0]?.url ?? "", signIn.origin);
      expect(authorize.pathname).toBe("/oauth2/authorize");
      expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorize.searchParams.get("client_id")).toBe(CLIENT_ID);
      expect(authorize.searchParams.get("redirect_uri")).toBe(`${site.url}check.html`);
      expect(signIn.received.map((request) => `${request.method} ${request.url.split("?")[0]}`)).toEqual([
        "GET /oauth2/authorize",
        "POST /oauth2/token",
      ]);
      expect(await page.isDisabled("#upload-send")).toBe(true);

      await page.setInputFiles("#check-file", {
        name: "bad-report.csv",
        mimeType: "text/csv",
        buffer: await readFile(new URL("../fixtures/check/bad-report.csv", import.meta.url)),
      });
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>("#check-app")?.dataset.state === "checked",
      );
      expect(await page.isDisabled("#upload-send")).toBe(true);
      await page.evaluate(() => {
        const app = document.querySelector<HTMLElement>("#check-app");
        if (app) app.dataset.state = "";
      });

      await page.setInputFiles("#check-file", {
        name: "report.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(VALID_CSV),
      });
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>("#check-app")?.dataset.state === "checked",
      );
      expect(await page.isDisabled("#upload-send")).toBe(false);
      await page.click("#upload-send");
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>("#check-app")?.dataset.upload === "accepted",
      );
      expect(await page.innerText("#upload-status")).toBe(texts.accepted(UPLOAD_ID));

      const fileBytes = Buffer.from(VALID_CSV);
      const posts = bucket.received.filter((request) => request.method === "POST");
      expect(posts).toHaveLength(1);
      expect(posts[0]?.body.includes(fileBytes)).toBe(true);
      expect(posts[0]?.body.includes(Buffer.from(`incoming/wm-ng/${UPLOAD_ID}.csv`))).toBe(true);
      for (const request of [...signIn.received, ...api.received])
        expect(request.body.includes(Buffer.from("1000000,NGN"))).toBe(false);
      const siteRequests = sent.filter((request) => request.url.startsWith(site.url));
      expect(siteRequests.every((request) => request.method === "GET")).toBe(true);

      expect(issuedToken).not.toBe("");
      const carriesToken = (request: Received) =>
        JSON.stringify(request.headers).includes(issuedToken) ||
        request.url.includes(issuedToken) ||
        request.body.includes(Buffer.from(issuedToken));
      expect(bucket.received.some(carriesToken)).toBe(false);
      expect(signIn.received.some(carriesToken)).toBe(false);
      expect(sent.filter((request) => request.authorization !== undefined).map((r) => r.url)).toEqual([
        `${api.origin}/uploads`,
        `${api.origin}/results/${UPLOAD_ID}`,
      ]);
      expect(
        api.received.filter((request) => request.method !== "OPTIONS").map((r) => `${r.method} ${r.url}`),
      ).toEqual(["POST /uploads", `GET /results/${UPLOAD_ID}`]);
      expect(problems).toEqual([]);
    } finally {
      await context?.close();
    }
  });
});
