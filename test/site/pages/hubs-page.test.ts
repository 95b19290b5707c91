import { describe, expect, it } from "vitest";
import { hubsPage } from "../../../site/pages/hubs-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";

describe("hubsPage", () => {
  it("lists every hub by name with its kind, region and latest reporting state, linked to its page", () => {
    const hubs = mainOf(hubsPage(contentContext()));
    const kenya = hubs.split("\n").find((line) => line.includes('href="hub-hub-ke.html"')) ?? "";
    expect(kenya).toBe(
      '<tr><th scope="row"><a href="hub-hub-ke.html">East Africa Hub</a></th><td>regional</td><td><a href="region-sub-saharan-africa.html">Sub-Saharan Africa</a></td><td>partial (2025)</td></tr>',
    );
    expect(hubs.match(/<tr><th scope="row">/g)).toHaveLength(contentContext().dashboard.hubs.length);
  });
});
