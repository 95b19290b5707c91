/**
 * Recognising a scenario upload by its first bytes, without reading it: pure, without Node APIs, so that the
 * validator page runs it in the browser as ingest does.
 */

/** A scenario file is a few hundred bytes; this leaves room for a long description. */
export const MAX_SCENARIO_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Whether an upload is a scenario file rather than a report: its text (after a byte-order mark and white
 * space) opens a JSON object. A CSV report never starts with `{`; a JSON object that is not a valid scenario
 * is then refused with what is wrong with it, rather than as a CSV file with a strange header.
 */
export function looksLikeScenario(bytes: Uint8Array): boolean {
  let i = UTF8_BOM.every((byte, index) => bytes[index] === byte) ? UTF8_BOM.length : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i++;
  return bytes[i] === 0x7b;
}
