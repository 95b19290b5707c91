import { describe, expect, it } from "vitest";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { type HubRecord, validateReport } from "../../../functions/core/reporting/validate.js";
import {
  CheckReferenceError,
  checkReference,
  checkReferenceJson,
  referenceOf,
} from "../../../site/check/check-reference.js";
import { FIXTURE_DASHBOARD } from "../fixtures/dashboard.js";

const countries = bundledCountryTable();
const FINANCIAL = "hub_id,period,flow,category,amount,currency,country";

describe("checkReference", () => {
  const reference = checkReference(FIXTURE_DASHBOARD, countries);

  it("holds the country codes, each hub's id, kind and active years, and the years each currency has a rate", () => {
    expect(reference.format).toBe(1);
    expect(Object.keys(reference.countries)).toEqual([...countries.byCode.keys()].sort());
    expect(reference.countries.NG).toBe("Nigeria");
    expect(reference.hubs?.map((hub) => Object.keys(hub).sort())).toEqual(
      FIXTURE_DASHBOARD.hubs.map(() => ["active_from", "active_to", "hub_id", "kind"]),
    );
    expect(reference.exchange_rate_years).toEqual({ EUR: [2024, 2025], KES: [2025], NGN: [2025] });
  });

  it("does not tell which hubs are seated in a protected country: no hub has a seat, name or region", () => {
    // Country names are the country table's, every country alike (validation suggests a code for a name).
    const { countries: _, ...rest } = reference;
    const seatedInProtected = FIXTURE_DASHBOARD.hubs.filter(
      (hub) => countries.byCode.get(hub.country)?.isProtected,
    );
    expect(seatedInProtected.map((hub) => hub.hub_id)).toEqual(["hub-bd", "hub-x"]);
    const text = JSON.stringify(rest);
    const hubs = JSON.stringify(reference.hubs);
    for (const hub of FIXTURE_DASHBOARD.hubs) {
      expect(hubs).not.toContain(`"${hub.country}"`);
      expect(text).not.toContain(hub.name);
    }
    expect(text).not.toMatch(/protect|seat|"region"|usd_per_unit|"name"/i);
    expect(checkReferenceJson(reference).endsWith("}\n")).toBe(true);
  });

  it("says there is no registry when the lake has none", () => {
    expect(checkReference({ ...FIXTURE_DASHBOARD, hubs: [] }, countries).hubs).toBeNull();
  });
});

describe("referenceOf", () => {
  const page = referenceOf(JSON.parse(checkReferenceJson(checkReference(FIXTURE_DASHBOARD, countries))));

  it("answers validation's questions as the lake would: hubs, their years, rates by currency and year", () => {
    expect(page.reference.hubs?.get("hub-ke")).toMatchObject({
      hubId: "hub-ke",
      kind: "regional",
      activeFrom: 2019,
    });
    expect(page.reference.hasRate("NGN", 2025)).toBe(true);
    expect(page.reference.hasRate("NGN", 2024)).toBe(false);
    expect(page.reference.hasRate("toString", 2025)).toBe(false);
    expect(page.countries.byCode.has("BD")).toBe(true);
    expect(page.countries.byCode.get("DE")?.name).toBe("Germany");
  });

  it("gives no seat, so that validation skips the seat warning it cannot make (the upload makes it)", () => {
    const text = `${FINANCIAL}\nhub-ke,2025,revenue,movement_allocation,100.00,USD,DE\n`;
    const withSeat = validateReport({
      bytes: new TextEncoder().encode(text),
      uploader: "hub-ke",
      countries,
      reference: {
        ...page.reference,
        hubs: new Map([["hub-ke", { ...(page.reference.hubs?.get("hub-ke") as HubRecord), country: "KE" }]]),
      },
      now: new Date("2026-06-01T00:00:00Z"),
    });
    expect(withSeat.problems.map((problem) => problem.code)).toEqual(["allocationOutsideSeat"]);
    const onPage = validateReport({
      bytes: new TextEncoder().encode(text),
      uploader: "hub-ke",
      countries: page.countries,
      reference: page.reference,
      now: new Date("2026-06-01T00:00:00Z"),
    });
    expect(onPage.problems).toEqual([]);
  });

  it("refuses a file that is not a reference file of its format", () => {
    expect(() => referenceOf(null)).toThrow(CheckReferenceError);
    expect(() => referenceOf({ format: 2 })).toThrow("reference format 2, not 1");
    expect(() => referenceOf({ format: 1, hubs: null })).toThrow(
      "lacks countries, hubs or exchange_rate_years",
    );
  });
});
