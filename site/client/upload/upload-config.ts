/**
 * The public settings the validator page needs to sign a hub in and upload on AWS, as the publish step writes them
 * into the site (`upload-config.json`). Nothing here is secret: the app client is public (PKCE, no secret), and
 * every value is visible to any browser that loads the page. Browser-safe: no Node APIs.
 */

/** The file the publish step writes at the site's root, and the page fetches. */
export const UPLOAD_CONFIG_FILE = "upload-config.json";

/** The validator page's file in each language's folder: the page hubs sign in from and return to. */
export const CHECK_PAGE_FILE = "check.html";

/** The version of the file's shape; a page refuses a version it does not know. */
export const UPLOAD_CONFIG_VERSION = 1;

/** The settings, as `upload-config.json` holds them. */
export interface UploadConfig {
  readonly version: typeof UPLOAD_CONFIG_VERSION;
  /** The AWS region of the user pool, the API and the bucket, e.g. `eu-west-1`. */
  readonly region: string;
  /** The upload API's origin, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com`. */
  readonly api_url: string;
  /** The Cognito hosted UI's origin, e.g. `https://observatory.auth.eu-west-1.amazoncognito.com`. */
  readonly sign_in_url: string;
  /** The public app client of the site (authorization code with PKCE; no secret exists). */
  readonly client_id: string;
  /** The only origin a file may be posted to: the raw bucket's, e.g. `https://raw.s3.eu-west-1.amazonaws.com`. */
  readonly upload_origin: string;
  /** The paths of the validator page in every language, the only places sign-in returns to. */
  readonly redirect_paths: readonly string[];
}

/** Raised when `upload-config.json` is not what the page needs: its text names the first problem found. */
export class UploadConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UploadConfigError";
  }
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;
const CLIENT_ID = /^[a-z0-9]{1,128}$/;
const PAGE_PATH = /^\/(?:[a-z]{2,3}\/)?check\.html$/;

/** Whether a text is exactly an HTTPS origin: scheme, host and optional port, nothing after. */
function isHttpsOrigin(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * Checks a parsed `upload-config.json` against its schema, field by field, and returns it typed; anything else
 * (missing, extra or malformed fields, another version) is an {@link UploadConfigError}.
 */
export function parseUploadConfig(value: unknown): UploadConfig {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new UploadConfigError("the upload settings are not a JSON object");
  const record = value as Record<string, unknown>;
  const expected = [
    "version",
    "region",
    "api_url",
    "sign_in_url",
    "client_id",
    "upload_origin",
    "redirect_paths",
  ];
  const unknown = Object.keys(record).filter((key) => !expected.includes(key));
  if (unknown.length > 0)
    throw new UploadConfigError(`the upload settings have unknown fields: ${unknown.join(", ")}`);
  if (record.version !== UPLOAD_CONFIG_VERSION)
    throw new UploadConfigError(`the upload settings have version ${JSON.stringify(record.version)}, not 1`);
  if (typeof record.region !== "string" || !REGION.test(record.region))
    throw new UploadConfigError("region must be an AWS region such as eu-west-1");
  for (const field of ["api_url", "sign_in_url", "upload_origin"] as const)
    if (!isHttpsOrigin(record[field]))
      throw new UploadConfigError(`${field} must be an https origin with nothing after the host`);
  if (typeof record.client_id !== "string" || !CLIENT_ID.test(record.client_id))
    throw new UploadConfigError("client_id must be a Cognito app client id");
  const paths = record.redirect_paths;
  if (
    !Array.isArray(paths) ||
    paths.length === 0 ||
    !paths.every((path) => typeof path === "string" && PAGE_PATH.test(path))
  )
    throw new UploadConfigError("redirect_paths must list the validator page's paths, such as /check.html");
  return record as unknown as UploadConfig;
}

/**
 * The paths of the validator page in each language: the first language's at the site's root, every other one's in
 * its own folder (as the site is built), e.g. `/check.html`, `/es/check.html`, `/ar/check.html`.
 */
export function checkPagePaths(languages: readonly string[]): string[] {
  return languages.map((language, index) =>
    index === 0 ? `/${CHECK_PAGE_FILE}` : `/${language}/${CHECK_PAGE_FILE}`,
  );
}

/** The origins the validator page connects to on AWS, which its Content Security Policy must allow (`connect-src`). */
export function uploadConnectOrigins(
  config: Pick<UploadConfig, "api_url" | "sign_in_url" | "upload_origin">,
): string[] {
  return [config.api_url, config.sign_in_url, config.upload_origin];
}
