/**
 * The Content Security Policy of a page: the site's own stylesheet and script, and data fetched from the site
 * itself and from `connectOrigins` (none but on AWS's validator page, which signs in and uploads). No inline
 * script or style, no `unsafe-eval` (charts evaluate Vega expressions with vega-interpreter instead of generated
 * functions), no external resources, no form submission.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  const connect = ["'self'", ...connectOrigins].join(" ");
  return `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ${connect}; base-uri 'none'; form-action 'none'`;
}

/** The policy as an HTTP header, which can also forbid framing (a `<meta>` policy cannot). */
export function contentSecurityPolicyHeader(connectOrigins: readonly string[] = []): string {
  return `${contentSecurityPolicy(connectOrigins)}; frame-ancestors 'none'`;
}

/** The Content Security Policy of every page of the site as `npm start` serves it: connects to itself only. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The policy as an HTTP header, which can also forbid framing (a `<meta>` policy cannot). */
export const CONTENT_SECURITY_POLICY_HEADER = contentSecurityPolicyHeader();

/** The referrer policy: links out of the site carry no address. */
export const REFERRER_POLICY = "no-referrer";
