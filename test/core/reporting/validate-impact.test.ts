import { describe, expect, it } from "vitest";
import { FLOW_METRICS, STOCK_METRICS } from "../../../functions/core/reporting/kinds.js";
import { accept, check, impactCsv, validate } from "./helpers.js";

const metric = (name: string, value: number | string, cells: Record<string, string> = {}) => ({
  metric: name,
  value: String(value),
  ...cells,
});

describe("identity", () => {
  it("applies the rules of hub reports: the uploader's own hub, one period", () => {
    expect(check(impactCsv({ hub_id: "wm-de" }, { hub_id: "wm-de", period: "2025-Q1" }))).toEqual([
      'row 2, column hub_id: "wm-de" is not the hub you are uploading as ("wm-ng"); a hub may only upload its own reports',
      'row 3, column period: "2025-Q1" differs from "2025" in row 2: one file is one report, for one hub and one period (period must be the same on every row)',
    ]);
  });

  it("rejects a hub not active in the report's year", () => {
    expect(
      check(impactCsv({ hub_id: "wm-de", period: "2023-Q4", country: "DE" }), { uploader: "wm-de" }),
    ).toEqual(['row 2, column period: hub "wm-de" is not active in 2023 (active 2024 onwards)']);
  });
});

describe("metrics", () => {
  it.each([...FLOW_METRICS, ...STOCK_METRICS])("accepts %s", (name) => {
    const totals = [metric("participants", 100), metric("board_members", 50)];
    expect(check(impactCsv(...totals, metric(name, 1, { team_id: "team-kano" })))).toEqual([]);
  });

  it("accepts an unknown metric with one warning, and stores it", () => {
    const result = validate(
      impactCsv(metric("volunteer_hours", 120), {}, metric("volunteer_hours", 30, { team_id: "t1" })),
    );
    expect(result.errorCount).toBe(0);
    expect(
      check(impactCsv(metric("volunteer_hours", 120), {}, metric("volunteer_hours", 30, { team_id: "t1" }))),
    ).toEqual([
      'row 2, column metric: warning: "volunteer_hours" is not a metric of frameworks 2026.1 and 2026.2: accepted and stored (2 rows), but not yet used in any indicator',
    ]);
    expect(result.report?.columns.metric).toEqual(["volunteer_hours", "participants", "volunteer_hours"]);
    expect(result.report?.columns.value).toEqual([120, 10, 30]);
  });

  it("says 1 row for an unknown metric given once", () => {
    expect(check(impactCsv({}, metric("edit_a_thons", 2)))).toEqual([
      'row 3, column metric: warning: "edit_a_thons" is not a metric of frameworks 2026.1 and 2026.2: accepted and stored (1 row), but not yet used in any indicator',
    ]);
  });

  it.each(["Participants", "new participants", "participants-women", "1st_time"])(
    "rejects %j, which is not a metric name",
    (name) => {
      expect(check(impactCsv(metric(name, 1)))).toEqual([
        `row 2, column metric: ${JSON.stringify(name)} is not a metric name (lower-case letters, digits and underscores)`,
      ]);
    },
  );

  it("rejects an empty metric", () => {
    expect(check(impactCsv(metric("", 1)))).toEqual([
      "row 2, column metric: metric is required and is empty",
    ]);
  });
});

describe("value", () => {
  it.each([
    ["-3", '"-3" is not a whole number of 0 or more'],
    ["2.5", '"2.5" is not a whole number of 0 or more'],
    ["12,5", '"12,5" is not a whole number of 0 or more'],
    ["ten", '"ten" is not a whole number of 0 or more'],
    ["1e3", '"1e3" is not a whole number of 0 or more'],
    [
      "1,000",
      '"1,000" is ambiguous: 1000 if the , separates thousands, or 1.000 if it is the decimal separator (write the number without thousands separators, with . as the decimal separator)',
    ],
    [
      "1.000",
      '"1.000" is ambiguous: 1000 if the . separates thousands, or 1.000 if it is the decimal separator (write the number without thousands separators, with . as the decimal separator)',
    ],
    ["1 000", '"1 000" is not a number (write it without thousands separators: 1000)'],
    ["1,000,000", '"1,000,000" is not a number (write it without thousands separators: 1000000)'],
    ["-1,000", '"-1,000" is not a whole number of 0 or more'],
    ["9007199254740993", '"9007199254740993" is too large'],
    ["", "value is required and is empty"],
  ])("rejects %j", (value, message) => {
    expect(check(impactCsv({ value }))).toEqual([`row 2, column value: ${message}`]);
  });

  it.each([
    ["0", 0],
    ["7", 7],
    ["007", 7],
    [" 42 ", 42],
    ["9007199254740991", 9007199254740991],
  ])("accepts %j as %d", (value, expected) => {
    expect(accept(impactCsv({ metric: "content_created", value })).columns.value).toEqual([expected]);
  });
});

describe("language", () => {
  it.each(["en", "yo", "yor", "pt-br", "zh-hant-tw", ""])("accepts %j", (language) => {
    const report = accept(impactCsv({ metric: "content_created", value: "3", language }));
    expect(report.columns.language).toEqual([language === "" ? null : language]);
  });

  it.each(["e", "fr-", "klingon", "en us"])("rejects %j", (language) => {
    expect(check(impactCsv({ metric: "content_created", value: "3", language }))).toEqual([
      `row 2, column language: ${JSON.stringify(language)} is not a language code (such as en, yo or pt-br)`,
    ]);
  });
});

describe("country", () => {
  it("applies the country table, with Namibia's NA", () => {
    expect(check(impactCsv({ country: "ZZ" }, { country: "ng" }))).toEqual([
      'row 2, column country: "ZZ" is not an ISO 3166-1 alpha-2 country code in the country table',
      'row 3, column country: "ng" must be written in capital letters: write NG',
    ]);
    expect(accept(impactCsv({ country: "NA" })).columns.country).toEqual(["NA"]);
  });
});

describe("consistency of the report's totals", () => {
  it("rejects more new participants than participants, summed over the rows", () => {
    expect(
      check(
        impactCsv(
          metric("participants", 10, { team_id: "a" }),
          metric("new_participants", 8, { team_id: "a" }),
          metric("participants", 5, { team_id: "b" }),
          metric("new_participants", 8, { team_id: "b" }),
        ),
      ),
    ).toEqual([
      "row 3, column value: the report's total new_participants (16) is more than its total participants (15)",
    ]);
  });

  it("accepts as many new participants as participants, even if one team has more", () => {
    expect(
      check(
        impactCsv(
          metric("participants", 10, { team_id: "a" }),
          metric("new_participants", 12, { team_id: "b" }),
          metric("participants", 5, { team_id: "b" }),
          metric("new_participants", 3, { team_id: "a" }),
        ),
      ),
    ).toEqual([]);
  });

  it("counts an absent participants metric as 0", () => {
    expect(check(impactCsv(metric("new_participants", 4)))).toEqual([
      "row 2, column value: the report's total new_participants (4) is more than its total participants (0)",
    ]);
  });

  it("rejects gender metrics adding up to more than the participants", () => {
    expect(
      check(
        impactCsv(
          metric("participants", 10),
          metric("participants_men", 4),
          metric("participants_women", 5),
          metric("participants_nonbinary", 1),
          metric("participants_gender_undisclosed", 1),
        ),
      ),
    ).toEqual([
      "row 3, column value: the report's gender metrics add up to 11, more than its participants (10)",
    ]);
  });

  it("accepts gender metrics adding up to the participants or fewer", () => {
    expect(
      check(
        impactCsv(metric("participants", 10), metric("participants_women", 6), metric("participants_men", 4)),
      ),
    ).toEqual([]);
  });

  it.each([
    ["board_women", "board_women (6) is more than its total board_members (5)"],
    ["board_global_south", "board_global_south (6) is more than its total board_members (5)"],
  ])("rejects %s over board_members, summed over the rows", (part, message) => {
    expect(
      check(
        impactCsv(
          metric("board_members", 3, { team_id: "a" }),
          metric("board_members", 2, { team_id: "b" }),
          metric(part, 4, { team_id: "a" }),
          metric(part, 2, { team_id: "b" }),
        ),
      ),
    ).toEqual([`row 4, column value: the report's total ${message}`]);
  });

  it("accepts a board where every member is a woman from the Global South", () => {
    expect(
      check(impactCsv(metric("board_members", 5), metric("board_women", 5), metric("board_global_south", 5))),
    ).toEqual([]);
  });
});

describe("stocks", () => {
  const duplicateBoardMembers =
    "row 4, column metric: board_members is given twice for the same team, country and language (first in row 3); a stock has one value per period";

  it("rejects a stock given twice for the same team, country and language", () => {
    expect(
      check(
        impactCsv(
          {},
          metric("board_members", 5),
          metric("board_members", 5),
          metric("active_editors", 7, { team_id: "t", language: "yo" }),
          metric("active_editors", 9, { team_id: "t", language: "yo" }),
        ),
      ),
    ).toEqual([
      duplicateBoardMembers,
      "row 6, column metric: active_editors is given twice for the same team, country and language (first in row 5); a stock has one value per period",
    ]);
  });

  it("accepts a stock per team, country and language, and a flow metric given twice", () => {
    expect(
      check(
        impactCsv(
          metric("participants", 10),
          metric("participants", 10),
          metric("active_editors", 7, { team_id: "t" }),
          metric("active_editors", 7, { team_id: "u" }),
          metric("active_editors", 7, { team_id: "t", country: "GH" }),
          metric("active_editors", 7, { team_id: "t", language: "ha" }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("typed output of a valid file", () => {
  it("returns each column typed, with nulls for empty optional cells", () => {
    const report = accept(
      impactCsv(
        metric("participants", 40, { period: "2025-Q2" }),
        metric("content_created", 120, { period: "2025-Q2", team_id: "team-ibadan", language: "yo" }),
        metric("active_editors", 9, { period: "2025-Q2", country: "NA", team_id: "team-windhoek" }),
      ),
    );
    expect(report).toEqual({
      kind: "impact",
      hubId: "wm-ng",
      period: "2025-Q2",
      year: 2025,
      quarter: 2,
      rowCount: 3,
      columns: {
        source_row: [2, 3, 4],
        hub_id: ["wm-ng", "wm-ng", "wm-ng"],
        period: ["2025-Q2", "2025-Q2", "2025-Q2"],
        year: [2025, 2025, 2025],
        quarter: [2, 2, 2],
        team_id: [null, "team-ibadan", "team-windhoek"],
        country: ["NG", "NG", "NA"],
        metric: ["participants", "content_created", "active_editors"],
        value: [40, 120, 9],
        language: [null, "yo", null],
      },
    });
  });

  it("gives an annual report a null quarter", () => {
    const report = accept(impactCsv({}));
    expect([report.quarter, report.columns.quarter]).toEqual([null, [null]]);
  });
});
