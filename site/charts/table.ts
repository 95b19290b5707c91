import type { Unit } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { cellOf } from "../figures/cell.js";
import type { Messages } from "../i18n/catalogue.js";
import { formatCell } from "../i18n/format.js";
import type { EvidenceFilter } from "../web/paths.js";

/** A value in a chart's data table: a number, a text, a flag or nothing. */
export type CellValue = string | number | boolean | null;

/** A column of a chart's data table; numbers in a column with a unit are formatted for reading. */
export interface DataColumn {
  readonly key: string;
  readonly label: string;
  readonly unit?: Unit;
}

/** The figures a chart draws, as a table: shown under the chart and offered as CSV. */
export interface DataTable {
  readonly caption: string;
  readonly columns: readonly DataColumn[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  /** The reports behind each row, in the rows' order: the row's figure links to them (not in the CSV). */
  readonly evidence?: readonly EvidenceFilter[];
  /** The column whose cell links to the row's reports; the first column with a unit unless named. */
  readonly linkColumn?: string;
}

/** A row's figure for a chart's data table: the value, or none and the word for why. */
export function tableFigure(
  row: IndicatorRow,
  unit: Unit,
  messages: Messages,
): { value: number | null; note: string } {
  const cell = cellOf(row);
  return cell.kind === "value"
    ? { value: cell.value, note: "" }
    : { value: null, note: formatCell(cell, unit, messages) };
}
