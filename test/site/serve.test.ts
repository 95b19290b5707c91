import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSite, serveSite } from "../../site/serve.js";

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const SECRET = "secret outside the site";

/** Sends `target` exactly as written (no URL normalisation), as a hostile client would. */
function get(site: RunningSite, target: string, method = "GET"): Promise<Reply> {
  const { hostname, port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const sent = request({ hostname, port, path: target, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    sent.on("error", reject);
    sent.end();
  });
}

describe("serveSite", () => {
  let dir: string;
  let site: RunningSite;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "serve-site-"));
    const root = join(dir, "site");
    await mkdir(join(root, "specs"), { recursive: true });
    await mkdir(join(root, "data"), { recursive: true });
    await mkdir(join(root, "nested"), { recursive: true });
    await writeFile(join(root, "index.html"), "<!doctype html><title>home</title>");
    await writeFile(join(root, "power.html"), "<!doctype html><title>power</title>");
    await writeFile(join(root, "style.css"), "body { margin: 0; }\n");
    await writeFile(join(root, "data", "indicators.json"), "[]\n");
    await writeFile(join(root, "specs", "a.vl.json"), "{}\n");
    await writeFile(join(root, "chart.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    await writeFile(join(root, "notes.unknown"), "?");
    await writeFile(join(root, "nested", "index.html"), "<!doctype html><title>nested</title>");
    await writeFile(join(root, "style.0123456789.css"), "body { margin: 0; }\n");
    await writeFile(join(root, "site-ABCD1234.js"), "export {};\n");
    await writeFile(join(dir, "secret.txt"), SECRET);
    await writeFile(join(dir, "package.json"), SECRET);
    await symlink(join(dir, "secret.txt"), join(root, "link.txt"));
    site = await serveSite(root, { port: 0 });
  });

  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 on a free port", () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves index.html for / and for folders", async () => {
    const home = await get(site, "/");
    expect(home.status).toBe(200);
    expect(home.body).toContain("<title>home</title>");
    expect((await get(site, "/nested/")).body).toContain("<title>nested</title>");
    expect((await get(site, "/power.html?x=1#top")).body).toContain("<title>power</title>");
  });

  it.each([
    ["/index.html", "text/html; charset=utf-8"],
    ["/style.css", "text/css; charset=utf-8"],
    ["/data/indicators.json", "application/json; charset=utf-8"],
    ["/specs/a.vl.json", "application/json; charset=utf-8"],
    ["/chart.svg", "image/svg+xml"],
    ["/notes.unknown", "application/octet-stream"],
  ])("serves %s as %s", async (path, type) => {
    const reply = await get(site, path);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe(type);
  });

  it("sends the security headers with every response, found or not", async () => {
    for (const path of ["/", "/missing.html"]) {
      const { headers } = await get(site, path);
      expect(headers["content-security-policy"]).toContain("default-src 'none'");
      expect(headers["content-security-policy"]).toContain("script-src 'self';");
      expect(headers["content-security-policy"]).toContain("connect-src 'self';");
      expect(headers["content-security-policy"]).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("redirects a folder named without its trailing slash to the folder, keeping the query, so its links resolve", async () => {
    const bare = await get(site, "/nested");
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe("/nested/");
    expect((await get(site, "/nested?year=2024&region=South+Asia")).headers.location).toBe(
      "/nested/?year=2024&region=South+Asia",
    );
    expect((await get(site, "//nested")).headers.location).toBe("/nested/");
    expect((await get(site, "/%6Eested")).headers.location).toBe("/nested/");
    expect(bare.headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it("lets browsers keep content-hashed files for a year, and revalidate everything else", async () => {
    for (const path of ["/style.0123456789.css", "/site-ABCD1234.js"])
      expect((await get(site, path)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const path of ["/", "/index.html", "/style.css", "/data/indicators.json", "/missing.html"])
      expect((await get(site, path)).headers["cache-control"], path).toBe("no-cache");
  });

  it("answers 404 for what is not there", async () => {
    expect((await get(site, "/missing.html")).status).toBe(404);
    expect((await get(site, "/specs/")).status).toBe(404);
  });

  it.each([
    "/../package.json",
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/package.json",
    "/%2e%2e%2fsecret.txt",
    "/..%2fsecret.txt",
    "/..%5csecret.txt",
    "/%252e%252e/secret.txt",
    "/specs/../../secret.txt",
    "/specs/%2e%2e/%2e%2e/secret.txt",
    "/./../secret.txt",
    "//secret.txt",
    "/secret.txt%00.html",
    "/%",
    "/link.txt",
    "secret.txt",
  ])("does not leave the site for %s", async (target) => {
    const reply = await get(site, target);
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain(SECRET);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await get(site, "/style.css", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe("20");
    expect(head.body).toBe("");
    const post = await get(site, "/style.css", "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });
});
