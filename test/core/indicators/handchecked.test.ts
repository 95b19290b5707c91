import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine } from "../../../functions/adapters/local/duckdb-engine.js";
import { loadFramework, targetMet } from "../../../functions/core/framework/framework.js";
import { computeIndicators } from "../../../functions/core/indicators/compute.js";
import { indicatorsFromCsv, indicatorsToCsv } from "../../../functions/core/indicators/indicators-file.js";
import { parseCsv } from "../../../functions/core/reporting/csv.js";
import { HANDCHECKED_FIXTURE, ingestHandchecked } from "../../helpers/handchecked.js";

const FIXTURE = HANDCHECKED_FIXTURE;

/** Each framework version with the fixture data it is computed from and its independently derived figures. */
const VERSIONS = [
  { version: "2026.1", extended: false, expected: "expected.csv" },
  { version: "2026.2", extended: true, expected: "expected-2026.2.csv" },
] as const;

/**
 * The hand-checked fixture (test/fixtures/handchecked): a few hubs over two years (2026.1), and a third year that
 * brings a hub seated in a protected country, Antarctica and a region without fundraising (2026.2), with expected
 * values worked out by hand and by an independent Python script (derivation.md, compute_expected.py), never
 * from the SQL.
 */
describe.each(VERSIONS)("indicators of framework $version on the hand-checked fixture", (fixture) => {
  it("match the independently derived values, row for row", async () => {
    const { lake, outcomes } = await ingestHandchecked({ extended: fixture.extended });
    for (const { file, outcome } of outcomes)
      expect(outcome.status, `${file}: ${JSON.stringify(outcome)}`).toBe("accepted");
    const engine = await DuckDbEngine.open({ lake: lake.store, countries: lake.dependencies.countries });
    const rows = await computeIndicators(engine, loadFramework(fixture.version), {
      countries: lake.dependencies.countries,
      k: 10,
    }).finally(() => engine.close());

    const key = (fields: string[]) => fields.slice(0, 5).join("|");
    const actual = new Map(parseCsv(indicatorsToCsv(rows)).records.map((r) => [key(r.fields), r.fields]));
    const expected = new Map(
      parseCsv(await readFile(join(FIXTURE, fixture.expected), "utf8")).records.map((r) => [
        key(r.fields),
        r.fields,
      ]),
    );
    const differences: string[] = [];
    for (const [name, want] of expected) {
      const got = actual.get(name);
      if (!got) differences.push(`missing ${name} (expected ${want[5] || "empty"}, suppressed ${want[6]})`);
      else if (got[6] !== want[6]) differences.push(`${name}: suppressed ${got[6]}, expected ${want[6]}`);
      else if ((got[5] === "") !== (want[5] === ""))
        differences.push(`${name}: value "${got[5]}", expected "${want[5]}"`);
      else if (
        got[5] !== "" &&
        Math.abs(Number(got[5]) - Number(want[5])) > 1e-9 * Math.max(1, Math.abs(Number(want[5])))
      )
        differences.push(`${name}: ${got[5]}, expected ${want[5]}`);
    }
    for (const name of actual.keys())
      if (!expected.has(name)) differences.push(`unexpected ${name} = ${actual.get(name)?.[5]}`);
    expect(differences).toEqual([]);
    expect(rows).toHaveLength(expected.size);
  });
});

describe("targets of framework 2026.2 on the hand-checked figures (derivation.md, 8.8)", () => {
  it("are met or not at movement scope, and not read at any other scope", async () => {
    const framework = loadFramework("2026.2");
    const rows = indicatorsFromCsv(await readFile(join(FIXTURE, "expected-2026.2.csv"), "utf8"));
    const readings: Record<string, (boolean | null)[]> = {};
    for (const indicator of framework.indicators.filter((i) => i.target)) {
      const own = rows.filter((row) => row.indicator === indicator.id);
      readings[indicator.id] = own
        .filter((row) => row.scope === "movement")
        .map((row) => targetMet(indicator, row));
      expect(own.filter((row) => row.scope !== "movement").map((row) => targetMet(indicator, row))).toEqual(
        own.filter((row) => row.scope !== "movement").map(() => null),
      );
    }
    expect(readings).toEqual({
      global_south_share: [true, false, true],
      underrepresented_grant_share: [true, true, true],
      board_women_share: [true, true, true],
      gender_diverse_share: [true, true, true],
      reporting_rate: [false, true, false],
    });
  });
});
