import type { ManifestCheckpoint } from "../../core/lake/checkpoint.js";
import { lakeLayout } from "../../core/lake/layout.js";
import {
  COUNTRIES_TABLE,
  type ColumnType,
  CURATED_TABLES,
  MANIFEST_TABLE,
  type TableSchema,
} from "../../core/lake/tables.js";
import { isHubReportKind, REPORT_KINDS } from "../../core/reporting/kinds.js";

/** A column as the Glue Data Catalog declares it. */
export interface GlueColumn {
  readonly name: string;
  readonly type: string;
}

/** One table of the lake as Athena sees it: where its objects live and how they are laid out. */
export interface AthenaTableDefinition {
  readonly name: string;
  /** Key prefix of the table's objects in the curated bucket, ending in `/`. */
  readonly prefix: string;
  readonly format: "parquet" | "json-lines";
  readonly columns: readonly GlueColumn[];
  /** Partition keys, taken from the object keys (`year=<y>/`) rather than the files. */
  readonly partitionKeys: readonly GlueColumn[];
  /** Partition projection for `year`: the years Athena may prune to, with no crawler and no partition list. */
  readonly yearProjection?: { readonly from: number; readonly to: number };
  /**
   * The table's one partition key is projected as `injected`: each query names the partition it reads
   * (`WHERE <key> = ?`), whose objects lie under `<prefix><value>/`; a query that names none is refused.
   */
  readonly injectedPartition?: true;
}

/** The years a hub report's partition can name. Reports outside it are still stored, but Athena would not see them. */
export const PROJECTED_YEARS = { from: 2000, to: 2099 } as const;

/** Where the compute step writes the bundled country table for Athena. */
export const COUNTRIES_KEY = "curated/countries/countries.parquet";

const GLUE_TYPES: Record<ColumnType, string> = {
  string: "string",
  int32: "int",
  int64: "bigint",
  double: "double",
  boolean: "boolean",
  "decimal(18,2)": "decimal(18,2)",
};

function glueColumns(schema: TableSchema, except: readonly string[] = []): GlueColumn[] {
  return schema.columns
    .filter((column) => !except.includes(column.name))
    .map((column) => ({ name: column.name, type: GLUE_TYPES[column.type] }));
}

/** The Glue table of the manifest's checkpoints: gzip JSON lines, one partition (`checkpoint`) per checkpoint. */
export const MANIFEST_CHECKPOINTS_TABLE = "manifest_checkpoints";

/** A relation a compute run materialises before its stages, from SQL with `?` parameters (see `AthenaEngine`). */
export interface AthenaSource {
  readonly name: string;
  readonly sql: string;
  readonly parameters: readonly string[];
}

/**
 * The manifest a compute run reads on Athena: exactly the entries of one checkpoint, read from its partition of
 * `manifest_checkpoints` (one object), never the entry objects under `manifest/` one by one. The run's stages and
 * queries then read it under the name `manifest`, as they do on DuckDB.
 */
export function manifestSource(checkpoint: Pick<ManifestCheckpoint, "id">): AthenaSource {
  return {
    name: MANIFEST_TABLE.name,
    sql: `SELECT ${MANIFEST_TABLE.columns.map((column) => column.name).join(", ")}\nFROM ${MANIFEST_CHECKPOINTS_TABLE}\nWHERE checkpoint = ?`,
    parameters: [checkpoint.id],
  };
}

/**
 * The Glue tables that give Athena the same relations DuckDB reads locally: the curated Parquet of each report
 * kind (hub reports partitioned by year, pruned through partition projection), the manifest's JSON lines (every
 * entry object; compute runs read a checkpoint of it instead, from `manifest_checkpoints`), and the country
 * table. Derived from the lake's own schemas, so the catalog cannot drift from what ingest writes.
 */
export function athenaTables(): AthenaTableDefinition[] {
  const curated = REPORT_KINDS.map((kind): AthenaTableDefinition => {
    const schema = CURATED_TABLES[kind];
    const prefix = lakeLayout.curatedPrefix(kind);
    if (!isHubReportKind(kind))
      return {
        name: schema.name,
        prefix,
        format: "parquet",
        columns: glueColumns(schema),
        partitionKeys: [],
      };
    return {
      name: schema.name,
      prefix,
      format: "parquet",
      columns: glueColumns(schema, ["year"]),
      partitionKeys: [{ name: "year", type: "int" }],
      yearProjection: PROJECTED_YEARS,
    };
  });
  return [
    ...curated,
    {
      name: MANIFEST_TABLE.name,
      prefix: lakeLayout.manifestPrefix,
      format: "json-lines",
      columns: glueColumns(MANIFEST_TABLE),
      partitionKeys: [],
    },
    {
      name: MANIFEST_CHECKPOINTS_TABLE,
      prefix: lakeLayout.checkpointPrefix,
      format: "json-lines",
      columns: glueColumns(MANIFEST_TABLE),
      partitionKeys: [{ name: "checkpoint", type: "string" }],
      injectedPartition: true,
    },
    {
      name: COUNTRIES_TABLE.name,
      prefix: COUNTRIES_KEY.slice(0, COUNTRIES_KEY.lastIndexOf("/") + 1),
      format: "parquet",
      columns: glueColumns(COUNTRIES_TABLE),
      partitionKeys: [],
    },
  ];
}
