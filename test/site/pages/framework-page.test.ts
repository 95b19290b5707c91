import { describe, expect, it } from "vitest";
import type { Framework } from "../../../functions/core/framework/framework.js";
import { frameworkPage } from "../../../site/pages/framework-page.js";
import { framework } from "../fixtures/charts.js";
import { contentContext, mainOf } from "../fixtures/content.js";

describe("frameworkPage", () => {
  it("defines every indicator and says that this is the first version", () => {
    const page = mainOf(frameworkPage(contentContext()));
    for (const indicator of framework.indicators) expect(page).toContain(`<code>${indicator.id}</code>`);
    expect(page.match(/<dd>no target set<\/dd>/g)).toHaveLength(framework.indicators.length);
    expect(page).toContain("This is the first published version of the framework.");
  });

  it("says what changed between framework versions", () => {
    const older: Framework = {
      ...framework,
      version: "2025.2",
      indicators: framework.indicators
        .filter((indicator) => indicator.id !== "reporting_rate")
        .map((indicator) => (indicator.id === "participants" ? { ...indicator, title: "People" } : indicator))
        .concat([
          {
            ...framework.indicators[0],
            id: "retired_indicator",
            title: "Retired",
          } as Framework["indicators"][number],
        ]),
    };
    const page = mainOf(frameworkPage(contentContext({ frameworks: [older, framework] })));
    expect(page).toContain("Changes from framework 2025.2 to 2026.1.");
    expect(page).toContain("<code>reporting_rate</code> Reporting rate: added");
    expect(page).toContain("<code>retired_indicator</code> Retired: removed");
    expect(page).toContain("<code>participants</code>: changed: title");
  });
});
