import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { ObjectStore } from "../../functions/ports/object-store.js";
import { cacheControlOf } from "../web/assets.js";
import { contentTypeOf } from "../web/content-types.js";

/**
 * The one side effect of a site build: writing a file at a relative, slash-separated path.
 * Everything else the build does is computation, so a build can be tested in memory.
 */
export interface SiteWriter {
  write(path: string, content: string | Uint8Array): Promise<void>;
}

/** A {@link SiteWriter} that keeps the files in memory, for tests and previews. */
export interface MemorySiteWriter extends SiteWriter {
  /** The files written so far, by path, in the order they were first written. */
  readonly files: Map<string, string | Uint8Array>;
}

/**
 * Checks that `path` names a file inside the site: relative, slash-separated, no empty, `.` or `..`
 * segments, no backslashes or NUL. Returns the path unchanged; throws otherwise.
 */
export function checkSitePath(path: string): string {
  const segments = path.split("/");
  const unsafe =
    path.length === 0 ||
    path.includes("\\") ||
    path.includes("\0") ||
    isAbsolute(path) ||
    segments.some((segment) => segment === "" || segment === "." || segment === "..");
  if (unsafe) throw new Error(`site path ${JSON.stringify(path)} is not a relative path inside the site`);
  return path;
}

/** A {@link SiteWriter} that writes below `dir`, creating folders as needed and refusing paths that leave it. */
export function directorySiteWriter(dir: string): SiteWriter {
  const root = resolve(dir);
  return {
    async write(path, content) {
      const target = resolve(root, checkSitePath(path));
      const fromRoot = relative(root, target);
      if (fromRoot === "" || fromRoot.startsWith(`..${sep}`) || fromRoot === ".." || isAbsolute(fromRoot)) {
        throw new Error(`site path ${JSON.stringify(path)} escapes ${root}`);
      }
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    },
  };
}

/** A {@link SiteWriter} backed by a `Map`; writing a path twice keeps the last content. */
export function memorySiteWriter(): MemorySiteWriter {
  const files = new Map<string, string | Uint8Array>();
  return {
    files,
    async write(path, content) {
      files.set(checkSitePath(path), content);
    },
  };
}

/**
 * A {@link SiteWriter} onto an object store (on AWS, the site bucket behind CloudFront), with each
 * file's content type and `Cache-Control` (a year for content-hashed files, revalidation for pages
 * and the rest; CloudFront follows it).
 */
export function objectStoreSiteWriter(store: ObjectStore): SiteWriter {
  return {
    async write(path, content) {
      const body = typeof content === "string" ? new TextEncoder().encode(content) : content;
      await store.put(checkSitePath(path), body, {
        contentType: contentTypeOf(path),
        cacheControl: cacheControlOf(path),
      });
    },
  };
}
