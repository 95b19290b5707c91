import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from "saxes";
import { messages } from "../messages.js";
import { DamagedWorkbookError, WorkbookError } from "./errors.js";
import { type ExpansionBudget, inflateEntry, type ZipArchive } from "./zip.js";

/** A streaming XML parser that resolves namespaces, so that elements are matched by namespace and local name. */
export type XmlParser = SaxesParser<{ xmlns: true; position: false }>;
export type XmlTag = SaxesTagNS;

const unreadable = (part: string, what: string) =>
  new DamagedWorkbookError(
    "workbookUnreadable",
    messages.workbookUnreadable(`its part ${JSON.stringify(part)} ${what}`),
  );

/**
 * A parser for one part. A document type declaration is refused (package parts never have one), so no entity
 * of the file is ever defined, let alone expanded.
 */
export function xmlParser(part: string): XmlParser {
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on("doctype", () => {
    throw unreadable(part, "declares a document type");
  });
  return parser;
}

/** The value of an attribute by namespace and local name (an unprefixed attribute has the namespace ""). */
export function attribute(tag: XmlTag, uri: string, local: string): string | undefined {
  for (const key in tag.attributes) {
    const found = tag.attributes[key] as SaxesAttributeNS;
    if (found.local === local && found.uri === uri) return found.value;
  }
  return undefined;
}

/**
 * Runs `parser` over a part of the archive as it is inflated and decoded (UTF-8, or UTF-16 by its byte-order mark),
 * yielding whatever the parser's handlers put in `output` after each chunk. Stops early once `done()` says so.
 * A part that is not well-formed XML or not valid text is a {@link DamagedWorkbookError}; errors thrown by the
 * handlers pass through, after what the handlers put in `output` before them.
 */
export function* parsePart<T>(
  archive: ZipArchive,
  part: string,
  budget: ExpansionBudget,
  parser: XmlParser,
  output: T[] = [],
  done: () => boolean = () => false,
): Generator<T, void, undefined> {
  const entry = archive.entry(part);
  if (!entry) throw unreadable(part, "is missing");
  let decoder: TextDecoder | undefined;
  /** Writes text to the parser; the error it meets, if any, is returned so that the records before it go first. */
  const write = (text: string | null): WorkbookError | undefined => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
      return undefined;
    } catch (error) {
      if (error instanceof WorkbookError) return error;
      return unreadable(part, "is not well-formed XML");
    }
  };
  const decode = (chunk: Uint8Array, stream: boolean) => {
    try {
      return (decoder as TextDecoder).decode(chunk, { stream });
    } catch {
      throw unreadable(part, "is not valid text");
    }
  };
  for (const chunk of inflateEntry(archive, entry, budget)) {
    decoder ??= new TextDecoder(encodingOf(chunk), { fatal: true });
    const failure = write(decode(chunk, true));
    yield* output;
    output.length = 0;
    if (failure) throw failure;
    if (done()) return;
  }
  const failure = write(decoder ? decode(new Uint8Array(0), false) : "") ?? write(null);
  yield* output;
  output.length = 0;
  if (failure) throw failure;
}

/** Runs `parser` over a whole part whose handlers keep what they need. */
export function parseWholePart(
  archive: ZipArchive,
  part: string,
  budget: ExpansionBudget,
  parser: XmlParser,
): void {
  for (const _ of parsePart(archive, part, budget, parser));
}

function encodingOf(start: Uint8Array): string {
  if (start[0] === 0xff && start[1] === 0xfe) return "utf-16le";
  if (start[0] === 0xfe && start[1] === 0xff) return "utf-16be";
  return "utf-8";
}
