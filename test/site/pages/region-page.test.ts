import { describe, expect, it } from "vitest";
import { regionPage } from "../../../site/pages/region-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { FIXTURE_DASHBOARD } from "../fixtures/dashboard.js";
import { rowsOf } from "../fixtures/markup.js";

const MENA = "Middle East & North Africa";

describe("regionPage", () => {
  it("shows the region's figures by year beside the movement, withheld ones as the word", () => {
    const page = regionPage(MENA, [], contentContext());
    expect(page.file).toBe("region-middle-east-and-north-africa.html");
    expect(page.section).toBe("regions.html");
    const rows = rowsOf(mainOf(page));
    expect(rows.find((row) => row[0] === "Participants")).toEqual([
      "Participants",
      "suppressed",
      "suppressed",
      "12",
      "69,120",
    ]);
    expect(mainOf(page)).toContain(
      '<td class="withheld"><a class="figure-link" href="evidence.html?year=2023&amp;behind=lines%3AMiddle+East+%26+North+Africa#year-2023">suppressed</a></td>',
    );
  });

  it("reads the movement's figure against its target, and marks the indicators counted by the hubs' seats", () => {
    const rows = rowsOf(mainOf(regionPage("Sub-Saharan Africa", [], contentContext())));
    expect(rows.find((row) => row[0]?.startsWith("Board seats held by women"))).toEqual([
      "Board seats held by women (by the hubs&#39; seats)",
      "33.0%",
      "40.0%",
      "50.0%",
      "41.0%target met: 1.0 pp above the target",
    ]);
    expect(rows.find((row) => row[0] === "Funds deployed")?.at(-1)).toBe("$47,900,000");
  });

  it("lists the reports that fed the region's figures, by the countries of their lines or the seats of their hubs", () => {
    expect(mainOf(regionPage("Sub-Saharan Africa", [], contentContext()))).toContain(
      'id="report-r-ke-fin-2025"',
    );
    const seatOnly = {
      ...FIXTURE_DASHBOARD,
      contributions: [
        ...FIXTURE_DASHBOARD.contributions,
        {
          year: 2025,
          basis: "seat",
          scope: "region",
          scope_id: "North America",
          report_ids: ["r-de-fin-2025"],
        },
      ] as const,
    };
    const northAmerica = mainOf(regionPage("North America", [], contentContext({ dashboard: seatOnly })));
    expect(northAmerica).toContain('id="report-r-de-fin-2025"');
    expect(northAmerica).toContain('id="report-r-gf-fin-2025"');
    expect(mainOf(regionPage("North America", [], contentContext()))).not.toContain(
      'id="report-r-de-fin-2025"',
    );
  });
});
