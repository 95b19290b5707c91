import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

/** The weight of one page type of a built site, as the benchmark prints it. */
export interface PageWeight {
  readonly type: string;
  readonly pages: number;
  readonly example: string;
  readonly summary: string;
}

const TYPES: readonly [string, RegExp][] = [
  ["overview", /(^|\/)index\.html$/],
  ["region", /(^|\/)region-[^/]+\.html$/],
  ["hub", /(^|\/)hub-[^/]+\.html$/],
  ["regions / hubs index", /(^|\/)(regions|hubs)\.html$/],
  ["countries", /(^|\/)countries\.html$/],
  ["evidence", /(^|\/)evidence\.html$/],
  ["framework", /(^|\/)framework\.html$/],
  ["lens", /\.html$/],
];

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/**
 * For each page type, the heaviest page's first-visit transfer: its HTML, the stylesheet, favicon and
 * script it loads (content-hashed names), the Vega chunk and the compiled specs and data files its
 * interactive charts fetch; raw and gzip-compressed (what CloudFront serves).
 */
export async function pageWeights(siteDir: string, pages: readonly string[]): Promise<PageWeight[]> {
  const sizes = async (path: string) => {
    const bytes = await readFile(join(siteDir, path));
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const weigh = async (page: string) => {
    const html = await readFile(join(siteDir, page), "utf8");
    const folder = dirname(page) === "." ? "" : `${dirname(page)}/`;
    const linked = [
      ...[...html.matchAll(/<link rel="(?:stylesheet|icon)" href="([^"]+)"/g)].map((m) => m[1] ?? ""),
      ...[...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1] ?? ""),
      ...[...html.matchAll(/data-(?:spec|values)="([^"]+)"/g)].map((m) => m[1] ?? ""),
    ].map((href) => join(folder, href));
    const script = linked.find((path) => /(^|\/)site\.[0-9a-f]{10}\.js$/.test(path));
    if (script && html.includes("data-chart=")) {
      const queue = [script];
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const source = await readFile(join(siteDir, next), "utf8");
        for (const match of source.matchAll(/\.\/(site-[A-Za-z0-9]+\.js)/g)) {
          const chunk = join(dirname(script), match[1] ?? "");
          if (!linked.includes(chunk)) {
            linked.push(chunk);
            queue.push(chunk);
          }
        }
      }
    }
    let raw = 0;
    let gzip = 0;
    for (const path of [page, ...linked]) {
      const size = await sizes(path);
      raw += size.raw;
      gzip += size.gzip;
    }
    const own = await sizes(page);
    return { page, raw, gzip, html: own };
  };
  const results: PageWeight[] = [];
  const claimed = new Set<string>();
  for (const [type, pattern] of TYPES) {
    const members = pages.filter((page) => pattern.test(page) && !claimed.has(page));
    for (const page of members) claimed.add(page);
    if (members.length === 0) continue;
    const weights = await Promise.all(members.map(weigh));
    const heaviest = weights.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    results.push({
      type,
      pages: members.length,
      example: heaviest.page,
      summary: `HTML ${kib(heaviest.html.raw)} (${kib(heaviest.html.gzip)} gzip); first visit ${kib(heaviest.raw)} (${kib(heaviest.gzip)} gzip)`,
    });
  }
  return results;
}
