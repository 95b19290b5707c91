import { describe, expect, it } from "vitest";
import { type Page, renderPage, type SiteAssets } from "../../../../site/pages/parts/page-layout.js";
import { html } from "../../../../site/web/html.js";
import { contentContext } from "../../fixtures/content.js";

const page: Page = {
  file: "region-south-asia.html",
  title: "South Asia",
  main: html`<h1>South Asia</h1>`,
  section: "regions.html",
};

const assets: SiteAssets = {
  stylesheet: "style.0123456789.css",
  script: "site.abcdef0123.js",
  favicon: "favicon.fedcba9876.svg",
};

describe("renderPage", () => {
  it("wraps the main content in a document with its language, policy, stylesheet, nav and footer", () => {
    const markup = renderPage(page, contentContext(), assets);
    expect(markup).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(markup).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;',
    );
    expect(markup).toContain('<link rel="stylesheet" href="style.0123456789.css">');
    expect(markup).toContain('<link rel="icon" href="favicon.fedcba9876.svg" type="image/svg+xml">');
    expect(markup).toContain('<main id="main" class="wrap">\n<h1>South Asia</h1>\n</main>');
    expect(markup).toContain('href="regions.html" aria-current="page"');
    expect(markup).toContain('<time datetime="2026-03-02T09:30:00.000Z">2 March 2026, 09:30 UTC</time>');
    expect(markup).not.toContain("<script");
  });

  it("loads the script from the site root, and links each language's version of the page", () => {
    const arabic = renderPage(
      { ...page, scripted: true },
      contentContext({ languages: ["en", "es", "ar"], language: "ar" }),
      assets,
    );
    expect(arabic).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(arabic).toContain('<script type="module" src="../site.abcdef0123.js"></script>');
    expect(arabic).toContain('<link rel="stylesheet" href="../style.0123456789.css">');
    expect(arabic).toContain('<link rel="icon" href="../favicon.fedcba9876.svg" type="image/svg+xml">');
    expect(arabic).toContain('<a href="../es/region-south-asia.html" lang="es" hreflang="es">Español</a>');
    expect(arabic).toContain('<a href="../region-south-asia.html" lang="en" hreflang="en">English</a>');
    expect(arabic).toContain('<link rel="alternate" hreflang="en" href="../region-south-asia.html">');
  });
});
