/**
 * The allocation step: per_editor and the level_up solution (redistribution-scenarios.md, step 3). The level is
 * checked against what defines it, Σ_c max(λ · e_c − D⁰_c, 0) = P, and against a bisection that knows nothing
 * of the solver's method.
 */
import { describe, expect, it } from "vitest";
import {
  allocate,
  type CountryNeed,
  levelUp,
  perEditor,
  topUpOf,
} from "../../../functions/core/scenarios/allocation.js";

const country = (code: string, weightedEditors: number, remainingUsd: number): CountryNeed => ({
  country: code,
  weightedEditors,
  remainingUsd,
});

/** What the pool gives each country under an allocation, as the scenario SQL computes it. */
const topUps = (rule: "per_editor" | "level_up", pool: number, countries: readonly CountryNeed[]) => {
  const allocation = allocate(rule, pool, countries);
  return new Map(countries.map((c) => [c.country, topUpOf(rule, allocation, c)]));
};
const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);

/** The level by bisection on Σ max(λ e − D⁰, 0) = P: independent of the solver. */
function bisectedLevel(pool: number, countries: readonly CountryNeed[]): number {
  const spent = (level: number) =>
    sum(countries.map((c) => Math.max(level * c.weightedEditors - c.remainingUsd, 0)));
  let low = Math.min(...countries.map((c) => c.remainingUsd / c.weightedEditors));
  let high = low + pool / Math.min(...countries.map((c) => c.weightedEditors)) + 1;
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (spent(middle) < pool) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

const SEVEN = [
  country("BR", 60, 0),
  country("DE", 100, 400_000 / 3),
  country("EG", 20, 20_000),
  country("FR", 25, 80_000 / 3),
  country("IN", 80, 14_000),
  country("NG", 100, 100_000 / 3),
];

describe("level_up", () => {
  it("finds the level that spends the pool: unique, and the one bisection finds", () => {
    const { level, cutoff } = levelUp(56_000, SEVEN);
    expect(level).toBeCloseTo(3875 / 9, 9);
    expect(level).toBeCloseTo(bisectedLevel(56_000, SEVEN), 6);
    expect(cutoff).toBe(100_000 / 3 / 100);
  });

  it("raises the countries below the level exactly to it and leaves the others as they are", () => {
    const { level } = levelUp(56_000, SEVEN);
    const given = topUps("level_up", 56_000, SEVEN);
    for (const c of SEVEN) {
      const perWeightedEditor = (c.remainingUsd + (given.get(c.country) ?? 0)) / c.weightedEditors;
      if ((given.get(c.country) ?? 0) > 0) expect(perWeightedEditor).toBeCloseTo(level as number, 9);
      else expect(c.remainingUsd / c.weightedEditors).toBeGreaterThanOrEqual(level as number);
    }
    expect([...given].filter(([, usd]) => usd > 0).map(([code]) => code)).toEqual(["BR", "IN", "NG"]);
  });

  it("spends the pool to the cent", () => {
    for (const pool of [0.01, 1, 56_000, 1_234_567.89, 250_000_000])
      expect(Math.abs(sum(topUps("level_up", pool, SEVEN).values()) - pool)).toBeLessThan(0.005);
  });

  it("tops up nothing when the pool is 0", () => {
    expect(levelUp(0, SEVEN)).toEqual({ level: null, cutoff: null });
    expect(sum(topUps("level_up", 0, SEVEN).values())).toBe(0);
  });

  it("tops up nothing when no country can receive", () => {
    expect(levelUp(1000, [])).toEqual({ level: null, cutoff: null });
  });

  it("gives a single receiving country the whole pool", () => {
    const countries = [country("KE", 10, 5_000), country("DE", 10, 100_000)];
    const given = topUps("level_up", 3_000, countries);
    expect(given.get("KE")).toBe(3_000);
    expect(given.get("DE")).toBe(0);
    expect(levelUp(3_000, countries).level).toBe(800);
  });

  it("gives one country the whole pool when it is the only one", () => {
    expect(topUps("level_up", 7_777.77, [country("NG", 3, 12_345)]).get("NG")).toBeCloseTo(7_777.77, 9);
  });

  it("treats countries with the same funds per weighted editor alike: together in, together out", () => {
    const tied = [country("AA", 10, 1_000), country("BB", 20, 2_000), country("CC", 10, 5_000)];
    const given = topUps("level_up", 600, tied);
    expect(given.get("AA")).toBeCloseTo(200, 9);
    expect(given.get("BB")).toBeCloseTo(400, 9);
    expect(given.get("CC")).toBe(0);
    const ordered = topUps("level_up", 600, [...tied].reverse());
    expect([...ordered].sort()).toEqual([...given].sort());
  });

  it("stops at a level that reaches the next country exactly: that country receives nothing", () => {
    const countries = [country("AA", 10, 0), country("BB", 10, 1_000)];
    const given = topUps("level_up", 1_000, countries);
    expect(levelUp(1_000, countries).level).toBe(100);
    expect(given.get("AA")).toBe(1_000);
    expect(given.get("BB")).toBe(0);
  });

  it("weighs a Global South country's editors in e_c: more weight, more top-up at the same funds", () => {
    const plain = topUps("level_up", 1_000, [country("NG", 10, 0), country("GB", 10, 0)]);
    const weighted = topUps("level_up", 1_000, [country("NG", 20, 0), country("GB", 10, 0)]);
    expect(plain.get("NG")).toBe(500);
    expect(weighted.get("NG")).toBeCloseTo(2_000 / 3, 9);
  });

  it("gives the same level for the same countries in any order", () => {
    expect(levelUp(56_000, [...SEVEN].reverse())).toEqual(levelUp(56_000, SEVEN));
  });
});

describe("per_editor", () => {
  it("shares the pool in proportion to weighted editors, whatever the countries hold", () => {
    const given = topUps("per_editor", 39_000, [
      country("DE", 100, 137_500),
      country("FR", 25, 27_500),
      country("NG", 75, 125_000 / 3),
    ]);
    expect(given.get("DE")).toBe(19_500);
    expect(given.get("FR")).toBe(4_875);
    expect(given.get("NG")).toBe(14_625);
    expect(perEditor(39_000, [country("DE", 100, 0), country("FR", 100, 0)]).level).toBe(195);
  });

  it("tops up nothing when the pool is 0 or nobody has editors", () => {
    expect(perEditor(0, SEVEN)).toEqual({ level: null, cutoff: null });
    expect(perEditor(100, [])).toEqual({ level: null, cutoff: null });
  });
});
