import type { Config } from "vega-lite";
import type { Unit } from "../../functions/core/framework/framework.js";
import { compactLabelExpr } from "../vega/number-locale.js";

/**
 * The Okabe–Ito palette, safe for the common colour-vision deficiencies; yellow comes last because
 * it is the hardest to see on white.
 */
export const OKABE_ITO = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#56B4E9",
  "#CC79A7",
  "#000000",
  "#F0E442",
] as const;

/** The colour of a single series. */
export const SERIES_COLOUR = OKABE_ITO[0];
/** The colour of a second series, or of the figure the reader picked. */
export const CONTRAST_COLOUR = OKABE_ITO[3];
/** A neutral colour for reference marks (targets, the line of equality). */
export const REFERENCE_COLOUR = "#7b8794";
/** The colour of text and of the zero line. */
export const INK = "#1f2933";
const MUTED = "#52606d";
const FONT = "Helvetica Neue, Helvetica, Arial, Liberation Sans, sans-serif";
/** Opacity of the figures the reader did not pick when a region is picked. */
export const DIMMED = 0.3;

/** The shared look of every chart. */
export const CHART_CONFIG: Config = {
  aria: false,
  font: FONT,
  background: "#ffffff",
  padding: 8,
  view: { stroke: null },
  title: {
    anchor: "start",
    fontSize: 15,
    fontWeight: 600,
    color: INK,
    subtitleFontSize: 12,
    subtitleColor: MUTED,
    subtitlePadding: 6,
    offset: 14,
  },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 500,
    labelColor: MUTED,
    titleColor: MUTED,
    gridColor: "#e4e7eb",
    domainColor: "#9aa5b1",
    tickColor: "#9aa5b1",
  },
  legend: { labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: MUTED, orient: "top" },
};

/**
 * The axis labels of a unit in a language: money and counts in the locale's compact form (`$4.4M`,
 * `4,4 M US$`, from `Intl`), shares as percentages, other figures with the decimals they need. The
 * marks and separators come from the spec's locale (`config.locale.number`, see `numberLocaleConfig`).
 */
export function axisFormat(unit: Unit, locale = "en-US"): { format: string } | { labelExpr: string } {
  switch (unit) {
    case "usd":
      return { labelExpr: compactLabelExpr(locale, true) };
    case "count":
      return { labelExpr: compactLabelExpr(locale, false) };
    case "usd_per_editor":
      return { format: "$,.2~f" };
    case "share":
      return { format: ".0%" };
    case "index":
      return { format: ",.3~f" };
    case "nats":
    case "per_1k_usd":
      return { format: ",.2~f" };
  }
}

/** The scale of a unit's axis: every axis starts at zero, and shares run from 0 to 100%. */
export function valueScale(unit: Unit): { zero: true } | { domain: [number, number] } {
  return unit === "share" ? { domain: [0, 1] } : { zero: true };
}

/** Whether a unit is an additive amount, drawn as bars over time rather than a line. */
export function isAmount(unit: Unit): boolean {
  return unit === "usd" || unit === "count";
}

/** The spread, as a share of the largest figure, under which figures are said to lie close together. */
const NARROW_SPREAD = 0.05;

/**
 * Whether figures lie so close together that, on an axis from zero, their differences hardly
 * show: their spread is less than a twentieth of the largest (on a 220-pixel plot, under about ten
 * pixels). Charts then say so in words instead of zooming the axis.
 */
export function isNarrowRange(values: readonly number[]): boolean {
  if (values.length < 2) return false;
  const high = Math.max(...values);
  const low = Math.min(...values);
  return high > 0 && low >= 0 && high - low < NARROW_SPREAD * high && high !== low;
}
