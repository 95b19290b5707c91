import { describe, expect, it } from "vitest";
import { CATEGORIES_BY_FLOW, FLOWS } from "../../../functions/core/reporting/kinds.js";
import {
  accept,
  type Cells,
  check,
  EMPTY_REFERENCE,
  financialCsv,
  HUBS,
  referenceWith,
  validate,
} from "./helpers.js";

/** A line of the global fund (uploading as global-fund), in US dollars. */
const fund = (cells: Cells = {}): Cells => ({
  hub_id: "global-fund",
  currency: "USD",
  country: "US",
  ...cells,
});
const asFund = { uploader: "global-fund" } as const;

const MIXED = "one file is one report, for one hub and one period";
const IF_DECIMAL =
  "if it is the decimal separator (write the number without thousands separators, with . as the decimal separator)";

describe("identity: one hub, one period, the uploader's own", () => {
  it("rejects a hub_id that is not the uploader", () => {
    expect(check(financialCsv({ hub_id: "wm-de", currency: "EUR", country: "DE" }))).toEqual([
      'row 2, column hub_id: "wm-de" is not the hub you are uploading as ("wm-ng"); a hub may only upload its own reports',
    ]);
  });

  it("rejects a file mixing hubs, naming every row that differs", () => {
    expect(check(financialCsv({}, { hub_id: "wm-de" }, {}, { hub_id: "wm-de" }))).toEqual([
      `row 3, column hub_id: "wm-de" differs from "wm-ng" in row 2: ${MIXED} (hub_id must be the same on every row)`,
      `row 5, column hub_id: "wm-de" differs from "wm-ng" in row 2: ${MIXED} (hub_id must be the same on every row)`,
    ]);
  });

  it("rejects a file mixing periods, naming every row that differs", () => {
    expect(check(financialCsv({ period: "2025-Q1" }, { period: "2025-Q2" }, { period: "2025-Q1" }))).toEqual([
      `row 3, column period: "2025-Q2" differs from "2025-Q1" in row 2: ${MIXED} (period must be the same on every row)`,
    ]);
  });

  it("rejects a hub that is not in the registry", () => {
    expect(check(financialCsv({ hub_id: "wm-xx", currency: "USD" }), { uploader: "wm-xx" })).toEqual([
      'row 2, column hub_id: "wm-xx" is not a registered hub',
    ]);
  });

  it("rejects every hub report while no registry has been uploaded", () => {
    expect(check(financialCsv({ currency: "USD" }), { reference: EMPTY_REFERENCE })).toEqual([
      "row 2, column hub_id: no hub registry has been uploaded yet: the Global Council must upload the hubs file first",
    ]);
  });

  it.each([
    ["wm-de", "2023", "DE", 'hub "wm-de" is not active in 2023 (active 2024 onwards)'],
    ["wm-old", "2023", "FR", 'hub "wm-old" is not active in 2023 (active 2018–2022)'],
    ["wm-old", "2017-Q4", "FR", 'hub "wm-old" is not active in 2017 (active 2018–2022)'],
  ])("rejects %s reporting for %s", (hubId, period, country, message) => {
    expect(
      check(financialCsv({ hub_id: hubId, period, country, currency: "USD" }), { uploader: hubId }),
    ).toEqual([`row 2, column period: ${message}`]);
  });

  it.each([
    ["wm-de", "2024", "DE"],
    ["wm-old", "2018", "FR"],
    ["wm-old", "2022-Q4", "FR"],
  ])("accepts %s reporting for %s (the bounds are inclusive)", (hubId, period, country) => {
    expect(
      check(financialCsv({ hub_id: hubId, period, country, currency: "USD" }), { uploader: hubId }),
    ).toEqual([]);
  });

  it.each([
    ["WM-NG", '"WM-NG" is not a valid hub id'],
    ["wm_ng", '"wm_ng" is not a valid hub id'],
  ])("rejects the hub id %j", (hubId, message) => {
    expect(check(financialCsv({ hub_id: hubId }))).toEqual([
      `row 2, column hub_id: ${message} (lower-case letters, digits and hyphens, 2 to 64 characters, starting with a letter or digit)`,
    ]);
  });

  it("rejects an empty hub_id", () => {
    expect(check(financialCsv({ hub_id: "" }))).toEqual([
      "row 2, column hub_id: hub_id is required and is empty",
    ]);
  });
});

describe("period", () => {
  it.each([
    ["2025", 2025, null],
    ["2025-Q1", 2025, 1],
    ["2025-Q3", 2025, 3],
    ["2024-Q4", 2024, 4],
  ])("accepts %s", (period, year, quarter) => {
    const report = accept(financialCsv({ period }));
    expect([report.period, report.year, report.quarter]).toEqual([period, year, quarter]);
    expect(report.columns.quarter).toEqual([quarter]);
  });

  it.each(["2025-Q5", "2025-Q0", "25", "2025Q1", "2025-q3", "Q3 2025", "2025-03", "FY2025"])(
    "rejects %s",
    (period) => {
      expect(check(financialCsv({ period }))).toEqual([
        `row 2, column period: ${JSON.stringify(period)} is not a period: write a year (2025) or a quarter (2025-Q3)`,
      ]);
    },
  );

  it("rejects an empty period", () => {
    expect(check(financialCsv({ period: "" }))).toEqual([
      "row 2, column period: period is required and is empty",
    ]);
  });
});

describe("flow and category", () => {
  const hubLines = FLOWS.flatMap((flow) =>
    CATEGORIES_BY_FLOW[flow]
      .filter((category) => category !== "online_fundraising" && category !== "hub_allocation")
      .map((category) => [flow, category]),
  );

  it.each(hubLines)("accepts a hub's %s line of %s", (flow, category) => {
    expect(check(financialCsv({ flow, category, counterparty_id: "team-lagos" }))).toEqual([]);
  });

  it.each(["income", "Revenue", "expenses"])("rejects the flow %j", (flow) => {
    expect(check(financialCsv({ flow }))).toEqual([
      `row 2, column flow: ${JSON.stringify(flow)} is not a valid flow (allowed: revenue, expense, grant)`,
    ]);
  });

  it("rejects an empty flow", () => {
    expect(check(financialCsv({ flow: "" }))).toEqual(["row 2, column flow: flow is required and is empty"]);
  });

  it.each([
    [
      "revenue",
      "programs",
      "allowed for revenue: online_fundraising, local_fundraising, earned_income, external_grant, movement_allocation",
    ],
    [
      "expense",
      "individual_grant",
      "allowed for expense: programs, staff, operations, fundraising, governance",
    ],
    ["expense", "Programs", "allowed for expense: programs, staff, operations, fundraising, governance"],
    ["grant", "staff", "allowed for grant: team_grant, individual_grant, hub_allocation"],
  ])("rejects a %s line of %s", (flow, category, allowed) => {
    expect(check(financialCsv({ flow, category }))).toEqual([
      `row 2, column category: ${JSON.stringify(category)} is not a category of ${flow} lines (${allowed})`,
    ]);
  });

  it("still asks for the counterparty of a team_grant put on the wrong flow", () => {
    expect(check(financialCsv({ flow: "expense", category: "team_grant" }))).toEqual([
      'row 2, column category: "team_grant" is not a category of expense lines (allowed for expense: programs, staff, operations, fundraising, governance)',
      "row 2, column counterparty_id: counterparty_id is required on team_grant lines (the team's id)",
    ]);
  });

  it("rejects an empty category", () => {
    expect(check(financialCsv({ category: "" }))).toEqual([
      "row 2, column category: category is required and is empty",
    ]);
  });
});

describe("categories of the global fund", () => {
  it.each([
    ["revenue", "online_fundraising"],
    ["grant", "hub_allocation"],
  ])("rejects a hub's %s line of %s", (flow, category) => {
    expect(check(financialCsv({ flow, category, counterparty_id: "wm-de" }))).toEqual([
      `row 2, column category: only the global fund may report ${category}; hubs report money received from it as movement_allocation`,
    ]);
  });

  it("rejects movement_allocation from the global fund", () => {
    expect(check(financialCsv(fund({ flow: "revenue", category: "movement_allocation" })), asFund)).toEqual([
      "row 2, column category: the global fund cannot report movement_allocation: it is how hubs report what they receive from the fund",
    ]);
  });

  it("accepts the global fund's online fundraising and allocations to hubs", () => {
    const report = accept(
      financialCsv(
        fund({ flow: "revenue", category: "online_fundraising", country: "DE" }),
        fund({ flow: "grant", category: "hub_allocation", counterparty_id: "wm-ng", country: "NG" }),
        fund({ flow: "expense", category: "fundraising" }),
      ),
      asFund,
    );
    expect(report.columns.category).toEqual(["online_fundraising", "hub_allocation", "fundraising"]);
    expect(report.columns.counterparty_id).toEqual([null, "wm-ng", null]);
  });

  it("accepts a hub's movement_allocation", () => {
    expect(check(financialCsv({ flow: "revenue", category: "movement_allocation" }))).toEqual([]);
  });
});

describe("amount", () => {
  it.each([
    ["1.234,56", '"1.234,56" is not a number (use . as the decimal separator)'],
    ["12,5", '"12,5" is not a number (use . as the decimal separator)'],
    ["0,75", '"0,75" is not a number (use . as the decimal separator)'],
    ["1.234.567,89", '"1.234.567,89" is not a number (use . as the decimal separator)'],
    ["1 234,56", '"1 234,56" is not a number (use . as the decimal separator)'],
    ["1\u00a0234,56", '"1\u00a0234,56" is not a number (use . as the decimal separator)'],
    ["1,234,567.00", '"1,234,567.00" is not a number (write it without thousands separators: 1234567.00)'],
    ["1 234 567", '"1 234 567" is not a number (write it without thousands separators: 1234567)'],
    ["1.234.567", '"1.234.567" is not a number (write it without thousands separators: 1234567)'],
    ["1,234", `"1,234" is ambiguous: 1234 if the , separates thousands, or 1.234 ${IF_DECIMAL}`],
    ["99,999", `"99,999" is ambiguous: 99999 if the , separates thousands, or 99.999 ${IF_DECIMAL}`],
    ["-1,234", `"-1,234" is ambiguous: -1234 if the , separates thousands, or -1.234 ${IF_DECIMAL}`],
    ["1.500", `"1.500" is ambiguous: 1500 if the . separates thousands, or 1.500 ${IF_DECIMAL}`],
    ["-5", '"-5" is negative; amounts are 0 or more'],
    ["-0.01", '"-0.01" is negative; amounts are 0 or more'],
    ["-0", '"-0" is negative; amounts are 0 or more'],
    ["12.345", `"12.345" is ambiguous: 12345 if the . separates thousands, or 12.345 ${IF_DECIMAL}`],
    ["1234.567", '"1234.567" has more than 2 decimal places'],
    ["-1.234", '"-1.234" is negative; amounts are 0 or more'],
    ["0.001", '"0.001" has more than 2 decimal places'],
    ["abc", '"abc" is not a number'],
    ["12 EUR", '"12 EUR" is not a number'],
    ["$100", '"$100" is not a number'],
    ["1e5", '"1e5" is not a number'],
    ["12.", '"12." is not a number'],
    [
      "10000000000000",
      '"10000000000000" is too large for an amount (the largest is 9999999999999.99; split the line)',
    ],
    ["", "amount is required and is empty"],
  ])("rejects %j", (amount, message) => {
    expect(check(financialCsv({ amount }))).toEqual([`row 2, column amount: ${message}`]);
  });

  it.each([
    ["7", 7],
    ["0.5", 0.5],
    ["1234567.89", 1234567.89],
    [" 12.50 ", 12.5],
    ["999999999999.99", 999999999999.99],
    ["9999999999999.99", 9999999999999.99],
  ])("accepts %j as %d", (amount, value) => {
    expect(accept(financialCsv({ amount })).columns.amount).toEqual([value]);
  });

  it.each(["0", "0.00"])("accepts %s with a warning", (amount) => {
    const result = validate(financialCsv({ amount }));
    expect(result.problems.map((p) => p.severity)).toEqual(["warning"]);
    expect(check(financialCsv({ amount }))).toEqual([
      "row 2, column amount: warning: the amount is 0: accepted, but check that the line is meant to be there",
    ]);
    expect(result.report?.columns.amount).toEqual([0]);
  });
});

describe("currency", () => {
  it.each([
    ["eur", '"eur" is not an ISO 4217 currency code (three capital letters, such as EUR)'],
    ["EURO", '"EURO" is not an ISO 4217 currency code (three capital letters, such as EUR)'],
    ["€", '"€" is not an ISO 4217 currency code (three capital letters, such as EUR)'],
    ["", "currency is required and is empty"],
  ])("rejects %j", (currency, message) => {
    expect(check(financialCsv({ currency }))).toEqual([`row 2, column currency: ${message}`]);
  });

  it("reports a missing exchange rate once per currency, on its first row", () => {
    expect(
      check(
        financialCsv(
          { currency: "GBP" },
          { currency: "GBP" },
          { currency: "XOF" },
          { currency: "NGN" },
          { currency: "XOF" },
        ),
      ),
    ).toEqual([
      "row 2, column currency: there is no exchange rate for GBP in 2025: the Global Council must upload one before this report",
      "row 4, column currency: there is no exchange rate for XOF in 2025: the Global Council must upload one before this report",
    ]);
  });

  it("needs the rate of the report's year", () => {
    expect(check(financialCsv({ period: "2023-Q2" }))).toEqual([
      "row 2, column currency: there is no exchange rate for NGN in 2023: the Global Council must upload one before this report",
    ]);
  });

  it("needs no rate for USD", () => {
    const noRates = referenceWith(HUBS, {});
    expect(check(financialCsv({ currency: "USD" }), { reference: noRates })).toEqual([]);
  });
});

describe("country", () => {
  it.each([
    ["XX", '"XX" is not an ISO 3166-1 alpha-2 country code in the country table'],
    ["Nigeria", '"Nigeria" is not an ISO 3166-1 alpha-2 country code in the country table'],
    ["NGA", '"NGA" is not an ISO 3166-1 alpha-2 country code in the country table'],
    ["ng", '"ng" must be written in capital letters (NG)'],
    ["na", '"na" must be written in capital letters (NA)'],
    ["", "country is required and is empty"],
  ])("rejects %j", (country, message) => {
    expect(check(financialCsv({ country }))).toEqual([`row 2, column country: ${message}`]);
  });

  it("accepts Namibia's NA as a country, never as a missing value", () => {
    const report = accept(financialCsv({ country: "NA" }, { country: "NG" }));
    expect(report.columns.country).toEqual(["NA", "NG"]);
  });

  it("accepts a report of the Namibian hub", () => {
    const report = accept(
      financialCsv({ hub_id: "wm-na", country: "NA", currency: "USD", description: "NA" }),
      { uploader: "wm-na" },
    );
    expect([report.hubId, report.columns.country, report.columns.description]).toEqual([
      "wm-na",
      ["NA"],
      ["NA"],
    ]);
  });
});

describe("counterparty_id", () => {
  it("is required on team_grant lines", () => {
    expect(check(financialCsv({ flow: "grant", category: "team_grant" }))).toEqual([
      "row 2, column counterparty_id: counterparty_id is required on team_grant lines (the team's id)",
    ]);
  });

  it("is required on hub_allocation lines", () => {
    expect(check(financialCsv(fund({ flow: "grant", category: "hub_allocation" })), asFund)).toEqual([
      "row 2, column counterparty_id: counterparty_id is required on hub_allocation lines (the receiving hub's id)",
    ]);
  });

  it("must be a registered hub on hub_allocation lines", () => {
    expect(
      check(
        financialCsv(fund({ flow: "grant", category: "hub_allocation", counterparty_id: "wm-xx" })),
        asFund,
      ),
    ).toEqual([
      'row 2, column counterparty_id: "wm-xx" is not a registered hub, so it cannot receive a hub_allocation',
    ]);
  });

  it("is optional on other lines and stored when given", () => {
    const report = accept(
      financialCsv(
        { flow: "grant", category: "individual_grant" },
        { flow: "grant", category: "team_grant", counterparty_id: "team-lagos" },
        { flow: "expense", category: "operations", counterparty_id: "landlord-17" },
      ),
    );
    expect(report.columns.counterparty_id).toEqual([null, "team-lagos", "landlord-17"]);
  });
});

describe("underrepresented_focus", () => {
  const grant = { flow: "grant", category: "individual_grant" };

  it.each([
    ["true", true],
    ["TRUE", true],
    ["yes", true],
    ["Yes", true],
    ["1", true],
    ["false", false],
    ["False", false],
    ["no", false],
    ["NO", false],
    ["0", false],
    ["", false],
  ])("reads %j on a grant line as %s", (value, expected) => {
    expect(
      accept(financialCsv({ ...grant, underrepresented_focus: value })).columns.underrepresented_focus,
    ).toEqual([expected]);
  });

  it.each(["maybe", "y", "2", "oui", "constructor", "toString"])("rejects %j", (value) => {
    expect(check(financialCsv({ ...grant, underrepresented_focus: value }))).toEqual([
      `row 2, column underrepresented_focus: ${JSON.stringify(value)} is not true or false (write true/false, yes/no or 1/0)`,
    ]);
  });

  it.each([
    ["expense", "programs", "true"],
    ["revenue", "local_fundraising", "yes"],
    ["expense", "staff", "1"],
  ])("rejects a focus on a %s line", (flow, category, value) => {
    expect(check(financialCsv({ flow, category, underrepresented_focus: value }))).toEqual([
      `row 2, column underrepresented_focus: underrepresented_focus applies to grant lines only; leave it empty on ${flow} lines`,
    ]);
  });

  it.each(["false", "no", "0"])(
    "accepts %j on a non-grant line: it says the same as an empty cell",
    (value) => {
      expect(accept(financialCsv({ underrepresented_focus: value })).columns.underrepresented_focus).toEqual([
        false,
      ]);
    },
  );
});

describe("free text", () => {
  const hostile = [
    "<script>alert('x')</script>",
    "=cmd|' /C calc'!A0",
    "+SUM(A1:A9)",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "'; DROP TABLE financial; --",
    "Wiki Loves Africa 🌍🎉 👩🏾‍💻",
    "ويكيبيديا بالعربية: ورشة عمل",
    "עברית evil mixed",
    'a "quoted", semicolon; value',
    "NULL",
  ];

  it("keeps hostile and non-Latin descriptions verbatim in the typed columns", () => {
    const report = accept(financialCsv(...hostile.map((description) => ({ description }))));
    expect(report.columns.description).toEqual(hostile);
  });

  it("keeps hostile team ids verbatim", () => {
    const report = accept(
      financialCsv({ flow: "grant", category: "team_grant", counterparty_id: '=HYPERLINK("http://x")' }),
    );
    expect(report.columns.counterparty_id).toEqual(['=HYPERLINK("http://x")']);
  });

  it("stores an empty description as null", () => {
    expect(accept(financialCsv({ description: "" }, { description: "   " })).columns.description).toEqual([
      null,
      null,
    ]);
  });

  it("rejects a description over 2000 characters", () => {
    expect(check(financialCsv({ description: "x".repeat(2000) }, { description: "x".repeat(2001) }))).toEqual(
      ["row 3, column description: description is longer than 2000 characters"],
    );
  });

  it("reports an over-long counterparty_id also when the file has other problems", () => {
    expect(check(financialCsv({ amount: "x", counterparty_id: "t".repeat(2001) }))).toEqual([
      'row 2, column amount: "x" is not a number',
      "row 2, column counterparty_id: counterparty_id is longer than 2000 characters",
    ]);
  });
});

describe("typed output of a valid file", () => {
  it("returns each column typed, with nulls for empty optional cells", () => {
    const result = validate(
      financialCsv(
        {
          period: "2025-Q3",
          flow: "revenue",
          category: "local_fundraising",
          amount: "1500.5",
          description: "Lagos meetup",
        },
        {
          period: "2025-Q3",
          flow: "grant",
          category: "team_grant",
          amount: "250",
          currency: "EUR",
          country: "NA",
          counterparty_id: "team-windhoek",
          underrepresented_focus: "yes",
        },
        { period: "2025-Q3", category: "staff", amount: "0.99", currency: "USD" },
      ),
    );
    expect(result).toEqual({
      format: "csv",
      kind: "financial",
      problems: [],
      errorCount: 0,
      warningCount: 0,
      report: {
        kind: "financial",
        hubId: "wm-ng",
        period: "2025-Q3",
        year: 2025,
        quarter: 3,
        rowCount: 3,
        columns: {
          source_row: [2, 3, 4],
          hub_id: ["wm-ng", "wm-ng", "wm-ng"],
          period: ["2025-Q3", "2025-Q3", "2025-Q3"],
          year: [2025, 2025, 2025],
          quarter: [3, 3, 3],
          flow: ["revenue", "grant", "expense"],
          category: ["local_fundraising", "team_grant", "staff"],
          amount: [1500.5, 250, 0.99],
          currency: ["NGN", "EUR", "USD"],
          country: ["NG", "NA", "NG"],
          counterparty_id: [null, "team-windhoek", null],
          underrepresented_focus: [false, true, false],
          description: ["Lagos meetup", null, null],
        },
      },
    });
  });

  it("gives an annual report a null quarter", () => {
    const report = accept(financialCsv({}, {}));
    expect([report.period, report.year, report.quarter]).toEqual(["2025", 2025, null]);
    expect(report.columns.quarter).toEqual([null, null]);
    expect(report.columns.year).toEqual([2025, 2025]);
  });

  it("returns no report for a file with errors, but the report with warnings only", () => {
    expect(validate(financialCsv({ amount: "x" })).report).toBeUndefined();
    expect(validate(financialCsv({ amount: "0" })).report?.rowCount).toBe(1);
  });
});
