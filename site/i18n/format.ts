import type { Unit } from "../../functions/core/framework/framework.js";
import type { Cell } from "../figures/cell.js";
import type { Messages } from "./catalogue.js";
import { en } from "./en.js";
import { andList } from "./lists.js";

/** How a figure moved between two years, with the size of the move already formatted (unsigned). */
export type Change =
  | { readonly trend: "up" | "down"; readonly magnitude: string }
  | { readonly trend: "unchanged" };

/**
 * How each unit is written in text and tables: exact, at one precision per unit, so that a column
 * never mixes `$454,075` with `$4.4M`. Money is in whole dollars, money per editor in cents, shares
 * as percentages to one decimal. Compact forms (`$4.4M`) are for chart axes only (see `compactAxisLabel`).
 */
const UNIT_FORMATS: Readonly<Record<Unit, Intl.NumberFormatOptions>> = {
  usd: { style: "currency", currency: "USD", minimumFractionDigits: 0, maximumFractionDigits: 0 },
  usd_per_editor: { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 },
  share: { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 },
  index: { minimumFractionDigits: 3, maximumFractionDigits: 3 },
  nats: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  per_1k_usd: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  count: { maximumFractionDigits: 0 },
};

/** Percentage points, to one decimal as the shares they are the difference of. */
const POINTS: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

const formats = new Map<string, Intl.NumberFormat>();

/** An `Intl.NumberFormat` for a locale and options, made once; a figure that rounds to zero takes no sign. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { signDisplay: "negative", ...options });
    formats.set(key, format);
  }
  return format;
}

/**
 * A figure as people read it in the page's language, from `Intl`: `$454,075`, `454.075 US$`,
 * `41.2%`, `41,2 %`, `0.462`, `12,345`, with the locale's own signs and digits.
 */
export function formatNumber(value: number, unit: Unit, messages: Messages = en): string {
  return numberFormat(messages.numberLocale, UNIT_FORMATS[unit]).format(value);
}

/** A whole number (a count of hubs, reports, rows) in the page's language: `1,234`, `1234`, `1 234`. */
export function formatInteger(value: number, messages: Messages = en): string {
  return numberFormat(messages.numberLocale, { maximumFractionDigits: 0 }).format(value);
}

/** Items as a list in the page's language, from `Intl.ListFormat`: `Movement, Region and Hub`, `الحركة والمنطقة والمركز`. */
export function formatList(items: readonly string[], messages: Messages = en): string {
  return andList(items, messages.lang);
}

/** A cell as text: the formatted figure, or the words "suppressed", "no value" or "no data" — never 0. */
export function formatCell(cell: Cell, unit: Unit, messages: Messages = en): string {
  switch (cell.kind) {
    case "value":
      return formatNumber(cell.value, unit, messages);
    case "suppressed":
      return messages.suppressed;
    case "no-value":
      return messages.noValue;
    case "no-data":
      return messages.noData;
    case "withheld":
      return messages.withheldReasons[cell.reason];
  }
}

/**
 * The distance between a figure and its target, unsigned: in percentage points for shares, else as the
 * unit's figure (`$1,200`, `0.050`).
 */
export function formatGap(gap: number, unit: Unit, messages: Messages = en): string {
  const size = Math.abs(gap);
  return unit === "share"
    ? messages.percentagePoints(numberFormat(messages.numberLocale, POINTS).format(size * 100))
    : formatNumber(size, unit, messages);
}

/**
 * The change from `previous` to `current`: relative (`8.0%`) for money and counts, in percentage
 * points for shares, and as a plain difference for indices and rates. A change that rounds to
 * nothing is "unchanged".
 */
export function formatChange(current: number, previous: number, unit: Unit, messages: Messages = en): Change {
  const difference = Math.abs(current - previous);
  const locale = messages.numberLocale;
  let magnitude: string;
  if (unit === "share") {
    magnitude = messages.percentagePoints(numberFormat(locale, POINTS).format(difference * 100));
  } else if ((unit === "usd" || unit === "usd_per_editor" || unit === "count") && previous > 0) {
    magnitude = numberFormat(locale, UNIT_FORMATS.share).format(difference / previous);
  } else {
    magnitude = formatNumber(difference, unit, messages);
  }
  if (current === previous || !/[1-9\u0661-\u0669\u06f1-\u06f9]/.test(magnitude))
    return { trend: "unchanged" };
  return { trend: current > previous ? "up" : "down", magnitude };
}

/** An ISO timestamp as `1 March 2026, 12:00 UTC`; text that is not a timestamp is returned as given. */
export function formatTimestamp(iso: string, messages: Messages = en): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(messages.dateLocale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
  const time = date.toISOString().slice(11, 16);
  return `${day}, ${time} UTC`;
}
