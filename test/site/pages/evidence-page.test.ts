import { describe, expect, it } from "vitest";
import { evidencePage } from "../../../site/pages/evidence-page.js";
import { contentContext, mainOf } from "../fixtures/content.js";

describe("evidencePage", () => {
  const page = evidencePage(contentContext());
  const evidence = mainOf(page);

  it("lists the current reports by year with their ids, the regions they fed, their earlier versions and the reference data", () => {
    expect(evidence).toContain('<section class="evidence-year" id="year-2025"');
    const dach = evidence.split('id="report-r-de-fin-2025"')[1]?.split("</tr>")[0] ?? "";
    expect(dach).toContain('data-regions="Northern &amp; Western Europe|Sub-Saharan Africa"');
    expect(dach).toContain('<th scope="row"><code>r-de-fin-2025</code></th>');
    expect(dach).toContain("<summary>1 earlier version</summary>");
    expect(dach).toContain("<li><code>r-de-fin-2025-v1</code> · ");
    expect(dach).toContain("superseded by r-de-fin-2025");
    expect(evidence).not.toContain('id="report-r-de-fin-2025-v1"');
    expect(evidence).toContain("Reference data");
    expect(evidence).toContain('<th scope="row"><code>r-hubs-1</code></th>');
    expect(page.scripted).toBe(true);
  });

  it("marks each report with every scope instance whose figures it fed, for the page's filter", () => {
    const kenya = evidence.split('id="report-r-ke-imp-2025"')[1]?.split(">")[0] ?? "";
    expect(kenya).toContain(
      'data-behind="country:KE|country:NG|hub:hub-ke|lines:Sub-Saharan Africa|movement:movement|seat:Sub-Saharan Africa"',
    );
  });

  it("offers every scope instance with a figure or a report as a filter, grouped, in the site's order", () => {
    const select = evidence.split('<select name="behind">')[1]?.split("</select>")[0] ?? "";
    const groups = [...select.matchAll(/<optgroup label="([^"]+)">/g)].map((match) => match[1]);
    expect(groups).toEqual([
      "Movement",
      "Region (by the countries of the lines)",
      "Region (by the hubs&#39; seats)",
      "Hubs",
      "Countries",
    ]);
    expect(select).toContain('<option value="seat:South Asia">South Asia (by the hubs&#39; seats)</option>');
    expect(select).toContain('<option value="country:AQ">Antarctica (AQ)</option>');
    expect(select).toContain('<option value="hub:hub-ke">East Africa Hub</option>');
    expect(select).not.toMatch(/country:(BD|EG)|hub:hub-(bd|x)/);
    const years = evidence.split('<select name="year">')[1]?.split("</select>")[0] ?? "";
    expect([...years.matchAll(/<option value="(\d+)">/g)].map((match) => match[1])).toEqual([
      "2025",
      "2024",
      "2023",
    ]);
  });
});

describe("evidencePage in French", () => {
  const base = contentContext({ languages: ["en", "fr"], language: "fr" });
  const big = (id: string) => id === "r-de-fin-2025" || id === "r-de-fin-2025-v1" || id === "r-hubs-1";
  const context = {
    ...base,
    reports: base.reports.map((report) =>
      big(report.report_id) ? { ...report, row_count: 12_345 } : report,
    ),
  };
  const evidence = mainOf(evidencePage(context));

  it("writes row counts, dates, regions and the filter's scope instances as French reads them", () => {
    const dach = evidence.split('id="report-r-de-fin-2025"')[1]?.split("</tr>")[0] ?? "";
    expect(dach).toContain("<td>12\u202f345</td>");
    expect(dach).toContain(" · Lignes 12\u202f345 · ");
    expect(dach).toContain("<td>Europe du Nord et de l’Ouest; Afrique subsaharienne</td>");
    const reference =
      evidence.split('<th scope="row"><code>r-hubs-1</code></th>')[1]?.split("</tr>")[0] ?? "";
    expect(reference).toContain("<td>12\u202f345</td>");
    const select = evidence.split('<select name="behind">')[1]?.split("</select>")[0] ?? "";
    expect(select).toContain(
      '<option value="seat:South Asia">Asie du Sud (selon le siège des hubs)</option>',
    );
    expect(select).toContain('<option value="country:DE">Allemagne (DE)</option>');
    expect(select).not.toMatch(/>South Asia|>Germany/);
  });
});
