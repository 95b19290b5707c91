import { constants } from "node:fs";
import { access, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AxeResults, RunOptions } from "axe-core";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";

/** Where Chromium is looked for unless `CHROMIUM_PATH` names another executable. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Full-page screenshots land here (gitignored with the rest of `test-results/`). */
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

/**
 * The switches Chromium runs with: headless, no sandbox (CI containers run as root), and nothing that
 * phones home, so a test run makes no request beyond the site under test.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Launches the system's Chromium (`CHROMIUM_PATH`, else `/usr/bin/chromium`) headless through
 * playwright-core. Playwright's own browser downloads are never used. Throws, saying how to install
 * it, when the executable is missing: browser tests fail rather than skip.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium is needed for the browser tests and ${executablePath} is not an executable. ` +
        "Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH " +
        "to a Chromium or Chrome executable. Do not run `npx playwright install`.",
    );
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

/** How a page is opened: the browser context's settings. */
export interface OpenPageOptions {
  /** Defaults to 1280×900. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** False runs the page as a reader without JavaScript would see it. Defaults to true. */
  readonly javaScriptEnabled?: boolean;
  /** e.g. `"en-GB"`; defaults to Playwright's (`en-US`). */
  readonly locale?: string;
  readonly colorScheme?: "light" | "dark" | "no-preference";
  readonly reducedMotion?: "reduce" | "no-preference";
}

/** An open page and everything that went wrong on it since it was opened. */
export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /**
   * Every problem seen so far, one sentence each, in order: console errors and warnings (with their
   * source location), uncaught page errors, failed requests, responses with status 400 or more, CSP
   * violations and requests to any origin other than the site's (which are blocked).
   */
  problems(): string[];
  /** Closes the page's context (the browser stays open). */
  close(): Promise<void>;
}

function locationOf(location: { url: string; lineNumber: number; columnNumber: number }): string {
  if (!location.url) return "";
  return ` (at ${location.url}:${location.lineNumber + 1}:${location.columnNumber + 1})`;
}

/**
 * Opens `url` in a fresh context of `browser` and waits for its `load` event. Requests to any origin
 * but `url`'s are aborted and reported as `external request to …`, so a test never reaches the
 * network. Problems are recorded from before the first request; read them with `problems()`.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: OpenPageOptions = {},
): Promise<OpenedPage> {
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale,
    colorScheme: options.colorScheme,
    reducedMotion: options.reducedMotion,
    serviceWorkers: "block",
  });
  const found: string[] = [];
  const blocked = new WeakSet<object>();
  await context.route("**/*", async (route) => {
    const request = route.request();
    if (new URL(request.url()).origin === origin) return route.continue();
    blocked.add(request);
    found.push(`external request to ${request.url()} (${request.resourceType()}), blocked`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) withoutJavaScript.add(page);
  page.on("console", (message) => {
    const type = message.type();
    if (type !== "error" && type !== "warning") return;
    const text = message.text();
    const kind = /Content Security Policy/i.test(text) ? "CSP violation" : `console ${type}`;
    found.push(`${kind}: ${text}${locationOf(message.location())}`);
  });
  page.on("pageerror", (error) => found.push(`page error: ${error.stack ?? error.message}`));
  page.on("requestfailed", (request) => {
    if (blocked.has(request)) return;
    if (abortedFavicon(request.url(), request.failure()?.errorText)) return;
    found.push(
      `request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "?"}`,
    );
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      found.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
  });
  try {
    await page.goto(url, { waitUntil: "load" });
  } catch (error) {
    await context.close();
    throw error;
  }
  return { page, context, problems: () => [...found], close: () => context.close() };
}

/** One accessibility rule an element breaks, as axe-core reports it. */
export interface AccessibilityViolation {
  /** The axe rule, e.g. `image-alt`. */
  readonly id: string;
  readonly impact: "minor" | "moderate" | "serious" | "critical" | null;
  /** What the rule asks for, in a sentence. */
  readonly help: string;
  readonly helpUrl: string;
  /** A CSS selector per offending element (frames joined by ` >>> `, shadow roots by ` >> `). */
  readonly targets: readonly string[];
}

/** The axe tags a page is held to: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
export const AXE_TAGS: readonly string[] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

let axeSource: Promise<string> | undefined;

/** Pages that {@link openPage} opened with JavaScript disabled. */
const withoutJavaScript = new WeakSet<Page>();
const devtools = new WeakMap<Page, CDPSession>();

/**
 * Runs `task` with script execution allowed in a page opened without JavaScript: axe settles its
 * results on timers, which do not fire while scripts are disabled. The page's own scripts were skipped
 * when it was parsed and stay skipped. The DevTools session stays attached until the page closes,
 * because detaching it would re-enable scripts for good.
 */
async function withTimers<T>(page: Page, task: () => Promise<T>): Promise<T> {
  if (!withoutJavaScript.has(page)) return task();
  let session = devtools.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    devtools.set(page, session);
  }
  await session.send("Emulation.setScriptExecutionDisabled", { value: true });
  await session.send("Emulation.setScriptExecutionDisabled", { value: false });
  try {
    return await task();
  } finally {
    await session.send("Emulation.setScriptExecutionDisabled", { value: true });
  }
}

/**
 * Runs axe-core in `page` against {@link AXE_TAGS} and returns its violations (empty when none).
 *
 * axe's source goes in through `page.evaluate` (the DevTools protocol's `Runtime.evaluate`), which a
 * page's Content-Security-Policy does not govern, rather than a `<script>` element, which
 * `script-src 'self'` would block. The page's own policy stays in force: nothing is bypassed and no
 * element is added. On a page {@link openPage} opened without JavaScript, script execution is allowed
 * for the scan's duration only (see `withTimers`); the page's own scripts still do not run.
 */
export async function scanAccessibility(page: Page): Promise<AccessibilityViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const source = await axeSource;
  const present = await page.evaluate(() => "axe" in globalThis);
  if (!present) await page.evaluate(`${source}\n;undefined`);
  const options: RunOptions = { runOnly: [...AXE_TAGS], resultTypes: ["violations"] };
  const run = () =>
    page.evaluate(async (runOptions) => {
      const { axe } = globalThis as unknown as {
        axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
      };
      const results = await axe.run(document, runOptions);
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map((node) =>
          node.target.map((part) => (Array.isArray(part) ? part.join(" >> ") : part)).join(" >>> "),
        ),
      }));
    }, options);
  return withTimers(page, run);
}

/**
 * Saves a full-page PNG of `page` as `test-results/screenshots/<name>.png` and returns its path. `name`
 * is a file name (letters, digits, `.`, `_`, `-`), not a path.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name) || name.startsWith("."))
    throw new Error(`screenshot name ${JSON.stringify(name)} is not a plain file name`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Chromium fetches a page's icon after `load` and cancels the fetch when the test navigates on: an aborted icon is
 * the test's doing, not the page's (a missing icon still shows as its HTTP 404).
 */
export function abortedFavicon(url: string, errorText: string | undefined): boolean {
  return errorText === "net::ERR_ABORTED" && /\/favicon\.[0-9a-f]+\.svg$/.test(new URL(url).pathname);
}
