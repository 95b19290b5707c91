import { describe, expect, it } from "vitest";
import type { HubEntry } from "../../../functions/core/dashboards/dashboard-data.js";
import { hubPage } from "../../../site/pages/hub-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";

function hubOf(id: string): HubEntry {
  const hub = contentContext().dashboard.hubs.find((candidate) => candidate.hub_id === id);
  if (!hub) throw new Error(`no hub ${id}`);
  return hub;
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

  it("never names a protected seat", () => {
    const bangla = mainOf(hubPage(hubOf("hub-bd"), contentContext()));
    expect(bangla).toContain("<dd>withheld (protected country)</dd>");
    expect(bangla).not.toContain("Bangladesh");
  });
});
