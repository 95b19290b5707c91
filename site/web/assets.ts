/**
 * Names and caching of the files a site publishes. Files that a page loads to draw itself (the
 * stylesheet, the script and its chunks, the favicon, the compiled chart specs and their data)
 * carry a hash of their content in their name, so a new build never mixes with a cached old one:
 * they may be cached for a year, while pages and the files people link to (CSV, JSON, Vega-Lite
 * specs) are revalidated on every visit.
 */
import { createHash } from "node:crypto";
import { CLIENT_FILE_NAME } from "../client/client-files.js";

/** How long a content-hashed file may be cached: a year, never revalidated. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
/** Everything else: cached, but revalidated on every use, so a new build shows at once. */
export const REVALIDATE_CACHE = "no-cache";

const HASH_LENGTH = 10;
const HASHED_EXTENSIONS = ["css", "js", "svg", "vg.json", "json"];
const HASHED_NAME = new RegExp(
  `\\.[0-9a-f]{${HASH_LENGTH}}\\.(?:${HASHED_EXTENSIONS.map((extension) => extension.replace(".", "\\.")).join("|")})$`,
);

/** The first 10 hexadecimal digits of the SHA-256 of a file's content. */
export function contentHash(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, HASH_LENGTH);
}

/**
 * A path with its content's hash before its extension: `style.css` → `style.1a2b3c4d5e.css`,
 * `specs/a.b.vg.json` with extension `.vg.json` → `specs/a.b.1a2b3c4d5e.vg.json`.
 */
export function hashedPath(path: string, content: string | Uint8Array, extension: string): string {
  if (!path.endsWith(extension) || path.length === extension.length)
    throw new Error(`${JSON.stringify(path)} does not end with ${JSON.stringify(extension)}`);
  return `${path.slice(0, -extension.length)}.${contentHash(content)}${extension}`;
}

/** Whether a site file is named by its content: one of {@link hashedPath}'s, or a chunk of the browser script (esbuild names those by content). */
export function isContentHashed(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return HASHED_NAME.test(name) || (name !== "site.js" && CLIENT_FILE_NAME.test(name));
}

/** The `Cache-Control` of a site file: a year for content-hashed files, revalidation for the rest. */
export function cacheControlOf(path: string): string {
  return isContentHashed(path) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}
