/** PKCE against RFC 7636's own example, the upload flow's texts in every language, and the pages' CSP. */
import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { PkceCrypto } from "../../../site/client/upload/pkce.js";
import {
  base64Url,
  codeChallengeOf,
  createCodeVerifier,
  createState,
} from "../../../site/client/upload/pkce.js";
import { checkPagePaths } from "../../../site/client/upload/upload-config.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import { UPLOAD_MESSAGES, type UploadMessages } from "../../../site/i18n/upload.js";
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
  contentSecurityPolicyHeader,
} from "../../../site/web/security.js";

/** Node's Web Crypto, typed as the browser's. */
const crypto = webcrypto as unknown as PkceCrypto;

describe("PKCE", () => {
  it("computes RFC 7636 Appendix B's S256 challenge", async () => {
    expect(await codeChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", crypto)).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("makes verifiers of 86 unreserved characters and states of 43 from the crypto's random bytes, fresh each time", () => {
    const verifiers = new Set(Array.from({ length: 20 }, () => createCodeVerifier(crypto)));
    expect(verifiers.size).toBe(20);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(createState(crypto)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(base64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe("-__-");
  });
});

describe("the upload flow's texts", () => {
  const keys = Object.keys(UPLOAD_MESSAGES.en) as (keyof UploadMessages)[];
  const sample = (message: UploadMessages[keyof UploadMessages]) =>
    typeof message === "function" ? (message as (...args: string[]) => string)("«A»", "«B»") : message;

  it("exist in every language of the site, and are translated", () => {
    expect(Object.keys(UPLOAD_MESSAGES).sort()).toEqual(Object.keys(CATALOGUES).sort());
    for (const language of ["es", "fr", "ar"] as const)
      for (const key of keys) {
        const text = sample(UPLOAD_MESSAGES[language][key]);
        expect(text.trim().length, `${language}.${key}`).toBeGreaterThan(5);
        expect(text, `${language}.${key}`).not.toBe(sample(UPLOAD_MESSAGES.en[key]));
      }
  });

  it("put every value they are given into the sentence", () => {
    for (const language of Object.keys(UPLOAD_MESSAGES) as (keyof typeof UPLOAD_MESSAGES)[])
      for (const key of keys) {
        const message = UPLOAD_MESSAGES[language][key];
        if (typeof message !== "function") continue;
        const text = sample(message);
        expect(text, `${language}.${key}`).toContain("«A»");
        if (message.length === 2) expect(text, `${language}.${key}`).toContain("«B»");
      }
  });

  it("name no hub for an account without one, rather than an empty name", () => {
    for (const language of Object.keys(UPLOAD_MESSAGES) as (keyof typeof UPLOAD_MESSAGES)[]) {
      const text = UPLOAD_MESSAGES[language].signedInAs("«A»", undefined);
      expect(text, language).toContain("«A»");
      expect(text, language).not.toMatch(/undefined|\s[.،]|hub\s*\.|المركز\s*\./);
    }
    expect(UPLOAD_MESSAGES.en.signedInAs("ana@example.org", undefined)).toBe("Signed in as ana@example.org.");
  });
});

describe("the validator page on AWS", () => {
  it("is at check.html for the first language and in each other language's folder", () => {
    expect(checkPagePaths(Object.keys(CATALOGUES))).toEqual([
      "/check.html",
      "/es/check.html",
      "/fr/check.html",
      "/ar/check.html",
    ]);
  });

  it("may connect to the given origins, while every other page keeps the site's strict policy", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(contentSecurityPolicyHeader(["https://api.example", "https://auth.example"])).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' https://api.example https://auth.example; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe("the upload client module", () => {
  it("bundles for the browser with no Node built-in and no dependency outside the site", async () => {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [new URL("../../../site/client/upload/upload-client.ts", import.meta.url).pathname],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => !path.startsWith("site/"))).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(/node:|require\(/);
  });
});
