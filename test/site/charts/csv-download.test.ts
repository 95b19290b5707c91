import { describe, expect, it } from "vitest";
import { neutraliseFormula, tableToCsv } from "../../../site/charts/csv-download.js";

describe("neutraliseFormula", () => {
  it("makes every cell a spreadsheet would run as a formula plain text", () => {
    for (const text of ["=1+1", "+31 20", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")'])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text alone", () => {
    for (const text of ["Sub-Saharan Africa", "East, Southeast Asia, & Pacific", "a=b", "", "مركز"])
      expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("tableToCsv", () => {
  it("writes labels, full-precision numbers, quoted and neutralised text, with a BOM and CRLF", () => {
    const csv = tableToCsv({
      caption: "ignored",
      columns: [
        { key: "hub", label: "Hub" },
        { key: "value", label: "Value, USD", unit: "usd" },
        { key: "flag", label: "Flag" },
      ],
      rows: [
        { hub: '=HYPERLINK("http://evil.example","x")', value: -0.1 + 0.3, flag: true },
        { hub: 'Hub, "quoted"', value: null, flag: false },
        { hub: "DACH Hub", value: 1e21, flag: null },
      ],
    });
    expect(csv).toBe(
      '\uFEFFHub,"Value, USD",Flag\r\n' +
        `"'=HYPERLINK(""http://evil.example"",""x"")",0.19999999999999998,true\r\n` +
        '"Hub, ""quoted""",,false\r\n' +
        "DACH Hub,1000000000000000000000,\r\n",
    );
  });

  it("does not prefix negative numbers, which are numbers and not text", () => {
    const csv = tableToCsv({ caption: "", columns: [{ key: "gap", label: "Gap" }], rows: [{ gap: -60000 }] });
    expect(csv).toBe("\uFEFFGap\r\n-60000\r\n");
  });
});
