import { describe, expect, it } from "vitest";
import { csvNumber, neutraliseFormula, tableToCsv } from "../../../site/charts/csv-download.js";

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

describe("csvNumber", () => {
  it("writes money to the cent and other figures one decimal finer than the page, without binary noise", () => {
    expect(csvNumber(-0.1 + 0.3, "share")).toBe("0.2");
    expect(csvNumber(0.1 + 0.2, "index")).toBe("0.3");
    expect(csvNumber(454_075.123456789, "usd")).toBe("454075.12");
    expect(csvNumber(4_400_000, "usd")).toBe("4400000");
    expect(csvNumber(0.412345678, "share")).toBe("0.4123");
    expect(csvNumber(3.8512345, "nats")).toBe("3.851");
    expect(csvNumber(45.2712, "usd_per_editor")).toBe("45.27");
    expect(csvNumber(12_345, "count")).toBe("12345");
    expect(csvNumber(1e21, "usd")).toBe("1000000000000000000000");
  });

  it("writes a number without a unit to 12 significant digits, never in exponent notation", () => {
    expect(csvNumber(0.1 + 0.2)).toBe("0.3");
    expect(csvNumber(2025)).toBe("2025");
    expect(csvNumber(1e-7)).toBe("0.0000001");
  });

  it("gives no sign to a figure that rounds to zero", () => {
    expect(csvNumber(-0.00001, "share")).toBe("0");
  });
});

describe("tableToCsv", () => {
  it("writes labels, rounded numbers, quoted and neutralised text, with a BOM and CRLF", () => {
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
        `"'=HYPERLINK(""http://evil.example"",""x"")",0.2,true\r\n` +
        '"Hub, ""quoted""",,false\r\n' +
        "DACH Hub,1000000000000000000000,\r\n",
    );
  });

  it("leaves a missing figure empty, never 0", () => {
    const csv = tableToCsv({
      caption: "",
      columns: [
        { key: "allocated", label: "Allocated", unit: "usd" },
        { key: "received", label: "Received", unit: "usd" },
      ],
      rows: [{ allocated: null, received: 0 }],
    });
    expect(csv).toBe("\uFEFFAllocated,Received\r\n,0\r\n");
  });

  it("does not prefix negative numbers, which are numbers and not text", () => {
    const csv = tableToCsv({ caption: "", columns: [{ key: "gap", label: "Gap" }], rows: [{ gap: -60000 }] });
    expect(csv).toBe("\uFEFFGap\r\n-60000\r\n");
  });
});
