const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(lang: string, type: "conjunction" | "disjunction"): Intl.ListFormat {
  const key = `${lang}\u0000${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(lang, { type });
    listFormats.set(key, format);
  }
  return format;
}

/** Items as a list joined by "and" in a language, from `Intl.ListFormat`: `a, b, and c`, `a, b y c`, `a, b et c`, `a وb وc`. */
export function andList(items: readonly string[], lang: string): string {
  return listFormat(lang, "conjunction").format(items);
}

/** Items as a list joined by "or" in a language, from `Intl.ListFormat`: `a, b, or c`, `a, b o c`, `a, b ou c`, `a أو b أو c`. */
export function orList(items: readonly string[], lang: string): string {
  return listFormat(lang, "disjunction").format(items);
}
