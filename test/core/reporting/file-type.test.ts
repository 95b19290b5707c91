/**
 * An upload is recognised by its bytes, never by its name: CSV text, `.xlsx` and `.ods` workbooks are read, and
 * every other file gets a message that says what it seems to be and what to do. Real files written by LibreOffice
 * (`.xls`, PDF, a table saved as a web page, flat `.fods`) come from test/fixtures/workbooks/; the others are built
 * here: real gzip and UTF-16 encodings, zip archives, and compound files reduced to the signature and stream names
 * that tell them apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { recogniseFile } from "../../../functions/core/reporting/file-type.js";
import { concat } from "./workbook-files.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/workbooks");
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const text = (value: string) => new TextEncoder().encode(value);
const CSV =
  "hub_id,period,flow,category,amount,currency,country\nwm-ng,2025,expense,programs,1500.00,NGN,NG\n";
const SAVE_AS = "save the report as CSV UTF-8, .xlsx or .ods and upload that";

/** What an upload is taken for: its format, or the message that refuses it. */
function recognised(bytes: Uint8Array): string {
  const type = recogniseFile(bytes);
  return type.format === "refused" ? `${type.problem.code}: ${type.problem.message}` : type.format;
}

const zip = (entries: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([name, content]) => [name, text(content)])));
/** A compound file (OLE2) with these stream names in its directory, UTF-16LE as the format stores them. */
const compoundFile = (...streams: string[]) =>
  concat([
    Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    new Uint8Array(504),
    ...streams.map((stream) => new Uint8Array(Buffer.from(stream.padEnd(32, "\0"), "utf16le"))),
  ]);

describe("text", () => {
  it.each([
    ["CSV in UTF-8", text(CSV)],
    ["CSV with a byte-order mark", concat([Uint8Array.from([0xef, 0xbb, 0xbf]), text(CSV)])],
    ["CSV with semicolons", text(CSV.replaceAll(",", ";"))],
    [
      "CSV in Windows-1252 (the CSV validation names its line that is not UTF-8)",
      Uint8Array.from([0x43, 0xf4, 0x74, 0x65, 0x0a]),
    ],
    ["an empty file (the CSV validation says it is empty)", new Uint8Array(0)],
    [
      "CSV with a stray NUL in a description (the CSV validation names the cell)",
      text(`${CSV.repeat(3)}wm-ng,2025,expense,programs,1.00,NGN,NG,a\u0000b\n`),
    ],
  ])("%s is read as CSV", (_, bytes) => {
    expect(recognised(bytes)).toBe("csv");
  });

  it.each([
    ["little-endian with a byte-order mark", new Uint8Array(Buffer.from(`\ufeff${CSV}`, "utf16le"))],
    ["big-endian with a byte-order mark", new Uint8Array(Buffer.from(`\ufeff${CSV}`, "utf16le").swap16())],
    ["little-endian without one", new Uint8Array(Buffer.from(CSV, "utf16le"))],
  ])("UTF-16 text (%s) is refused, saying to save it as CSV UTF-8", (_, bytes) => {
    expect(recognised(bytes)).toBe(
      "utf16Text: the file is UTF-16 text (such as Excel's Unicode Text): save it as CSV UTF-8",
    );
  });

  it.each([
    [
      "a table saved as a web page with an .xls name",
      fixture("financial-report-web-page.xls"),
      "an HTML page (some programs save a table as a web page with an .xls name)",
    ],
    ["a flat OpenDocument spreadsheet", fixture("sources/values.fods"), "a flat OpenDocument file (.fods)"],
    [
      "an Excel 2003 XML spreadsheet",
      text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>',
      ),
      "an XML spreadsheet (Excel 2003 XML)",
    ],
    ["another XML document", text('\n  <?xml version="1.0"?><report><line/></report>'), "an XML document"],
  ])("markup is refused: %s", (_, bytes, what) => {
    expect(recognised(bytes)).toBe(
      `markupDocument: the file seems to be ${what}, not CSV: open it in your spreadsheet program and ${SAVE_AS}`,
    );
  });

  it("a rich text document is refused", () => {
    expect(recognised(text("{\\rtf1\\ansi hub_id}"))).toBe(
      `officeDocument: the file seems to be a rich text document (.rtf), which is not read here: ${SAVE_AS}`,
    );
  });
});

describe("workbooks", () => {
  it.each(["values.xlsx", "financial-report.xlsx"])(
    "%s (written by LibreOffice) is an .xlsx workbook",
    (name) => {
      expect(recognised(fixture(name))).toBe("xlsx");
    },
  );

  it.each(["values.ods", "financial-report.ods"])(
    "%s (written by LibreOffice) is an .ods workbook",
    (name) => {
      expect(recognised(fixture(name))).toBe("ods");
    },
  );

  it("an Excel 97 workbook written by LibreOffice is refused, saying to save it as .xlsx or CSV", () => {
    expect(recognised(fixture("financial-report.xls"))).toBe(
      "xlsWorkbook: the file seems to be an Excel 97–2003 workbook (.xls), which is not read here: save it as .xlsx (Excel Workbook) or CSV UTF-8 and upload that",
    );
  });

  it.each([
    [
      "a password-protected workbook",
      compoundFile("Root Entry", "EncryptionInfo", "EncryptedPackage"),
      "encryptedFile: the file seems to be a password-protected (encrypted) Office file, which cannot be read: save a copy without a password, as .xlsx or CSV UTF-8, and upload that",
    ],
    [
      "a Word 97 document",
      compoundFile("Root Entry", "WordDocument", "1Table"),
      `officeDocument: the file seems to be a Word 97–2003 document (.doc), which is not read here: ${SAVE_AS}`,
    ],
    [
      "a PowerPoint 97 presentation",
      compoundFile("Root Entry", "PowerPoint Document"),
      `officeDocument: the file seems to be a PowerPoint 97–2003 presentation (.ppt), which is not read here: ${SAVE_AS}`,
    ],
    [
      "another compound file",
      compoundFile("Root Entry", "Contents"),
      `officeDocument: the file seems to be a Microsoft Office 97–2003 file, which is not read here: ${SAVE_AS}`,
    ],
  ])("%s is named as such", (_, bytes, expected) => {
    expect(recognised(bytes)).toBe(expected);
  });
});

describe("zip archives", () => {
  it.each([
    [
      "an Excel binary workbook",
      { "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "" },
      "xlsbWorkbook: the file seems to be an Excel binary workbook (.xlsb), which is not read here: save it as .xlsx (Excel Workbook) or CSV UTF-8 and upload that",
    ],
    [
      "an Apple Numbers spreadsheet",
      { "Index/Document.iwa": "", "Index/Tables/DataList.iwa": "" },
      "numbersWorkbook: the file seems to be an Apple Numbers spreadsheet (.numbers), which is not read here: export it as Excel (.xlsx) or CSV (File > Export To) and upload that",
    ],
    [
      "a Word document",
      { "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" },
      `officeDocument: the file seems to be a Word document (.docx), which is not read here: ${SAVE_AS}`,
    ],
    [
      "a PowerPoint presentation",
      { "ppt/presentation.xml": "<p:presentation/>" },
      `officeDocument: the file seems to be a PowerPoint presentation (.pptx), which is not read here: ${SAVE_AS}`,
    ],
    [
      "an OpenDocument text",
      { mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" },
      `officeDocument: the file seems to be an OpenDocument text document (.odt), which is not read here: ${SAVE_AS}`,
    ],
    [
      "an OpenDocument spreadsheet template",
      { mimetype: "application/vnd.oasis.opendocument.spreadsheet-template", "content.xml": "" },
      `officeDocument: the file seems to be an OpenDocument spreadsheet template (.ots), which is not read here: ${SAVE_AS}`,
    ],
    [
      "an OpenDocument file of another kind",
      { mimetype: "application/vnd.oasis.opendocument.chart", "content.xml": "" },
      `officeDocument: the file seems to be an OpenDocument file, which is not read here: ${SAVE_AS}`,
    ],
    [
      "a zip of CSV reports",
      { "financial.csv": CSV, "impact.csv": "hub_id\n" },
      "zipArchive: the file seems to be a zip archive, not a workbook: unzip it and upload the report inside (one file per report)",
    ],
    [
      "an e-book (a mimetype entry of another kind)",
      { mimetype: "application/epub+zip", "OEBPS/content.opf": "" },
      "zipArchive: the file seems to be a zip archive, not a workbook: unzip it and upload the report inside (one file per report)",
    ],
  ])("%s is named as such", (_, entries, expected) => {
    expect(recognised(zip(entries))).toBe(expected);
  });

  it("an archive cut off before its directory is damaged", () => {
    const whole = fixture("values.xlsx");
    expect(recognised(whole.subarray(0, whole.length / 2))).toBe(
      "damagedArchive: the file starts like a workbook (a zip archive) but is damaged or incomplete, perhaps cut off during the upload: save it again and upload the new file",
    );
  });
});

describe("other binary files", () => {
  it.each([
    ["a PDF written by LibreOffice", fixture("financial-report.pdf"), "pdfDocument"],
    [
      "a PNG image",
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "imageFile",
    ],
    ["a JPEG image", Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), "imageFile"],
    ["a GIF image", text("GIF89a\x01\x00\x01\x00"), "imageFile"],
    ["a WebP image", text("RIFF\x24\x00\x00\x00WEBPVP8 "), "imageFile"],
    ["a gzip-compressed CSV", new Uint8Array(gzipSync(CSV)), "gzipFile"],
    [
      "binary data of no known kind",
      Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]),
      "unknownBinary",
    ],
  ])("%s is refused", (_, bytes, code) => {
    expect(recognised(bytes).split(":")[0]).toBe(code);
  });

  it("names the image format and says what to upload instead", () => {
    expect(recognised(text("GIF87a"))).toBe(
      `imageFile: the file seems to be an image (GIF), which cannot be read as a table: ${SAVE_AS}`,
    );
    expect(recognised(fixture("financial-report.pdf"))).toBe(
      "pdfDocument: the file seems to be a PDF document, which cannot be read as a table: save the spreadsheet the PDF was made from as CSV UTF-8, .xlsx or .ods and upload that",
    );
    expect(recognised(new Uint8Array(gzipSync(CSV)))).toBe(
      "gzipFile: the file seems to be compressed with gzip (.gz): decompress it and upload the report inside",
    );
    expect(recognised(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBe(
      "unknownBinary: the file is not text, and not a workbook that can be read here (.xlsx or .ods): save the report as CSV UTF-8, .xlsx or .ods and upload that",
    );
  });
});
