import { describe, expect, it } from "vitest";
import { describeProblem } from "../../../functions/core/reporting/problems.js";
import {
  accept,
  type Cells,
  check,
  csvText,
  FINANCIAL_HEADER,
  FINANCIAL_ROW,
  financialCsv,
  fxCsv,
  hubsCsv,
  impactCsv,
  validate,
} from "./helpers.js";

const FINANCIAL_COLUMNS =
  "hub_id, period, flow, category, amount, currency, country, counterparty_id, underrepresented_focus, description";

/** A file of the given header and rows of cells, as written. */
const raw = (header: readonly string[], ...rows: (readonly string[])[]) => csvText([header, ...rows]);
/** The cells of the good financial row under `header`, with some overridden. */
const cells = (overrides: Cells = {}, header: readonly string[] = FINANCIAL_HEADER) =>
  header.map((column) => overrides[column] ?? FINANCIAL_ROW[column] ?? "");

describe("encoding", () => {
  it("accepts UTF-8 with a byte-order mark", () => {
    const report = accept(`\uFEFF${financialCsv({ description: "Café à Lagos" })}`);
    expect(report.columns.hub_id).toEqual(["wm-ng"]);
    expect(report.columns.description).toEqual(["Café à Lagos"]);
  });

  it("rejects invalid UTF-8 and names the line (a Latin-1 é on line 3)", () => {
    const text = financialCsv({}, { description: "Caf_" }, {});
    const bytes = new TextEncoder().encode(text);
    bytes[text.indexOf("Caf_") + 3] = 0xe9;
    const result = validate(bytes);
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([["notUtf8", 3]]);
    expect(check(bytes)).toEqual(["row 3: this line is not valid UTF-8 text (save the file as CSV UTF-8)"]);
    expect(result.report).toBeUndefined();
  });

  it("refuses a UTF-16 file (Excel's 'Unicode text'), saying what it is (reporting standard 1.1)", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode("hub_id")]);
    expect(check(utf16)).toEqual([
      "the file is UTF-16 text (such as Excel's Unicode Text): save it as CSV UTF-8",
    ]);
  });
});

/** Since reporting standard 1.1 a line break in a cell is a control character like any other. */
const LINE_FEED =
  "the cell contains the control character U+000A (line feed, a line break), not allowed in a cell (a tab is); remove it";

describe("CSV syntax", () => {
  it("accepts a semicolon-delimited file", () => {
    const report = accept(csvText([FINANCIAL_HEADER, cells()], ";"));
    expect(report.columns.amount).toEqual([100]);
  });

  it("reads a decimal comma in a semicolon file as a value, and rejects it", () => {
    expect(check(csvText([FINANCIAL_HEADER, cells({ amount: "1,5" })], ";"))).toEqual([
      'row 2, column amount: "1,5" is not a number (use . as the decimal separator)',
    ]);
  });

  it("keeps delimiters, doubled quotes and tabs of quoted values", () => {
    const description = 'Lagos, "Ikeja" office;\tsecond part';
    const report = accept(financialCsv({ description }));
    expect(report.columns.description).toEqual([description]);
  });

  it("counts a multi-line value as one row: the rows after it keep their spreadsheet numbers", () => {
    expect(
      check(financialCsv({ description: "one\ntwo\nthree" }, { amount: "x" }, { currency: "eur" })),
    ).toEqual([
      `row 2, column description: ${LINE_FEED}`,
      'row 3, column amount: "x" is not a number',
      'row 4, column currency: "eur" is not an ISO 4217 currency code (three capital letters, such as EUR)',
    ]);
  });

  it("rejects an unterminated quote on the row where it starts", () => {
    const text = financialCsv({}, { description: "REPLACE" }, {}).replace("REPLACE", '"never closed');
    expect(check(text)).toEqual(['row 3: a quoted value is never closed (a missing closing ")']);
  });

  it("rejects text after a closing quote", () => {
    const text = financialCsv({ description: "REPLACE" }).replace("REPLACE", '"Lagos" office');
    expect(check(text)).toEqual([
      'row 2: there is text after the closing quote of a value (write a quote inside a value as "")',
    ]);
  });

  it("skips blank rows but keeps counting them", () => {
    const text = raw(
      FINANCIAL_HEADER,
      cells(),
      [],
      FINANCIAL_HEADER.map(() => ""),
      cells({ amount: "x" }),
    );
    expect(text).toContain("\n\n,,,,,,,,,\n");
    expect(check(text)).toEqual(['row 5, column amount: "x" is not a number']);
  });
});

describe("header", () => {
  it("matches column names case-insensitively after trimming", () => {
    const header = FINANCIAL_HEADER.map((column, i) => (i % 2 === 0 ? ` ${column.toUpperCase()} ` : column));
    expect(accept(raw(header, cells())).columns.amount).toEqual([100]);
  });

  it("takes the columns in any order", () => {
    const order = [...FINANCIAL_HEADER].reverse();
    const report = accept(raw(order, cells({}, order)));
    expect(report.columns.hub_id).toEqual(["wm-ng"]);
    expect(report.columns.amount).toEqual([100]);
    expect(report.columns.currency).toEqual(["NGN"]);
  });

  it("accepts a file without the optional columns", () => {
    const required = ["hub_id", "period", "flow", "category", "amount", "currency", "country"];
    const report = accept(raw(required, ["wm-ng", "2025", "expense", "staff", "5", "NGN", "NG"]));
    expect(report.columns.counterparty_id).toEqual([null]);
    expect(report.columns.underrepresented_focus).toEqual([false]);
    expect(report.columns.description).toEqual([null]);
  });

  it("rejects an unknown column (never drops it) and still checks the rows", () => {
    const header = [...FINANCIAL_HEADER, "Notes"];
    const result = validate(
      raw(header, cells({ Notes: "hi" }, header), cells({ amount: "x", Notes: "" }, header)),
    );
    expect(result.problems.map(describeProblem)).toEqual([
      `row 1, column notes: "notes" is not a column of a financial report (allowed: ${FINANCIAL_COLUMNS})`,
      'row 3, column amount: "x" is not a number',
    ]);
    expect(result.report).toBeUndefined();
  });

  it("names a column without a name by its position", () => {
    expect(check(raw([...FINANCIAL_HEADER, ""], [...cells(), ""]))).toEqual([
      `row 1, column 11: "" is not a column of a financial report (allowed: ${FINANCIAL_COLUMNS})`,
    ]);
  });

  it("rejects missing required columns, one problem each", () => {
    const header = FINANCIAL_HEADER.filter((column) => column !== "category" && column !== "country");
    expect(
      check(
        raw(
          header,
          header.map((column) => FINANCIAL_ROW[column] ?? ""),
        ),
      ),
    ).toEqual([
      "row 1, column category: the required column category of a financial report is missing",
      "row 1, column country: the required column country of a financial report is missing",
    ]);
  });

  it("rejects a duplicate column, also when it differs in case", () => {
    expect(check(raw([...FINANCIAL_HEADER, "Amount"], [...cells(), "100.00"]))).toEqual([
      "row 1, column amount: the column amount appears more than once in the header",
    ]);
  });
});

describe("kind of file", () => {
  it.each([
    ["financial", financialCsv({}), "wm-ng"],
    ["impact", impactCsv({}), "wm-ng"],
    ["hubs", hubsCsv({}), "council"],
    ["fx_rates", fxCsv({}), "council"],
  ])("recognises %s from its header", (kind, text, uploader) => {
    const result = validate(text, { uploader });
    expect(result.kind).toBe(kind);
    expect(result.problems).toEqual([]);
  });

  it("takes the kind the uploader names", () => {
    expect(validate(financialCsv({}), { kind: "financial" }).kind).toBe("financial");
  });

  it("checks the header against the kind the uploader names", () => {
    expect(check(impactCsv({}), { kind: "financial" })).toEqual([
      `row 1, column team_id: "team_id" is not a column of a financial report (allowed: ${FINANCIAL_COLUMNS})`,
      `row 1, column metric: "metric" is not a column of a financial report (allowed: ${FINANCIAL_COLUMNS})`,
      `row 1, column value: "value" is not a column of a financial report (allowed: ${FINANCIAL_COLUMNS})`,
      `row 1, column language: "language" is not a column of a financial report (allowed: ${FINANCIAL_COLUMNS})`,
      "row 1, column flow: the required column flow of a financial report is missing",
      "row 1, column category: the required column category of a financial report is missing",
      "row 1, column amount: the required column amount of a financial report is missing",
      "row 1, column currency: the required column currency of a financial report is missing",
    ]);
  });

  it("rejects an ambiguous header", () => {
    const header = ["hub_id", "period", "country", "metric", "value", "usd_per_unit"];
    const result = validate(raw(header, ["wm-ng", "2025", "NG", "participants", "1", "1"]));
    expect(result.kind).toBeUndefined();
    expect(result.problems.map((p) => p.code)).toEqual(["ambiguousKind"]);
    expect(check(raw(header, ["wm-ng", "2025", "NG", "participants", "1", "1"]))).toEqual([
      "row 1: the header fits more than one kind of report (impact, fx_rates); name the kind explicitly",
    ]);
  });

  it("rejects a header it cannot recognise", () => {
    expect(check(raw(["date", "what", "how much"], ["2025-01-01", "rent", "100"]))).toEqual([
      "row 1: cannot tell which kind of report this is from the header (expected the columns of financial (flow, amount) or impact (metric, value) or hubs (name, kind, active_from) or fx_rates (usd_per_unit)); name the kind explicitly",
    ]);
  });
});

describe("empty files", () => {
  it.each([
    ["no bytes", ""],
    ["a byte-order mark", "\uFEFF"],
    ["blank lines", "\n\r\n \n"],
  ])("rejects a file of %s", (_, text) => {
    expect(check(text)).toEqual(["the file is empty: a report needs a header row and at least one data row"]);
  });

  it("rejects a header without data rows", () => {
    expect(check(`${FINANCIAL_HEADER.join(",")}\n\n`)).toEqual([
      "row 1: the file has a header but no data rows",
    ]);
  });
});

describe("rows", () => {
  it("rejects a row with too few or too many values", () => {
    expect(check(raw(FINANCIAL_HEADER, cells(), cells().slice(1), [...cells(), "extra"], cells()))).toEqual([
      "row 3: the row has 9 values but the header has 10 columns",
      "row 4: the row has 11 values but the header has 10 columns",
    ]);
  });
});

describe("uploader", () => {
  it("does not let the Global Council upload a hub report", () => {
    expect(check(financialCsv({}), { uploader: "council" })).toEqual([
      "the Global Council uploads reference data (hubs, fx_rates), not hub reports; a hub uploads its own reports",
    ]);
    expect(check(impactCsv({}), { uploader: "council" })).toEqual([
      "the Global Council uploads reference data (hubs, fx_rates), not hub reports; a hub uploads its own reports",
    ]);
  });

  it.each([
    ["hubs", hubsCsv({})],
    ["fx_rates", fxCsv({})],
  ])("does not let a hub upload %s", (kind, text) => {
    expect(check(text, { uploader: "wm-ng" })).toEqual([
      `only the Global Council (council) may upload ${kind} reference data, not "wm-ng"`,
    ]);
  });
});

describe("every problem at once", () => {
  it("lists all the problems of a file, in row order, whatever order they are found in", () => {
    const result = validate(
      financialCsv(
        { amount: "1.234,56" },
        { flow: "income" },
        { country: "XX" },
        { underrepresented_focus: "maybe", flow: "grant", category: "individual_grant" },
        { period: "2024" },
      ),
    );
    expect(result.errorCount).toBe(5);
    expect(result.problems.map(describeProblem)).toEqual([
      'row 2, column amount: "1.234,56" is not a number (use . as the decimal separator)',
      'row 3, column flow: "income" is not a valid flow (allowed: revenue, expense, grant)',
      'row 4, column country: "XX" is not an ISO 3166-1 alpha-2 country code in the country table',
      'row 5, column underrepresented_focus: "maybe" is not true or false (write true/false, yes/no or 1/0)',
      'row 6, column period: "2024" differs from "2025" in row 2: one file is one report, for one hub and one period (period must be the same on every row)',
    ]);
    expect(result.report).toBeUndefined();
  });

  it("caps the list with maxProblems, keeping the first rows, and counts every problem", () => {
    const rows: Cells[] = Array.from({ length: 10 }, (_, i) => ({ amount: `x${i}` }));
    rows[9] = { amount: "x9", period: "2024" };
    const result = validate(financialCsv(...rows), { maxProblems: 3 });
    expect(result.errorCount).toBe(11);
    expect(result.problems.map(describeProblem)).toEqual([
      'row 2, column amount: "x0" is not a number',
      'row 3, column amount: "x1" is not a number',
      'row 4, column amount: "x2" is not a number',
      "…and 8 more problems not listed",
    ]);
  });

  it("keeps a problem of the whole file first under the cap", () => {
    const result = validate(financialCsv({ amount: "x" }, { amount: "y" }), {
      uploader: "council",
      maxProblems: 2,
    });
    expect(result.problems.map(describeProblem)).toEqual([
      "the Global Council uploads reference data (hubs, fx_rates), not hub reports; a hub uploads its own reports",
      'row 2, column amount: "x" is not a number',
      "…and 1 more problem not listed",
    ]);
    expect(result.errorCount).toBe(3);
  });

  it("says 'problem' for one problem not listed", () => {
    expect(check(financialCsv({ amount: "x" }, { amount: "y" }), { maxProblems: 1 })).toEqual([
      'row 2, column amount: "x" is not a number',
      "…and 1 more problem not listed",
    ]);
  });

  it("counts warnings apart from errors", () => {
    const result = validate(financialCsv({ amount: "0" }, { amount: "0.00" }, { amount: "x" }));
    expect([result.errorCount, result.warningCount]).toEqual([1, 2]);
  });
});

describe("file size", () => {
  it("rejects a file over maxBytes before reading it", () => {
    const text = financialCsv({});
    const bytes = new TextEncoder().encode(text).byteLength;
    expect(check(text, { maxBytes: bytes - 1 })).toEqual([
      `the file is ${bytes} bytes; the limit is ${bytes - 1} bytes (split the report or ask the Global Council)`,
    ]);
    expect(check(text, { maxBytes: bytes })).toEqual([]);
  });

  it("never shows a file just over the limit as the same size as the limit", () => {
    const bytes = new Uint8Array(2 * 1048576 + 1);
    expect(check(bytes, { maxBytes: 2 * 1048576 })).toEqual([
      "the file is 2.1 MiB; the limit is 2 MiB (split the report or ask the Global Council)",
    ]);
    expect(check(new Uint8Array(1537), { maxBytes: 1536 })).toEqual([
      "the file is 1.6 KiB; the limit is 1.5 KiB (split the report or ask the Global Council)",
    ]);
  });
});
