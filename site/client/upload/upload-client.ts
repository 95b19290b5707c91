/**
 * The validator page's upload flow on AWS, in the browser: sign in through the Cognito hosted UI (authorization
 * code with PKCE and a checked `state`), get a presigned POST from the upload API, post the checked file to the raw
 * bucket (and only there), then poll the API for the stored validation result with a bounded backoff. Tokens are
 * kept in `sessionStorage` only (gone when the tab closes), never in `localStorage` or cookies; the refresh token is
 * not kept at all. Every dependency (fetch, Web Crypto, storage, navigation, timers) is injected, so the flow runs
 * unchanged under test. Browser-safe: no Node APIs.
 *
 * The page's part: `loadUploadConfig` (undefined where the site offers no upload, as under `npm start`), then
 * `createUploadClient({ config, messages: UPLOAD_MESSAGES[lang], ...browserUploadDependencies() })`; on load
 * `completeSignIn()`; buttons call `signIn()`, `send(file)` and `signOut()`. Failures are {@link UploadError}s whose
 * message is already in the page's language.
 */
import type { UploadResult } from "../../../functions/core/uploads/result-document.js";
import type { UploadMessages } from "../../i18n/upload.js";
import { codeChallengeOf, createCodeVerifier, createState, type PkceCrypto } from "./pkce.js";
import {
  parseUploadConfig,
  UPLOAD_CONFIG_FILE,
  type UploadConfig,
  UploadConfigError,
} from "./upload-config.js";

/** Where the page is and how it moves: the current address, a navigation, and a rewrite of the address bar. */
export interface PageNavigation {
  currentUrl(): string;
  go(url: string): void;
  replace(url: string): void;
}

/** The storage tokens are kept in: the page passes `sessionStorage`. */
export type SessionStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** How long to wait between two looks for the result, and how often to look before giving up. */
export interface PollingPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
}

/** Look after 1, 2, 4 and then every 8 seconds, for about three minutes in all. */
export const DEFAULT_POLLING: PollingPolicy = { firstDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 25 };

export interface UploadClientDependencies {
  readonly config: UploadConfig;
  readonly messages: UploadMessages;
  readonly fetch: typeof fetch;
  readonly crypto: PkceCrypto;
  readonly storage: SessionStore;
  readonly navigation: PageNavigation;
  /** @default Date.now */
  readonly clock?: () => number;
  /** @default a setTimeout promise */
  readonly sleep?: (milliseconds: number) => Promise<void>;
  /** @default DEFAULT_POLLING */
  readonly polling?: PollingPolicy;
}

/** What went wrong, by kind; the message is the page's text for it, in the page's language. */
export type UploadErrorKind =
  | "notOnCheckPage"
  | "signInStateMismatch"
  | "signInRefused"
  | "signInFailed"
  | "signInExpired"
  | "notAllowed"
  | "notSignedIn"
  | "wrongFileType"
  | "tooLarge"
  | "uploadLinkExpired"
  | "storageRefused"
  | "serverError"
  | "unexpectedUploadAddress"
  | "offline"
  | "resultTimeout";

/** A failure of the upload flow, told in plain words (`message`) in the page's language. */
export class UploadError extends Error {
  constructor(
    readonly kind: UploadErrorKind,
    message: string,
    /** The upload it concerns, once there is one (a result that took too long can be looked up later). */
    readonly uploadId?: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/** The signed-in hub, as its ID token names it. */
export interface SignedInHub {
  readonly email: string;
  /** Its `custom:hub_id`; undefined for an account of no hub (the API refuses its uploads and says why). */
  readonly hubId: string | undefined;
  /** When the sign-in expires (milliseconds since the epoch). */
  readonly expiresAt: number;
}

/** Where each stage of `send` is, for the page to show. */
export type SendStage = "sending" | "waiting";

/** The keys of `sessionStorage` the flow uses: the pending sign-in, and the signed-in session. */
export const STORAGE_KEYS = {
  pendingSignIn: "observatory.upload.pending-sign-in",
  session: "observatory.upload.session",
} as const;

/** A sign-in is treated as expired this long before its token's `exp`, so a request never carries a dying token. */
const EXPIRY_MARGIN_MS = 60_000;
const SCOPES = "openid email profile";
const FORMATS: Readonly<Record<string, string>> = { csv: "csv", xlsx: "xlsx", ods: "ods" };

interface PendingSignIn {
  readonly state: string;
  readonly verifier: string;
  readonly redirect_uri: string;
}

interface StoredSession {
  readonly id_token: string;
  readonly expires_at: number;
}

interface IssuedUpload {
  readonly upload_id: string;
  readonly url: string;
  readonly fields: Record<string, string>;
  readonly max_bytes: number;
}

/** The claims of a JWT's payload, read without verification (the API's authorizer verifies every token). */
function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof claims !== "object" || claims === null) throw new Error("not a JWT");
  return claims as Record<string, unknown>;
}

function parseJson<T>(text: string | null): T | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/**
 * Reads the site's `upload-config.json` (at `siteRoot`, the address of the site's root folder) and checks it.
 * Undefined when the site has none (404): a site not published on AWS, such as `npm start`'s, offers no upload.
 * A file that is there but broken is an {@link UploadConfigError}.
 */
export async function loadUploadConfig(
  fetcher: typeof fetch,
  siteRoot: string,
): Promise<UploadConfig | undefined> {
  const response = await fetcher(new URL(UPLOAD_CONFIG_FILE, siteRoot).href, {
    credentials: "same-origin",
    cache: "no-cache",
  });
  if (response.status === 404) return undefined;
  if (!response.ok)
    throw new UploadConfigError(`${UPLOAD_CONFIG_FILE} could not be read (HTTP ${response.status})`);
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw new UploadConfigError(`${UPLOAD_CONFIG_FILE} is not JSON`);
  }
  return parseUploadConfig(value);
}

/** The real browser's dependencies, for the page: `fetch`, Web Crypto, `sessionStorage`, `location` and `history`. */
export function browserUploadDependencies(): Pick<
  UploadClientDependencies,
  "fetch" | "crypto" | "storage" | "navigation"
> {
  return {
    fetch: (input, init) => fetch(input, init),
    crypto: globalThis.crypto,
    storage: sessionStorage,
    navigation: {
      currentUrl: () => location.href,
      go: (url) => location.assign(url),
      replace: (url) => history.replaceState(null, "", url),
    },
  };
}

/** The validator page's upload flow (see the module's description). */
export function createUploadClient(dependencies: UploadClientDependencies) {
  const { config, messages, crypto, storage, navigation } = dependencies;
  const clock = dependencies.clock ?? Date.now;
  const sleep =
    dependencies.sleep ??
    ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  const polling = dependencies.polling ?? DEFAULT_POLLING;
  const fail = (kind: UploadErrorKind, message: string, uploadId?: string) =>
    new UploadError(kind, message, uploadId);

  async function request(url: string, init: RequestInit): Promise<Response> {
    try {
      return await dependencies.fetch(url, { ...init, credentials: "omit" });
    } catch {
      throw fail("offline", messages.offline);
    }
  }

  /** This page's address as a redirect URI: only the validator page's, in one of its languages. */
  function redirectUri(): string {
    const url = new URL(navigation.currentUrl());
    if (!config.redirect_paths.includes(url.pathname)) throw fail("notOnCheckPage", messages.notOnCheckPage);
    return `${url.origin}${url.pathname}`;
  }

  function storedSession(): StoredSession | undefined {
    const session = parseJson<StoredSession>(storage.getItem(STORAGE_KEYS.session));
    if (!session || typeof session.id_token !== "string" || typeof session.expires_at !== "number")
      return undefined;
    if (clock() >= session.expires_at - EXPIRY_MARGIN_MS) {
      storage.removeItem(STORAGE_KEYS.session);
      return undefined;
    }
    return session;
  }

  function hubOf(session: StoredSession): SignedInHub {
    const claims = claimsOf(session.id_token);
    return {
      email: typeof claims.email === "string" ? claims.email : "",
      hubId: typeof claims["custom:hub_id"] === "string" ? claims["custom:hub_id"] : undefined,
      expiresAt: session.expires_at,
    };
  }

  /** A failed API answer as the error the page shows; a refused token ends the sign-in. */
  async function apiFailure(response: Response, uploadId?: string): Promise<UploadError> {
    const body = await response.json().catch(() => undefined);
    const detail = typeof body?.error === "string" ? body.error : `HTTP ${response.status}`;
    if (response.status === 401) {
      storage.removeItem(STORAGE_KEYS.session);
      return fail("signInExpired", messages.signInExpired, uploadId);
    }
    if (response.status === 403) return fail("notAllowed", messages.notAllowed(detail), uploadId);
    return fail("serverError", messages.serverError(detail), uploadId);
  }

  function bearer(session: StoredSession): Record<string, string> {
    return { authorization: `Bearer ${session.id_token}` };
  }

  async function resultOf(session: StoredSession, uploadId: string): Promise<UploadResult | undefined> {
    const response = await request(`${config.api_url}/results/${encodeURIComponent(uploadId)}`, {
      method: "GET",
      headers: bearer(session),
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw await apiFailure(response, uploadId);
    return (await response.json()) as UploadResult;
  }

  async function postToBucket(issued: IssuedUpload, file: Blob & { readonly name: string }): Promise<void> {
    const form = new FormData();
    for (const [name, value] of Object.entries(issued.fields)) form.append(name, value);
    form.append("file", file, file.name);
    const response = await request(issued.url, { method: "POST", body: form });
    if (response.ok) return;
    const xml = await response.text().catch(() => "");
    const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? `HTTP ${response.status}`;
    const detail = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] ?? "";
    const id = issued.upload_id;
    if (code === "EntityTooLarge") throw fail("tooLarge", messages.tooLarge(megabytes(issued.max_bytes)), id);
    if (code === "AccessDenied" && /expired/i.test(detail))
      throw fail("uploadLinkExpired", messages.uploadLinkExpired, id);
    throw fail("storageRefused", messages.storageRefused(code), id);
  }

  return {
    /** Sends the hub to the hosted UI to sign in; it comes back to this page with a code (see `completeSignIn`). */
    async signIn(): Promise<void> {
      const redirect_uri = redirectUri();
      const verifier = createCodeVerifier(crypto);
      const state = createState(crypto);
      const pending: PendingSignIn = { state, verifier, redirect_uri };
      storage.setItem(STORAGE_KEYS.pendingSignIn, JSON.stringify(pending));
      const query = new URLSearchParams({
        response_type: "code",
        client_id: config.client_id,
        redirect_uri,
        scope: SCOPES,
        state,
        code_challenge: await codeChallengeOf(verifier, crypto),
        code_challenge_method: "S256",
      });
      navigation.go(`${config.sign_in_url}/oauth2/authorize?${query}`);
    },

    /**
     * Called when the page loads. When the hosted UI has just sent the hub back (`?code=…&state=…`), checks the
     * state against the one this tab sent, exchanges the code (with the verifier) for tokens, keeps the ID token
     * in `sessionStorage`, and removes the code from the address bar. Returns the signed-in hub, if any.
     */
    async completeSignIn(): Promise<SignedInHub | undefined> {
      const url = new URL(navigation.currentUrl());
      const code = url.searchParams.get("code");
      const error = url.searchParams.get("error");
      if (code === null && error === null) {
        const session = storedSession();
        return session ? hubOf(session) : undefined;
      }
      const returnedState = url.searchParams.get("state");
      const reason = url.searchParams.get("error_description") ?? error;
      const pending = parseJson<PendingSignIn>(storage.getItem(STORAGE_KEYS.pendingSignIn));
      storage.removeItem(STORAGE_KEYS.pendingSignIn);
      for (const name of ["code", "state", "error", "error_description"]) url.searchParams.delete(name);
      navigation.replace(url.href);
      if (!pending || returnedState === null || pending.state !== returnedState)
        throw fail("signInStateMismatch", messages.signInStateMismatch);
      if (error !== null) throw fail("signInRefused", messages.signInRefused(reason ?? ""));
      const response = await request(`${config.sign_in_url}/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          client_id: config.client_id,
          code: code ?? "",
          redirect_uri: pending.redirect_uri,
          code_verifier: pending.verifier,
        }).toString(),
      });
      if (!response.ok) throw fail("signInFailed", messages.signInFailed);
      const tokens = (await response.json().catch(() => undefined)) as { id_token?: unknown } | undefined;
      let claims: Record<string, unknown>;
      try {
        if (typeof tokens?.id_token !== "string") throw new Error("no ID token");
        claims = claimsOf(tokens.id_token);
      } catch {
        throw fail("signInFailed", messages.signInFailed);
      }
      if (claims.aud !== config.client_id || typeof claims.exp !== "number")
        throw fail("signInFailed", messages.signInFailed);
      const session: StoredSession = { id_token: tokens.id_token as string, expires_at: claims.exp * 1000 };
      storage.setItem(STORAGE_KEYS.session, JSON.stringify(session));
      return hubOf(session);
    },

    /** The signed-in hub, or undefined when nobody is signed in or the sign-in has expired. */
    currentHub(): SignedInHub | undefined {
      const session = storedSession();
      return session ? hubOf(session) : undefined;
    },

    /**
     * Sends a checked file (`.csv`, `.xlsx` or `.ods`): asks the API for a presigned POST of that format, posts the
     * file to the raw bucket (refusing any other address), and waits for the observatory's result, looking with a
     * bounded backoff. `onStage` tells the page when the file is being sent and when it is being checked.
     */
    async send(
      file: Blob & { readonly name: string },
      onStage: (stage: SendStage) => void = () => {},
    ): Promise<UploadResult> {
      const session = storedSession();
      if (!session) throw fail("notSignedIn", messages.notSignedIn);
      const extension = /\.([A-Za-z]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? "";
      const format = FORMATS[extension];
      if (!format) throw fail("wrongFileType", messages.wrongFileType);
      onStage("sending");
      const response = await request(`${config.api_url}/uploads`, {
        method: "POST",
        headers: { ...bearer(session), "content-type": "application/json" },
        body: JSON.stringify({ format }),
      });
      if (!response.ok) throw await apiFailure(response);
      const issued = (await response.json()) as IssuedUpload;
      const id = issued.upload_id;
      if (!URL.canParse(issued.url) || new URL(issued.url).origin !== config.upload_origin)
        throw fail("unexpectedUploadAddress", messages.unexpectedUploadAddress, id);
      if (file.size > issued.max_bytes)
        throw fail("tooLarge", messages.tooLarge(megabytes(issued.max_bytes)), id);
      await postToBucket(issued, file);
      onStage("waiting");
      let delay = polling.firstDelayMs;
      for (let attempt = 1; attempt <= polling.maxAttempts; attempt++) {
        await sleep(delay);
        const result = await resultOf(session, id);
        if (result) return result;
        delay = Math.min(delay * 2, polling.maxDelayMs);
      }
      throw fail("resultTimeout", messages.resultTimeout(id), id);
    },

    /** One of the hub's results, or undefined while it is not there (for a result that took too long). */
    async result(uploadId: string): Promise<UploadResult | undefined> {
      const session = storedSession();
      if (!session) throw fail("notSignedIn", messages.notSignedIn);
      return resultOf(session, uploadId);
    },

    /** Forgets the tokens and ends the hosted UI's session, coming back to this page. */
    signOut(): void {
      storage.removeItem(STORAGE_KEYS.session);
      storage.removeItem(STORAGE_KEYS.pendingSignIn);
      const query = new URLSearchParams({ client_id: config.client_id, logout_uri: redirectUri() });
      navigation.go(`${config.sign_in_url}/logout?${query}`);
    },
  };
}

/** The signed-in flow's interface, as `createUploadClient` returns it. */
export type UploadClient = ReturnType<typeof createUploadClient>;

function megabytes(bytes: number): string {
  return String(Math.floor(bytes / 1_000_000));
}
