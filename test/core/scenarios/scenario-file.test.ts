/**
 * Every rule of a scenario file (redistribution-scenarios.md, "A scenario file"), each with the exact sentence
 * its problem carries: the schema's rules (queries/scenarios/scenario.schema.json) and those it cannot say.
 */
import { describe, expect, it } from "vitest";
import {
  looksLikeScenario,
  MAX_SCENARIO_BYTES,
  readScenario,
  scenarioDocument,
} from "../../../functions/core/scenarios/scenario-file.js";

const VALID = {
  scenario: "1",
  id: "solidarity-5-level-up",
  title: "5% solidarity contribution above 100,000 USD, spent levelling up funds per editor",
  description: "Plain words for the Council and the public.",
  years: [2025],
  contribution: { local_revenue_rate: 0.05, floor_usd: 100000, global_fund_reallocation: 0.0 },
  allocation: { rule: "level_up", south_weight: 1.0 },
};

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (value: unknown, lakeYears?: readonly number[]) =>
  readScenario(bytes(typeof value === "string" ? value : JSON.stringify(value)), { lakeYears });
/** The messages of a file's problems, in order. */
const messages = (value: unknown, lakeYears?: readonly number[]) =>
  read(value, lakeYears).problems.map((problem) => problem.message);
const codes = (value: unknown) => read(value).problems.map((problem) => problem.code);
const withField = (path: string, value: unknown) => {
  const copy = structuredClone(VALID) as Record<string, unknown>;
  const [head, tail] = path.split(".") as [string, string | undefined];
  if (tail === undefined) copy[head] = value;
  else (copy[head] as Record<string, unknown>)[tail] = value;
  return copy;
};
const without = (path: string) => {
  const copy = structuredClone(VALID) as Record<string, unknown>;
  const [head, tail] = path.split(".") as [string, string | undefined];
  if (tail === undefined) delete copy[head];
  else delete (copy[head] as Record<string, unknown>)[tail];
  return copy;
};

describe("a valid scenario file", () => {
  it("is read as the specification's example says, with no problem", () => {
    expect(read(VALID)).toEqual({
      problems: [],
      id: "solidarity-5-level-up",
      scenario: { ...VALID, years: [2025] },
    });
  });

  it("gets the defaults: every year, a floor of 0, no reallocation, a Global South weight of 1", () => {
    const minimal = {
      scenario: "1",
      id: "minimal",
      title: "t",
      description: "d",
      contribution: { local_revenue_rate: 0.1 },
      allocation: { rule: "per_editor" },
    };
    expect(read(minimal).scenario).toEqual({
      ...minimal,
      years: null,
      contribution: { local_revenue_rate: 0.1, floor_usd: 0, global_fund_reallocation: 0 },
      allocation: { rule: "per_editor", south_weight: 1 },
    });
  });

  it("accepts the bounds themselves: rates of 0 and 1, a floor of 0, a weight of 1", () => {
    for (const rate of [0, 1])
      expect(messages(withField("contribution.local_revenue_rate", rate))).toEqual([]);
    expect(messages(withField("contribution.global_fund_reallocation", 1))).toEqual([]);
    expect(messages(withField("contribution.floor_usd", 0))).toEqual([]);
    expect(messages(withField("allocation.south_weight", 1))).toEqual([]);
  });

  it("accepts a byte-order mark, a description over several lines, and a years list in any order", () => {
    const text = `\uFEFF${JSON.stringify({ ...VALID, description: "line one\nline two", years: [2025, 2024] })}`;
    const reading = readScenario(bytes(text), { lakeYears: [2024, 2025] });
    expect(reading.problems).toEqual([]);
    expect(reading.scenario?.years).toEqual([2024, 2025]);
  });

  it("is kept curated with its defaults written out, and reads back as the same scenario", () => {
    const scenario = read(without("years")).scenario;
    if (!scenario) throw new Error("not read");
    const document = scenarioDocument(scenario);
    expect(JSON.parse(document)).toEqual({ ...VALID, years: undefined });
    expect(Object.keys(JSON.parse(document))).toEqual([
      "scenario",
      "id",
      "title",
      "description",
      "contribution",
      "allocation",
    ]);
    expect(readScenario(bytes(document)).scenario).toEqual(scenario);
  });
});

describe("recognising a scenario by its content", () => {
  it("takes a JSON object, after a byte-order mark or white space, for a scenario; CSV for a report", () => {
    expect(looksLikeScenario(bytes('{"scenario": "1"}'))).toBe(true);
    expect(looksLikeScenario(bytes('\uFEFF \n\t{"x": 1}'))).toBe(true);
    expect(looksLikeScenario(bytes("hub_id,period\n"))).toBe(false);
    expect(looksLikeScenario(bytes('["scenario"]'))).toBe(false);
    expect(looksLikeScenario(bytes(""))).toBe(false);
  });
});

describe("the rules of a scenario file, each naming its field", () => {
  it("scenarioTooLarge: at most 64 KiB", () => {
    const big = { ...VALID, description: "x".repeat(MAX_SCENARIO_BYTES) };
    expect(messages(big)).toEqual([
      `the file is ${JSON.stringify(big).length.toLocaleString("en-US")} bytes; a scenario file holds at most 65,536 bytes`,
    ]);
  });

  it("scenarioNotUtf8: UTF-8 text", () => {
    expect(readScenario(new Uint8Array([0x7b, 0xff, 0x7d])).problems.map((p) => p.message)).toEqual([
      "the file is not UTF-8 text: save the scenario as a UTF-8 JSON file",
    ]);
  });

  it("scenarioNotJson: JSON, with the line and column where it breaks", () => {
    expect(messages('{\n  "scenario": "1",\n  "id": }')).toEqual([
      "the file is not valid JSON: line 3, column 9 breaks it (a scenario file is one JSON object, as docs/scenarios.md shows)",
    ]);
    expect(messages('{"a": 1} trailing')).toEqual([
      "the file is not valid JSON: line 1, column 10 breaks it (a scenario file is one JSON object, as docs/scenarios.md shows)",
    ]);
    expect(codes("")).toEqual(["scenarioNotJson"]);
    expect(messages(`{"id": ${"[".repeat(30_000)}`)).toEqual([
      "the file is not valid JSON: line 1, column 40 breaks it (a scenario file is one JSON object, as docs/scenarios.md shows)",
    ]);
    expect(codes("{'id': 1}")).toEqual(["scenarioNotJson"]);
  });

  it("scenarioNotObject: one object", () => {
    expect(messages([VALID])).toEqual([
      'the file holds a list, not a JSON object: a scenario file is one object { "scenario": "1", "id": ..., ... }',
    ]);
    expect(messages('"1"')).toEqual([
      'the file holds the text "1", not a JSON object: a scenario file is one object { "scenario": "1", "id": ..., ... }',
    ]);
  });

  it("scenarioDuplicateField: each field once", () => {
    const text = JSON.stringify(VALID).replace(
      '"local_revenue_rate":0.05',
      '"local_revenue_rate":0.05,"local_revenue_rate":0.9',
    );
    expect(messages(text)).toEqual([
      "contribution.local_revenue_rate: given twice; write each field once, so that the file says one thing",
    ]);
  });

  it("scenarioUnknownField: no field the format does not define, at any level", () => {
    expect(messages({ ...VALID, budget: 1 })).toEqual([
      "budget: unknown field; the fields here are scenario, id, title, description, years, contribution and allocation",
    ]);
    expect(messages(withField("contribution.rate", 0.05))).toEqual([
      "contribution.rate: unknown field; the fields here are local_revenue_rate, floor_usd and global_fund_reallocation",
    ]);
    expect(messages(withField("allocation.weight", 2))).toEqual([
      "allocation.weight: unknown field; the fields here are rule and south_weight",
    ]);
    expect(messages({ ...VALID, "bad\u202Ename": 1 })).toEqual([
      '"bad\\u202ename": unknown field; the fields here are scenario, id, title, description, years, contribution and allocation',
    ]);
  });

  it("scenarioMissingField: scenario, id, title, description, contribution, allocation and their required fields", () => {
    for (const field of ["scenario", "id", "title", "description", "contribution", "allocation"])
      expect(messages(without(field))).toEqual([`${field}: missing; a scenario file needs it`]);
    expect(messages(without("contribution.local_revenue_rate"))).toEqual([
      "contribution.local_revenue_rate: missing; a scenario file needs it",
    ]);
    expect(messages(without("allocation.rule"))).toEqual([
      "allocation.rule: missing; a scenario file needs it",
    ]);
  });

  it("scenarioWrongType: numbers, text, objects, a list of whole years", () => {
    expect(messages(withField("contribution.local_revenue_rate", "5%"))).toEqual([
      'contribution.local_revenue_rate: must be a number, not the text "5%"',
    ]);
    expect(messages(withField("contribution.floor_usd", null))).toEqual([
      "contribution.floor_usd: must be a number, not null",
    ]);
    expect(messages(withField("title", 5))).toEqual(["title: must be text, not 5"]);
    expect(messages(withField("contribution", [0.05]))).toEqual([
      "contribution: must be an object { ... }, not a list",
    ]);
    expect(messages(withField("years", 2025))).toEqual([
      "years: must be a list of years, such as [2024, 2025], not 2025",
    ]);
    expect(messages(withField("years", [2025, 2025.5]))).toEqual([
      "years[1]: must be a year (a whole number such as 2025), not 2025.5",
    ]);
  });

  it("scenarioOutOfRange: 0 ≤ r ≤ 1, floor ≥ 0, 0 ≤ f ≤ 1, weight ≥ 1, years from 2000 to 2999", () => {
    expect(messages(withField("contribution.local_revenue_rate", 1.5))).toEqual([
      "contribution.local_revenue_rate: must be a number from 0 to 1, not 1.5",
    ]);
    expect(messages(withField("contribution.local_revenue_rate", -0.1))).toEqual([
      "contribution.local_revenue_rate: must be a number from 0 to 1, not -0.1",
    ]);
    expect(messages(withField("contribution.floor_usd", -1))).toEqual([
      "contribution.floor_usd: must be a number of at least 0, not -1",
    ]);
    expect(messages(withField("contribution.global_fund_reallocation", 2))).toEqual([
      "contribution.global_fund_reallocation: must be a number from 0 to 1, not 2",
    ]);
    expect(messages(withField("allocation.south_weight", 0.5))).toEqual([
      "allocation.south_weight: must be a number of at least 1, not 0.5",
    ]);
    expect(messages(withField("years", [1999]))).toEqual([
      "years[0]: must be a year from 2000 to 2999, not 1999",
    ]);
  });

  it('scenarioVersion: "scenario" is "1"', () => {
    expect(messages(withField("scenario", "2"))).toEqual([
      'scenario: must be "1", the version of the scenario format this observatory reads, not the text "2"',
    ]);
    expect(messages(withField("scenario", 1))).toEqual([
      'scenario: must be "1", the version of the scenario format this observatory reads, not 1',
    ]);
  });

  it("scenarioInvalidId: the id pattern", () => {
    for (const id of ["Solidarity", "a", "-leading", "with space", "x".repeat(65)])
      expect(messages(withField("id", id))).toEqual([
        `id: must be 2 to 64 lower-case letters, digits and hyphens, starting with a letter or digit, not ${JSON.stringify(id.length > 80 ? `${id.slice(0, 77)}...` : id)}`,
      ]);
    expect(messages(withField("id", "x".repeat(64)))).toEqual([]);
  });

  it("scenarioEmptyText: a title and a description that say something", () => {
    expect(messages(withField("title", ""))).toEqual(["title: must not be empty; say it in plain words"]);
    expect(messages(withField("description", " \n "))).toEqual([
      "description: must not be empty; say it in plain words",
    ]);
  });

  it("scenarioForbiddenCharacter: no control or bidirectional formatting characters in the text", () => {
    expect(messages(withField("title", "Policy\u202E5"))).toEqual([
      "title: holds U+202E, a control or bidirectional formatting character; remove it",
    ]);
    expect(messages(withField("title", "two\nlines"))).toEqual([
      "title: holds U+000A, a control or bidirectional formatting character; remove it",
    ]);
    expect(messages(withField("description", "bell\u0007"))).toEqual([
      "description: holds U+0007, a control or bidirectional formatting character; remove it",
    ]);
  });

  it("scenarioUnknownRule: per_editor or level_up", () => {
    expect(messages(withField("allocation.rule", "equal_shares"))).toEqual([
      'allocation.rule: must be "per_editor" or "level_up", not the text "equal_shares"',
    ]);
  });

  it("scenarioNoYears, scenarioDuplicateYear: a list that names each year once", () => {
    expect(messages(withField("years", []))).toEqual([
      "years: lists no year; name at least one, or leave the field out for every year with financial reports",
    ]);
    expect(messages(withField("years", [2024, 2025, 2024, 2024]))).toEqual([
      "years: lists 2024 more than once",
    ]);
  });

  it("scenarioYearNotInLake: years with current financial reports", () => {
    expect(messages(withField("years", [2023, 2025]), [2024, 2025])).toEqual([
      "years: 2023 has no current financial reports in the lake (years with reports: 2024 and 2025)",
    ]);
    expect(messages(VALID, [])).toEqual([
      "years: 2025 has no current financial reports in the lake (it holds none yet)",
    ]);
  });

  it("reports every problem at once, in the order the specification lists the fields", () => {
    const bad = {
      allocation: { rule: "equal", south_weight: 0 },
      contribution: { local_revenue_rate: 2, floor_usd: "100k", surcharge: 1 },
      years: [2019, 2025, 2025],
      title: "",
      id: "Bad Id",
      scenario: "2",
      extra: true,
    };
    expect(read(bad, [2025]).problems.map((problem) => problem.code)).toEqual([
      "scenarioVersion",
      "scenarioInvalidId",
      "scenarioEmptyText",
      "scenarioMissingField",
      "scenarioDuplicateYear",
      "scenarioYearNotInLake",
      "scenarioUnknownField",
      "scenarioOutOfRange",
      "scenarioWrongType",
      "scenarioUnknownRule",
      "scenarioOutOfRange",
      "scenarioUnknownField",
    ]);
    expect(read(bad, [2025]).problems.every((problem) => problem.severity === "error")).toBe(true);
  });
});
