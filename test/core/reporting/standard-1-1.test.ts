/**
 * The safety rules of reporting standard 1.1 (spreadsheets aside): future periods and registry years,
 * exchange rates against the lake, control and bidirectional characters, near-miss metric names, ambiguous
 * numbers and the country of movement_allocation lines. Each message is checked exactly, with its row and column.
 */
import { describe, expect, it } from "vitest";
import { damerauLevenshtein, nearMissOf } from "../../../functions/core/reporting/metric-names.js";
import {
  accept,
  type CheckOptions,
  check,
  EMPTY_REFERENCE,
  financialCsv,
  fxCsv,
  HUBS,
  hubsCsv,
  impactCsv,
  RATES,
  type RateTable,
  referenceWith,
  validate,
} from "./helpers.js";

const council: CheckOptions = { uploader: "council", reference: EMPTY_REFERENCE };
/** The Global Council uploading rates to a lake that holds these. */
const councilWithRates = (rates: RateTable): CheckOptions => ({
  uploader: "council",
  reference: referenceWith(HUBS, rates),
});
const at = (iso: string): CheckOptions => ({ now: new Date(iso) });

describe("periods must not lie in the future", () => {
  it.each([
    ["2027", "2027"],
    ["2027-Q1", "2027"],
    ["9999", "9999"],
  ])("rejects a financial report for %s uploaded in 2026", (period, year) => {
    expect(check(financialCsv({ period, currency: "USD" }))).toEqual([
      `row 2, column period: ${JSON.stringify(period)} lies in the future: ${year} is after 2026, the year of this upload (UTC)`,
    ]);
  });

  it("rejects an impact report for a later year, once, on the first row", () => {
    expect(check(impactCsv({ period: "2030" }, { period: "2030", metric: "content_created" }))).toEqual([
      'row 2, column period: "2030" lies in the future: 2030 is after 2026, the year of this upload (UTC)',
    ]);
  });

  it.each(["2026", "2026-Q4"])("accepts %s in 2026: the year of the upload itself", (period) => {
    expect(check(financialCsv({ period, currency: "USD" }))).toEqual([]);
  });

  it("reads the year of the upload in UTC, whatever the machine's time zone", () => {
    const file = financialCsv({ period: "2027", currency: "USD" });
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect(new Date("2026-12-31T12:00:00Z").getFullYear()).toBe(2027);
      expect(check(file, at("2026-12-31T12:00:00Z"))).toEqual([
        'row 2, column period: "2027" lies in the future: 2027 is after 2026, the year of this upload (UTC)',
      ]);
      expect(check(file, at("2026-12-31T23:30:00-01:00"))).toEqual([]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe("registry years lie between 2000 and the year of the upload + 10", () => {
  const outside = (value: string) =>
    `${JSON.stringify(value)} is outside the years the registry accepts: 2000 to 2036 (the year of this upload + 10)`;

  it.each([
    ["active_from", "1999", { active_from: "1999" }],
    ["active_from", "2037", { active_from: "2037" }],
    ["active_from", "9999", { active_from: "9999" }],
    ["active_to", "2037", { active_to: "2037" }],
    ["active_to", "9999", { active_to: "9999" }],
  ])("rejects %s %s", (column, value, cells) => {
    expect(check(hubsCsv(cells), council)).toEqual([`row 2, column ${column}: ${outside(value)}`]);
  });

  it("rejects an active_to out of range without also comparing it with active_from", () => {
    expect(check(hubsCsv({ active_from: "2024", active_to: "0999" }), council)).toEqual([
      `row 2, column active_to: ${outside("0999")}`,
    ]);
  });

  it("accepts both bounds", () => {
    const report = accept(hubsCsv({ active_from: "2000", active_to: "2036" }), council);
    expect([report.columns.active_from, report.columns.active_to]).toEqual([[2000], [2036]]);
  });

  it("moves the upper bound with the year of the upload", () => {
    expect(check(hubsCsv({ active_from: "2037" }), { ...council, ...at("2027-03-01T00:00:00Z") })).toEqual(
      [],
    );
  });
});

describe("exchange rates against the rates already in the lake", () => {
  it("says that a rate looks inverted and gives its reciprocal (the NGN 1540.25 of the issue)", () => {
    expect(
      check(fxCsv({ currency: "NGN", year: "2026", usd_per_unit: "1540.25" }), councilWithRates(RATES)),
    ).toEqual([
      'row 2, column usd_per_unit: "1540.25" differs by a factor of more than 10 from the rate for NGN in 2025 (0.00065), and looks inverted: NGN per US dollar instead of US dollars per NGN; its reciprocal is 0.000649245',
    ]);
  });

  it("rejects a rate more than 10 times the one it replaces, naming it", () => {
    expect(
      check(fxCsv({ currency: "NGN", year: "2025", usd_per_unit: "0.00651" }), councilWithRates(RATES)),
    ).toEqual([
      'row 2, column usd_per_unit: "0.00651" US dollars per NGN differs by a factor of more than 10 from the rate it replaces (0.00065 for NGN in 2025); check the rate (usd_per_unit is US dollars per one NGN)',
    ]);
  });

  it("accepts a factor of exactly 10, up and down", () => {
    const lake = councilWithRates({ NGN: { 2025: 0.00065 } });
    expect(check(fxCsv({ currency: "NGN", year: "2025", usd_per_unit: "0.0065" }), lake)).toEqual([]);
    expect(check(fxCsv({ currency: "NGN", year: "2025", usd_per_unit: "0.000065" }), lake)).toEqual([]);
  });

  it("names every rate it differs from: the one it replaces and the nearest other year", () => {
    expect(
      check(fxCsv({ currency: "EUR", year: "2025", usd_per_unit: "0.05" }), councilWithRates(RATES)),
    ).toEqual([
      'row 2, column usd_per_unit: "0.05" US dollars per EUR differs by a factor of more than 10 from the rate it replaces (1.08 for EUR in 2025) and the rate for EUR in 2024 (1.0824); check the rate (usd_per_unit is US dollars per one EUR)',
    ]);
  });

  it("does not call a rate inverted when its reciprocal is no closer", () => {
    expect(
      check(fxCsv({ currency: "EUR", year: "2026", usd_per_unit: "108" }), councilWithRates(RATES)),
    ).toEqual([
      'row 2, column usd_per_unit: "108" US dollars per EUR differs by a factor of more than 10 from the rate for EUR in 2025 (1.08); check the rate (usd_per_unit is US dollars per one EUR)',
    ]);
  });

  it("checks against both years when two are equally near", () => {
    const lake = councilWithRates({ NGN: { 2023: 0.0012, 2025: 0.00065 } });
    expect(check(fxCsv({ currency: "NGN", year: "2024", usd_per_unit: "0.0001" }), lake)).toEqual([
      'row 2, column usd_per_unit: "0.0001" US dollars per NGN differs by a factor of more than 10 from the rate for NGN in 2023 (0.0012); check the rate (usd_per_unit is US dollars per one NGN)',
    ]);
    expect(check(fxCsv({ currency: "NGN", year: "2024", usd_per_unit: "0.0009" }), lake)).toEqual([]);
  });

  it("checks against the nearest other year only, however far it is", () => {
    const lake = councilWithRates({ NGN: { 2015: 0.005, 2022: 0.0022 } });
    expect(check(fxCsv({ currency: "NGN", year: "2025", usd_per_unit: "0.00065" }), lake)).toEqual([]);
    expect(check(fxCsv({ currency: "NGN", year: "2030", usd_per_unit: "0.0002" }), lake)).toEqual([
      'row 2, column usd_per_unit: "0.0002" US dollars per NGN differs by a factor of more than 10 from the rate for NGN in 2022 (0.0022); check the rate (usd_per_unit is US dollars per one NGN)',
    ]);
  });

  it("writes tiny rates and reciprocals in plain decimals", () => {
    expect(
      check(
        fxCsv({ currency: "IRR", year: "2026", usd_per_unit: "2400000" }),
        councilWithRates({ IRR: { 2025: 0.00000042 } }),
      ),
    ).toEqual([
      'row 2, column usd_per_unit: "2400000" differs by a factor of more than 10 from the rate for IRR in 2025 (0.00000042), and looks inverted: IRR per US dollar instead of US dollars per IRR; its reciprocal is 0.000000416667',
    ]);
  });

  it("accepts any first rate of a currency, and checks each currency against its own rates", () => {
    expect(
      check(fxCsv({ currency: "GHS", year: "2025", usd_per_unit: "12.5" }), councilWithRates(RATES)),
    ).toEqual([]);
    expect(
      check(
        fxCsv({ currency: "EUR", year: "2026", usd_per_unit: "1.1" }, { currency: "NGN", year: "2026" }),
        councilWithRates(RATES),
      ),
    ).toEqual([
      'row 3, column usd_per_unit: "1.08" US dollars per NGN differs by a factor of more than 10 from the rate for NGN in 2025 (0.00065); check the rate (usd_per_unit is US dollars per one NGN)',
    ]);
  });
});

describe("text cells hold no control or bidirectional formatting characters", () => {
  const control = (described: string, many = false) =>
    `the cell contains the control ${many ? "characters" : "character"} ${described}, not allowed in a cell (a tab is); remove ${many ? "them" : "it"}`;
  const bidi = (described: string) =>
    `the cell contains the bidirectional formatting character ${described}, which can show text in another order than it is stored; remove it`;

  it("rejects a NUL in a description, naming the cell and the code point", () => {
    const problems = check(financialCsv({}, { description: "Edit-a-thon\u0000 Lagos" }));
    expect(problems).toEqual([`row 3, column description: ${control("U+0000 (null)")}`]);
    expect(problems.join("")).not.toContain("\u0000");
  });

  it("rejects a right-to-left override in a description, without echoing it", () => {
    const problems = check(financialCsv({ description: "invoice \u202egnp.exe\u202c" }));
    expect(problems).toEqual([
      "row 2, column description: the cell contains the bidirectional formatting characters U+202E (right-to-left override) and U+202C (pop directional formatting), which can show text in another order than it is stored; remove them",
    ]);
    expect(problems.join("")).not.toMatch(/[\u202a-\u202e]/);
  });

  it("lists each control character of a cell once, C0 and C1 alike", () => {
    expect(check(hubsCsv({ name: "Ghana\u001b[31m Hub\u0085\u001b\u009f" }), council)).toEqual([
      `row 2, column name: ${control("U+001B (escape), U+0085 (next line) and U+009F", true)}`,
    ]);
  });

  it("reports control and bidirectional characters of one cell separately", () => {
    expect(check(impactCsv({ team_id: "team\u2066-x\u0007" }))).toEqual([
      `row 2, column team_id: ${control("U+0007")}`,
      `row 2, column team_id: ${bidi("U+2066 (left-to-right isolate)")}`,
    ]);
  });

  it("rejects a line break inside a quoted cell", () => {
    expect(
      check(financialCsv({ counterparty_id: "team-a\r\nteam-b", flow: "grant", category: "team_grant" })),
    ).toEqual([
      `row 2, column counterparty_id: ${control("U+000D (carriage return, a line break) and U+000A (line feed, a line break)", true)}`,
    ]);
  });

  it("judges the rest of the cell by the other rules, so an id is not reported twice", () => {
    expect(check(financialCsv({}, { hub_id: "wm-ng\u0000" }))).toEqual([
      `row 3, column hub_id: ${control("U+0000 (null)")}`,
    ]);
    expect(check(financialCsv({ amount: "12\u00000" }))).toEqual([
      `row 2, column amount: ${control("U+0000 (null)")}`,
    ]);
  });

  it("checks every cell, of every kind of file", () => {
    expect(check(fxCsv({ currency: "EUR\u0000", year: "2025\u2069" }), council)).toEqual([
      `row 2, column currency: ${control("U+0000 (null)")}`,
      `row 2, column year: ${bidi("U+2069 (pop directional isolate)")}`,
    ]);
  });

  it("accepts tabs and every other character", () => {
    const description = "Tab\tseparated · ويكيبيديا · 👩🏾‍💻 · \u00a0no-break, \u200fmark";
    expect(accept(financialCsv({ description })).columns.description).toEqual([description]);
  });

  it("escapes these characters in a column name it quotes from the header", () => {
    const header = "hub_id,period,flow,category,amount,currency,country,note\u202e\u0000";
    const result = validate(`${header}\nwm-ng,2025,expense,staff,5,NGN,NG,x\n`);
    const problem = result.problems[0];
    expect(problem?.column).toBe("note\\u202e\\u0000");
    expect(problem?.message).toMatch(/^"note\\u202e\\u0000" is not a column of a financial report/);
  });
});

describe("metric names within two edits of a known metric", () => {
  const nearMiss = (metric: string, known: string, rows = 1) =>
    `${JSON.stringify(metric)} is not a metric of frameworks 2026.1 and 2026.2, but it is within two edits of ${known}: write ${known} if that is what it counts (${rows} ${rows === 1 ? "row" : "rows"}); a new metric needs a name further from the known ones`;

  it.each([
    ["active_editor", "active_editors"],
    ["participant", "participants"],
    ["board_membres", "board_members"],
    ["newparticipants", "new_participants"],
    ["aprtiicpants", "participants"],
  ])("rejects %j, suggesting %s", (metric, known) => {
    expect(check(impactCsv({ metric }))).toEqual([`row 2, column metric: ${nearMiss(metric, known)}`]);
  });

  it("reports a near miss once, on its first row, with the number of rows", () => {
    expect(
      check(
        impactCsv(
          {},
          { metric: "active_editor" },
          { metric: "content_created" },
          { metric: "active_editor" },
        ),
      ),
    ).toEqual([`row 3, column metric: ${nearMiss("active_editor", "active_editors", 2)}`]);
  });

  it("of two equally near metrics suggests the first in alphabetical order", () => {
    expect(check(impactCsv({ metric: "participants_omen" }))).toEqual([
      `row 2, column metric: ${nearMiss("participants_omen", "participants_men")}`,
    ]);
  });

  it("keeps an unknown metric three edits away a warning", () => {
    const result = validate(impactCsv({ metric: "active_edit" }));
    expect(result.errorCount).toBe(0);
    expect(check(impactCsv({ metric: "active_edit" }))).toEqual([
      'row 2, column metric: warning: "active_edit" is not a metric of frameworks 2026.1 and 2026.2: accepted and stored (1 row), but not yet used in any indicator',
    ]);
  });

  it("counts edits as Damerau–Levenshtein: a swap of neighbours is one edit", () => {
    expect(damerauLevenshtein("participants", "partiicpants")).toBe(1);
    expect(damerauLevenshtein("participants", "aprtiicpants")).toBe(2);
    expect(damerauLevenshtein("ca", "abc")).toBe(2);
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
    expect(damerauLevenshtein("", "abc")).toBe(3);
    expect(damerauLevenshtein("same", "same")).toBe(0);
  });

  it("finds no near miss for a known name", () => {
    expect(nearMissOf("participants", ["participants", "participants_men"])).toBeUndefined();
  });
});

describe("suggestions never change a number's magnitude", () => {
  const ambiguous = (value: string, separator: string, asThousands: string, asDecimal: string) =>
    `${JSON.stringify(value)} is ambiguous: ${asThousands} if the ${separator} separates thousands, or ${asDecimal} if it is the decimal separator (write the number without thousands separators, with . as the decimal separator)`;

  it("shows both readings of 99,999 in an amount (it was advised as 99999)", () => {
    expect(check(financialCsv({ amount: "99,999" }))).toEqual([
      `row 2, column amount: ${ambiguous("99,999", ",", "99999", "99.999")}`,
    ]);
  });

  it("shows both readings in a value", () => {
    expect(check(impactCsv({ value: "99,999" }))).toEqual([
      `row 2, column value: ${ambiguous("99,999", ",", "99999", "99.999")}`,
    ]);
  });

  it("shows both readings in a rate, and suggests only a number with one reading", () => {
    expect(
      check(
        fxCsv(
          { usd_per_unit: "1,234" },
          { year: "2024", usd_per_unit: "1,540.25" },
          { year: "2023", usd_per_unit: "0,65" },
        ),
        council,
      ),
    ).toEqual([
      `row 2, column usd_per_unit: ${ambiguous("1,234", ",", "1234", "1.234")}`,
      'row 3, column usd_per_unit: "1,540.25" is not a number (write it without thousands separators: 1540.25)',
      'row 4, column usd_per_unit: "0,65" is not a number (use . as the decimal separator)',
    ]);
  });

  it("reads 1.500 as a valid rate, the standard's decimal point", () => {
    expect(accept(fxCsv({ usd_per_unit: "1.500" }), council).columns.usd_per_unit).toEqual([1.5]);
  });
});

describe("movement_allocation is booked in the receiving hub's seat", () => {
  const allocation = (cells: Record<string, string> = {}) =>
    financialCsv({ flow: "revenue", category: "movement_allocation", currency: "USD", ...cells });

  it("accepts a line in another country with a warning on its country", () => {
    const result = validate(allocation({ country: "US" }));
    expect(result.errorCount).toBe(0);
    expect(result.report?.columns.country).toEqual(["US"]);
    expect(check(allocation({ country: "US" }))).toEqual([
      'row 2, column country: warning: "US" is not the seat of hub "wm-ng" (NG): a movement_allocation line is booked in the country of the hub that receives it, where the money is spent from; accepted, but check the country',
    ]);
  });

  it("says nothing of a line in the seat, or of other revenue abroad", () => {
    expect(check(allocation({ country: "NG" }))).toEqual([]);
    expect(check(allocation({ category: "external_grant", country: "US" }))).toEqual([]);
  });

  it("adds no warning to a movement_allocation line that is an error anyway", () => {
    expect(
      check(
        financialCsv({
          hub_id: "global-fund",
          flow: "revenue",
          category: "movement_allocation",
          currency: "USD",
          country: "DE",
        }),
        { uploader: "global-fund" },
      ),
    ).toEqual([
      "row 2, column category: the global fund cannot report movement_allocation: it is how hubs report what they receive from the fund",
    ]);
  });
});
