import { describe, expect, it } from "vitest";
import { scenariosPage } from "../../../site/pages/scenarios-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { rowsOf } from "../fixtures/markup.js";

describe("scenariosPage", () => {
  it("lists each published scenario with its rule, years and headline figures in its latest year, linked to its page", () => {
    const page = scenariosPage(contentContext());
    expect(page.file).toBe("scenarios.html");
    const main = mainOf(page);
    expect(main).toContain(
      '<a href="scenario-fixture-solidarity.html">5% solidarity contribution above 100,000 USD',
    );
    expect(rowsOf(main).map((row) => row.slice(1))).toEqual([
      ["levelling up funds per editor", "2025", "2025", "$1,194,200", "2 → 3", "0.520 → 0.418"],
      ["shared per editor", "2024 and 2025", "2025", "$105,000", "1 → 2", "0.520 → 0.517"],
    ]);
    expect(main).toContain(
      "Every hub gives 5% of its local revenue above 100,000 US dollars, shared per editor.",
    );
  });

  it("says when no scenario is published, and reads in Arabic with the arrow the way the text runs", () => {
    expect(mainOf(scenariosPage({ ...contentContext(), scenarios: [] }))).toContain(
      "No scenario has been published.",
    );
    const arabic = mainOf(scenariosPage(contentContext({ languages: ["en", "ar"], language: "ar" })));
    expect(arabic).toContain("<td>0.520 ← 0.418</td>");
  });
});
