import type { Config } from "vega-lite";
import type { Unit } from "../../functions/core/framework/framework.js";

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

/** The Vega-Lite axis format for a unit: `$` with SI-style abbreviations, percentages, fixed decimals. */
export function axisFormat(unit: Unit): { format: string } | { labelExpr: string } {
  switch (unit) {
    case "usd":
      return { labelExpr: "replace(format(datum.value, '$.2~s'), 'G', 'B')" };
    case "usd_per_editor":
      return { format: "$,.2~f" };
    case "share":
      return { format: ".0%" };
    case "index":
      return { format: ".3f" };
    case "nats":
      return { format: ".2f" };
    case "per_1k_usd":
      return { format: ",.2~f" };
    case "count":
      return { format: ",.3~s" };
  }
}

/** Whether the scale should start at zero: yes, except for indices whose level is read against themselves. */
export function zeroBased(unit: Unit): boolean {
  return unit !== "index" && unit !== "nats";
}

/** Whether a unit is an additive amount, drawn as bars over time rather than a line. */
export function isAmount(unit: Unit): boolean {
  return unit === "usd" || unit === "count";
}
