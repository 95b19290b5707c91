/**
 * The Content Security Policy of every page: the site's own stylesheet and script, and data fetched
 * from the site itself. No inline script or style, no `unsafe-eval` (charts evaluate Vega expressions
 * with vega-interpreter instead of generated functions), no external resources.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** The policy as an HTTP header, which can also forbid framing (a `<meta>` policy cannot). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** The referrer policy: links out of the site carry no address. */
export const REFERRER_POLICY = "no-referrer";
