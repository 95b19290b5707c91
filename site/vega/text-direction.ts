import type { TopLevelSpec } from "vega-lite";

const RIGHT_TO_LEFT_EMBEDDING = "\u202B";
const POP_DIRECTIONAL_FORMATTING = "\u202C";

function embedRightToLeft(text: string): string {
  return text.length === 0 ? text : `${RIGHT_TO_LEFT_EMBEDDING}${text}${POP_DIRECTIONAL_FORMATTING}`;
}

function embedTitle(value: unknown): unknown {
  if (typeof value === "string") return embedRightToLeft(value);
  if (Array.isArray(value))
    return value.map((line) => (typeof line === "string" ? embedRightToLeft(line) : line));
  if (value !== null && typeof value === "object") {
    const title = value as Record<string, unknown>;
    return {
      ...title,
      ...("text" in title ? { text: embedTitle(title.text) } : {}),
      ...("subtitle" in title ? { subtitle: embedTitle(title.subtitle) } : {}),
    };
  }
  return value;
}

/**
 * A spec for a right-to-left page. Charts keep their left-to-right geometry, so each title (chart,
 * axis, legend, and the per-year titles) is wrapped in a right-to-left embedding: Arabic text with
 * numbers and Latin names inside then reads in the right order. Other specs are returned unchanged.
 */
export function forTextDirection(spec: TopLevelSpec, dir: "ltr" | "rtl"): TopLevelSpec {
  if (dir === "ltr") return spec;
  const visit = (node: unknown, key?: string): unknown => {
    if (key === "title" || key === "subtitle") return embedTitle(node);
    if (Array.isArray(node)) return node.map((item) => visit(item));
    if (node === null || typeof node !== "object") return node;
    const record = node as Record<string, unknown>;
    if (record.name === "titles" && record.value !== null && typeof record.value === "object") {
      return {
        ...record,
        value: Object.fromEntries(
          Object.entries(record.value as Record<string, string>).map(([year, text]) => [
            year,
            embedRightToLeft(text),
          ]),
        ),
      };
    }
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, k === "datasets" || k === "data" ? v : visit(v, k)]),
    );
  };
  return visit(spec) as TopLevelSpec;
}
