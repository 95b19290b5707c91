/**
 * Problems grouped by rule: one group per rule (code and severity) with its count over the whole file, also beyond
 * the problems listed, its first examples in file order, and the groups in file order of each rule's first problem.
 */
import { describe, expect, it } from "vitest";
import { groupProblems } from "../../../functions/core/reporting/problem-groups.js";
import type { Problem } from "../../../functions/core/reporting/problems.js";
import { financialCsv, validate } from "./helpers.js";

const notANumber = (value: string) => `"${value}" is not a number`;
const invalidCountry = (value: string) =>
  `"${value}" is not an ISO 3166-1 alpha-2 country code in the country table`;

describe("groupProblems", () => {
  it("groups a file's problems by rule, in file order of each rule's first problem, with counts and examples", () => {
    const result = validate(
      financialCsv(
        { country: "XX" },
        { amount: "a" },
        { amount: "b" },
        { amount: "c", country: "YY" },
        { amount: "d" },
        { amount: "0" },
      ),
    );
    expect(groupProblems(result.problems, result.counts)).toEqual([
      {
        rule: "invalidCountry",
        severity: "error",
        count: 2,
        examples: [
          { row: 2, column: "country", message: invalidCountry("XX") },
          { row: 5, column: "country", message: invalidCountry("YY") },
        ],
      },
      {
        rule: "notANumber",
        severity: "error",
        count: 4,
        examples: [
          { row: 3, column: "amount", message: notANumber("a") },
          { row: 4, column: "amount", message: notANumber("b") },
          { row: 5, column: "amount", message: notANumber("c") },
        ],
      },
      {
        rule: "zeroAmount",
        severity: "warning",
        count: 1,
        examples: [
          {
            row: 7,
            column: "amount",
            message: "the amount is 0: accepted, but check that the line is meant to be there",
          },
        ],
      },
    ]);
  });

  it("counts every problem of a rule when the list stops at its limit, and keeps the rules broken only beyond it", () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => ({ amount: `x${i}` })),
      { country: "XX" },
      { country: "YY" },
    ];
    const result = validate(financialCsv(...rows), { maxProblems: 2 });
    expect(result.problems.map((p) => p.code)).toEqual(["notANumber", "notANumber", "moreProblems"]);
    expect(groupProblems(result.problems, result.counts)).toEqual([
      {
        rule: "notANumber",
        severity: "error",
        count: 5,
        examples: [
          { row: 2, column: "amount", message: notANumber("x0") },
          { row: 3, column: "amount", message: notANumber("x1") },
        ],
      },
      {
        rule: "invalidCountry",
        severity: "error",
        count: 2,
        examples: [{ row: 7, column: "country", message: invalidCountry("XX") }],
      },
    ]);
  });

  it("takes a list without counts as every problem, problems of the whole file first", () => {
    const problems: Problem[] = [
      { severity: "error", code: "emptyFile", message: "the file is empty" },
      { severity: "error", code: "notANumber", row: 4, column: "amount", message: "a" },
      { severity: "warning", code: "zeroAmount", row: 5, column: "amount", message: "b" },
      { severity: "error", code: "notANumber", row: 6, column: "amount", message: "c" },
    ];
    expect(groupProblems(problems)).toEqual([
      { rule: "emptyFile", severity: "error", count: 1, examples: [{ message: "the file is empty" }] },
      {
        rule: "notANumber",
        severity: "error",
        count: 2,
        examples: [
          { row: 4, column: "amount", message: "a" },
          { row: 6, column: "amount", message: "c" },
        ],
      },
      {
        rule: "zeroAmount",
        severity: "warning",
        count: 1,
        examples: [{ row: 5, column: "amount", message: "b" }],
      },
    ]);
  });

  it("orders the groups by their first problem also when a rule is found only after the last row", () => {
    const result = validate(
      `hub_id,period,country,metric,value\nwm-ng,2025,NG,participnts,3\nwm-ng,2025,XX,participants,4\n`,
    );
    expect(
      groupProblems(result.problems, result.counts).map((group) => [group.rule, group.examples[0]?.row]),
    ).toEqual([
      ["nearMissMetric", 2],
      ["invalidCountry", 3],
    ]);
  });

  it("is empty for a file without problems", () => {
    const result = validate(financialCsv({}));
    expect(groupProblems(result.problems, result.counts)).toEqual([]);
  });
});
