import { describe, expect, it } from "vitest";
import { evidencePage } from "../../../site/pages/evidence-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";

describe("evidencePage", () => {
  it("lists the current reports by year with the regions they fed, their earlier versions and the reference data", () => {
    const page = evidencePage(contentContext());
    const evidence = mainOf(page);
    expect(evidence).toContain('<section class="evidence-year" id="year-2025"');
    const dach = evidence.split('id="report-r-de-fin-2025"')[1]?.split("</tr>")[0] ?? "";
    expect(dach).toContain('data-regions="Northern &amp; Western Europe|Sub-Saharan Africa"');
    expect(dach).toContain("<summary>1 earlier version</summary>");
    expect(dach).toContain("superseded by r-de-fin-2025");
    expect(evidence).not.toContain('id="report-r-de-fin-2025-v1"');
    expect(evidence).toContain("Reference data");
    expect(page.scripted).toBe(true);
  });
});
