import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningSite, serveSite } from "../../site/serve.js";
import {
  abortedFavicon,
  launchChromium,
  openPage,
  SCREENSHOT_DIR,
  saveScreenshot,
  scanAccessibility,
} from "../helpers/browser.js";

/** A page that passes every check unless `body` breaks one. */
const html = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="style.css"></head>
<body><main><h1>${title}</h1>
${body}
</main></body>
</html>
`;

const DOT = `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="10"/></svg>`;

/**
 * Whether a zero-delay timer fires in the page within `ms`, i.e. whether scripts run there. Only a
 * "no" depends on the bound, so a slow machine can weaken the check but never fail a correct page.
 */
async function timerFiresWithin(page: Page, ms: number): Promise<boolean> {
  const fired = page.evaluate(() => new Promise<boolean>((done) => setTimeout(() => done(true), 0)));
  fired.catch(() => undefined);
  return Promise.race([fired, new Promise<boolean>((done) => setTimeout(() => done(false), ms))]);
}

/** How long to wait for a problem that a page reports after it has loaded. */
const SOON = { timeout: 10_000 };

/** The harness itself, on a throwaway site served as the real one is (`serveSite`, with its CSP). */
describe("browser test harness", () => {
  let dir: string;
  let site: RunningSite;
  let browser: Browser;
  let outside: Server;
  let outsideUrl: string;
  const outsideRequests: string[] = [];

  beforeAll(async () => {
    // Not tempDir(): that removes its folders after each test, and the site must outlive them.
    dir = await mkdtemp(join(tmpdir(), "browser-harness-"));
    outside = createServer((request, response) => {
      outsideRequests.push(request.url ?? "");
      response.end("outside");
    });
    await new Promise<void>((listening) => outside.listen(0, "127.0.0.1", listening));
    outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
    const files: Record<string, string> = {
      "style.css": "body { font-family: sans-serif; margin: 2rem; }\n",
      "dot.svg": DOT,
      "own.js": `document.documentElement.dataset.own = "ran";\n`,
      "index.html": html(
        "Clean",
        `<p>Nothing wrong here.</p><img src="dot.svg" alt="A black dot"><script src="own.js"></script>`,
      ),
      "missing-image.html": html("Missing image", `<img src="missing.png" alt="A chart that is not there">`),
      "inline-script.html": html(
        "Inline script",
        `<p>Scripts must come from files.</p><script>document.documentElement.dataset.inline = "ran";</script>`,
      ),
      "no-alt.html": html("No alt", `<img src="dot.svg">`),
      "external.html": html(
        "External",
        `<p><a id="away" href="${outsideUrl}/away">Elsewhere</a></p><img src="${outsideUrl}/dot.svg" alt="A dot from elsewhere">`,
      ),
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    [site, browser] = await Promise.all([serveSite(dir), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await new Promise((closed) => outside?.close(closed));
    await rm(dir, { recursive: true, force: true });
  });

  it("finds nothing wrong with a clean page, with or without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const opened = await openPage(browser, site.url, { javaScriptEnabled });
      try {
        const ownScript = () => opened.page.evaluate(() => document.documentElement.dataset.own);
        expect(await ownScript()).toBe(javaScriptEnabled ? "ran" : undefined);
        expect(await scanAccessibility(opened.page)).toEqual([]);
        expect(await ownScript()).toBe(javaScriptEnabled ? "ran" : undefined);
        expect(opened.problems()).toEqual([]);
      } finally {
        await opened.close();
      }
    }
  });

  it("reports a missing image as a 404", async () => {
    const opened = await openPage(browser, `${site.url}missing-image.html`);
    try {
      await expect
        .poll(() => opened.problems(), SOON)
        .toEqual([
          `HTTP 404 for GET ${site.url}missing.png`,
          expect.stringMatching(/^console error: Failed to load resource: .* 404 .*missing\.png/),
        ]);
    } finally {
      await opened.close();
    }
  });

  it("reports a missing page as a 404", async () => {
    const opened = await openPage(browser, `${site.url}nowhere.html`);
    try {
      expect(opened.problems()).toContainEqual(`HTTP 404 for GET ${site.url}nowhere.html`);
    } finally {
      await opened.close();
    }
  });

  it("reports an inline script as a CSP violation, and the policy holds after axe is injected", async () => {
    const opened = await openPage(browser, `${site.url}inline-script.html`);
    try {
      const { page } = opened;
      await expect
        .poll(() => opened.problems(), SOON)
        .toEqual([expect.stringMatching(/^CSP violation: Executing inline script violates .*script-src/)]);
      expect(await page.evaluate(() => document.documentElement.dataset.inline)).toBeUndefined();

      expect(await scanAccessibility(page)).toEqual([]);
      expect(await page.evaluate(() => "axe" in globalThis)).toBe(true);
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = `document.documentElement.dataset.inserted = "ran";`;
        document.body.append(script);
      });
      await expect(
        page.addScriptTag({ content: `document.documentElement.dataset.tag = "ran";` }),
      ).rejects.toThrow();
      expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toEqual({});
      await expect
        .poll(() => opened.problems().filter((p) => p.startsWith("CSP violation")).length, SOON)
        .toBe(3);
    } finally {
      await opened.close();
    }
  });

  it("finds an image without alt text with axe, with or without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const opened = await openPage(browser, `${site.url}no-alt.html`, { javaScriptEnabled });
      try {
        const violations = await scanAccessibility(opened.page);
        expect(violations).toEqual([
          expect.objectContaining({ id: "image-alt", impact: "critical", targets: ["img"] }),
        ]);
        expect(opened.problems()).toEqual([]);
        expect(await timerFiresWithin(opened.page, javaScriptEnabled ? 30_000 : 300)).toBe(javaScriptEnabled);
      } finally {
        await opened.close();
      }
    }
  });

  it("blocks and reports requests to any other origin", async () => {
    const opened = await openPage(browser, `${site.url}external.html`);
    try {
      await expect
        .poll(() => opened.problems(), SOON)
        .toEqual([
          expect.stringMatching(/^CSP violation: Loading the image .*\/dot\.svg' violates .*img-src 'self'/),
          `request failed: GET ${outsideUrl}/dot.svg: csp`,
        ]);
      await opened.page.click("#away");
      await expect
        .poll(() => opened.problems(), SOON)
        .toContainEqual(`external request to ${outsideUrl}/away (document), blocked`);
      expect(opened.page.url()).not.toContain(outsideUrl);
      expect(outsideRequests).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("records console errors and warnings, uncaught errors and failed requests", async () => {
    const opened = await openPage(browser, site.url);
    try {
      const { page } = opened;
      await page.route("**/broken.svg", (route) => route.abort("connectionreset"));
      await page.evaluate(() => {
        console.warn("careful");
        console.error("broken");
        console.info("fine");
        setTimeout(() => {
          throw new Error("boom");
        }, 0);
        const image = new Image();
        image.alt = "";
        image.src = "broken.svg";
        document.body.append(image);
      });
      await expect
        .poll(() => opened.problems(), SOON)
        .toEqual(
          expect.arrayContaining([
            "console warning: careful",
            "console error: broken",
            expect.stringMatching(/^page error: Error: boom/),
            `request failed: GET ${site.url}broken.svg: net::ERR_CONNECTION_RESET`,
          ]),
        );
      expect(opened.problems().join("\n")).not.toContain("fine");
    } finally {
      await opened.close();
    }
  });

  it("opens pages with the context settings asked for", async () => {
    const opened = await openPage(browser, site.url, {
      viewport: { width: 375, height: 700 },
      locale: "fr-FR",
      colorScheme: "dark",
      reducedMotion: "reduce",
    });
    try {
      expect(
        await opened.page.evaluate(() => ({
          width: innerWidth,
          language: navigator.language,
          dark: matchMedia("(prefers-color-scheme: dark)").matches,
          still: matchMedia("(prefers-reduced-motion: reduce)").matches,
        })),
      ).toEqual({ width: 375, language: "fr-FR", dark: true, still: true });
    } finally {
      await opened.close();
    }
  });

  it("saves full-page screenshots under test-results/screenshots", async () => {
    const opened = await openPage(browser, site.url);
    try {
      const path = await saveScreenshot(opened.page, "harness-clean");
      expect(path).toBe(join(SCREENSHOT_DIR, "harness-clean.png"));
      expect((await readFile(path)).subarray(1, 4).toString()).toBe("PNG");
      await expect(saveScreenshot(opened.page, "../escape")).rejects.toThrow(/not a plain file name/);
    } finally {
      await opened.close();
    }
  });

  it("fails, saying how to install Chromium, when it is missing", async () => {
    vi.stubEnv("CHROMIUM_PATH", join(dir, "no-such-chromium"));
    try {
      await expect(launchChromium()).rejects.toThrow(/apt-get install -y chromium/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("what the harness forgives", () => {
  it("only the page icon's fetch cancelled by the test's own navigation", () => {
    expect(abortedFavicon("http://127.0.0.1:1/favicon.20fceb05e1.svg", "net::ERR_ABORTED")).toBe(true);
    expect(abortedFavicon("http://127.0.0.1:1/es/favicon.20fceb05e1.svg", "net::ERR_ABORTED")).toBe(true);
    expect(abortedFavicon("http://127.0.0.1:1/favicon.20fceb05e1.svg", "net::ERR_FAILED")).toBe(false);
    expect(abortedFavicon("http://127.0.0.1:1/site.20fceb05e1.js", "net::ERR_ABORTED")).toBe(false);
    expect(abortedFavicon("http://127.0.0.1:1/data/favicon.svg.json", "net::ERR_ABORTED")).toBe(false);
  });
});
