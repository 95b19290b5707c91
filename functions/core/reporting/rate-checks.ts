/**
 * The exchange-rate rule of reporting standard 1.1: a rate may differ by a factor of at most 10 from the rate it
 * replaces (same currency and year already in the lake) and from the currency's rate for the nearest other year
 * already in the lake. Where two other years are equally near (2023 and 2025 for 2024), it is checked against
 * both.
 */

/** The largest factor by which a rate may differ from the rates it is checked against. */
export const MAX_RATE_FACTOR = 10;
/** Room for the rounding of decimal rates in binary: 0.0065 against 0.00065 is a factor of exactly 10. */
const TOLERANCE = 1e-9;

/** A rate already in the lake that a new rate is checked against. */
export interface RateReference {
  readonly year: number;
  readonly usdPerUnit: number;
  /** Whether it is the rate of the same year, which the new one replaces. */
  readonly replaced: boolean;
}

/** The rates a new rate for `year` is checked against, from the currency's rates in the lake by year. */
export function rateReferences(ratesByYear: ReadonlyMap<number, number>, year: number): RateReference[] {
  const references: RateReference[] = [];
  const replaced = ratesByYear.get(year);
  if (replaced !== undefined) references.push({ year, usdPerUnit: replaced, replaced: true });
  const otherYears = [...ratesByYear.keys()].filter((y) => y !== year);
  if (otherYears.length === 0) return references;
  const distance = Math.min(...otherYears.map((y) => Math.abs(y - year)));
  for (const other of otherYears.filter((y) => Math.abs(y - year) === distance).sort((a, b) => a - b))
    references.push({ year: other, usdPerUnit: ratesByYear.get(other) as number, replaced: false });
  return references;
}

/** Whether two positive rates differ by a factor of more than {@link MAX_RATE_FACTOR}. */
export function differsTooMuch(rate: number, reference: number): boolean {
  return Math.max(rate / reference, reference / rate) > MAX_RATE_FACTOR * (1 + TOLERANCE);
}

/** The outcome of checking one rate: the references it differs too much from, and whether it looks inverted. */
export interface RateCheck {
  readonly outliers: RateReference[];
  /** Its reciprocal, when that would be within the factor of every reference (units per dollar given). */
  readonly reciprocal: number | undefined;
}

/** Checks a positive rate against its references; undefined when it is within the factor of every one. */
export function checkRate(rate: number, references: readonly RateReference[]): RateCheck | undefined {
  const outliers = references.filter((reference) => differsTooMuch(rate, reference.usdPerUnit));
  if (outliers.length === 0) return undefined;
  const reciprocal = 1 / rate;
  const invertedFits = references.every((reference) => !differsTooMuch(reciprocal, reference.usdPerUnit));
  return { outliers, reciprocal: invertedFits ? reciprocal : undefined };
}
