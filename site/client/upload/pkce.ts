/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method, and the random `state` of an authorization request
 * (RFC 6749 §10.12), from the browser's Web Crypto. Browser-safe: no Node APIs.
 */

/** The Web Crypto a sign-in needs: random bytes and SHA-256. */
export type PkceCrypto = Pick<Crypto, "getRandomValues"> & { readonly subtle: Pick<SubtleCrypto, "digest"> };

/** Bytes as base64url without padding (RFC 4648 §5), as PKCE and `state` use them. */
export function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** How many random bytes a code verifier is made of: 64 bytes are 86 characters, within RFC 7636's 43 to 128. */
const VERIFIER_BYTES = 64;
/** How many random bytes a `state` is made of. */
const STATE_BYTES = 32;

function randomText(crypto: PkceCrypto, length: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(length)));
}

/** A fresh code verifier: 86 characters of `[A-Za-z0-9_-]` from the browser's cryptographic random source. */
export function createCodeVerifier(crypto: PkceCrypto): string {
  return randomText(crypto, VERIFIER_BYTES);
}

/** A fresh `state` that ties the authorization response to the request this page made. */
export function createState(crypto: PkceCrypto): string {
  return randomText(crypto, STATE_BYTES);
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))). */
export async function codeChallengeOf(verifier: string, crypto: PkceCrypto): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
