import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import type { HubRecord, ReferenceState } from "../../../functions/core/reporting/validate.js";
import { validateReport } from "../../../functions/core/reporting/validate.js";
import { ANY_HUB, checkFile, namedHub, readSheetRows } from "../../../site/check/check-file.js";
import { checkReference, checkReferenceJson, referenceOf } from "../../../site/check/check-reference.js";
import { FIXTURE_DASHBOARD } from "../fixtures/dashboard.js";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const countries = bundledCountryTable();
const NOW = new Date("2026-06-01T00:00:00Z");
const WM_NG = {
  hub_id: "wm-ng",
  name: "Wikimedia Nigeria",
  kind: "regional",
  country: "NG",
  region: null,
  active_from: 2021,
  active_to: null,
} as const;
const page = referenceOf(
  JSON.parse(
    checkReferenceJson(
      checkReference({ ...FIXTURE_DASHBOARD, hubs: [...FIXTURE_DASHBOARD.hubs, WM_NG] }, countries),
    ),
  ),
);

/** The lake as ingest sees it: the same registry with its seats, the same rate years. */
const lake: ReferenceState = {
  hubs: new Map<string, HubRecord>(
    [...FIXTURE_DASHBOARD.hubs, WM_NG].map((hub) => [
      hub.hub_id,
      {
        hubId: hub.hub_id,
        name: hub.name,
        kind: hub.kind,
        country: hub.country,
        activeFrom: hub.active_from,
        activeTo: hub.active_to,
      },
    ]),
  ),
  hasRate: (currency, year) =>
    FIXTURE_DASHBOARD.exchange_rate_years.some((r) => r.currency === currency && r.year === year),
  ratesOf: () => new Map(),
  financialYears: [],
};

describe("checkFile", () => {
  it.each([
    ["a CSV file", "check/bad-report.csv"],
    ["a workbook", "workbooks/financial-report.xlsx"],
    ["an OpenDocument workbook", "workbooks/financial-report.ods"],
  ])(
    "finds in %s what ingest finds when its hub uploads it, but the warning that needs the seat",
    async (_, path) => {
      const bytes = await readFile(new URL(path, FIXTURES));
      const checked = checkFile(bytes, page, NOW);
      const ingest = validateReport({ bytes, uploader: "wm-ng", countries, reference: lake, now: NOW });
      const seatless = ingest.problems.filter((problem) => problem.code !== "allocationOutsideSeat");
      expect(checked.result.problems).toEqual(seatless);
      expect(checked.result.problems.length).toBeGreaterThan(0);
      expect(checked.result.errorCount).toBe(ingest.errorCount);
      expect(checked.headerRow).toBe(1);
    },
  );

  it("checks the Council's reference data as sent by the Council, and a report naming no hub as any hub's", () => {
    const rates = new TextEncoder().encode("currency,year,usd_per_unit\nNGN,2026,0.0007\n");
    expect(checkFile(rates, page, NOW).result).toMatchObject({ kind: "fx_rates", problems: [] });
    const noHub = new TextEncoder().encode("hub_id,period,country,metric,value\n,2025,NG,editors,3\n");
    expect(checkFile(noHub, page, NOW).result.problems[0]).toMatchObject({
      code: "required",
      row: 2,
      column: "hub_id",
    });
    expect(namedHub(readSheetRows(noHub))).toBe(ANY_HUB);
  });

  it("answers a scenario as the upload answers a hub's", () => {
    const scenario = new TextEncoder().encode('{"scenario": 1}');
    const result = checkFile(scenario, page, NOW).result;
    expect(result.format).toBe("json");
    expect(result.problems.map((p) => p.code)).toContain("scenarioNotCouncil");
  });

  it("reads a workbook's rows with the sheet's row numbers and values as the sheet shows them", async () => {
    const rows = readSheetRows(await readFile(new URL("workbooks/financial-report.xlsx", FIXTURES)));
    expect(rows.get(4)?.slice(0, 5)).toEqual(["wm-ng", "2025", "expense", "staff", "1.234,56"]);
    expect(namedHub(rows)).toBe("wm-ng");
  });
});
