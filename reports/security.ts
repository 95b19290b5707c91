/**
 * The Content Security Policy of every page: nothing but the site's own stylesheet. No script of
 * any kind (so no inline script and no `unsafe-eval`), no inline styles, no external resources.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** The policy as an HTTP header, which can also forbid framing (a `<meta>` policy cannot). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** The referrer policy: links out of the site carry no address. */
export const REFERRER_POLICY = "no-referrer";
