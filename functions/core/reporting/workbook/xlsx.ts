import { messages } from "../messages.js";
import { cellName, parseCellReference } from "./cell-reference.js";
import { DamagedWorkbookError, FirstSheetError, FormulaWithoutValueError } from "./errors.js";
import type { WorkbookLimits } from "./limits.js";
import { MergedCells, readMergedRanges } from "./merged-cells.js";
import { cellTooLong, RecordAssembler, RowBuilder, type RowRun, type Sheet } from "./sheet.js";
import {
  builtInDateFormat,
  type DateShape,
  dateShapeOfFormat,
  dateText,
  decodeOoxmlEscapes,
  FULL_DATE,
  isoDateParts,
  serialDate,
  shownNumber,
} from "./values.js";
import { attribute, parsePart, parseWholePart, type XmlTag, xmlParser } from "./xml.js";
import { ExpansionBudget, type ZipArchive } from "./zip.js";

/** The workbook part an `.xlsx` file is recognised by. */
export const XLSX_WORKBOOK_PART = "xl/workbook.xml";

/** The relationship namespaces of transitional and strict Office Open XML. */
const RELATIONSHIP_NAMESPACES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

const unreadable = (reason: string) =>
  new DamagedWorkbookError("workbookUnreadable", messages.workbookUnreadable(reason));

interface SheetEntry {
  readonly name: string;
  readonly state: string;
  readonly relationship: string | undefined;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/**
 * Opens the first sheet of an Office Open XML workbook (`.xlsx`): reads the workbook, its relationships, shared
 * strings and styles, and returns the sheet, whose rows are read as they are inflated. Cells are read as the
 * values a person sees: the saved value of a formula (never the formula), shared and rich text as its plain
 * text, booleans as TRUE and FALSE, error values as shown (#DIV/0!), numbers to the 15 significant digits a
 * spreadsheet shows, and dates as ISO 8601 text to the precision their format shows. A merged range shows its
 * top-left cell's value; the other cells of the range are empty, even when the file keeps a value in them.
 */
export function openXlsxSheet(archive: ZipArchive, limits: WorkbookLimits): Sheet {
  const budget = new ExpansionBudget(limits);
  const { sheets, date1904 } = readWorkbookPart(archive, budget);
  const first = sheets[0];
  if (!first) throw unreadable("it has no sheets");
  const relationships = readRelationships(archive, budget, "xl/_rels/workbook.xml.rels");
  const relationship = first.relationship === undefined ? undefined : relationships.get(first.relationship);
  if (!relationship) throw unreadable("its first sheet cannot be found");
  const kind = relationship.type.slice(relationship.type.lastIndexOf("/") + 1);
  if (kind !== "worksheet")
    throw new FirstSheetError(
      "firstSheetNotTable",
      messages.firstSheetNotTable(first.name, sheetKindName(kind)),
    );
  if (first.state === "hidden" || first.state === "veryHidden")
    throw new FirstSheetError("firstSheetHidden", messages.firstSheetHidden(first.name));

  const partOf = (type: string) => {
    for (const candidate of relationships.values())
      if (candidate.type.endsWith(`/${type}`)) return resolvePart("xl/", candidate.target);
    return undefined;
  };
  const sharedStringsPart = partOf("sharedStrings");
  const stylesPart = partOf("styles");
  if (sharedStringsPart) budget.limitPart(sharedStringsPart, limits.maxSharedStringsBytes);
  const strings = sharedStringsPart ? readSharedStrings(archive, budget, sharedStringsPart) : [];
  const shapes = stylesPart ? readDateShapes(archive, budget, stylesPart) : [];
  const sheetPart = resolvePart("xl/", relationship.target);
  return {
    format: "xlsx",
    name: first.name,
    *records() {
      const merged = new MergedCells(readMergedRanges(archive, sheetPart, limits));
      const context = { strings, shapes, date1904, merged };
      yield* readRows(archive, budget.fork(), limits, sheetPart, first.name, context);
    },
  };
}

function sheetKindName(kind: string): string {
  if (kind === "chartsheet") return "a chart sheet";
  if (kind === "dialogsheet") return "a dialog sheet";
  if (kind.endsWith("acrosheet")) return "a macro sheet";
  return "a sheet of another kind";
}

/** A part name from a relationship target, relative to `base` unless it starts with `/`. */
function resolvePart(base: string, target: string): string {
  const segments: string[] = [];
  const path = target.startsWith("/") ? target.slice(1) : `${base}${target}`;
  for (const segment of path.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

function readWorkbookPart(
  archive: ZipArchive,
  budget: ExpansionBudget,
): { sheets: SheetEntry[]; date1904: boolean } {
  const parser = xmlParser(XLSX_WORKBOOK_PART);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parser.on("opentag", (tag) => {
    if (tag.local === "sheet")
      sheets.push({
        name: attribute(tag, "", "name") ?? "",
        state: attribute(tag, "", "state") ?? "visible",
        relationship: RELATIONSHIP_NAMESPACES.map((uri) => attribute(tag, uri, "id")).find(Boolean),
      });
    else if (tag.local === "workbookPr") {
      const value = attribute(tag, "", "date1904");
      date1904 = value === "1" || value === "true";
    }
  });
  parseWholePart(archive, XLSX_WORKBOOK_PART, budget, parser);
  return { sheets, date1904 };
}

function readRelationships(
  archive: ZipArchive,
  budget: ExpansionBudget,
  part: string,
): Map<string, Relationship> {
  const parser = xmlParser(part);
  const relationships = new Map<string, Relationship>();
  parser.on("opentag", (tag) => {
    if (tag.local !== "Relationship" || attribute(tag, "", "TargetMode") === "External") return;
    const id = attribute(tag, "", "Id");
    if (id !== undefined)
      relationships.set(id, {
        type: attribute(tag, "", "Type") ?? "",
        target: attribute(tag, "", "Target") ?? "",
      });
  });
  parseWholePart(archive, part, budget, parser);
  return relationships;
}

/**
 * Collects the text of `<t>` elements inside the element being read, leaving out phonetic runs (`<rPh>`), which a
 * spreadsheet does not show in the cell.
 */
class TextCollector {
  private inText = false;
  private phonetic = 0;
  text = "";

  open(tag: XmlTag): void {
    if (tag.local === "rPh") this.phonetic++;
    else if (tag.local === "t" && this.phonetic === 0) this.inText = true;
  }

  close(tag: XmlTag): void {
    if (tag.local === "rPh") this.phonetic--;
    else if (tag.local === "t") this.inText = false;
  }

  add(text: string): void {
    if (this.inText) this.text += text;
  }

  take(): string {
    const text = decodeOoxmlEscapes(this.text);
    this.text = "";
    return text;
  }
}

function readSharedStrings(archive: ZipArchive, budget: ExpansionBudget, part: string): string[] {
  const parser = xmlParser(part);
  const strings: string[] = [];
  const collector = new TextCollector();
  parser.on("opentag", (tag) => collector.open(tag));
  parser.on("closetag", (tag) => {
    if (tag.local === "si") strings.push(collector.take());
    else collector.close(tag);
  });
  parser.on("text", (text) => collector.add(text));
  parser.on("cdata", (text) => collector.add(text));
  parseWholePart(archive, part, budget, parser);
  return strings;
}

/** The date shape of each cell format (`cellXfs`), by index; undefined for formats that show numbers. */
function readDateShapes(
  archive: ZipArchive,
  budget: ExpansionBudget,
  part: string,
): (DateShape | undefined)[] {
  const parser = xmlParser(part);
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellFormats = false;
  parser.on("opentag", (tag) => {
    if (tag.local === "numFmt")
      codes.set(Number(attribute(tag, "", "numFmtId")), attribute(tag, "", "formatCode") ?? "");
    else if (tag.local === "cellXfs") inCellFormats = true;
    else if (tag.local === "xf" && inCellFormats) formatIds.push(Number(attribute(tag, "", "numFmtId") ?? 0));
  });
  parser.on("closetag", (tag) => {
    if (tag.local === "cellXfs") inCellFormats = false;
  });
  parseWholePart(archive, part, budget, parser);
  return formatIds.map((id) => {
    const code = codes.get(id) ?? builtInDateFormat(id);
    return code === undefined ? undefined : dateShapeOfFormat(code);
  });
}

interface CellContext {
  readonly merged: MergedCells;
  readonly strings: readonly string[];
  readonly shapes: readonly (DateShape | undefined)[];
  readonly date1904: boolean;
}

function* readRows(
  archive: ZipArchive,
  budget: ExpansionBudget,
  limits: WorkbookLimits,
  part: string,
  sheetName: string,
  context: CellContext,
) {
  const parser = xmlParser(part);
  const assembler = new RecordAssembler(limits, sheetName);
  const runs: RowRun[] = [];
  const row = new RowBuilder(limits);
  const inline = new TextCollector();
  let inSheetData = false;
  let finished = false;
  let rowNumber = 0;
  let column = 0;
  let cell: { type: string; style: number; formula: boolean; value: string | undefined } | undefined;
  let inValue = false;

  parser.on("opentag", (tag) => {
    if (!inSheetData) {
      if (tag.local === "sheetData") inSheetData = true;
      return;
    }
    if (tag.local === "row") {
      const stated = Number(attribute(tag, "", "r") ?? rowNumber + 1);
      if (!Number.isInteger(stated) || stated <= rowNumber)
        throw unreadable("the rows of its first sheet are out of order");
      rowNumber = stated;
      column = 0;
    } else if (tag.local === "c") {
      const reference = attribute(tag, "", "r");
      const stated = reference === undefined ? column + 1 : (parseCellReference(reference)?.column ?? 0);
      if (stated <= column)
        throw unreadable(`the cells of row ${rowNumber} of its first sheet are out of order`);
      column = stated;
      cell = {
        type: attribute(tag, "", "t") ?? "n",
        style: Number(attribute(tag, "", "s") ?? 0),
        formula: false,
        value: undefined,
      };
    } else if (cell) {
      if (tag.local === "f") cell.formula = true;
      else if (tag.local === "v") {
        inValue = true;
        cell.value = "";
      } else inline.open(tag);
    }
  });
  parser.on("closetag", (tag) => {
    if (!inSheetData) return;
    if (tag.local === "sheetData") {
      inSheetData = false;
      finished = true;
    } else if (tag.local === "row") runs.push({ row: rowNumber, fields: row.take(), repeat: 1 });
    else if (tag.local === "c" && cell) {
      const text = inline.take();
      if (!context.merged.covered(rowNumber, column))
        row.set(rowNumber, column, 1, cellValue(cell, text, rowNumber, column, context));
      cell = undefined;
    } else if (tag.local === "v") inValue = false;
    else inline.close(tag);
  });
  const addText = (text: string) => {
    if (!cell) return;
    if (inValue) cell.value += text;
    else inline.add(text);
    if ((cell.value?.length ?? 0) + inline.text.length > limits.maxCellCharacters)
      throw cellTooLong(rowNumber, column, limits);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);

  for (const run of parsePart(archive, part, budget, parser, runs, () => finished))
    yield* assembler.expand(run);
  assembler.finish();
}

/** The text a person sees in a cell. */
function cellValue(
  cell: { type: string; style: number; formula: boolean; value: string | undefined },
  inlineText: string,
  row: number,
  column: number,
  context: CellContext,
): string {
  const { type, value } = cell;
  const textual = type === "str" || type === "inlineStr";
  if (cell.formula && (value === undefined || (value === "" && !textual)))
    throw new FormulaWithoutValueError(messages.formulaWithoutValue(cellName(column, row)), row, column);
  if (type === "inlineStr") return inlineText;
  if (value === undefined || value === "") return "";
  switch (type) {
    case "s": {
      const text = context.strings[Number(value)];
      if (text === undefined)
        throw unreadable(`${cellName(column, row)} refers to a text that is not in the workbook`);
      return text;
    }
    case "str":
      return decodeOoxmlEscapes(value);
    case "b":
      return value === "1" || value === "true" ? "TRUE" : "FALSE";
    case "e":
      return value;
    case "d": {
      const parts = isoDateParts(value);
      return parts ? dateText(parts, context.shapes[cell.style] ?? FULL_DATE) : value;
    }
    default: {
      const shape = context.shapes[cell.style];
      if (shape) {
        const parts = serialDate(Number(value), context.date1904);
        if (parts) return dateText(parts, shape);
      }
      return shownNumber(value);
    }
  }
}
