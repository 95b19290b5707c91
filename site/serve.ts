import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative, resolve, sep } from "node:path";
import { cacheControlOf, REVALIDATE_CACHE } from "./web/assets.js";
import { contentTypeOf } from "./web/content-types.js";
import { CONTENT_SECURITY_POLICY_HEADER, REFERRER_POLICY } from "./web/security.js";

/** A running static server; `close()` stops it and drops open connections. */
export interface RunningSite {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:53211/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Headers sent with every response, found or not. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY_HEADER,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": REFERRER_POLICY,
  "X-Frame-Options": "DENY",
};

/** What a request names: a file to send, a folder asked for without its trailing slash, or nothing servable. */
export type RequestTarget =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "folder"; readonly location: string }
  | null;

function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/**
 * Maps a request target to a file below `root`, or null when it names nothing servable: bad
 * encoding, `..` segments (raw or percent-encoded), backslashes, NUL, or a path that resolves
 * (symbolic links included) outside `root`. Folders serve their `index.html`.
 */
export async function resolveRequestPath(root: string, target: string): Promise<string | null> {
  const resolved = await resolveRequest(root, target);
  return resolved?.kind === "file" ? resolved.path : null;
}

/**
 * Like {@link resolveRequestPath}, but a folder named without its trailing slash (`/es`) is a
 * redirect to the folder (`/es/`, query kept), so that the relative links of its `index.html`
 * resolve inside it. The location is rebuilt from the path's own segments: it never leaves the site.
 */
export async function resolveRequest(root: string, target: string): Promise<RequestTarget> {
  const [rawPath = "", ...rest] = target.split("?");
  const query = rest.length > 0 ? `?${rest.join("?").split("#", 1)[0]}` : "";
  const path = rawPath.split("#", 1)[0] ?? "";
  const file = await resolveFile(root, path);
  if (file === null || path.endsWith("/") || !file.folder) return file && { kind: "file", path: file.path };
  const segments = relative(root, file.folder).split(sep);
  if (segments.some((segment) => segment === "" || segment === "..")) return null;
  return { kind: "folder", location: `/${segments.map(encodeURIComponent).join("/")}/${query}` };
}

async function resolveFile(
  root: string,
  rawPath: string,
): Promise<{ readonly path: string; readonly folder: string | null } | null> {
  if (!rawPath.startsWith("/")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  if (decoded.split("/").some((segment) => segment === ".." || segment === ".")) return null;
  let candidate = resolve(root, `.${decoded}`);
  if (!within(root, candidate)) return null;
  try {
    let folder: string | null = null;
    if ((await stat(candidate)).isDirectory()) {
      folder = candidate;
      candidate = join(candidate, "index.html");
    }
    const real = await realpath(candidate);
    if (!within(root, real) || !(await stat(real)).isFile()) return null;
    return { path: real, folder };
  } catch {
    return null;
  }
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: Buffer | string,
) {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  response.end(body);
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    send(
      response,
      405,
      { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" },
      "Method not allowed\n",
    );
    return;
  }
  const target = await resolveRequest(root, request.url ?? "/");
  if (target === null) {
    send(
      response,
      404,
      { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": REVALIDATE_CACHE },
      "Not found\n",
    );
    return;
  }
  if (target.kind === "folder") {
    send(response, 301, { Location: target.location, "Cache-Control": REVALIDATE_CACHE });
    return;
  }
  const file = target.path;
  const body = await readFile(file);
  const headers = {
    "Content-Type": contentTypeOf(file),
    "Content-Length": String(body.length),
    "Cache-Control": cacheControlOf(relative(root, file).split(sep).join("/")),
  };
  send(response, 200, headers, request.method === "HEAD" ? undefined : body);
}

/**
 * Serves a built site from `dir` over HTTP, on 127.0.0.1 and any free port unless told otherwise:
 * GET and HEAD only, `index.html` for folders (a folder without its trailing slash redirects to it),
 * 404 for anything missing or outside `dir`, the site's security headers on every response, and
 * each file's `Cache-Control` (a year for content-hashed files, revalidation for the rest).
 */
export async function serveSite(
  dir: string,
  options: { port?: number; host?: string } = {},
): Promise<RunningSite> {
  const root = await realpath(resolve(dir));
  const host = options.host ?? "127.0.0.1";
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => {
      if (!response.headersSent)
        send(response, 500, { "Content-Type": "text/plain; charset=utf-8" }, "Error\n");
      else response.destroy();
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", fail);
      ready();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${port}/`,
    close: () =>
      new Promise<void>((closed, fail) => {
        server.close((error) => (error ? fail(error) : closed()));
        server.closeAllConnections();
      }),
  };
}
