import { messages } from "../messages.js";
import { cellName } from "./cell-reference.js";
import { DamagedWorkbookError, FirstSheetError, FormulaWithoutValueError } from "./errors.js";
import type { WorkbookLimits } from "./limits.js";
import { cellTooLong, RecordAssembler, RowBuilder, type RowRun, type Sheet } from "./sheet.js";
import { type DateShape, dateText, durationParts, FULL_DATE, isoDateParts, shownNumber } from "./values.js";
import { attribute, parsePart, parseWholePart, type XmlTag, xmlParser } from "./xml.js";
import { ExpansionBudget, type ZipArchive } from "./zip.js";

/** The media type an OpenDocument spreadsheet (`.ods`) states in its `mimetype` entry. */
export const ODS_MEDIA_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
const CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";
const CONTENT_PART = "content.xml";
const STYLES_PART = "styles.xml";
/** How many parent styles are followed to find a cell style's data style. */
const STYLE_DEPTH = 16;

const unreadable = (reason: string) =>
  new DamagedWorkbookError("workbookUnreadable", messages.workbookUnreadable(reason));
const is = (tag: XmlTag, uri: string, local: string) => tag.local === local && tag.uri === uri;

/** The styles that matter for reading values: which cell styles show dates how, which tables are hidden. */
class Styles {
  /** Data styles (date and time formats) by name. */
  readonly dataStyles = new Map<string, DateShape>();
  /** Cell styles by name: their data style and parent. */
  readonly cellStyles = new Map<string, { data?: string; parent?: string }>();
  readonly hiddenTables = new Set<string>();
  private dataStyle: { name: string; parts: Set<string>; elapsed: boolean } | undefined;
  private tableStyle: string | undefined;

  /** Handles an opening tag of `styles.xml` or of `content.xml`'s automatic styles. */
  open(tag: XmlTag): void {
    if (tag.uri === NUMBER && (tag.local === "date-style" || tag.local === "time-style"))
      this.dataStyle = {
        name: attribute(tag, STYLE, "name") ?? "",
        parts: new Set(),
        elapsed: attribute(tag, NUMBER, "truncate-on-overflow") === "false",
      };
    else if (tag.uri === NUMBER && this.dataStyle) this.dataStyle.parts.add(tag.local);
    else if (is(tag, STYLE, "style")) {
      const name = attribute(tag, STYLE, "name") ?? "";
      const family = attribute(tag, STYLE, "family");
      if (family === "table-cell")
        this.cellStyles.set(name, {
          data: attribute(tag, STYLE, "data-style-name"),
          parent: attribute(tag, STYLE, "parent-style-name"),
        });
      this.tableStyle = family === "table" ? name : undefined;
    } else if (is(tag, STYLE, "table-properties") && this.tableStyle !== undefined) {
      if (attribute(tag, TABLE, "display") === "false") this.hiddenTables.add(this.tableStyle);
    }
  }

  /** Handles a closing tag of the same. */
  close(tag: XmlTag): void {
    if (!this.dataStyle || tag.uri !== NUMBER) return;
    if (tag.local === "date-style" || tag.local === "time-style") {
      this.dataStyles.set(this.dataStyle.name, shapeOf(this.dataStyle.parts, this.dataStyle.elapsed));
      this.dataStyle = undefined;
    }
  }

  /** How a cell of this style shows a date or time, when its style says. */
  shapeOf(styleName: string | undefined): DateShape | undefined {
    let name = styleName;
    for (let depth = 0; name !== undefined && depth < STYLE_DEPTH; depth++) {
      const style = this.cellStyles.get(name);
      if (!style) return undefined;
      if (style.data !== undefined) return this.dataStyles.get(style.data);
      name = style.parent;
    }
    return undefined;
  }
}

function shapeOf(parts: ReadonlySet<string>, elapsed: boolean): DateShape {
  const day = parts.has("day") || parts.has("day-of-week");
  const date = day
    ? "day"
    : parts.has("month")
      ? "month"
      : parts.has("quarter")
        ? "quarter"
        : parts.has("year")
          ? "year"
          : "none";
  const time = parts.has("seconds")
    ? "seconds"
    : parts.has("hours") || parts.has("minutes")
      ? "minutes"
      : "none";
  return { date, time, ...(elapsed ? { elapsed } : {}) };
}

/**
 * Opens the first sheet (the first table) of an OpenDocument spreadsheet (`.ods`). Cells are read as the values a
 * person sees: the saved value of a formula (never the formula), text as its paragraphs (joined by line breaks;
 * comments left out), numbers to the 15 significant digits a spreadsheet shows, booleans as TRUE and FALSE, dates
 * as ISO 8601 text to the precision their style shows (a style of year and quarter gives `2025-Q3`). Cells covered
 * by a merged cell are empty, as the sheet shows them. Rows and cells repeated by count are expanded only when they
 * hold a value, so a sheet that repeats an empty row a million times costs nothing.
 */
export function openOdsSheet(archive: ZipArchive, limits: WorkbookLimits): Sheet {
  const budget = new ExpansionBudget(limits);
  const styles = new Styles();
  if (archive.has(STYLES_PART)) {
    const parser = xmlParser(STYLES_PART);
    parser.on("opentag", (tag) => styles.open(tag));
    parser.on("closetag", (tag) => styles.close(tag));
    parseWholePart(archive, STYLES_PART, budget, parser);
  }
  let unused: ContentReader | undefined = new ContentReader(archive, budget.fork(), limits, styles);
  const name = unused.open();
  return {
    format: "ods",
    name,
    records: () => {
      const reader = unused ?? new ContentReader(archive, budget.fork(), limits, styles);
      if (reader !== unused) reader.open();
      unused = undefined;
      return reader.records();
    },
  };
}

interface CellState {
  readonly covered: boolean;
  readonly repeat: number;
  readonly valueType: string | undefined;
  readonly value: string | undefined;
  readonly dateValue: string | undefined;
  readonly timeValue: string | undefined;
  readonly booleanValue: string | undefined;
  readonly stringValue: string | undefined;
  readonly formula: boolean;
  readonly error: boolean;
  readonly style: string | undefined;
  readonly paragraphs: string[];
}

/**
 * Reads `content.xml` in one pass: the automatic styles, then the first table's rows. `open()` reads up to the
 * first table's start (to know its name and whether it is hidden); `records()` goes on from there.
 */
class ContentReader {
  private readonly parser = xmlParser(CONTENT_PART);
  private readonly runs: RowRun[] = [];
  /** Runs read by `open()`, before `records()` was asked for. */
  private readonly pending: RowRun[] = [];
  private readonly stream: Generator<RowRun, void, undefined>;
  private readonly row: RowBuilder;
  private inAutomaticStyles = false;
  private inSpreadsheet = false;
  private tableName: string | undefined;
  private tableStyle: string | undefined;
  private finished = false;
  private readonly columnStyles: { from: number; to: number; style: string }[] = [];
  private columnCursor = 0;
  private nextRow = 1;
  private rowNumber = 0;
  private rowRepeat = 1;
  private rowStyle: string | undefined;
  private column = 0;
  private cell: CellState | undefined;
  /** Depth below the cell element; paragraphs are its children at depth 1. */
  private cellDepth = 0;
  private paragraph: string | undefined;
  /** Depth of elements inside a paragraph whose text is not the cell's (notes, drawings). */
  private ignored = 0;

  constructor(
    archive: ZipArchive,
    budget: ExpansionBudget,
    private readonly limits: WorkbookLimits,
    private readonly styles: Styles,
  ) {
    this.row = new RowBuilder(limits);
    this.parser.on("opentag", (tag) => this.openTag(tag));
    this.parser.on("closetag", (tag) => this.closeTag(tag));
    this.parser.on("text", (text) => this.addText(text));
    this.parser.on("cdata", (text) => this.addText(text));
    this.stream = parsePart(archive, CONTENT_PART, budget, this.parser, this.runs, () => this.finished);
  }

  /** Reads up to the start of the first table (and perhaps its first row); the table's name. */
  open(): string {
    while (this.tableName === undefined) {
      const step = this.stream.next();
      if (step.done) break;
      this.pending.push(step.value);
    }
    const name = this.tableName;
    if (name === undefined) throw unreadable("it has no sheets");
    if (this.tableStyle !== undefined && this.styles.hiddenTables.has(this.tableStyle))
      throw new FirstSheetError("firstSheetHidden", messages.firstSheetHidden(name));
    return name;
  }

  *records() {
    const assembler = new RecordAssembler(this.limits, this.tableName ?? "");
    for (const run of this.pending.splice(0)) yield* assembler.expand(run);
    for (let step = this.stream.next(); !step.done; step = this.stream.next())
      yield* assembler.expand(step.value);
    assembler.finish();
  }

  private openTag(tag: XmlTag): void {
    if (this.finished) return;
    if (this.cell) {
      this.openInsideCell(tag);
      return;
    }
    if (this.inAutomaticStyles) this.styles.open(tag);
    if (is(tag, OFFICE, "automatic-styles")) this.inAutomaticStyles = true;
    else if (is(tag, OFFICE, "spreadsheet")) this.inSpreadsheet = true;
    else if (!this.inSpreadsheet || tag.uri !== TABLE) return;
    else if (tag.local === "table") {
      this.tableName = attribute(tag, TABLE, "name") ?? "";
      this.tableStyle = attribute(tag, TABLE, "style-name");
    } else if (this.tableName === undefined) return;
    else if (tag.local === "table-column") {
      const repeat = repeatOf(tag, "number-columns-repeated");
      const style = attribute(tag, TABLE, "default-cell-style-name");
      if (style !== undefined)
        this.columnStyles.push({ from: this.columnCursor + 1, to: this.columnCursor + repeat, style });
      this.columnCursor += repeat;
    } else if (tag.local === "table-row") {
      this.rowNumber = this.nextRow;
      this.rowRepeat = repeatOf(tag, "number-rows-repeated");
      this.rowStyle = attribute(tag, TABLE, "default-cell-style-name");
      this.column = 0;
    } else if (tag.local === "table-cell" || tag.local === "covered-table-cell") this.openCell(tag);
  }

  private openCell(tag: XmlTag): void {
    const values = new Map<string, string>();
    for (const key in tag.attributes) {
      const found = tag.attributes[key];
      if (found?.uri === OFFICE || found?.uri === TABLE) values.set(found.local, found.value);
      else if (found?.uri === CALCEXT) values.set(`calcext:${found.local}`, found.value);
    }
    const repeat = Number(values.get("number-columns-repeated") ?? 1);
    this.cell = {
      covered: tag.local === "covered-table-cell",
      repeat: Number.isSafeInteger(repeat) && repeat >= 1 ? repeat : 1,
      valueType: values.get("value-type"),
      value: values.get("value"),
      dateValue: values.get("date-value"),
      timeValue: values.get("time-value"),
      booleanValue: values.get("boolean-value"),
      stringValue: values.get("string-value"),
      formula: values.has("formula"),
      error: values.get("calcext:value-type") === "error",
      style: values.get("style-name"),
      paragraphs: [],
    };
    this.cellDepth = 0;
    this.paragraph = undefined;
    this.ignored = 0;
  }

  private openInsideCell(tag: XmlTag): void {
    this.cellDepth++;
    if (this.paragraph === undefined) {
      if (this.cellDepth === 1 && tag.uri === TEXT && (tag.local === "p" || tag.local === "h"))
        this.paragraph = "";
      return;
    }
    if (this.ignored > 0 || tag.uri !== TEXT || tag.local === "note" || tag.local === "ruby-text") {
      this.ignored++;
      return;
    }
    if (tag.local === "s") this.append(" ", Number(attribute(tag, TEXT, "c") ?? 1) || 1);
    else if (tag.local === "tab") this.append("\t", 1);
    else if (tag.local === "line-break") this.append("\n", 1);
  }

  private closeTag(tag: XmlTag): void {
    if (this.finished) return;
    if (this.cell) {
      if (this.cellDepth === 0) {
        this.closeCell(this.cell);
        this.cell = undefined;
        return;
      }
      if (this.paragraph !== undefined) {
        if (this.ignored > 0) this.ignored--;
        else if (this.cellDepth === 1) {
          this.cell.paragraphs.push(this.paragraph);
          this.paragraph = undefined;
        }
      }
      this.cellDepth--;
      return;
    }
    if (this.inAutomaticStyles) this.styles.close(tag);
    if (is(tag, OFFICE, "automatic-styles")) this.inAutomaticStyles = false;
    else if (is(tag, TABLE, "table") && this.tableName !== undefined) this.finished = true;
    else if (is(tag, TABLE, "table-row") && this.tableName !== undefined) {
      this.runs.push({ row: this.rowNumber, fields: this.row.take(), repeat: this.rowRepeat });
      this.nextRow += this.rowRepeat;
    }
  }

  private addText(text: string): void {
    if (!this.finished && this.paragraph !== undefined && this.ignored === 0) this.append(text, 1);
  }

  private append(text: string, times: number): void {
    const cell = this.cell as CellState;
    const length =
      (this.paragraph?.length ?? 0) +
      text.length * times +
      cell.paragraphs.reduce((sum, paragraph) => sum + paragraph.length + 1, 0);
    if (length > this.limits.maxCellCharacters)
      throw cellTooLong(this.rowNumber, this.column + 1, this.limits);
    this.paragraph += times === 1 ? text : text.repeat(times);
  }

  private closeCell(cell: CellState): void {
    const column = this.column + 1;
    this.row.set(this.rowNumber, column, cell.repeat, this.valueOf(cell, column));
    this.column += cell.repeat;
  }

  /** The text a person sees in a cell. */
  private valueOf(cell: CellState, column: number): string {
    if (cell.covered) return "";
    const text = cell.paragraphs.join("\n");
    if (cell.error) return text;
    switch (cell.valueType) {
      case "float":
      case "percentage":
      case "currency":
        return cell.value === undefined ? text : shownNumber(cell.value);
      case "date": {
        const parts = cell.dateValue === undefined ? undefined : isoDateParts(cell.dateValue);
        if (!parts) return text;
        const hasTime = parts.hours + parts.minutes + parts.seconds > 0;
        const shape = this.shapeOf(cell, column) ?? (hasTime ? { date: "day", time: "seconds" } : FULL_DATE);
        return dateText(parts, shape);
      }
      case "time": {
        const parts = cell.timeValue === undefined ? undefined : durationParts(cell.timeValue);
        if (!parts) return text;
        const shape = this.shapeOf(cell, column);
        return dateText(parts, shape ? { ...shape, date: "none" } : { date: "none", time: "seconds" });
      }
      case "boolean":
        return cell.booleanValue === "true" ? "TRUE" : "FALSE";
      case "string":
        return cell.stringValue ?? text;
      default:
        if (cell.formula)
          throw new FormulaWithoutValueError(
            messages.formulaWithoutValue(cellName(column, this.rowNumber)),
            this.rowNumber,
            column,
          );
        return text;
    }
  }

  /** The cell's date shape: its own style, else its row's default cell style, else its column's. */
  private shapeOf(cell: CellState, column: number): DateShape | undefined {
    const style =
      cell.style ??
      this.rowStyle ??
      this.columnStyles.find((range) => range.from <= column && column <= range.to)?.style;
    return this.styles.shapeOf(style);
  }
}

function repeatOf(tag: XmlTag, local: string): number {
  const value = Number(attribute(tag, TABLE, local) ?? 1);
  return Number.isSafeInteger(value) && value >= 1 ? value : 1;
}
