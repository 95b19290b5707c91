import * as vega from "vega";

/**
 * Advance widths (per 1000 em) of Helvetica/Arial for the printable ASCII characters, from space
 * (U+0020) to tilde (U+007E). Arial, Helvetica and Liberation Sans share these metrics.
 */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const OTHER_CHARACTER = 600;
const BOLD_FACTOR = 1.07;
/** Headroom for fonts wider than Helvetica (system fonts; DejaVu Sans, a common fallback on Linux, is about a tenth wider). */
const SAFETY_FACTOR = 1.12;

interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
}

/** The width in pixels of `text` set in Helvetica at `fontSize`, a little generous. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    units += (code >= 32 && code <= 126 ? HELVETICA_WIDTHS[code - 32] : undefined) ?? OTHER_CHARACTER;
  }
  return (units / 1000) * fontSize * SAFETY_FACTOR * (bold ? BOLD_FACTOR : 1);
}

function isBold(weight: number | string | undefined): boolean {
  if (weight === undefined) return false;
  if (typeof weight === "number") return weight >= 600;
  return weight === "bold" || weight === "bolder" || Number(weight) >= 600;
}

let installed = false;

/**
 * Makes vega measure text with Helvetica's character widths when it renders in Node without a
 * canvas. Vega's own fallback counts 0.8 em per character, which truncates long labels (region
 * names) and pads charts with blank space. Vega supports replacing `textMetrics.width` for exactly
 * this (vl-convert does the same); it is process-wide, and installing it twice is harmless.
 */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  const { textMetrics } = vega as unknown as {
    textMetrics: { width: (item: TextItem, text: unknown) => number };
  };
  textMetrics.width = (item, text) => {
    const value = text == null ? "" : String(text).trim();
    const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
    return estimateTextWidth(value, size, isBold(item.fontWeight));
  };
}
