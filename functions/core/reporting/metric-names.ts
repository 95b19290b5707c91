/**
 * Near-miss metric names: a name within two edits of a known metric is taken for a typing error, not for a new
 * metric. Edits are counted as the (unrestricted) Damerau–Levenshtein distance: inserting, deleting or
 * substituting one character, or swapping two adjacent ones, is one edit each.
 */

/** The most edits by which a name may differ from a known metric and still be taken for it. */
export const MAX_METRIC_EDITS = 2;

/** The Damerau–Levenshtein distance of two strings (Lowrance–Wagner), by UTF-16 code unit. */
export function damerauLevenshtein(a: string, b: string): number {
  const infinity = a.length + b.length;
  const width = b.length + 2;
  const d = new Array<number>((a.length + 2) * width).fill(0);
  const at = (i: number, j: number) => d[i * width + j] as number;
  const set = (i: number, j: number, value: number) => {
    d[i * width + j] = value;
  };
  set(0, 0, infinity);
  for (let i = 0; i <= a.length; i++) {
    set(i + 1, 0, infinity);
    set(i + 1, 1, i);
  }
  for (let j = 0; j <= b.length; j++) {
    set(0, j + 1, infinity);
    set(1, j + 1, j);
  }
  const lastRowOf = new Map<string, number>();
  for (let i = 1; i <= a.length; i++) {
    let lastMatchingColumn = 0;
    for (let j = 1; j <= b.length; j++) {
      const previousRow = lastRowOf.get(b[j - 1] as string) ?? 0;
      const previousColumn = lastMatchingColumn;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchingColumn = j;
      set(
        i + 1,
        j + 1,
        Math.min(
          at(i, j) + cost,
          at(i + 1, j) + 1,
          at(i, j + 1) + 1,
          at(previousRow, previousColumn) + (i - previousRow - 1) + 1 + (j - previousColumn - 1),
        ),
      );
    }
    lastRowOf.set(a[i - 1] as string, i);
  }
  return at(a.length + 1, b.length + 1);
}

/**
 * The known metric a name was probably meant to be: the nearest within {@link MAX_METRIC_EDITS} edits, of
 * several equally near the first in code-unit order; undefined for a known name or one not near any.
 */
export function nearMissOf(name: string, known: readonly string[]): string | undefined {
  if (known.includes(name)) return undefined;
  let best: { metric: string; edits: number } | undefined;
  for (const metric of known) {
    const edits = damerauLevenshtein(name, metric);
    if (edits > MAX_METRIC_EDITS) continue;
    if (!best || edits < best.edits || (edits === best.edits && metric < best.metric))
      best = { metric, edits };
  }
  return best?.metric;
}
