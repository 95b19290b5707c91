import { describe, expect, it } from "vitest";
import { regionsPage } from "../../../site/pages/regions-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { FIXTURE_REGION_PAGES } from "../fixtures/markup.js";

describe("regionsPage", () => {
  it("links every region with figures, in the country table's order", () => {
    const links = [...mainOf(regionsPage(contentContext())).matchAll(/<li><a href="([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(links).toEqual(FIXTURE_REGION_PAGES);
  });
});
