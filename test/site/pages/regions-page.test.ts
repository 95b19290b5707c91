import { describe, expect, it } from "vitest";
import { regionsPage } from "../../../site/pages/regions-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";

describe("regionsPage", () => {
  it("links every region with figures, in the country table's order", () => {
    const links = [...mainOf(regionsPage(contentContext())).matchAll(/<li><a href="([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(links).toEqual([
      "region-central-and-eastern-europe-and-central-asia.html",
      "region-east-southeast-asia-and-pacific.html",
      "region-latin-america-and-caribbean.html",
      "region-middle-east-and-north-africa.html",
      "region-north-america.html",
      "region-northern-and-western-europe.html",
      "region-south-asia.html",
      "region-sub-saharan-africa.html",
    ]);
  });
});
