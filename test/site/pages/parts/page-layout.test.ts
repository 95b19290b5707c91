import { describe, expect, it } from "vitest";
import { type Page, renderPage } from "../../../../site/pages/parts/page-layout.js";
import { html } from "../../../../site/web/html.js";
import { contentContext } from "../../fixtures/content.js";

const page: Page = {
  file: "region-south-asia.html",
  title: "South Asia",
  main: html`<h1>South Asia</h1>`,
  section: "regions.html",
};

describe("renderPage", () => {
  it("wraps the main content in a document with its language, policy, stylesheet, nav and footer", () => {
    const markup = renderPage(page, contentContext());
    expect(markup).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(markup).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;',
    );
    expect(markup).toContain('<link rel="stylesheet" href="style.css">');
    expect(markup).toContain('<main id="main" class="wrap">\n<h1>South Asia</h1>\n</main>');
    expect(markup).toContain('href="regions.html" aria-current="page"');
    expect(markup).toContain('<time datetime="2026-03-02T09:30:00.000Z">2 March 2026, 09:30 UTC</time>');
    expect(markup).not.toContain("<script");
  });

  it("loads the script from the site root, and links each language's version of the page", () => {
    const arabic = renderPage(
      { ...page, scripted: true },
      contentContext({ languages: ["en", "es", "ar"], language: "ar" }),
    );
    expect(arabic).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(arabic).toContain('<script type="module" src="../site.js"></script>');
    expect(arabic).toContain('<link rel="stylesheet" href="../style.css">');
    expect(arabic).toContain('<a href="../es/region-south-asia.html" lang="es" hreflang="es">Español</a>');
    expect(arabic).toContain('<a href="../region-south-asia.html" lang="en" hreflang="en">English</a>');
    expect(arabic).toContain('<link rel="alternate" hreflang="en" href="../region-south-asia.html">');
  });
});
