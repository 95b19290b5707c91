/**
 * Chart axes in the page's language. Vega formats numbers with d3-format, whose locale (decimal
 * mark, grouping, currency, percent sign, minus sign, digits) a spec carries in `config.locale.number`;
 * both are worked out here from `Intl` at build time, so the SVG rendered in Node and the chart the
 * browser redraws read the same. Compact forms (`$4.4M`, `4,4 M US$`, `4.4 مليون US$`) are not in
 * d3-format: an axis gets them as a `labelExpr` built from `Intl`'s compact patterns, which
 * vega-interpreter evaluates under the site's Content Security Policy (no generated code).
 */
import { numberFormat } from "../i18n/format.js";

/** A d3-format locale definition, as Vega reads `config.locale.number`. */
export interface VegaNumberLocale {
  readonly decimal: string;
  readonly thousands: string;
  readonly grouping: number[];
  readonly currency: [string, string];
  readonly percent: string;
  readonly minus: string;
  readonly nan: string;
  /** The ten digits, when the locale does not write 0–9. */
  readonly numerals?: string[];
}

const NUMERIC_PARTS = new Set<string>(["integer", "group", "decimal", "fraction"]);

type Parts = readonly Intl.NumberFormatPart[];

function partsOf(locale: string, value: number, options: Intl.NumberFormatOptions = {}): Parts {
  return numberFormat(locale, options).formatToParts(value);
}

function joined(parts: Parts): string {
  return parts.map((part) => part.value).join("");
}

/** What a formatted number writes before its digits and after them (signs, currency, compact words). */
function affixes(parts: Parts): { prefix: string; number: Parts; suffix: string } {
  const first = parts.findIndex((part) => NUMERIC_PARTS.has(part.type));
  let last = parts.length - 1;
  while (last >= 0 && !NUMERIC_PARTS.has(parts[last]?.type ?? "")) last -= 1;
  if (first === -1) throw new Error(`Intl wrote no digits: ${joined(parts)}`);
  return {
    prefix: joined(parts.slice(0, first)),
    number: parts.slice(first, last + 1),
    suffix: joined(parts.slice(last + 1)),
  };
}

function partValue(parts: Parts, type: Intl.NumberFormatPartTypes): string {
  const part = parts.find((candidate) => candidate.type === type);
  if (!part) throw new Error(`Intl wrote no ${type}: ${joined(parts)}`);
  return part.value;
}

/** The digits 0–9 as the locale writes them. */
function digitsOf(locale: string): string[] {
  return Array.from({ length: 10 }, (_, digit) => numberFormat(locale).format(digit));
}

/** The value of the digits Intl wrote (its own digits, group and decimal marks). */
function numericValue(number: Parts, digits: readonly string[]): number {
  const text = number
    .map((part) => {
      if (part.type === "group") return "";
      if (part.type === "decimal") return ".";
      return [...part.value].map((character) => String(digits.indexOf(character))).join("");
    })
    .join("");
  return Number(text);
}

const locales = new Map<string, VegaNumberLocale>();

/** The d3-format locale of an `Intl` locale: its decimal mark, grouping, currency (US dollars), percent and minus signs and digits. */
export function vegaNumberLocale(locale: string): VegaNumberLocale {
  const known = locales.get(locale);
  if (known) return known;
  const grouped = partsOf(locale, 1_234_567_890.5, { useGrouping: "always" });
  const sizes = grouped
    .filter((part) => part.type === "integer")
    .map((part) => part.value.length)
    .reverse();
  const grouping = sizes.slice(0, -1);
  while (grouping.length > 1 && grouping.at(-1) === grouping.at(-2)) grouping.pop();
  const currency = affixes(partsOf(locale, 1.5, { style: "currency", currency: "USD" }));
  const percent = affixes(partsOf(locale, 0.5, { style: "percent" }));
  const negative = affixes(partsOf(locale, -1));
  const digits = digitsOf(locale);
  const definition: VegaNumberLocale = {
    decimal: partValue(grouped, "decimal"),
    thousands: partValue(grouped, "group"),
    grouping: grouping.length > 0 ? grouping : [3],
    currency: [currency.prefix, currency.suffix],
    percent: percent.suffix,
    minus: negative.prefix,
    nan: "NaN",
    ...(digits.join("") === "0123456789" ? {} : { numerals: digits }),
  };
  locales.set(locale, definition);
  return definition;
}

/** One step of a compact axis label: from `threshold` up, the value divided by `divisor` between the affixes. */
interface CompactStep {
  readonly threshold: number;
  readonly divisor: number;
  readonly positive: { readonly prefix: string; readonly suffix: string };
  readonly negative: { readonly prefix: string; readonly suffix: string };
}

const COMPACT_THRESHOLDS = [1e12, 1e9, 1e6, 1e3, 1] as const;

/** The compact forms of a locale, largest first: where each starts, what it divides by and its words and signs. */
export function compactSteps(locale: string, currency: boolean): CompactStep[] {
  const digits = digitsOf(locale);
  const style: Intl.NumberFormatOptions = currency ? { style: "currency", currency: "USD" } : {};
  const steps: CompactStep[] = [];
  for (const threshold of COMPACT_THRESHOLDS) {
    const options: Intl.NumberFormatOptions = {
      ...style,
      notation: "compact",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    };
    const sample = threshold * 1.5;
    const positive = affixes(partsOf(locale, sample, options));
    const negative = affixes(partsOf(locale, -sample, options));
    const shown = numericValue(positive.number, digits);
    const divisor = 10 ** Math.round(Math.log10(sample / shown));
    const step = {
      threshold,
      divisor,
      positive: { prefix: positive.prefix, suffix: positive.suffix },
      negative: { prefix: negative.prefix, suffix: negative.suffix },
    };
    const previous = steps.at(-1);
    if (
      previous &&
      previous.divisor === divisor &&
      JSON.stringify(previous.positive) === JSON.stringify(step.positive)
    )
      steps[steps.length - 1] = step;
    else steps.push(step);
  }
  return steps;
}

const text = (value: string) => JSON.stringify(value);

/**
 * A Vega expression that writes an axis label (`datum.value`) in the locale's compact form, as
 * `Intl` would: `$4.5M`, `4,5 M US$`, `4,5 M $US`, `4.5 مليون US$`; money when `currency`. Its
 * numbers are written with `format`, so they take the chart's locale (see {@link vegaNumberLocale}).
 */
export function compactLabelExpr(locale: string, currency: boolean): string {
  const branch = (step: CompactStep) => {
    const number = `format(abs(datum.value) / ${step.divisor}, ',.2~f')`;
    return `(datum.value < 0 ? ${text(step.negative.prefix)} + ${number} + ${text(step.negative.suffix)} : ${text(step.positive.prefix)} + ${number} + ${text(step.positive.suffix)})`;
  };
  const steps = compactSteps(locale, currency);
  const last = steps.at(-1);
  if (!last) throw new Error(`no compact form for ${locale}`);
  return steps
    .slice(0, -1)
    .reduceRight(
      (otherwise, step) => `abs(datum.value) >= ${step.threshold} ? ${branch(step)} : (${otherwise})`,
      branch(last),
    );
}
