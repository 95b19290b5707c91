/** A value as the site publishes JSON for people to read: indented, with a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A list of rows as JSON with one row per line, which reads and diffs well for long lists. */
export function rowsJsonText(rows: readonly unknown[]): string {
  return rows.length === 0 ? "[]\n" : `[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(",\n")}\n]\n`;
}
