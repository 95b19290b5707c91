import { describe, expect, it } from "vitest";
import { regionPage } from "../../../site/pages/region-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";

describe("regionPage", () => {
  it("shows the region's figures by year beside the movement, withheld ones as the word", () => {
    const page = regionPage("Middle East & North Africa", [], contentContext());
    expect(page.file).toBe("region-middle-east-and-north-africa.html");
    expect(page.section).toBe("regions.html");
    expect(mainOf(page)).toContain('<td class="withheld">suppressed</td>');
  });

  it("lists the reports that fed the region's figures", () => {
    expect(mainOf(regionPage("Sub-Saharan Africa", [], contentContext()))).toContain(
      'id="report-r-ke-fin-2025"',
    );
  });
});
