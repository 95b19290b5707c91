import type { Unit } from "../../functions/core/framework/framework.js";
import type { Cell } from "../figures/cell.js";
import type { Messages } from "./catalogue.js";
import { en } from "./en.js";

/** How a figure moved between two years, with the size of the move already formatted (unsigned). */
export type Change =
  | { readonly trend: "up" | "down"; readonly magnitude: string }
  | { readonly trend: "unchanged" };

const MINUS = "\u2212";

const numberFormats = new Map<string, Intl.NumberFormat>();

function fixed(value: number, digits: number, messages: Messages): string {
  const key = `${messages.numberLocale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(messages.numberLocale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

function withSign(value: number, magnitude: string): string {
  return value < 0 && /[1-9]/.test(magnitude) ? `${MINUS}${magnitude}` : magnitude;
}

function dollars(amount: number, messages: Messages): string {
  if (Math.round(amount / 1e8) >= 10_000) return `$${fixed(amount / 1e12, 1, messages)}T`;
  if (Math.round(amount / 1e5) >= 10_000) return `$${fixed(amount / 1e9, 1, messages)}B`;
  if (Math.round(amount) >= 1_000_000) return `$${fixed(amount / 1e6, 1, messages)}M`;
  return `$${fixed(amount, 0, messages)}`;
}

function magnitudeOf(amount: number, unit: Unit, messages: Messages): string {
  switch (unit) {
    case "usd":
      return dollars(amount, messages);
    case "usd_per_editor":
      return amount < 99.995 ? `$${fixed(amount, 2, messages)}` : `$${fixed(amount, 0, messages)}`;
    case "share":
      return `${fixed(amount * 100, 1, messages)}%`;
    case "index":
      return fixed(amount, 3, messages);
    case "nats":
    case "per_1k_usd":
      return fixed(amount, 2, messages);
    case "count":
      return fixed(amount, 0, messages);
  }
}

/**
 * A figure as people read it: `$1.2M`, `$8,450`, `41.3%`, `0.462`, `12,345`; negative figures
 * take a true minus sign (`−$1.2M`).
 */
export function formatNumber(value: number, unit: Unit, messages: Messages = en): string {
  return withSign(value, magnitudeOf(Math.abs(value), unit, messages));
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
    ? messages.percentagePoints(fixed(size * 100, 1, messages))
    : magnitudeOf(size, unit, messages);
}

/**
 * The change from `previous` to `current`: relative (`8.0%`) for money and counts, in percentage
 * points for shares, and as a plain difference for indices and rates. A change that rounds to
 * nothing is "unchanged".
 */
export function formatChange(current: number, previous: number, unit: Unit, messages: Messages = en): Change {
  const difference = current - previous;
  let magnitude: string;
  if (unit === "share") {
    magnitude = messages.percentagePoints(fixed(Math.abs(difference) * 100, 1, messages));
  } else if ((unit === "usd" || unit === "usd_per_editor" || unit === "count") && previous > 0) {
    magnitude = `${fixed(Math.abs(difference / previous) * 100, 1, messages)}%`;
  } else {
    magnitude = magnitudeOf(Math.abs(difference), unit, messages);
  }
  if (difference === 0 || !/[1-9]/.test(magnitude)) return { trend: "unchanged" };
  return { trend: difference > 0 ? "up" : "down", magnitude };
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
