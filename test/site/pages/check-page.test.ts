import { describe, expect, it } from "vitest";
import { ruleCatalogue } from "../../../functions/core/reporting/rule-catalogue.js";
import type { CheckPageData } from "../../../site/client/check-page.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import { checkPage } from "../../../site/pages/check-page.js";
import { contentContext } from "../fixtures/content.js";

/** The data the page hands its script, read back from its attribute. */
function pageData(markup: string): CheckPageData {
  const attribute = /data-check="([^"]*)"/.exec(markup)?.[1] ?? "";
  return JSON.parse(
    attribute
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&"),
  );
}

describe("checkPage", () => {
  it("hands its script the page's words, the reference file and the rule ids, and says it needs JavaScript", () => {
    const page = checkPage(contentContext({ languages: ["en", "ar"], language: "ar" }));
    const data = pageData(page.main.markup);
    expect(page).toMatchObject({ file: "check.html", scripted: true, title: CATALOGUES.ar.check.heading });
    expect(data.lang).toBe("ar");
    expect(data.texts).toEqual(CATALOGUES.ar.check);
    expect(data.reference).toBe("../data/check-reference.json");
    expect(data.ruleIds).toEqual(ruleCatalogue().map((rule) => rule.id));
    expect(data.uploadConfig).toBeUndefined();
    expect(page.main.markup).toContain(
      `<noscript><p class="note">${CATALOGUES.ar.check.noScript}</p></noscript>`,
    );
    expect(page.main.markup).toContain('<form id="check-form" class="check-form" hidden>');
    expect(page.main.markup).not.toContain("check-upload");
  });

  it("has an upload section, hidden until its configuration loads, only when the site publishes one", () => {
    const page = checkPage(contentContext({}), {
      version: 1,
      region: "eu-west-1",
      api_url: "https://api.example.org",
      sign_in_url: "https://sign-in.example.org",
      client_id: "abc",
      upload_origin: "https://raw.example.org",
      redirect_paths: ["/check.html"],
    });
    expect(page.connectOrigins).toEqual([
      "https://api.example.org",
      "https://sign-in.example.org",
      "https://raw.example.org",
    ]);
    expect(pageData(page.main.markup).uploadConfig).toBe("upload-config.json");
    expect(page.main.markup).toContain(
      '<section id="check-upload" class="check-upload" hidden aria-labelledby="upload-heading">',
    );
  });
});
