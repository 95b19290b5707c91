/**
 * The token-level rewrite that lets a statement read stages kept under other names (Athena: a compute run's
 * tables). That the rewritten framework SQL gives the hand-checked figures on DuckDB and parses as Trino is
 * tested with the run's own statements in test/adapters/aws/staged-run.test.ts.
 */
import { describe, expect, it } from "vitest";
import { loadStages, readQuery } from "../../../functions/core/indicators/compute.js";
import {
  renameRelations,
  stageStatement,
  withRelationChain,
  withRelations,
} from "../../../functions/core/indicators/stage-references.js";

const RELATIONS: [string, string][] = [
  ["a", "SELECT * FROM run_a"],
  ["b", "-- the b table\nSELECT * FROM run_b;\n"],
  ["c", "SELECT * FROM run_c"],
];

/** The names of the common table expressions a rewritten statement starts with, in order. */
const prepended = (sql: string) => [...sql.matchAll(/^(\w+) AS \($/gm)].map((match) => match[1]);

describe("withRelations", () => {
  it("defines only the relations the statement reads, each once, in the order given", () => {
    expect(withRelations(RELATIONS, "SELECT x FROM c JOIN a ON a.x = c.x")).toBe(
      "WITH\na AS (\nSELECT * FROM run_a\n),\nc AS (\nSELECT * FROM run_c\n)\nSELECT x FROM c JOIN a ON a.x = c.x",
    );
  });

  it("defines nothing a relation reads on its own: each relation stands for a table of its own", () => {
    expect(
      prepended(withRelations([["b", "SELECT * FROM a"], ...RELATIONS.slice(0, 1)], "SELECT * FROM b")),
    ).toEqual(["b"]);
  });

  it("leaves a statement that reads no relation as it is, without comments or its semicolon", () => {
    expect(withRelations(RELATIONS, "-- purpose\nSELECT 'a' AS label, \"d\" FROM t; \n")).toBe(
      "SELECT 'a' AS label, \"d\" FROM t",
    );
  });

  it("drops comments and trailing semicolons from definitions, so the parentheses still close", () => {
    expect(withRelations(RELATIONS, "SELECT * FROM b")).toBe(
      "WITH\nb AS (\nSELECT * FROM run_b\n)\nSELECT * FROM b",
    );
  });

  it("does not take a relation's name inside a string, a comment or a longer name for a reference", () => {
    expect(
      prepended(withRelations(RELATIONS, "-- reads a\nSELECT 'from a' AS note, a_b FROM t /* c */")),
    ).toEqual([]);
  });

  it("takes a quoted name, and a name used as a qualifier, for a reference", () => {
    expect(prepended(withRelations(RELATIONS, 'SELECT b.x FROM "a", b'))).toEqual(["a", "b"]);
  });

  it("merges a statement's own WITH into one list after the relations", () => {
    expect(
      withRelations(RELATIONS, "WITH d AS (SELECT x FROM b), e (z) AS (SELECT x FROM d)\nSELECT z FROM e"),
    ).toBe(
      "WITH\nb AS (\nSELECT * FROM run_b\n),\nd AS (SELECT x FROM b), e (z) AS (SELECT x FROM d)\nSELECT z FROM e",
    );
  });

  it("refuses a statement whose own WITH shadows a relation, naming the statement", () => {
    expect(() =>
      withRelations(RELATIONS, "WITH d AS (SELECT 1 AS x), b AS (SELECT x FROM d) SELECT x FROM b"),
    ).toThrow("the query's own WITH defines b, which is also a stage");
    expect(() => withRelations(RELATIONS, "WITH a AS (SELECT 1 AS x) SELECT x FROM a", "stage z")).toThrow(
      "stage z's own WITH defines a",
    );
  });

  it("refuses relation names that are not identifiers, a relation defined twice, and WITH RECURSIVE", () => {
    expect(() => withRelations([["x; DROP TABLE t", "SELECT 1"]], "SELECT 1")).toThrow(/invalid stage name/);
    expect(() =>
      withRelations(
        [
          ["a", "SELECT 1"],
          ["a", "SELECT 2"],
        ],
        "SELECT 1",
      ),
    ).toThrow(/relation a is defined twice/);
    expect(() => withRelations(RELATIONS, "WITH RECURSIVE r AS (SELECT 1) SELECT * FROM a")).toThrow(
      /WITH RECURSIVE/,
    );
  });

  it("refuses an unterminated string, quoted name or comment, and a second statement", () => {
    expect(() => withRelations([], "SELECT 'unterminated")).toThrow(/unterminated/);
    expect(() => withRelations([], 'SELECT "unterminated')).toThrow(/unterminated/);
    expect(() => withRelations([], "SELECT 1 /* unterminated")).toThrow(/unterminated/);
    expect(() => withRelations(RELATIONS, "SELECT * FROM a; DROP TABLE t")).toThrow(
      /more than one statement/,
    );
  });

  it("keeps a statement's ? placeholders after the relations, so parameters still bind in order", () => {
    const sql = withRelations(RELATIONS, "SELECT x FROM a WHERE x = ? AND 'no ?' <> ?");
    expect(sql.match(/\?/g)).toHaveLength(3);
    expect(sql.endsWith("SELECT x FROM a WHERE x = ? AND 'no ?' <> ?")).toBe(true);
  });

  it("gives the framework's checks only the stages they read directly", () => {
    const relations = loadStages().map(([name]): [string, string] => [name, `SELECT * FROM run_${name}`]);
    expect(prepended(withRelations(relations, readQuery("checks/unconverted_lines.sql")))).toEqual([
      "financial_facts",
    ]);
  });
});

describe("withRelationChain", () => {
  const CHAIN: [string, string][] = [
    ["a", "SELECT * FROM run_a WHERE x = ?"],
    ["b", "SELECT x FROM a"],
    ["c", "SELECT * FROM run_c"],
    ["d", "SELECT x FROM b JOIN c USING (x)"],
  ];

  it("defines every relation the statement reads, directly or through another, once, in the order given", () => {
    expect(prepended(withRelationChain(CHAIN, "SELECT * FROM d"))).toEqual(["a", "b", "c", "d"]);
    expect(prepended(withRelationChain(CHAIN, "SELECT * FROM b"))).toEqual(["a", "b"]);
    expect(prepended(withRelationChain(CHAIN, "SELECT * FROM c JOIN b USING (x)"))).toEqual(["a", "b", "c"]);
  });

  it("keeps the one ? of a relation once, first, so its parameter binds in order", () => {
    const sql = withRelationChain(CHAIN, "SELECT x FROM d WHERE x > ?");
    expect(sql.match(/\?/g)).toHaveLength(2);
    expect(sql.indexOf("?")).toBeLessThan(sql.indexOf("b AS ("));
  });

  it("merges the statement's own WITH, and refuses one that shadows a relation", () => {
    expect(prepended(withRelationChain(CHAIN, "WITH e AS (SELECT x FROM b) SELECT x FROM e"))).toEqual([
      "a",
      "b",
    ]);
    expect(() => withRelationChain(CHAIN, "WITH b AS (SELECT 1 AS x) SELECT x FROM b")).toThrow(
      "the query's own WITH defines b",
    );
  });
});

describe("renameRelations", () => {
  const renames = new Map([
    ["facts", "adjusted_facts"],
    ["totals", "adjusted_totals"],
  ]);

  it("renames references, qualifiers and quoted names, never text in strings, comments or longer names", () => {
    expect(
      renameRelations(
        "-- reads facts\nSELECT facts.x, 'facts' AS label, facts_x FROM facts JOIN \"totals\" t ON t.x = facts.x;",
        renames,
      ),
    ).toBe(
      "SELECT adjusted_facts.x, 'facts' AS label, facts_x FROM adjusted_facts JOIN adjusted_totals t ON t.x = adjusted_facts.x",
    );
  });

  it("keeps a statement's own WITH, renaming what it reads", () => {
    expect(renameRelations("WITH s AS (SELECT SUM(x) AS x FROM facts) SELECT x FROM s", renames)).toBe(
      "WITH s AS (SELECT SUM(x) AS x FROM adjusted_facts) SELECT x FROM s",
    );
  });

  it("refuses a new name that is not an identifier", () => {
    expect(() => renameRelations("SELECT 1 FROM facts", new Map([["facts", "x; DROP TABLE t"]]))).toThrow(
      /invalid stage name/,
    );
  });
});

describe("stageStatement", () => {
  it("is the stage's one statement without comments or trailing semicolons", () => {
    expect(stageStatement("c", "-- step two\nSELECT x + 1 AS x FROM b -- inline\n;\n\n")).toBe(
      "SELECT x + 1 AS x FROM b",
    );
  });

  it("refuses a stage name that is not an identifier, parameters, a second statement and an empty stage", () => {
    expect(() => stageStatement("x; DROP TABLE t", "SELECT 1")).toThrow(/invalid stage name/);
    expect(() => stageStatement("Upper", "SELECT 1")).toThrow(/invalid stage name/);
    expect(() => stageStatement("a", "SELECT ? AS x")).toThrow("stage a has a ? placeholder");
    expect(() => stageStatement("a", "SELECT 1; DROP TABLE t")).toThrow(/more than one statement/);
    expect(() => stageStatement("a", "-- nothing\n;")).toThrow("stage a is empty");
  });
});
