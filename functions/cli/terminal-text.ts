/**
 * Text the CLI prints often echoes what a file holds (column names, cell values, file names). Such text must not
 * steer the terminal or forge output: control characters could move the cursor, recolour or clear lines, and a
 * newline inside a value could print a line that looks like the CLI's own ("…: accepted as report …").
 */

/** Characters a line of output never carries as they are. */
function isUnsafe(code: number): boolean {
  return (
    code <= 0x1f || // C0 controls, newline and tab included
    (code >= 0x7f && code <= 0x9f) || // DEL and the C1 controls (0x9b is a one-byte escape sequence)
    code === 0x061c || // Arabic letter mark
    (code >= 0x200b && code <= 0x200f) || // zero-width characters, left-to-right and right-to-left marks
    (code >= 0x2028 && code <= 0x202e) || // line and paragraph separators, bidirectional embeddings and overrides
    (code >= 0x2060 && code <= 0x206f) || // word joiner, invisible operators, bidirectional isolates
    code === 0xfeff || // zero-width no-break space (byte order mark)
    (code >= 0xfff9 && code <= 0xfffb) || // interlinear annotation controls
    (code >= 0xd800 && code <= 0xdfff) // half of a surrogate pair, alone
  );
}

const NAMED: Readonly<Record<number, string>> = { 9: "\\t", 10: "\\n", 13: "\\r" };

function escapeOf(code: number): string {
  const named = NAMED[code];
  if (named) return named;
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff ? `\\x${hex.padStart(2, "0")}` : `\\u{${hex}}`;
}

/**
 * The text with every control, bidirectional or invisible formatting character written as a visible escape:
 * `\n`, `\t`, `\r`, `\xNN` up to U+00FF, `\u{NNNN}` above. The result holds no line break, so it prints as one
 * line; escaping it again changes nothing.
 */
export function visible(text: string): string {
  let escaped = "";
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    escaped += isUnsafe(code) ? escapeOf(code) : character;
  }
  return escaped;
}

/** Lines for the terminal: each escaped with `visible`, so that no value can start a line of its own. */
export function visibleLines(lines: readonly string[]): string {
  return lines.map(visible).join("\n");
}

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * JSON for the terminal: `JSON.stringify` already escapes C0 controls and lone surrogates; DEL, the C1
 * controls and the bidirectional and invisible characters are written as `\uNNNN` escapes too. The parsed value
 * is the same.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE_IN_JSON,
    (character) => `\\u${(character.codePointAt(0) as number).toString(16).padStart(4, "0")}`,
  );
}
