import { describe, expect, it } from "vitest";
import type { IndicatorRow } from "../../../functions/core/indicators/indicator-row.js";
import {
  indicatorsFromCsv,
  indicatorsToCsv,
  plainDecimal,
} from "../../../functions/core/indicators/indicators-file.js";

describe("plainDecimal", () => {
  it.each([
    [0.1 + 0.2, "0.30000000000000004"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
    [-2.5e-8, "-0.000000025"],
    [123456789.125, "123456789.125"],
    [0, "0"],
    [1.2345e22, "12345000000000000000000"],
  ])("writes %d as %s, which reads back as the same double", (value, text) => {
    expect(plainDecimal(value)).toBe(text);
    expect(Number(plainDecimal(value))).toBe(value);
  });
});

describe("indicators.csv", () => {
  const rows: IndicatorRow[] = [
    {
      framework_version: "2026.1",
      indicator: "deployed_usd",
      year: 2025,
      scope: "movement",
      scope_id: "movement",
      value: 1234567.891,
      suppressed: false,
    },
    {
      framework_version: "2026.1",
      indicator: "participants",
      year: 2025,
      scope: "region",
      scope_id: "East, Southeast Asia, & Pacific",
      value: null,
      suppressed: true,
    },
    {
      framework_version: "2026.1",
      indicator: "newcomer_share",
      year: 2025,
      scope: "region",
      scope_id: "South Asia",
      value: null,
      suppressed: false,
    },
  ];

  it("is written exactly as the framework's Output section defines it", () => {
    expect(indicatorsToCsv(rows)).toBe(
      [
        "framework_version,indicator,year,scope,scope_id,value,suppressed",
        "2026.1,deployed_usd,2025,movement,movement,1234567.891,false",
        '2026.1,participants,2025,region,"East, Southeast Asia, & Pacific",,true',
        "2026.1,newcomer_share,2025,region,South Asia,,false",
        "",
      ].join("\n"),
    );
  });

  it("reads back into the same rows, and refuses a file in another format", () => {
    expect(indicatorsFromCsv(indicatorsToCsv(rows))).toEqual(rows);
    expect(() => indicatorsFromCsv("indicator,value\nx,1\n")).toThrow(/not an indicators file/);
  });
});
