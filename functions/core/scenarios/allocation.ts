import type { AllocationRule } from "./scenario-file.js";

/** A country that can receive from the pool (E_c > 0), as the scenario SQL gives it for a year. */
export interface CountryNeed {
  readonly country: string;
  /** e_c = weight_c · E_c. */
  readonly weightedEditors: number;
  /** D⁰_c: what was deployed in the country once the contributions were taken out. */
  readonly remainingUsd: number;
}

/**
 * How a year's pool is spent, as the scenario SQL (queries/scenarios/relations/05_scenario_topups.sql) applies
 * it: `level` λ and, for level_up, `cutoff`, the highest D⁰_c / e_c among the countries that receive. A country
 * receives λ · e_c (per_editor), or λ · e_c − D⁰_c when its D⁰_c / e_c is at most the cutoff (level_up).
 * A null level tops up nothing (an empty pool, or no country with editors).
 */
export interface Allocation {
  readonly level: number | null;
  readonly cutoff: number | null;
}

const NOTHING: Allocation = { level: null, cutoff: null };

/** The allocation of a pool by a scenario's rule. */
export function allocate(
  rule: AllocationRule,
  poolUsd: number,
  countries: readonly CountryNeed[],
): Allocation {
  return rule === "level_up" ? levelUp(poolUsd, countries) : perEditor(poolUsd, countries);
}

/** per_editor: top_c = P · e_c / Σ e, i.e. λ = P / Σ e. */
export function perEditor(poolUsd: number, countries: readonly CountryNeed[]): Allocation {
  const weighted = inCountryOrder(countries).reduce((sum, country) => sum + country.weightedEditors, 0);
  if (!(poolUsd > 0) || !(weighted > 0)) return NOTHING;
  return { level: poolUsd / weighted, cutoff: null };
}

/**
 * level_up: the level λ with Σ_c max(λ · e_c − D⁰_c, 0) = P. The left side is 0 up to the lowest D⁰_c / e_c and
 * grows strictly after it, so for P > 0 there is exactly one λ. The countries are taken in order of D⁰_c / e_c
 * (those with the same ratio together); with the first k groups receiving, λ = (P + Σ D⁰) / Σ e over them, and
 * the answer is the first k for which λ does not pass the next group's ratio. Those k groups end exactly at λ
 * (D⁰_c + top_c = λ · e_c) and spend the pool; every other country already has at least λ per weighted editor.
 * The ratio is computed as the SQL computes it (the same doubles divided), so that the cutoff selects exactly
 * the same countries there.
 */
export function levelUp(poolUsd: number, countries: readonly CountryNeed[]): Allocation {
  const ranked = inCountryOrder(countries)
    .filter((country) => country.weightedEditors > 0)
    .map((country) => ({ ...country, ratio: country.remainingUsd / country.weightedEditors }))
    .sort((a, b) => a.ratio - b.ratio);
  if (!(poolUsd > 0) || ranked.length === 0) return NOTHING;
  let weighted = 0;
  let remaining = 0;
  for (let i = 0; i < ranked.length; ) {
    const ratio = (ranked[i] as (typeof ranked)[number]).ratio;
    while (i < ranked.length && (ranked[i] as (typeof ranked)[number]).ratio === ratio) {
      weighted += (ranked[i] as (typeof ranked)[number]).weightedEditors;
      remaining += (ranked[i] as (typeof ranked)[number]).remainingUsd;
      i++;
    }
    const level = (poolUsd + remaining) / weighted;
    const next = ranked[i]?.ratio;
    if (next === undefined || level <= next) return { level, cutoff: ratio };
  }
  throw new Error("unreachable: the last group always takes the rest of the pool");
}

/**
 * A country's top-up under an allocation, exactly as the scenario SQL computes it (before it is kept as an
 * exact decimal): what the tests check the solution with.
 */
export function topUpOf(rule: AllocationRule, allocation: Allocation, country: CountryNeed): number {
  if (allocation.level === null) return 0;
  if (rule === "per_editor") return allocation.level * country.weightedEditors;
  if (country.remainingUsd / country.weightedEditors <= (allocation.cutoff as number))
    return Math.max(allocation.level * country.weightedEditors - country.remainingUsd, 0);
  return 0;
}

/** Sums run over the countries in a fixed order, so that the same inputs always give the same level. */
function inCountryOrder(countries: readonly CountryNeed[]): CountryNeed[] {
  return [...countries].sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
}
