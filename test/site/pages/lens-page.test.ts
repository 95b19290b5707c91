import { describe, expect, it } from "vitest";
import type { LensDefinition } from "../../../functions/core/framework/framework.js";
import { lensPage, reconciliationSection } from "../../../site/pages/lens-page.js";
import { framework } from "../fixtures/charts.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { tableRows } from "../fixtures/markup.js";

function lens(id: string): LensDefinition {
  const found = framework.lenses.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no lens ${id}`);
  return found;
}

describe("lensPage", () => {
  it("shows suppressed figures as the word, never as 0, and explains them", () => {
    const outcomes = mainOf(lensPage(lens("outcomes"), [], contentContext()));
    expect(
      tableRows(outcomes, "participants").find((row) => row[0] === "Middle East &amp; North Africa"),
    ).toEqual(["Middle East &amp; North Africa", "suppressed", "suppressed", "12"]);
    expect(outcomes).toContain("<li>suppressed: fewer than 10 participants, so the figure is withheld.</li>");
  });

  it("shows a figure whose denominator was zero as no value", () => {
    const power = mainOf(lensPage(lens("power"), [], contentContext()));
    expect(
      tableRows(power, "local_revenue_share").find((row) => row[0] === "Middle East &amp; North Africa"),
    ).toEqual(["Middle East &amp; North Africa", "no value", "4.0%", "6.0%"]);
  });

  it("loads the script only when a chart follows the page's filters", () => {
    expect(lensPage(lens("power"), [], contentContext()).scripted).toBe(false);
  });
});

describe("reconciliationSection", () => {
  it("flags every allocation the hub's receipts do not match, in words", () => {
    const section = reconciliationSection(undefined, contentContext()).markup;
    expect(section.match(/<tr class="flagged"/g)).toHaveLength(3);
    expect(section).toContain("⚠ </span>gap</strong>");
    expect(section).toContain("not reported by the hub</strong>");
    expect(section).toContain("no allocation recorded</strong>");
    expect(section).toContain("<td>−$60,000</td>");
  });
});
