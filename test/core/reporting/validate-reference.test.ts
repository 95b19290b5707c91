import { describe, expect, it } from "vitest";
import { accept, type CheckOptions, check, EMPTY_REFERENCE, fxCsv, hubsCsv, validate } from "./helpers.js";

/** Reference data comes from the Global Council, and does not need a registry to exist yet. */
const council: CheckOptions = { uploader: "council", reference: EMPTY_REFERENCE };

const HUB_ID_RULE =
  "is not a valid hub id (lower-case letters, digits and hyphens, 2 to 64 characters, starting with a letter or digit)";

describe("hubs", () => {
  it("accepts the first registry, and hands it back typed", () => {
    const result = validate(
      hubsCsv(
        { hub_id: "global-fund", name: "Global Fund", kind: "global", country: "US", active_from: "2020" },
        { hub_id: "wm-na", name: "Wikimedians of Namibia", country: "NA", active_from: "2022" },
        {
          hub_id: "wm-lingala",
          name: 'Lingala, "Kinshasa" & Brazzaville',
          kind: "linguistic",
          country: "CD",
          active_from: "2019",
          active_to: "2024",
        },
      ),
      council,
    );
    expect(result).toEqual({
      format: "csv",
      kind: "hubs",
      problems: [],
      errorCount: 0,
      warningCount: 0,
      report: {
        kind: "hubs",
        hubId: null,
        period: null,
        year: null,
        quarter: null,
        rowCount: 3,
        columns: {
          source_row: [2, 3, 4],
          hub_id: ["global-fund", "wm-na", "wm-lingala"],
          name: ["Global Fund", "Wikimedians of Namibia", 'Lingala, "Kinshasa" & Brazzaville'],
          kind: ["global", "regional", "linguistic"],
          country: ["US", "NA", "CD"],
          active_from: [2020, 2022, 2019],
          active_to: [null, null, 2024],
        },
      },
    });
  });

  it.each(["wm", "0x", "wm-gh-2", `a${"b".repeat(63)}`])("accepts the hub id %j", (hubId) => {
    expect(check(hubsCsv({ hub_id: hubId }), council)).toEqual([]);
  });

  it.each(["Wm-gh", "-wm", "w", "wm gh", "wm_gh", "wm.gh", `a${"b".repeat(64)}`])(
    "rejects the hub id %j",
    (hubId) => {
      expect(check(hubsCsv({ hub_id: hubId }), council)).toEqual([
        `row 2, column hub_id: ${JSON.stringify(hubId)} ${HUB_ID_RULE}`,
      ]);
    },
  );

  it("rejects an empty hub id", () => {
    expect(check(hubsCsv({ hub_id: "" }), council)).toEqual([
      "row 2, column hub_id: hub_id is required and is empty",
    ]);
  });

  it("rejects a hub listed twice, on every repetition", () => {
    expect(check(hubsCsv({}, { hub_id: "wm-ke", country: "KE" }, {}, {}), council)).toEqual([
      'row 4, column hub_id: hub "wm-gh" is listed twice (first in row 2)',
      'row 5, column hub_id: hub "wm-gh" is listed twice (first in row 2)',
    ]);
  });

  it.each(["", "   "])("rejects the name %j", (name) => {
    expect(check(hubsCsv({ name }), council)).toEqual(["row 2, column name: name is required and is empty"]);
  });

  it.each(["Regional", "national", "fund"])("rejects the kind %j", (kind) => {
    expect(check(hubsCsv({ kind }), council)).toEqual([
      `row 2, column kind: ${JSON.stringify(kind)} is not a valid kind (allowed: regional, thematic, linguistic, global)`,
    ]);
  });

  it("rejects an empty kind", () => {
    expect(check(hubsCsv({ kind: "" }), council)).toEqual([
      "row 2, column kind: kind is required and is empty",
    ]);
  });

  it.each([
    ["XX", '"XX" is not an ISO 3166-1 alpha-2 country code in the country table'],
    ["gh", '"gh" must be written in capital letters (GH)'],
    ["", "country is required and is empty"],
  ])("rejects the country %j", (country, message) => {
    expect(check(hubsCsv({ country }), council)).toEqual([`row 2, column country: ${message}`]);
  });

  it.each([
    ["active_from", "24", '"24" is not a year (write four digits, such as 2025)'],
    ["active_from", "2024-01-01", '"2024-01-01" is not a year (write four digits, such as 2025)'],
    ["active_from", "", "active_from is required and is empty"],
    ["active_to", "soon", '"soon" is not a year (write four digits, such as 2025)'],
    ["active_to", "2023", "active_to (2023) is before active_from (2024)"],
  ])("rejects %s %j", (column, value, message) => {
    expect(check(hubsCsv({ [column]: value }), council)).toEqual([`row 2, column ${column}: ${message}`]);
  });

  it("accepts a hub that closes in the year it opens", () => {
    expect(accept(hubsCsv({ active_to: "2024" }), council).columns.active_to).toEqual([2024]);
  });

  it("is uploaded by the Global Council only", () => {
    expect(check(hubsCsv({}), { uploader: "global-fund" })).toEqual([
      'only the Global Council (council) may upload hubs reference data, not "global-fund"',
    ]);
  });
});

describe("fx_rates", () => {
  it("accepts rates and hands them back typed", () => {
    const result = validate(
      fxCsv({}, { year: "2024", usd_per_unit: "1.0824" }, { currency: "NGN", usd_per_unit: "0.00065" }),
      council,
    );
    expect(result).toEqual({
      format: "csv",
      kind: "fx_rates",
      problems: [],
      errorCount: 0,
      warningCount: 0,
      report: {
        kind: "fx_rates",
        hubId: null,
        period: null,
        year: null,
        quarter: null,
        rowCount: 3,
        columns: {
          source_row: [2, 3, 4],
          currency: ["EUR", "EUR", "NGN"],
          year: [2025, 2024, 2025],
          usd_per_unit: [1.08, 1.0824, 0.00065],
        },
      },
    });
  });

  it.each([
    ["eur", '"eur" is not an ISO 4217 currency code (three capital letters, such as EUR)'],
    ["EURO", '"EURO" is not an ISO 4217 currency code (three capital letters, such as EUR)'],
    ["", "currency is required and is empty"],
  ])("rejects the currency %j", (currency, message) => {
    expect(check(fxCsv({ currency }), council)).toEqual([`row 2, column currency: ${message}`]);
  });

  it.each([
    ["25", '"25" is not a year (write four digits, such as 2025)'],
    ["2025-Q1", '"2025-Q1" is not a year (write four digits, such as 2025)'],
    ["", "year is required and is empty"],
  ])("rejects the year %j", (year, message) => {
    expect(check(fxCsv({ year }), council)).toEqual([`row 2, column year: ${message}`]);
  });

  it.each([
    ["0", '"0" must be a number greater than 0'],
    ["0.0", '"0.0" must be a number greater than 0'],
    ["-1.08", '"-1.08" must be a number greater than 0'],
    ["1,08", '"1,08" is not a number (use . as the decimal separator)'],
    ["0,00065", '"0,00065" is not a number (use . as the decimal separator)'],
    ["1.234,5", '"1.234,5" is not a number (use . as the decimal separator)'],
    ["abc", '"abc" is not a number'],
    ["1.08 USD", '"1.08 USD" is not a number'],
    ["", "usd_per_unit is required and is empty"],
  ])("rejects the rate %j", (rate, message) => {
    expect(check(fxCsv({ usd_per_unit: rate }), council)).toEqual([`row 2, column usd_per_unit: ${message}`]);
  });

  it.each([
    ["6.5E-4", 0.00065],
    ["0.000650", 0.00065],
    ["1200", 1200],
  ])("accepts the rate %j as %d", (rate, value) => {
    expect(accept(fxCsv({ usd_per_unit: rate }), council).columns.usd_per_unit).toEqual([value]);
  });

  it.each(["1", "1.0", "1.00"])("accepts a USD row of %s with a warning", (rate) => {
    const result = validate(fxCsv({ currency: "USD", usd_per_unit: rate }), council);
    expect(result.errorCount).toBe(0);
    expect(check(fxCsv({ currency: "USD", usd_per_unit: rate }), council)).toEqual([
      "row 2, column currency: warning: USD needs no row: its rate is always 1",
    ]);
  });

  it("rejects a USD row other than 1", () => {
    expect(check(fxCsv({ currency: "USD", usd_per_unit: "1.1" }), council)).toEqual([
      'row 2, column usd_per_unit: USD needs no row (its rate is always 1), and "1.1" is not 1',
    ]);
  });

  it("rejects a (currency, year) given twice, on every repetition", () => {
    expect(
      check(
        fxCsv({}, { year: "2024" }, { usd_per_unit: "1.09" }, { currency: "NGN" }, { usd_per_unit: "1.07" }),
        council,
      ),
    ).toEqual([
      "row 4, column year: the rate for EUR in 2025 is given twice (first in row 2)",
      "row 6, column year: the rate for EUR in 2025 is given twice (first in row 2)",
    ]);
  });

  it("is uploaded by the Global Council only", () => {
    expect(check(fxCsv({}), { uploader: "wm-de" })).toEqual([
      'only the Global Council (council) may upload fx_rates reference data, not "wm-de"',
    ]);
  });
});
