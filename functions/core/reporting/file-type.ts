import { type MessageCode, messages } from "./messages.js";
import type { Problem } from "./problems.js";
import { WorkbookError } from "./workbook/errors.js";
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from "./workbook/limits.js";
import { ODS_MEDIA_TYPE } from "./workbook/ods.js";
import { XLSX_WORKBOOK_PART } from "./workbook/xlsx.js";
import { ExpansionBudget, inflateEntry, ZipArchive } from "./workbook/zip.js";

/**
 * What an uploaded file is, recognised by its bytes (never by its name): CSV text, an `.xlsx` or `.ods` workbook
 * (with its zip directory, already read), or something else, refused with a problem that says what the file seems
 * to be and what to do.
 */
export type FileType =
  | { readonly format: "csv" }
  | { readonly format: "xlsx" | "ods"; readonly archive: ZipArchive }
  | { readonly format: "refused"; readonly problem: Problem };

/** How much of the start of a file is looked at to tell text from binary data. */
const HEAD = 8192;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GZIP = [0x1f, 0x8b];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP_STARTS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];
/** Media types of OpenDocument files other than a spreadsheet, by what they are called. */
const OPEN_DOCUMENT_KINDS: Readonly<Record<string, string>> = {
  "application/vnd.oasis.opendocument.text": "an OpenDocument text document (.odt)",
  "application/vnd.oasis.opendocument.spreadsheet-template": "an OpenDocument spreadsheet template (.ots)",
  "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
  "application/vnd.oasis.opendocument.graphics": "an OpenDocument drawing (.odg)",
};

const refuse = (code: MessageCode, message: string): FileType => ({
  format: "refused",
  problem: { severity: "error", code, message },
});

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/**
 * Whether a file is a zip archive or an OLE2 compound file, whose kind only all of its bytes tell (a zip archive's
 * directory is at its end); anything else is recognised from its first 8 KiB.
 */
export function isContainerFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2) || ZIP_STARTS.some((signature) => startsWith(bytes, signature));
}

/**
 * Recognises an uploaded file by its bytes. Everything but a zip archive is recognised from its first 8 KiB; a zip
 * archive needs its central directory (at the end) to tell an `.xlsx` workbook (`xl/workbook.xml`) from an `.ods`
 * one (a `mimetype` entry of `application/vnd.oasis.opendocument.spreadsheet`) and from other zip-based files.
 * Text that is not UTF-8 (such as Windows-1252) is still "csv": the CSV validation says which line is not UTF-8.
 */
export function recogniseFile(
  bytes: Uint8Array,
  limits: Pick<WorkbookLimits, "maxEntries"> = DEFAULT_WORKBOOK_LIMITS,
): FileType {
  if (startsWith(bytes, OLE2)) return recogniseCompoundFile(bytes);
  if (ZIP_STARTS.some((signature) => startsWith(bytes, signature))) return recogniseZip(bytes, limits);
  if (startsWith(bytes, [...new TextEncoder().encode("%PDF-")]))
    return refuse("pdfDocument", messages.pdfDocument());
  const image = imageFormat(bytes);
  if (image) return refuse("imageFile", messages.imageFile(image));
  if (startsWith(bytes, GZIP)) return refuse("gzipFile", messages.gzipFile());
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return refuse("utf16Text", messages.utf16Text());

  const start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  const head = bytes.subarray(start, start + HEAD);
  if (head.includes(0) && looksLikeUtf16(head)) return refuse("utf16Text", messages.utf16Text());
  if (looksBinary(head)) return refuse("unknownBinary", messages.unknownBinary());
  const text = String.fromCharCode(...head.subarray(0, 2048)).trimStart();
  if (text.startsWith("{\\rtf"))
    return refuse("officeDocument", messages.officeDocument("a rich text document (.rtf)"));
  if (text.startsWith("<"))
    return refuse("markupDocument", messages.markupDocument(markupKind(text.toLowerCase())));
  return { format: "csv" };
}

function imageFormat(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, PNG)) return "PNG";
  if (startsWith(bytes, JPEG)) return "JPEG";
  const ascii = String.fromCharCode(...bytes.subarray(0, 12));
  if (ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a")) return "GIF";
  if (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP") return "WebP";
  return undefined;
}

/**
 * Data rather than text: it has a NUL byte, and at least 1% of the bytes (and more than one) are NUL, or 5% are
 * control bytes that text does not use (all below 0x20 but tab, line feed, form feed, carriage return and escape). A
 * text file with a stray control character stays text, even a file of a few lines, so that the CSV validation names
 * the cell that holds it.
 */
function looksBinary(head: Uint8Array): boolean {
  let nul = 0;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) nul++;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b)
      control++;
  }
  return nul > 0 && (nul >= Math.max(2, head.length * 0.01) || control >= head.length * 0.05);
}

/** Text in UTF-16 without a byte-order mark: most characters are ASCII, so every other byte is 0. */
function looksLikeUtf16(head: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  for (let index = 0; index + 1 < head.length; index += 2) {
    if (head[index] === 0) even++;
    if (head[index + 1] === 0) odd++;
  }
  const pairs = Math.floor(head.length / 2);
  return pairs > 0 && Math.max(even, odd) >= pairs * 0.4 && Math.min(even, odd) <= pairs * 0.05;
}

function markupKind(lower: string): string {
  if (/<!doctype html|<html|<table|<body/.test(lower))
    return "an HTML page (some programs save a table as a web page with an .xls name)";
  if (lower.includes("urn:schemas-microsoft-com:office:spreadsheet"))
    return "an XML spreadsheet (Excel 2003 XML)";
  if (lower.includes("urn:oasis:names:tc:opendocument")) return "a flat OpenDocument file (.fods)";
  return "an XML document";
}

/** An OLE2 compound file: an Office 97–2003 document, or an Office file encrypted with a password. */
function recogniseCompoundFile(bytes: Uint8Array): FileType {
  const holds = (stream: string) => indexOf(bytes, utf16le(stream)) >= 0;
  if (holds("EncryptedPackage")) return refuse("encryptedFile", messages.encryptedFile());
  if (holds("Workbook") || holds("Book")) return refuse("xlsWorkbook", messages.xlsWorkbook());
  if (holds("WordDocument"))
    return refuse("officeDocument", messages.officeDocument("a Word 97–2003 document (.doc)"));
  if (holds("PowerPoint Document"))
    return refuse("officeDocument", messages.officeDocument("a PowerPoint 97–2003 presentation (.ppt)"));
  return refuse("officeDocument", messages.officeDocument("a Microsoft Office 97–2003 file"));
}

function recogniseZip(bytes: Uint8Array, limits: Pick<WorkbookLimits, "maxEntries">): FileType {
  let archive: ZipArchive;
  try {
    archive = ZipArchive.open(bytes, limits);
  } catch (error) {
    if (error instanceof WorkbookError) return { format: "refused", problem: error.problem };
    throw error;
  }
  if (archive.has(XLSX_WORKBOOK_PART)) return { format: "xlsx", archive };
  if (archive.has("xl/workbook.bin")) return refuse("xlsbWorkbook", messages.xlsbWorkbook());
  const mediaType = archive.has("mimetype") ? readMediaType(archive) : undefined;
  if (mediaType === ODS_MEDIA_TYPE) return { format: "ods", archive };
  if (mediaType?.startsWith("application/vnd.oasis.opendocument."))
    return refuse(
      "officeDocument",
      messages.officeDocument(OPEN_DOCUMENT_KINDS[mediaType] ?? "an OpenDocument file"),
    );
  if (archive.has("word/document.xml"))
    return refuse("officeDocument", messages.officeDocument("a Word document (.docx)"));
  if (archive.has("ppt/presentation.xml"))
    return refuse("officeDocument", messages.officeDocument("a PowerPoint presentation (.pptx)"));
  if (archive.has("Index.zip") || archive.entries.some((entry) => /^index\/[^/]+\.iwa$/i.test(entry.name)))
    return refuse("numbersWorkbook", messages.numbersWorkbook());
  return refuse("zipArchive", messages.zipArchive());
}

/** The media type an OpenDocument package states in its first entry; undefined when it cannot be read. */
function readMediaType(archive: ZipArchive): string | undefined {
  const entry = archive.entry("mimetype");
  if (!entry) return undefined;
  try {
    const budget = new ExpansionBudget({ maxPartBytes: 256, maxTotalBytes: 256 });
    const chunks = [...inflateEntry(archive, entry, budget)];
    return new TextDecoder().decode(concat(chunks)).trim();
  } catch (error) {
    if (error instanceof WorkbookError) return undefined;
    throw error;
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) bytes[index * 2] = text.charCodeAt(index);
  return bytes;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (
    let start = haystack.indexOf(first as number);
    start >= 0;
    start = haystack.indexOf(first as number, start + 1)
  ) {
    if (start + needle.length > haystack.length) return -1;
    let index = 1;
    while (index < needle.length && haystack[start + index] === needle[index]) index++;
    if (index === needle.length) return start;
  }
  return -1;
}
