/**
 * The validator page and the rule catalogue page in a real browser (Debian's Chromium through playwright-core),
 * on the fixture site built with the real browser script and served with the site's security headers. A hub drops
 * a bad workbook and chooses a bad CSV file: the test reads the problems as the page shows them, the highlighted
 * cells, and the annotated copy it downloads, byte for byte; every request of the page is recorded, and none may
 * carry the file. Nothing is faked.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleCatalogue } from "../../functions/core/reporting/rule-catalogue.js";
import { buildSite } from "../../site/build/build-site.js";
import { directorySiteWriter } from "../../site/build/site-writer.js";
import { type RunningSite, serveSite } from "../../site/serve.js";
import {
  launchChromium,
  type OpenedPage,
  openPage,
  saveScreenshot,
  scanAccessibility,
} from "../helpers/browser.js";
import { checkableSiteInput } from "./checkable-site.js";

const FIXTURES = new URL("../fixtures/", import.meta.url);
const WORKBOOK = new URL("workbooks/financial-report.xlsx", FIXTURES);
const BAD_CSV = new URL("check/bad-report.csv", FIXTURES);

const LANGUAGES = [
  ["en", ""],
  ["es", "es/"],
  ["fr", "fr/"],
  ["ar", "ar/"],
] as const;

const PHONE = { width: 390, height: 844 };

let site: RunningSite;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "observatory-check-"));
  await buildSite(await checkableSiteInput(), directorySiteWriter(dir));
  site = await serveSite(dir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A page opened with every request it makes recorded, ready (its script has run). */
async function openRecorded(path: string, viewport?: { width: number; height: number }) {
  const requests: Request[] = [];
  const opened = await openPage(browser, site.url + path, viewport ? { viewport } : {});
  opened.page.on("request", (request) => requests.push(request));
  await opened.page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, {
    timeout: 20_000,
  });
  expect(
    await opened.page.evaluate(() => document.documentElement.dataset.ready),
    opened.problems().join("\n"),
  ).toBe("true");
  return { opened, requests };
}

/** Drops a file on the page's drop box, as a hub dragging it from their desktop does. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      return transfer;
    },
    { name, data: [...bytes], type },
  );
  await page.dispatchEvent("#check-drop", "drop", { dataTransfer: transfer });
}

async function checked(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>("#check-app")?.dataset.state === "checked",
  );
}

/** The problems as the page lists them: "where: sentence" per problem, in the page's order. */
async function listedProblems(page: Page): Promise<string[]> {
  return page.locator("li.problem > p").allInnerTexts();
}

/** The highlighted cells: the row header and the column letter of each, with the cell's text. */
async function highlightedCells(page: Page): Promise<string[]> {
  return page.locator("table.sheet-context").evaluateAll((tables) =>
    tables.flatMap((table) =>
      [...table.querySelectorAll("td.problem-cell")].map((cell) => {
        const row = cell.closest("tr")?.querySelector("th")?.textContent ?? "";
        const index = [...(cell.parentElement?.children ?? [])].indexOf(cell);
        const letter = table.querySelectorAll("thead th")[index]?.textContent ?? "";
        return `${letter}${row} ${cell.querySelector("mark")?.textContent ?? ""}`;
      }),
    ),
  );
}

async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(link)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** No request (URL or body) carries any of `needles` (texts of the file) nor the file's first bytes. */
function expectNoneCarries(requests: readonly Request[], needles: readonly string[], bytes: Buffer): void {
  const head = bytes.subarray(0, 32);
  for (const request of requests) {
    const body = request.postDataBuffer();
    const url = decodeURIComponent(request.url());
    for (const needle of needles) {
      expect(url, request.url()).not.toContain(needle);
      expect(body?.toString("utf8") ?? "", request.url()).not.toContain(needle);
    }
    if (body) expect(body.includes(head), request.url()).toBe(false);
    expect(request.method(), request.url()).toBe("GET");
  }
}

describe("the validator page", () => {
  it("shows every problem of a dropped workbook in its sheet, and hands back the annotated copy", async () => {
    const { opened, requests } = await openRecorded("check.html");
    const { page } = opened;
    try {
      const loaded = requests.length;
      await opened.context.setOffline(true);
      const bytes = await readFile(WORKBOOK);
      await dropFile(page, "financial-report.xlsx", bytes, "application/octet-stream");
      await checked(page);
      expect(await page.locator("#check-status").innerText()).toBe(
        "financial-report.xlsx: 1 error and 0 warnings. It would be refused: correct the errors, then check it again.",
      );
      expect(await listedProblems(page)).toEqual([
        'Row 4, column amount (E): "1.234,56" is not a number (use . as the decimal separator)',
      ]);
      expect(await highlightedCells(page)).toEqual(["E4 1.234,56"]);
      expect(await page.locator("li.problem-group h3").allInnerTexts()).toEqual(["Error decimalComma once"]);
      expect(await page.locator("li.problem-group h3 a").getAttribute("href")).toBe(
        "rules.html#decimalComma",
      );
      const cell = page.locator("td.problem-cell");
      expect(await cell.locator(".visually-hidden").innerText()).toBe("(the problem is here)");
      expect(await page.locator("table.sheet-context thead th").allInnerTexts()).toEqual([
        "Row",
        "B",
        "C",
        "D",
        "E",
        "F",
        "G",
        "H",
      ]);
      expect(await page.locator("table.sheet-context tbody th").allInnerTexts()).toEqual([
        "1",
        "2",
        "3",
        "4",
        "5",
      ]);

      const annotated = await download(page, "#download-annotated");
      expect(annotated.name).toBe("financial-report-checked.csv");
      expect(
        annotated.bytes.equals(await readFile(new URL("check/financial-report-checked.csv", FIXTURES))),
      ).toBe(true);
      const problems = await download(page, "#download-problems");
      expect(problems.name).toBe("financial-report-problems.csv");
      expect(problems.bytes.toString("utf8")).toBe(
        '\uFEFFrow,column,rule,severity,message\r\n4,amount (E),decimalComma,error,"""1.234,56"" is not a number (use . as the decimal separator)"\r\n',
      );
      expect(requests.length, requests.map((r) => r.url()).join("\n")).toBe(loaded);
      expectNoneCarries(requests, ["Editathon", "1.234,56", "Community grant"], bytes);
      await saveScreenshot(page, "check-workbook");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("groups the problems of a chosen CSV file by rule, each in its sheet, and hands back the annotated copy", async () => {
    const { opened, requests } = await openRecorded("check.html");
    const { page } = opened;
    try {
      const loaded = requests.length;
      const bytes = await readFile(BAD_CSV);
      await page.setInputFiles("#check-file", {
        name: "bad-report.csv",
        mimeType: "text/csv",
        buffer: bytes,
      });
      await checked(page);
      expect(await page.locator("#check-status").innerText()).toBe(
        "bad-report.csv: 8 errors and 1 warning. It would be refused: correct the errors, then check it again.",
      );
      expect(await page.locator("li.problem-group h3").allInnerTexts()).toEqual([
        "Error decimalComma once",
        "Error countryName once",
        "Error categoryNotInFlow once",
        "Error negativeAmount once",
        "Error missingRate once",
        "Warning zeroAmount once",
        "Error currencyCase once",
        "Error invalidBoolean once",
        "Error noteRow once",
      ]);
      expect(await listedProblems(page)).toEqual([
        'Row 3, column amount: "1.234,56" is not a number (use . as the decimal separator)',
        'Row 4, column country: "Nigeria" is a country\'s name, not its code: write NG (the ISO 3166-1 alpha-2 code of Nigeria)',
        'Row 5, column category: "travel" is not a category of expense lines (allowed for expense: programs, staff, operations, fundraising, governance)',
        'Row 5, column amount: "-300" is negative; amounts are 0 or more',
        "Row 6, column currency: there is no exchange rate for XOF in 2025: the Global Council must upload one before this report",
        "Row 7, column amount: the amount is 0: accepted, but check that the line is meant to be there",
        'Row 7, column currency: "ngn" must be written in capital letters: write NGN',
        'Row 7, column underrepresented_focus: "maybe" is not true or false (write true/false, yes/no or 1/0)',
        'Row 8: this row looks like a note, not a line of the report ("Prepared by Ana", every other cell empty): delete it, and keep notes in another file or on another sheet',
      ]);
      expect(await highlightedCells(page)).toEqual([
        "E3 1.234,56",
        "G4 Nigeria",
        "D5 travel",
        "E5 -300",
        "F6 XOF",
        "E7 0",
        "F7 ngn",
        "I7 maybe",
      ]);
      expect(await page.locator("th.problem-row").allTextContents()).toEqual(["8 (the problem is here)"]);

      const annotated = await download(page, "#download-annotated");
      expect(annotated.name).toBe("bad-report-checked.csv");
      expect(annotated.bytes.equals(await readFile(new URL("check/bad-report-checked.csv", FIXTURES)))).toBe(
        true,
      );
      expect(requests.length, requests.map((r) => r.url()).join("\n")).toBe(loaded);
      expectNoneCarries(requests, ["Editathon", "Prepared by Ana", "Nigeria", "HYPERLINK"], bytes);
      expect(await scanAccessibility(page)).toEqual([]);
      await saveScreenshot(page, "check-csv");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("links each rule of the catalogue by its id", async () => {
    const opened = await openPage(browser, `${site.url}rules.html#decimalComma`);
    try {
      const ids = await opened.page
        .locator("table.rules-table tbody tr")
        .evaluateAll((rows) => rows.map((row) => row.id));
      expect(ids.sort()).toEqual(
        ruleCatalogue()
          .map((rule) => rule.id)
          .sort(),
      );
      expect(await opened.page.locator("#decimalComma td").nth(0).innerText()).toBe("Error");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe.each(LANGUAGES)("in %s", (language, folder) => {
  it("check.html, with a file's problems shown, and rules.html have no axe violation and fit 390 px", async () => {
    for (const file of ["check.html", "rules.html"]) {
      let opened: OpenedPage | undefined;
      try {
        if (file === "check.html") {
          const recorded = await openRecorded(folder + file, PHONE);
          opened = recorded.opened;
          await recorded.opened.page.setInputFiles("#check-file", {
            name: "bad-report.csv",
            mimeType: "text/csv",
            buffer: await readFile(BAD_CSV),
          });
          await checked(recorded.opened.page);
        } else opened = await openPage(browser, site.url + folder + file, { viewport: PHONE });
        const { page } = opened;
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(
          language === "ar" ? "rtl" : "ltr",
        );
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(width[0], `${folder}${file} is ${width[0]} px wide`).toBeLessThanOrEqual(width[1] ?? 0);
        expect(await scanAccessibility(page)).toEqual([]);
        await saveScreenshot(page, `${file.replace(".html", "")}-${language}-390`);
        expect(opened.problems()).toEqual([]);
      } finally {
        await opened?.close();
      }
    }
  });
});
