import * as vega from "vega";
import { escapeHtml } from "../web/html.js";
import { installTextMetrics } from "./text-metrics.js";

/** The text alternative of a chart, and the id its `<title>` and `<desc>` elements are derived from. */
export interface SvgLabel {
  /** Unique within the page; letters, digits, `.`, `_` and `-` only. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

const OPENING_TAG = /^<svg\b[^>]*>/;
const INNER_ACCESSIBILITY_ATTRIBUTES = /\s(?:role|aria-[a-z]+)="[^"]*"/g;

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  if (!match?.[1]) throw new Error(`vega's SVG has no ${name} attribute: ${tag}`);
  return match[1];
}

/**
 * Renders a compiled Vega spec to a static SVG in Node (no browser, no canvas), ready to inline in
 * a page: `role="img"`, labelled by a `<title>` and described by a `<desc>` that carry the label.
 * Vega's own ARIA attributes on inner elements are dropped: inside an image they are never read.
 */
export async function renderSvg(compiled: vega.Spec, label: SvgLabel): Promise<string> {
  if (!/^[A-Za-z][\w.-]*$/.test(label.id))
    throw new Error(`chart id ${JSON.stringify(label.id)} is not safe`);
  installTextMetrics();
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    const tag = OPENING_TAG.exec(svg)?.[0];
    if (!tag) throw new Error("vega's SVG does not start with an <svg> element");
    const titleId = `${label.id}-title`;
    const descId = `${label.id}-desc`;
    const opening =
      `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${attribute(tag, "width")}"` +
      ` height="${attribute(tag, "height")}" viewBox="${attribute(tag, "viewBox")}" role="img"` +
      ` aria-labelledby="${titleId}" aria-describedby="${descId}">` +
      `<title id="${titleId}">${escapeHtml(label.title)}</title>` +
      `<desc id="${descId}">${escapeHtml(label.description)}</desc>`;
    const body = svg
      .slice(tag.length)
      .replace(/<[^>]+>/g, (element) => element.replace(INNER_ACCESSIBILITY_ATTRIBUTES, ""));
    return opening + body;
  } finally {
    view.finalize();
  }
}
