import { describe, expect, it } from "vitest";
import type { HubEntry } from "../../../functions/core/dashboards/dashboard-data.js";
import { hubPage } from "../../../site/pages/hub-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";
import { rowsOf, textOf } from "../fixtures/markup.js";

function hubOf(id: string): HubEntry {
  const hub = contentContext().dashboard.hubs.find((candidate) => candidate.hub_id === id);
  if (!hub) throw new Error(`no hub ${id}`);
  return hub;
}

/** The rows of one indicator's group in the hub's figures table. */
function groupRows(page: string, indicator: string): string[][] {
  const group = page.split(`id="hub-${indicator}"`)[1]?.split("</tbody>")[0] ?? "";
  return rowsOf(group);
}

describe("hubPage", () => {
  it("gives a hub its seat, its reporting, its allocations and its reports", () => {
    const page = hubPage(hubOf("hub-ke"), contentContext());
    const kenya = mainOf(page);
    expect(page.file).toBe("hub-hub-ke.html");
    expect(kenya).toContain("<dd>Kenya</dd>");
    expect(kenya).toContain('<td class="state-partial">partial</td>');
    expect(kenya).toContain('id="report-r-ke-fin-2025"');
  });

  it("shows the hub's own figures by year, newest first, beside its seat's region and the movement", () => {
    const kenya = mainOf(hubPage(hubOf("hub-ke"), contentContext()));
    expect(kenya).toContain(
      '<thead><tr><th scope="col">Year</th><th scope="col">This hub</th><th scope="col">Region of its seat: Sub-Saharan Africa</th><th scope="col">Movement</th></tr></thead>',
    );
    expect(groupRows(kenya, "deployed_usd")).toEqual([
      ["2025", "$498,210", "$6,200,000", "$47,900,000"],
      ["2024", "$454,075", "$5,200,000", "$44,800,000"],
      ["2023", "$410,000", "$3,800,000", "$41,200,000"],
    ]);
    expect(groupRows(kenya, "local_revenue_share")[0]).toEqual(["2025", "15.0%", "17.0%", "33.4%"]);
    expect(groupRows(kenya, "global_south_share")[0]).toEqual([
      "2025",
      "96.0%",
      "not published at this scope",
      "41.2%target not met: 8.8 pp below the target",
    ]);
    expect(textOf(kenya.split('id="hub-board_women_share"')[1]?.split("</th>")[0] ?? "")).toContain(
      "(target for the movement: at least 40.0%)",
    );
    const ids = [...kenya.matchAll(/id="hub-([a-z0-9_]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(
      contentContext()
        .framework.indicators.filter((i) => i.scopes.includes("hub"))
        .map((i) => i.id),
    );
  });

  it("links each figure to the reports behind it: the hub's, its region's (by lines or by seat), the movement's", () => {
    const kenya = mainOf(hubPage(hubOf("hub-ke"), contentContext()));
    const row = kenya.split('id="hub-local_revenue_share"')[1]?.split("</tr>")[1] ?? "";
    expect([...row.matchAll(/href="([^"]+)"/g)].map((match) => match[1])).toEqual([
      "evidence.html?year=2025&amp;behind=hub%3Ahub-ke#year-2025",
      "evidence.html?year=2025&amp;behind=seat%3ASub-Saharan+Africa#year-2025",
      "evidence.html?year=2025&amp;behind=movement%3Amovement#year-2025",
    ]);
  });

  it("shows the global fund's suppressed outcomes as the word, and explains them", () => {
    const fund = mainOf(hubPage(hubOf("global-fund"), contentContext()));
    expect(groupRows(fund, "participants")[0]).toEqual(["2025", "suppressed", "7,990", "69,120"]);
    expect(fund).toContain("<li>suppressed: fewer than 10 participants, so the figure is withheld.</li>");
  });

  it("never names a protected seat, and says the hub's figures and allocations are withheld, and why", () => {
    const bangla = mainOf(hubPage(hubOf("hub-bd"), contentContext()));
    expect(bangla).toContain("<dd>withheld (protected country)</dd>");
    expect(bangla).not.toContain("Bangladesh");
    expect(bangla).toContain(
      '<p class="notice withheld-notice">This hub&#39;s figures are withheld: it is seated in a country on the protection list, and its figures would be that country&#39;s.',
    );
    expect(bangla).toContain("Withheld: what the global fund allocated to this hub, and what it received");
    expect(bangla).not.toContain("hub-figures");
    expect(bangla).not.toContain("120,000");
  });
});

describe("hubPage in Spanish", () => {
  const context = contentContext({ languages: ["en", "es"], language: "es" });
  const hub = context.dashboard.hubs.find((candidate) => candidate.hub_id === "hub-ke");
  if (!hub) throw new Error("no hub-ke");
  const kenya = mainOf(hubPage(hub, context));

  it("names its seat, its region and the columns in Spanish, with exact amounts as Spanish writes them", () => {
    expect(kenya).toContain("<dd>Kenia</dd>");
    expect(kenya).toContain('<th scope="col">Región de su sede: África subsahariana</th>');
    expect(groupRows(kenya, "deployed_usd")[0]).toEqual([
      "2025",
      "498.210\u00a0US$",
      "6.200.000\u00a0US$",
      "47.900.000\u00a0US$",
    ]);
    expect(textOf(kenya)).not.toMatch(/Sub-Saharan|Kenya|Funds deployed/);
  });
});
