/**
 * The validator page's upload flow, run with fakes of what only a browser on AWS has: `fetch` is a recording fake
 * that answers as Cognito's token endpoint, the upload API and S3's POST endpoint would (Cognito, API Gateway and
 * S3's enforcement of the POST policy cannot run here; the API's real answers are tested in
 * test/handlers/upload-api-handler.test.ts, the policy's conditions there too). SHA-256 is Node's real Web Crypto;
 * random bytes are fixed so that the requests can be asserted exactly. No DOM is needed: every dependency is injected.
 */
import { createHash, webcrypto } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UploadResult } from "../../../functions/core/uploads/result-document.js";
import {
  createUploadClient,
  DEFAULT_POLLING,
  loadUploadConfig,
  STORAGE_KEYS,
  type UploadClientDependencies,
  UploadError,
} from "../../../site/client/upload/upload-client.js";
import { type UploadConfig, UploadConfigError } from "../../../site/client/upload/upload-config.js";
import { UPLOAD_MESSAGES } from "../../../site/i18n/upload.js";

const CONFIG: UploadConfig = {
  version: 1,
  region: "eu-west-1",
  api_url: "https://abc123.execute-api.eu-west-1.amazonaws.com",
  sign_in_url: "https://equity-observatory-123456789012.auth.eu-west-1.amazoncognito.com",
  client_id: "4example0client0id",
  upload_origin: "https://observatory-raw.s3.eu-west-1.amazonaws.com",
  redirect_paths: ["/check.html", "/es/check.html", "/fr/check.html", "/ar/check.html"],
};
const SITE = "https://d111111abcdef8.cloudfront.net";
const PAGE = `${SITE}/es/check.html`;
const UPLOAD_ID = "20261120T100000Z-0123456789abcdef";
const BUCKET_URL = `${CONFIG.upload_origin}/`;
const en = UPLOAD_MESSAGES.en;

interface Recorded {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: RequestInit["body"];
  readonly credentials: RequestInit["credentials"];
}

type Responder = (request: Recorded) => Response | Promise<Response>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function base64Url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

function idToken(claims: Record<string, unknown>): string {
  return [base64Url('{"alg":"RS256","kid":"k"}'), base64Url(JSON.stringify(claims)), "signature"].join(".");
}

const NOW = Date.parse("2026-11-20T10:00:00Z");
const ID_TOKEN = idToken({
  aud: CONFIG.client_id,
  token_use: "id",
  exp: NOW / 1000 + 1800,
  email: "amaka@example.org",
  "custom:hub_id": "wm-ng",
});

/** A recording `fetch` whose answers come from `respond`. */
function fakeFetch(respond: Responder) {
  const requests: Recorded[] = [];
  const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: Recorded = {
      url: String(input),
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: init.body,
      credentials: init.credentials,
    };
    requests.push(request);
    return respond(request);
  }) as typeof fetch;
  return { fetcher, requests };
}

/** A `sessionStorage` that records every write. */
function fakeStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    items,
    writes,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      writes.push(key);
      items.set(key, value);
    },
    removeItem: (key: string) => {
      items.delete(key);
    },
  };
}

/** Web Crypto with fixed random bytes (0, 1, 2, …) and Node's real SHA-256. */
const fixedCrypto = {
  getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
    if (array instanceof Uint8Array) for (let i = 0; i < array.length; i++) array[i] = (i * 7 + 3) % 256;
    return array;
  },
  subtle: webcrypto.subtle,
} as UploadClientDependencies["crypto"];

function fakeNavigation(url: string) {
  const visits: string[] = [];
  const replacements: string[] = [];
  let current = url;
  return {
    visits,
    replacements,
    currentUrl: () => current,
    go: (target: string) => visits.push(target),
    replace: (target: string) => {
      replacements.push(target);
      current = target;
    },
  };
}

function setUp(options: { url?: string; respond?: Responder; storage?: Record<string, string> } = {}) {
  const { fetcher, requests } = fakeFetch(
    options.respond ?? (() => json(500, { error: "unexpected request" })),
  );
  const storage = fakeStorage(options.storage);
  const navigation = fakeNavigation(options.url ?? PAGE);
  const sleeps: number[] = [];
  const client = createUploadClient({
    config: CONFIG,
    messages: en,
    fetch: fetcher,
    crypto: fixedCrypto,
    storage,
    navigation,
    clock: () => NOW,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
  });
  return { client, requests, storage, navigation, sleeps };
}

const signedIn = () => ({
  [STORAGE_KEYS.session]: JSON.stringify({ id_token: ID_TOKEN, expires_at: NOW + 1_800_000 }),
});

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<UploadError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(UploadError);
    return error as UploadError;
  }
  throw new Error("did not fail");
}

/** A `localStorage` and `document.cookie` that would record any use, installed for the whole file. */
const localWrites: string[] = [];
beforeEach(() => {
  localWrites.length = 0;
  Object.assign(globalThis, {
    localStorage: {
      getItem: (key: string) => {
        localWrites.push(`get ${key}`);
        return null;
      },
      setItem: (key: string) => localWrites.push(`set ${key}`),
      removeItem: (key: string) => localWrites.push(`remove ${key}`),
    },
  });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, "localStorage");
  expect(localWrites).toEqual([]);
});

describe("signIn", () => {
  it("sends the hub to the hosted UI with an S256 challenge of a fresh verifier and a state it keeps", async () => {
    const { client, requests, storage, navigation } = setUp({ url: `${PAGE}?lang=es#top` });
    await client.signIn();
    const pending = JSON.parse(storage.items.get(STORAGE_KEYS.pendingSignIn) ?? "") as {
      state: string;
      verifier: string;
      redirect_uri: string;
    };
    expect(pending.verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(pending.verifier).toHaveLength(86);
    expect(pending.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pending.redirect_uri).toBe(PAGE);
    const challenge = createHash("sha256").update(pending.verifier, "ascii").digest("base64url");
    expect(navigation.visits).toEqual([
      `${CONFIG.sign_in_url}/oauth2/authorize?${new URLSearchParams({
        response_type: "code",
        client_id: CONFIG.client_id,
        redirect_uri: PAGE,
        scope: "openid email profile",
        state: pending.state,
        code_challenge: challenge,
        code_challenge_method: "S256",
      })}`,
    ]);
    expect(requests).toEqual([]);
  });

  it("is refused on any page but the validator page, storing nothing and going nowhere", async () => {
    const { client, storage, navigation } = setUp({ url: `${SITE}/es/index.html` });
    const error = await failure(client.signIn());
    expect(error.kind).toBe("notOnCheckPage");
    expect(error.message).toBe(
      "Signing in works only from the validator page. Open the validator page and try again.",
    );
    expect(storage.writes).toEqual([]);
    expect(navigation.visits).toEqual([]);
  });
});

describe("completeSignIn", () => {
  const pending = { state: "the-state-this-tab-sent", verifier: "v".repeat(86), redirect_uri: PAGE };
  const returning = (query: string) => ({
    url: `${PAGE}?${query}`,
    storage: { [STORAGE_KEYS.pendingSignIn]: JSON.stringify(pending) },
  });

  it("exchanges the code with the verifier at /oauth2/token and keeps the ID token in sessionStorage only", async () => {
    const { client, requests, storage, navigation } = setUp({
      ...returning("code=the-code&state=the-state-this-tab-sent"),
      respond: () =>
        json(200, { id_token: ID_TOKEN, access_token: "access", refresh_token: "refresh", expires_in: 1800 }),
    });
    expect(await client.completeSignIn()).toEqual({
      email: "amaka@example.org",
      hubId: "wm-ng",
      expiresAt: NOW + 1_800_000,
    });
    expect(requests).toHaveLength(1);
    const [token] = requests;
    expect(token).toMatchObject({
      url: `${CONFIG.sign_in_url}/oauth2/token`,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      credentials: "omit",
    });
    expect(Object.fromEntries(new URLSearchParams(String(token?.body)))).toEqual({
      grant_type: "authorization_code",
      client_id: CONFIG.client_id,
      code: "the-code",
      redirect_uri: PAGE,
      code_verifier: pending.verifier,
    });
    expect(navigation.replacements).toEqual([PAGE]);
    expect([...storage.items.keys()]).toEqual([STORAGE_KEYS.session]);
    const kept = storage.items.get(STORAGE_KEYS.session) ?? "";
    expect(JSON.parse(kept)).toEqual({ id_token: ID_TOKEN, expires_at: NOW + 1_800_000 });
    expect(kept).not.toContain("refresh");
    expect(kept).not.toContain("access");
    expect(client.currentHub()?.hubId).toBe("wm-ng");
  });

  it("refuses a response whose state is not the one this tab sent, without exchanging the code", async () => {
    for (const setup of [
      returning("code=stolen-code&state=someone-elses-state"),
      returning("code=stolen-code"),
      { url: `${PAGE}?code=stolen-code&state=the-state-this-tab-sent` },
    ]) {
      const { client, requests, storage, navigation } = setUp(setup);
      const error = await failure(client.completeSignIn());
      expect(error.kind).toBe("signInStateMismatch");
      expect(error.message).toBe(
        "This sign-in was not started from this page, so it was ignored to keep your account safe. Sign in again.",
      );
      expect(requests).toEqual([]);
      expect(storage.items.size).toBe(0);
      expect(navigation.replacements).toEqual([PAGE]);
    }
  });

  it("says why the hosted UI sent the hub back without a code", async () => {
    const { client, requests } = setUp(
      returning("error=access_denied&error_description=User+is+disabled&state=the-state-this-tab-sent"),
    );
    expect((await failure(client.completeSignIn())).message).toBe(
      "Sign-in did not finish: User is disabled. Sign in again.",
    );
    expect(requests).toEqual([]);
  });

  it("keeps nothing when the token endpoint refuses the code or answers with another client's token", async () => {
    for (const respond of [
      () => json(400, { error: "invalid_grant" }),
      () => json(200, { id_token: idToken({ aud: "another-client", exp: NOW / 1000 + 1800 }) }),
      () => json(200, { access_token: "only-access" }),
    ]) {
      const { client, storage } = setUp({ ...returning("code=c&state=the-state-this-tab-sent"), respond });
      const error = await failure(client.completeSignIn());
      expect(error.message).toBe(
        "Sign-in could not be completed. Sign in again; if it keeps failing, tell the observatory team.",
      );
      expect(storage.items.size).toBe(0);
    }
  });

  it("returns the kept sign-in on a plain visit, and forgets it once it has (nearly) expired", async () => {
    expect(await setUp({ storage: signedIn() }).client.completeSignIn()).toMatchObject({ hubId: "wm-ng" });
    const dying = setUp({
      storage: { [STORAGE_KEYS.session]: JSON.stringify({ id_token: ID_TOKEN, expires_at: NOW + 59_000 }) },
    });
    expect(await dying.client.completeSignIn()).toBeUndefined();
    expect(dying.storage.items.size).toBe(0);
  });
});

describe("send", () => {
  const FILE_TEXT = "PK-workbook-bytes-\u0001\u0002-unique-7f3a";
  const file = (name = "ng-2025.xlsx", text = FILE_TEXT) => new File([text], name);
  const issued = (overrides: Record<string, unknown> = {}) => ({
    upload_id: UPLOAD_ID,
    url: BUCKET_URL,
    fields: {
      key: `uploads/wm-ng/${UPLOAD_ID}.xlsx`,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      Policy: "eyJjb25kaXRpb25zIjpbXX0=",
      "X-Amz-Signature": "sig",
    },
    expires_at: "2026-11-20T10:05:00.000Z",
    max_bytes: 1024,
    format: "xlsx",
    result: `/results/${UPLOAD_ID}`,
    ...overrides,
  });
  const RESULT = {
    upload_id: UPLOAD_ID,
    uploader: "wm-ng",
    status: "rejected",
    problems: [],
    error_count: 2,
  };

  /** The API and the bucket as the page meets them: the result appears at the third look. */
  function service(options: { issue?: Response; bucket?: Response; lookups?: number } = {}): Responder {
    let looks = 0;
    return (request) => {
      if (request.url === `${CONFIG.api_url}/uploads`) return options.issue ?? json(201, issued());
      if (request.url === BUCKET_URL) return options.bucket ?? new Response(null, { status: 204 });
      if (request.url === `${CONFIG.api_url}/results/${UPLOAD_ID}`)
        return ++looks >= (options.lookups ?? 3) ? json(200, RESULT) : json(404, { error: "no result yet" });
      return json(500, { error: `unexpected ${request.url}` });
    };
  }

  it("asks for a presigned POST of the file's format, posts the file to the bucket, and polls for the result", async () => {
    const { client, requests, sleeps } = setUp({ storage: signedIn(), respond: service() });
    const stages: string[] = [];
    const result: UploadResult = await client.send(file(), (stage) => stages.push(stage));
    expect(result).toEqual(RESULT);
    expect(stages).toEqual(["sending", "waiting"]);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${CONFIG.api_url}/uploads`,
      `POST ${BUCKET_URL}`,
      `GET ${CONFIG.api_url}/results/${UPLOAD_ID}`,
      `GET ${CONFIG.api_url}/results/${UPLOAD_ID}`,
      `GET ${CONFIG.api_url}/results/${UPLOAD_ID}`,
    ]);
    const [issue, post, ...looks] = requests;
    expect(issue?.headers).toEqual({
      authorization: `Bearer ${ID_TOKEN}`,
      "content-type": "application/json",
    });
    expect(issue?.body).toBe('{"format":"xlsx"}');
    for (const look of looks) expect(look.headers).toEqual({ authorization: `Bearer ${ID_TOKEN}` });
    expect(post?.headers).toEqual({});
    expect(requests.every((r) => r.credentials === "omit")).toBe(true);

    const form = post?.body as FormData;
    expect([...form.keys()]).toEqual(["key", "Content-Type", "Policy", "X-Amz-Signature", "file"]);
    expect(form.get("key")).toBe(`uploads/wm-ng/${UPLOAD_ID}.xlsx`);
    const sent = form.get("file") as File;
    expect(sent.name).toBe("ng-2025.xlsx");
    expect(await sent.text()).toBe(FILE_TEXT);
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it("sends the file's bytes to the presigned bucket address only, and its token to the API only", async () => {
    const { client, requests } = setUp({ storage: signedIn(), respond: service() });
    await client.send(file("report.CSV"));
    const carriesFile = requests.filter((r) => r.body instanceof FormData);
    expect(carriesFile.map((r) => r.url)).toEqual([BUCKET_URL]);
    for (const request of requests.filter((r) => !(r.body instanceof FormData)))
      expect(String(request.body ?? "")).not.toContain("unique-7f3a");
    for (const request of requests)
      expect(request.headers.authorization !== undefined).toBe(request.url.startsWith(CONFIG.api_url));
    expect(requests[0]?.body).toBe('{"format":"csv"}');
  });

  it("refuses to post the file to an address outside the configured bucket", async () => {
    for (const url of [
      "https://attacker.example/",
      "https://observatory-raw.s3.eu-west-1.amazonaws.com.attacker.example/",
    ]) {
      const { client, requests } = setUp({
        storage: signedIn(),
        respond: service({ issue: json(201, issued({ url })) }),
      });
      const error = await failure(client.send(file()));
      expect(error.message).toBe(
        "The file was not sent: the observatory gave an upload address outside its own storage. Tell the observatory team.",
      );
      expect(requests.map((r) => r.url)).toEqual([`${CONFIG.api_url}/uploads`]);
    }
  });

  it("does not send a file larger than the API's limit, nor one that is not CSV, .xlsx or .ods", async () => {
    const big = setUp({
      storage: signedIn(),
      respond: service({ issue: json(201, issued({ max_bytes: 10 })) }),
    });
    const tooLarge = await failure(big.client.send(file()));
    expect(tooLarge.kind).toBe("tooLarge");
    expect(big.requests.map((r) => r.url)).toEqual([`${CONFIG.api_url}/uploads`]);
    const other = setUp({ storage: signedIn(), respond: service() });
    for (const name of ["ng-2025.xls", "ng-2025.numbers", "report.pdf", "csv"]) {
      const error = await failure(other.client.send(file(name)));
      expect(error.message).toBe("Only a CSV file or an .xlsx or .ods workbook can be sent.");
    }
    expect(other.requests).toEqual([]);
  });

  it("says in plain words what the bucket refused", async () => {
    const s3Error = (code: string, message: string) =>
      new Response(`<?xml version="1.0"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`, {
        status: code === "EntityTooLarge" ? 400 : 403,
      });
    const cases: [Response, string][] = [
      [
        s3Error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"),
        "The file is larger than the limit of 0 MB. Split it into smaller reports.",
      ],
      [
        s3Error("AccessDenied", "Invalid according to Policy: Policy expired."),
        "The upload took too long and its link expired. Send the file again.",
      ],
      [
        s3Error("AccessDenied", "Invalid according to Policy: Policy Condition failed"),
        "The storage refused the file (AccessDenied). Send it again; if it keeps failing, tell the observatory team.",
      ],
    ];
    for (const [bucket, message] of cases) {
      const { client } = setUp({ storage: signedIn(), respond: service({ bucket }) });
      const error = await failure(client.send(file()));
      expect(error.message).toBe(message);
      expect(error.uploadId).toBe(UPLOAD_ID);
    }
  });

  it("ends the sign-in when the API refuses the token, and relays why an account may not upload", async () => {
    const expired = setUp({
      storage: signedIn(),
      respond: service({ issue: json(401, { message: "Unauthorized" }) }),
    });
    expect((await failure(expired.client.send(file()))).message).toBe(
      "Your sign-in has expired. Sign in again, then send the file again.",
    );
    expect(expired.storage.items.size).toBe(0);
    const noHub = setUp({
      storage: signedIn(),
      respond: service({
        issue: json(403, { error: "this account belongs to no hub; ask an administrator to set its hub_id" }),
      }),
    });
    expect((await failure(noHub.client.send(file()))).message).toBe(
      "Your account may not send files: this account belongs to no hub; ask an administrator to set its hub_id.",
    );
  });

  it("asks for a sign-in first, and says when the observatory cannot be reached", async () => {
    const anonymous = setUp({ respond: service() });
    expect((await failure(anonymous.client.send(file()))).kind).toBe("notSignedIn");
    expect(anonymous.requests).toEqual([]);
    const offline = setUp({
      storage: signedIn(),
      respond: () => {
        throw new TypeError("Failed to fetch");
      },
    });
    expect((await failure(offline.client.send(file()))).message).toBe(
      "The observatory could not be reached. Check your internet connection and try again.",
    );
  });

  it("stops looking after a bounded number of looks, backing off to 8 seconds, and names the upload", async () => {
    const { client, requests, sleeps } = setUp({
      storage: signedIn(),
      respond: service({ lookups: Number.POSITIVE_INFINITY }),
    });
    const error = await failure(client.send(file()));
    expect(error.kind).toBe("resultTimeout");
    expect(error.message).toBe(
      `The file was sent (upload ${UPLOAD_ID}), but its check is taking longer than usual. Come back to this page later to see the result.`,
    );
    expect(sleeps).toEqual([1000, 2000, 4000, ...Array(DEFAULT_POLLING.maxAttempts - 3).fill(8000)]);
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(183_000);
    expect(requests.filter((r) => r.method === "GET")).toHaveLength(DEFAULT_POLLING.maxAttempts);
  });
});

describe("signOut", () => {
  it("forgets the tokens and ends the hosted UI's session, returning to this page", () => {
    const { client, storage, navigation, requests } = setUp({
      storage: signedIn(),
      url: `${SITE}/check.html?x=1`,
    });
    client.signOut();
    expect(storage.items.size).toBe(0);
    expect(navigation.visits).toEqual([
      `${CONFIG.sign_in_url}/logout?client_id=${CONFIG.client_id}&logout_uri=${encodeURIComponent(`${SITE}/check.html`)}`,
    ]);
    expect(requests).toEqual([]);
    expect(client.currentHub()).toBeUndefined();
  });
});

describe("loadUploadConfig", () => {
  const serving = (response: () => Response) => fakeFetch(() => response());

  it("reads upload-config.json at the site's root, and offers no upload where the site has none", async () => {
    const found = serving(() => json(200, CONFIG));
    expect(await loadUploadConfig(found.fetcher, `${SITE}/`)).toEqual(CONFIG);
    expect(found.requests.map((r) => r.url)).toEqual([`${SITE}/upload-config.json`]);
    expect(
      await loadUploadConfig(serving(() => new Response("", { status: 404 })).fetcher, `${SITE}/`),
    ).toBeUndefined();
  });

  it("refuses settings that are broken, naming the problem", async () => {
    const cases: [unknown, string][] = [
      [
        { ...CONFIG, api_url: "https://abc123.execute-api.eu-west-1.amazonaws.com/" },
        "api_url must be an https origin with nothing after the host",
      ],
      [
        { ...CONFIG, upload_origin: "http://observatory-raw.s3.eu-west-1.amazonaws.com" },
        "upload_origin must be an https origin with nothing after the host",
      ],
      [
        { ...CONFIG, redirect_paths: ["/index.html"] },
        "redirect_paths must list the validator page's paths, such as /check.html",
      ],
      [{ ...CONFIG, client_secret: "x" }, "the upload settings have unknown fields: client_secret"],
      [{ ...CONFIG, version: 2 }, "the upload settings have version 2, not 1"],
    ];
    for (const [body, message] of cases)
      await expect(loadUploadConfig(serving(() => json(200, body)).fetcher, `${SITE}/`)).rejects.toThrow(
        new UploadConfigError(message),
      );
    await expect(loadUploadConfig(serving(() => new Response("<html>")).fetcher, `${SITE}/`)).rejects.toThrow(
      "upload-config.json is not JSON",
    );
  });
});
