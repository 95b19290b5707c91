import type { ReportKind } from "../reporting/kinds.js";

/** Logical column types of the lake's tables, mapped to Parquet, DuckDB and Glue/Athena types by each adapter. */
export type ColumnType = "string" | "int32" | "int64" | "double" | "boolean" | "decimal(18,2)";

export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

/** A table of the lake: its columns, as written in curated Parquet (or manifest JSON lines). */
export interface TableSchema {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
}

const column = (name: string, type: ColumnType, nullable = false): ColumnSchema => ({ name, type, nullable });

const reportColumns = [column("report_id", "string"), column("source_row", "int32")];
const periodColumns = [
  column("hub_id", "string"),
  column("period", "string"),
  column("year", "int32"),
  column("quarter", "int32", true),
];

/** Curated tables, one per report kind. Every row carries the report it came from and its row in that file. */
export const CURATED_TABLES: Readonly<Record<ReportKind, TableSchema>> = {
  financial: {
    name: "financial",
    columns: [
      ...reportColumns,
      ...periodColumns,
      column("flow", "string"),
      column("category", "string"),
      column("amount", "decimal(18,2)"),
      column("currency", "string"),
      column("country", "string"),
      column("counterparty_id", "string", true),
      column("underrepresented_focus", "boolean"),
      column("description", "string", true),
    ],
  },
  impact: {
    name: "impact",
    columns: [
      ...reportColumns,
      ...periodColumns,
      column("team_id", "string", true),
      column("country", "string"),
      column("metric", "string"),
      column("value", "int64"),
      column("language", "string", true),
    ],
  },
  hubs: {
    name: "hubs",
    columns: [
      ...reportColumns,
      column("hub_id", "string"),
      column("name", "string"),
      column("kind", "string"),
      column("country", "string"),
      column("active_from", "int32"),
      column("active_to", "int32", true),
    ],
  },
  fx_rates: {
    name: "fx_rates",
    columns: [
      ...reportColumns,
      column("currency", "string"),
      column("year", "int32"),
      column("usd_per_unit", "double"),
    ],
  },
};

/** The manifest: one immutable JSON entry per accepted report; `current` is derived from upload order. */
export const MANIFEST_TABLE: TableSchema = {
  name: "manifest",
  columns: [
    column("report_id", "string"),
    column("seq", "int64"),
    column("kind", "string"),
    column("hub_id", "string", true),
    column("period", "string", true),
    column("year", "int32", true),
    column("quarter", "int32", true),
    column("sha256", "string"),
    column("uploader", "string"),
    column("uploaded_at", "string"),
    column("upload_id", "string", true),
    column("file_name", "string"),
    column("row_count", "int64"),
    column("warning_count", "int32"),
    column("raw_key", "string"),
    column("curated_key", "string"),
  ],
};

/** The reference country table as engines see it (all text, as in `data/countries.tsv`). */
export const COUNTRIES_TABLE: TableSchema = {
  name: "countries",
  columns: [
    column("iso_code", "string"),
    column("name", "string"),
    column("wikimedia_region", "string", true),
    column("economic_region", "string"),
    column("is_protected", "string"),
  ],
};

/** The computed indicators, as the dashboards read them (`indicators.parquet`). */
export const INDICATORS_TABLE: TableSchema = {
  name: "indicators",
  columns: [
    column("framework_version", "string"),
    column("indicator", "string"),
    column("year", "int32"),
    column("scope", "string"),
    column("scope_id", "string"),
    column("value", "double", true),
    column("suppressed", "boolean"),
  ],
};
