/**
 * No cascades: a consistency check that would fail only because a value was already rejected is not reported, so
 * one mistake gives one problem. A check that fails whatever the rejected value is still reported.
 */
import { describe, expect, it } from "vitest";
import { check, financialCsv, impactCsv } from "./helpers.js";

const metric = (name: string, value: string, cells: Record<string, string> = {}) => ({
  metric: name,
  value,
  ...cells,
});

describe("the report's totals after a rejected value", () => {
  it("gives one problem for one rejected number, not a bogus total too (the issue's example)", () => {
    expect(check(impactCsv(metric("participants", "1,200"), metric("new_participants", "300")))).toEqual([
      'row 2, column value: "1,200" is ambiguous: 1200 if the , separates thousands, or 1.200 if it is the decimal separator (write the number without thousands separators, with . as the decimal separator)',
    ]);
  });

  it("does not add up the gender metrics against participants whose value was rejected", () => {
    expect(
      check(
        impactCsv(
          metric("participants", "40"),
          metric("participants", "about 60", { team_id: "b" }),
          metric("participants_women", "45"),
          metric("participants_men", "30"),
        ),
      ),
    ).toEqual(['row 3, column value: "about 60" is not a whole number of 0 or more']);
  });

  it("does not check a total whose value is filed under a near-miss name, or on an empty value", () => {
    expect(
      check(
        impactCsv(
          metric("participnts", "50"),
          metric("new_participants", "30"),
          metric("board_members", ""),
          metric("board_women", "3"),
        ),
      ),
    ).toEqual([
      'row 2, column metric: "participnts" is not a metric of frameworks 2026.1 and 2026.2, but it is within two edits of participants: write participants if that is what it counts (1 row); a new metric needs a name further from the known ones',
      "row 4, column value: value is required and is empty",
    ]);
  });

  it("does not check the totals when a row's values could not be read at all", () => {
    const text = `${impactCsv(metric("participants", "10"), metric("new_participants", "300"))}wm-ng,2025,,NG,participants,1,200,\n`;
    expect(check(text)).toEqual(["row 4: the row has 8 values but the header has 7 columns"]);
  });

  it("still reports a part that exceeds its whole whatever its own rejected value", () => {
    expect(
      check(
        impactCsv(
          metric("participants", "10"),
          metric("new_participants", "20"),
          metric("new_participants", "x", { team_id: "b" }),
        ),
      ),
    ).toEqual([
      "row 3, column value: the report's total new_participants (20) is more than its total participants (10)",
      'row 4, column value: "x" is not a whole number of 0 or more',
    ]);
  });

  it("still reports a total that does not depend on the rejected value", () => {
    expect(
      check(impactCsv(metric("participants", "x"), metric("board_members", "5"), metric("board_women", "6"))),
    ).toEqual([
      'row 2, column value: "x" is not a whole number of 0 or more',
      "row 4, column value: the report's total board_women (6) is more than its total board_members (5)",
    ]);
  });
});

describe("one hub and one period after a rejected first row", () => {
  it("does not call every later row different from a first period that was rejected", () => {
    expect(check(financialCsv({ period: "" }, {}, {}))).toEqual([
      "row 2, column period: period is required and is empty",
    ]);
  });

  it("does not call every later row different from a first hub_id that was rejected", () => {
    expect(check(financialCsv({ hub_id: "WM NG" }, {}, {}))).toEqual([
      'row 2, column hub_id: "WM NG" is not a valid hub id (lower-case letters, digits and hyphens, 2 to 64 characters, starting with a letter or digit)',
    ]);
  });

  it("still compares the later rows with a first row that is valid", () => {
    expect(check(financialCsv({}, { period: "" }))).toEqual([
      `row 3, column period: "" differs from "2025" in row 2: one file is one report, for one hub and one period (period must be the same on every row)`,
    ]);
  });
});
