/**
 * Builds workbooks and zip archives byte by byte for the tests: well-formed ones from sheets, and hostile ones
 * (zip bombs, lying sizes, too many entries) that no spreadsheet program writes. A zip bomb's padding is written as
 * a DEFLATE stream of copies (258 bytes per 13 bits), so a part that expands to hundreds of megabytes is built in
 * a few megabytes without ever holding the expanded bytes.
 */
import { deflateSync } from "fflate";
import type {
  ExampleCell,
  ExampleRow,
  ExampleSheet,
  RuleExample,
  WorkbookExample,
} from "../../../functions/core/reporting/rule-catalogue.js";
import { columnLetters } from "../../../functions/core/reporting/workbook.js";

const encoder = new TextEncoder();

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Writes bits least significant first, as DEFLATE packs them. */
class BitWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;
  private current = 0;
  private used = 0;

  bits(value: number, count: number): void {
    for (let index = 0; index < count; index++) this.bit((value >>> index) & 1);
  }

  /** A Huffman code, most significant bit first. */
  code(value: number, count: number): void {
    for (let index = count - 1; index >= 0; index--) this.bit((value >>> index) & 1);
  }

  finish(): Uint8Array {
    if (this.used > 0) this.push(this.current);
    return this.bytes.slice(0, this.length);
  }

  private bit(bit: number): void {
    this.current |= bit << this.used;
    if (++this.used === 8) {
      this.push(this.current);
      this.current = 0;
      this.used = 0;
    }
  }

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }
}

/** A literal byte in DEFLATE's fixed Huffman code. */
function literal(writer: BitWriter, byte: number): void {
  if (byte < 144) writer.code(0x30 + byte, 8);
  else writer.code(0x190 + byte - 144, 9);
}

/**
 * A raw DEFLATE stream of `prefix`, then `count` spaces, then `suffix`, in one block of fixed Huffman codes: the
 * spaces are one literal and copies of 258 bytes at distance 1.
 */
export function deflateWithSpaces(prefix: Uint8Array, count: number, suffix: Uint8Array): Uint8Array {
  const writer = new BitWriter();
  writer.bits(1, 1);
  writer.bits(1, 2);
  for (const byte of prefix) literal(writer, byte);
  if (count > 0) {
    literal(writer, 0x20);
    let left = count - 1;
    for (; left >= 258; left -= 258) {
      writer.code(0xc0 + 5, 8);
      writer.code(0, 5);
    }
    for (; left > 0; left--) literal(writer, 0x20);
  }
  for (const byte of suffix) literal(writer, byte);
  writer.code(0, 7);
  return writer.finish();
}

/** An entry of a zip archive: text or bytes to deflate, or data already compressed with a declared size. */
export type ZipInput =
  | { readonly name: string; readonly content: string | Uint8Array; readonly stored?: boolean }
  | {
      readonly name: string;
      readonly deflated: Uint8Array;
      /** The uncompressed size the archive declares (a lie, if a test wants one). */
      readonly declaredSize: number;
    };

/** A zip archive of the entries, in order, with a central directory. */
export function zipFile(inputs: readonly ZipInput[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = encoder.encode(input.name);
    let data: Uint8Array;
    let method: number;
    let crc: number;
    let size: number;
    if ("deflated" in input) {
      data = input.deflated;
      method = 8;
      crc = 0;
      size = input.declaredSize;
    } else {
      const content = typeof input.content === "string" ? encoder.encode(input.content) : input.content;
      data = input.stored ? content : deflateSync(content);
      method = input.stored ? 0 : 8;
      crc = crc32(content);
      size = content.length;
    }
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x800, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    locals.push(new Uint8Array(local.buffer), name, data);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x800, true);
    central.setUint16(10, method, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, data.length, true);
    central.setUint32(24, size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, inputs.length, true);
  end.setUint16(10, inputs.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return concat([...locals, ...centrals, new Uint8Array(end.buffer)]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Rows with their sheet row numbers (a row without one follows the previous). */
function numberedRows(rows: readonly ExampleRow[]): { row: number; spec: ExampleRow }[] {
  let next = 1;
  return rows.map((spec) => {
    const row = spec.row ?? next;
    next = row + (spec.repeat ?? 1);
    return { row, spec };
  });
}

function xlsxCell(cell: ExampleCell, reference: string): string {
  if (cell === null) return "";
  if (typeof cell === "string")
    return `<c r="${reference}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
  if (typeof cell === "number") return `<c r="${reference}"><v>${cell}</v></c>`;
  if (typeof cell === "boolean") return `<c r="${reference}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if ("formula" in cell) {
    const type = typeof cell.value === "string" ? ' t="str"' : "";
    const value = cell.value === undefined ? "" : `<v>${escapeXml(String(cell.value))}</v>`;
    return `<c r="${reference}"${type}><f>${escapeXml(cell.formula)}</f>${value}</c>`;
  }
  return `<c r="${reference}" t="inlineStr"><is><t>${escapeXml(cell.text.repeat(cell.times))}</t></is></c>`;
}

/** The worksheet part of a sheet: inline strings, numbers, booleans and formulas. */
export function xlsxWorksheet(sheet: ExampleSheet): string {
  const rows = numberedRows(sheet.rows).map(({ row, spec }) => {
    if (spec.repeat !== undefined || spec.repeatCells !== undefined)
      throw new Error("an .xlsx sheet cannot repeat rows or cells");
    const first = spec.column ?? 1;
    const cells = spec.cells.map((cell, index) => xlsxCell(cell, `${columnLetters(first + index)}${row}`));
    return `<row r="${row}">${cells.join("")}</row>`;
  });
  return `<worksheet xmlns="${SPREADSHEETML}"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** The parts of an `.xlsx` workbook of these sheets (shared strings and styles present but empty). */
export function xlsxParts(sheets: readonly ExampleSheet[], workbookProperties = ""): Record<string, string> {
  const parts: Record<string, string> = {};
  const overrides: string[] = [];
  const sheetEntries: string[] = [];
  const relationships: string[] = [];
  sheets.forEach((sheet, index) => {
    const number = index + 1;
    const folder = sheet.chart ? "chartsheets" : "worksheets";
    const path = `${folder}/sheet${number}.xml`;
    parts[`xl/${path}`] = sheet.chart
      ? `<chartsheet xmlns="${SPREADSHEETML}" xmlns:r="${RELATIONSHIPS}"><drawing r:id="rId1"/></chartsheet>`
      : xlsxWorksheet(sheet);
    overrides.push(
      `<Override PartName="/xl/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${sheet.chart ? "chartsheet" : "worksheet"}+xml"/>`,
    );
    const state = sheet.hidden ? ' state="hidden"' : "";
    sheetEntries.push(
      `<sheet name="${escapeXml(sheet.name)}" sheetId="${number}"${state} r:id="rId${number}"/>`,
    );
    relationships.push(
      `<Relationship Id="rId${number}" Type="${RELATIONSHIPS}/${sheet.chart ? "chartsheet" : "worksheet"}" Target="${path}"/>`,
    );
  });
  relationships.push(
    `<Relationship Id="rIdStyles" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rIdStrings" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>`,
  );
  parts["[Content_Types].xml"] =
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`;
  parts["_rels/.rels"] =
    `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/workbook.xml"] =
    `<workbook xmlns="${SPREADSHEETML}" xmlns:r="${RELATIONSHIPS}">${workbookProperties}<sheets>${sheetEntries.join("")}</sheets></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${relationships.join("")}</Relationships>`;
  parts["xl/styles.xml"] =
    `<styleSheet xmlns="${SPREADSHEETML}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`;
  parts["xl/sharedStrings.xml"] = `<sst xmlns="${SPREADSHEETML}" count="0" uniqueCount="0"></sst>`;
  return parts;
}

const ODS_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
].join(" ");

function odsCell(cell: ExampleCell, repeat: number): string {
  const repeated = repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : "";
  const text = (value: string) =>
    `<table:table-cell${repeated} office:value-type="string"><text:p>${escapeXml(value)}</text:p></table:table-cell>`;
  if (cell === null) return `<table:table-cell${repeated}/>`;
  if (typeof cell === "string") return text(cell);
  if (typeof cell === "number")
    return `<table:table-cell${repeated} office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  if (typeof cell === "boolean")
    return `<table:table-cell${repeated} office:value-type="boolean" office:boolean-value="${cell}"><text:p>${cell ? "TRUE" : "FALSE"}</text:p></table:table-cell>`;
  if ("formula" in cell) {
    const formula = ` table:formula="of:=${escapeXml(cell.formula)}"`;
    if (cell.value === undefined) return `<table:table-cell${repeated}${formula}/>`;
    const value =
      typeof cell.value === "number"
        ? ` office:value-type="float" office:value="${cell.value}"`
        : ' office:value-type="string"';
    return `<table:table-cell${repeated}${formula}${value}><text:p>${escapeXml(String(cell.value))}</text:p></table:table-cell>`;
  }
  return text(cell.text.repeat(cell.times));
}

/** The body of an `.ods` table: rows (gaps as empty repeated rows) and cells, repeated as the sheet says. */
export function odsTable(sheet: ExampleSheet): string {
  if (sheet.chart) throw new Error("an .ods workbook has no chart sheets");
  let next = 1;
  const rows = numberedRows(sheet.rows).map(({ row, spec }) => {
    const gap =
      row > next
        ? `<table:table-row table:number-rows-repeated="${row - next}"><table:table-cell/></table:table-row>`
        : "";
    next = row + (spec.repeat ?? 1);
    const offset =
      (spec.column ?? 1) > 1
        ? `<table:table-cell table:number-columns-repeated="${(spec.column ?? 1) - 1}"/>`
        : "";
    const repeat = spec.repeat !== undefined ? ` table:number-rows-repeated="${spec.repeat}"` : "";
    const cells = spec.cells.map((cell) => odsCell(cell, spec.repeatCells ?? 1)).join("");
    return `${gap}<table:table-row${repeat}>${offset}${cells}</table:table-row>`;
  });
  const style = sheet.hidden ? ' table:style-name="hidden"' : "";
  return `<table:table table:name="${escapeXml(sheet.name)}"${style}>${rows.join("")}</table:table>`;
}

/** The parts of an `.ods` workbook of these sheets (its `mimetype` is added by {@link workbookFile}). */
export function odsParts(sheets: readonly ExampleSheet[]): Record<string, string> {
  return {
    "META-INF/manifest.xml": `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    "styles.xml": `<office:document-styles ${ODS_NAMESPACES} office:version="1.3"><office:styles></office:styles></office:document-styles>`,
    "content.xml": `<office:document-content ${ODS_NAMESPACES} office:version="1.3"><office:automatic-styles><style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>${sheets.map(odsTable).join("")}</office:spreadsheet></office:body></office:document-content>`,
  };
}

/** Options of {@link workbookFile} beyond the parts: padding inside parts, extra entries, lying sizes. */
export interface WorkbookFileOptions {
  readonly padding?: Readonly<Record<string, number>>;
  readonly extraEntries?: number;
  /** Uncompressed sizes to declare for parts, whatever they really expand to. */
  readonly declaredSizes?: Readonly<Record<string, number>>;
}

/**
 * A workbook archive of these parts (`.ods`: with its `mimetype` entry first, stored). A padded part gets its
 * spaces right after the start tag of its root element, so that they are read before anything else in it.
 */
export function workbookFile(
  format: "xlsx" | "ods",
  parts: Readonly<Record<string, string>>,
  options: WorkbookFileOptions = {},
): Uint8Array {
  const inputs: ZipInput[] = [];
  if (format === "ods")
    inputs.push({
      name: "mimetype",
      content: "application/vnd.oasis.opendocument.spreadsheet",
      stored: true,
    });
  for (const [name, text] of Object.entries(parts)) {
    const padding = options.padding?.[name] ?? 0;
    const declared = options.declaredSizes?.[name];
    if (padding === 0 && declared === undefined) {
      inputs.push({ name, content: text });
      continue;
    }
    const split = text.indexOf(">") + 1;
    const prefix = encoder.encode(text.slice(0, split));
    const suffix = encoder.encode(text.slice(split));
    inputs.push({
      name,
      deflated: deflateWithSpaces(prefix, padding, suffix),
      declaredSize: declared ?? prefix.length + padding + suffix.length,
    });
  }
  for (let index = 0; index < (options.extraEntries ?? 0); index++)
    inputs.push({ name: `extra/${index}.bin`, content: "" });
  return zipFile(inputs);
}

/** The workbook of a catalogue example. */
export function exampleWorkbook(example: WorkbookExample): Uint8Array {
  const built = example.format === "xlsx" ? xlsxParts(example.sheets) : odsParts(example.sheets);
  return workbookFile(example.format, { ...built, ...example.parts }, example);
}

/** The bytes of a catalogue example, as a hub would upload them. */
export function exampleBytes(example: RuleExample): Uint8Array {
  switch (example.kind) {
    case "csv":
      if (example.encoding !== "windows-1252") return encoder.encode(example.text);
      return Uint8Array.from(example.text, (character) => {
        const code = character.charCodeAt(0);
        if (code > 0xff) throw new Error(`${character} has no single byte in this example's encoding`);
        return code;
      });
    case "bytes":
      return concat(
        example.bytes.map((piece) => {
          if ("hex" in piece)
            return Uint8Array.from(piece.hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
          if ("ascii" in piece) return Uint8Array.from(piece.ascii, (character) => character.charCodeAt(0));
          return Uint8Array.from(
            [...piece.utf16le].flatMap((character) => [
              character.charCodeAt(0) & 0xff,
              character.charCodeAt(0) >> 8,
            ]),
          );
        }),
      );
    case "zip":
      return zipFile(Object.entries(example.entries).map(([name, content]) => ({ name, content })));
    case "workbook":
      return exampleWorkbook(example);
  }
}
