/**
 * Characters that reporting standard 1.1 forbids in text cells: control characters (U+0000–U+001F except
 * tab, U+007F–U+009F) and bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069). All of them
 * are single UTF-16 code units, so a cell is scanned code unit by code unit.
 */
export type ForbiddenKind = "control" | "bidi";

const TAB = 0x09;

/** What kind of forbidden character a UTF-16 code unit is, if any. */
export function forbiddenKindOf(code: number): ForbiddenKind | undefined {
  if ((code < 0x20 && code !== TAB) || (code >= 0x7f && code <= 0x9f)) return "control";
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return "bidi";
  return undefined;
}

/** The distinct forbidden characters of a text by kind, as code points in order of first appearance. */
export interface ForbiddenCharacters {
  readonly control: number[];
  readonly bidi: number[];
}

/** Finds the forbidden characters of a text; undefined when it has none (the common case, one pass). */
export function findForbiddenCharacters(text: string): ForbiddenCharacters | undefined {
  let found: ForbiddenCharacters | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = forbiddenKindOf(code);
    if (kind === undefined) continue;
    found ??= { control: [], bidi: [] };
    if (!found[kind].includes(code)) found[kind].push(code);
  }
  return found;
}

/** The text without its forbidden characters. */
export function removeForbiddenCharacters(text: string): string {
  let result = "";
  for (const character of text) {
    if (forbiddenKindOf(character.charCodeAt(0)) === undefined) result += character;
  }
  return result;
}

/**
 * Writes every forbidden character, and every other character below U+0020, as a `\uXXXX` escape, so that a
 * message can show a value without handing a terminal or a page its control or bidirectional characters.
 */
export function escapeForbiddenCharacters(text: string): string {
  let result = "";
  for (const character of text) {
    const code = character.charCodeAt(0);
    result +=
      code < 0x20 || forbiddenKindOf(code) !== undefined
        ? `\\u${code.toString(16).padStart(4, "0")}`
        : character;
  }
  return result;
}

/** A code point as Unicode writes it: `U+202E`. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
