import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBListType,
  type DuckDBPreparedStatement,
  type DuckDBResultReader,
  DuckDBTypeId,
} from "@duckdb/node-api";
import { checkpointTriedFirst, type ManifestCheckpoint } from "../../core/lake/checkpoint.js";
import { curatedFiles } from "../../core/lake/compaction.js";
import { LakeReader } from "../../core/lake/lake-reader.js";
import {
  COUNTRIES_TABLE,
  type ColumnType,
  CURATED_TABLES,
  MANIFEST_TABLE,
  type TableSchema,
} from "../../core/lake/tables.js";
import { type CountryTable, countryRelationRows } from "../../core/reference/countries.js";
import { REPORT_KINDS } from "../../core/reporting/kinds.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { QueryEngine, ResultRow, ResultValue, SqlValue } from "../../ports/query-engine.js";
import { listElements } from "../list-text.js";

const DUCKDB_TYPES: Record<ColumnType, string> = {
  string: "VARCHAR",
  int32: "INTEGER",
  int64: "BIGINT",
  double: "DOUBLE",
  boolean: "BOOLEAN",
  "decimal(18,2)": "DECIMAL(18,2)",
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export interface DuckDbEngineOptions {
  /** The lake, a local folder; its curated Parquet and manifest become the engine's tables. */
  readonly lake: ObjectStore;
  readonly countries: CountryTable;
  /** DuckDB's memory limit, e.g. `"2GB"`. @default DuckDB's own (80% of RAM) */
  readonly memoryLimit?: string;
  /** @default all cores */
  readonly threads?: number;
  /**
   * The reader the manifest is read with; pass the one that later lists the run's reports (`entriesRead`), so
   * that they are exactly the reports the figures come from. @default a reader of its own
   */
  readonly reader?: LakeReader;
}

function columnList(schema: TableSchema): string {
  return schema.columns.map((c) => c.name).join(", ");
}

function columnDefinitions(schema: TableSchema): string {
  return schema.columns.map((c) => `${c.name} ${DUCKDB_TYPES[c.type]}`).join(", ");
}

/**
 * A file path as a pattern that DuckDB's file readers match only literally: they read `*`, `?` and `[` as glob
 * characters, so each is written as a one-character class (`[*]`, `[?]`, `[[]`). A lake in `/data/lake[2]` must
 * not read `/data/lake2`, nor `/data/lake*` every lake beside it.
 */
export function literalPathPattern(path: string): string {
  return path.replace(/[*?[]/g, (character) => `[${character}]`);
}

function toPlain(value: unknown): SqlValue {
  if (typeof value === "bigint") return Number(value);
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

/** The columns of a prepared statement's result that are lists of strings; a list of anything else is an error. */
function listColumns(statement: DuckDBPreparedStatement): string[] {
  const lists: string[] = [];
  for (let i = 0; i < statement.columnCount; i++) {
    if (statement.columnTypeId(i) !== DuckDBTypeId.LIST) continue;
    const type = statement.columnType(i) as DuckDBListType;
    if (type.valueType.typeId !== DuckDBTypeId.VARCHAR)
      throw new Error(
        `a query returned a list of ${type.toString()} (${statement.columnName(i)}): lists carry strings only`,
      );
    lists.push(statement.columnName(i));
  }
  return lists;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Sets a connection's variable to a list of file paths, each matched literally (see `literalPathPattern`). */
async function setFilesVariable(connection: DuckDBConnection, name: string, paths: string[]): Promise<void> {
  const statement = await connection.prepare(`SET VARIABLE ${name} = string_split($1, chr(0))`);
  try {
    statement.bindVarchar(1, paths.map(literalPathPattern).join("\u0000"));
    await statement.run();
  } finally {
    statement.destroySync();
  }
}

/** The manifest's columns from the JSON-lines files a variable lists (checkpoints and entry objects alike). */
function manifestSelect(filesVariable: string): string {
  const columns = MANIFEST_TABLE.columns.map((c) => `${c.name}: '${DUCKDB_TYPES[c.type]}'`).join(", ");
  return `SELECT ${columnList(MANIFEST_TABLE)} FROM read_json(getvariable('${filesVariable}'), format = 'newline_delimited', columns = {${columns}})`;
}

/**
 * The embedded query engine: DuckDB in-process, reading the lake's Parquet and manifest in place: the manifest
 * from its newest verified checkpoint (gzip JSON lines) and the entry objects after it, as ingest reads it, into a
 * table read once per run (DuckDB starts reading the checkpoint while the reader verifies it, and keeps it only if
 * it verified: see `loadCheckpointEarly`); the curated tables from the files that count after the lake's
 * compactions (`curatedFiles`). Paths reach SQL only through bound variables, never through string concatenation,
 * and are matched literally (see `literalPathPattern`). Extensions are never downloaded.
 */
export class DuckDbEngine implements QueryEngine {
  /** The connection `loadCheckpointEarly` loads a checkpoint on, until the manifest table is defined. */
  private earlyConnection: DuckDBConnection | undefined;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(options: DuckDbEngineOptions): Promise<DuckDbEngine> {
    const config: Record<string, string> = {
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
    };
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    if (options.threads) config.threads = String(options.threads);
    const reader = options.reader ?? new LakeReader(options.lake);
    const triedFirst = checkpointTriedFirst(options.lake);
    triedFirst.catch(() => undefined);
    const instance = await DuckDBInstance.create(":memory:", config);
    const engine = new DuckDbEngine(instance, await instance.connect());
    let early: { readonly loaded: Promise<ManifestCheckpoint | undefined> } = {
      loaded: Promise.resolve(undefined),
    };
    let manifestRead: Promise<unknown> = Promise.resolve();
    try {
      early = await engine.loadCheckpointEarly(options.lake, await triedFirst.catch(() => undefined));
      manifestRead = reader.sourcesRead();
      manifestRead.catch(() => undefined);
      await engine.defineCuratedTables(options.lake);
      await engine.loadCountries(options.countries);
      await manifestRead;
      await engine.defineManifestTable(options.lake, reader, await early.loaded);
    } catch (error) {
      await Promise.all([early.loaded.catch(() => undefined), manifestRead.catch(() => undefined)]);
      await engine.close();
      throw error;
    }
    return engine;
  }

  async stage(name: string, sql: string): Promise<void> {
    if (!IDENTIFIER.test(name)) throw new Error(`invalid stage name: ${name}`);
    await this.connection.run(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`);
  }

  /**
   * Runs one SELECT. A list column comes back through its text (DuckDB casts it to VARCHAR, the adapter splits
   * it as Athena's is split): turning a list's elements into JavaScript values one by one costs far more, and a
   * figure's evidence lists tens of thousands of report ids.
   */
  async query(sql: string, parameters: readonly SqlValue[] = []): Promise<ResultRow[]> {
    const statement = await this.connection.prepare(sql);
    let reader: DuckDBResultReader;
    let lists: string[];
    try {
      lists = listColumns(statement);
      if (lists.length === 0) {
        if (parameters.length > 0) statement.bind(parameters as SqlValue[]);
        reader = await statement.runAndReadAll();
      } else {
        const listsAsText = lists.map((name) => `CAST(${quoted(name)} AS VARCHAR) AS ${quoted(name)}`);
        reader = await this.connection.runAndReadAll(
          `SELECT * REPLACE (${listsAsText.join(", ")}) FROM (${sql}\n) AS listed`,
          parameters as SqlValue[],
        );
      }
    } finally {
      statement.destroySync();
    }
    const names = reader.columnNames();
    const columns = reader.getColumnsJS().map((values, index) => {
      if (!lists.includes(names[index] as string)) return values.map(toPlain);
      return values.map((value) =>
        typeof value === "string" ? listElements(value, "DuckDB") : toPlain(value),
      );
    });
    const rows: ResultRow[] = new Array(reader.currentRowCount);
    for (let row = 0; row < rows.length; row++) {
      const plain: ResultRow = {};
      for (const [index, name] of names.entries())
        plain[name] = (columns[index] as ResultValue[])[row] as ResultValue;
      rows[row] = plain;
    }
    return rows;
  }

  async close(): Promise<void> {
    this.earlyConnection?.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async defineCuratedTables(lake: ObjectStore): Promise<void> {
    for (const kind of REPORT_KINDS) {
      const schema = CURATED_TABLES[kind];
      const { live: files } = await curatedFiles(lake, kind);
      if (files.length === 0) {
        await this.connection.run(`CREATE TABLE ${schema.name} (${columnDefinitions(schema)})`);
        continue;
      }
      await setFilesVariable(
        this.connection,
        `files_${kind}`,
        files.map((key) => lake.locate(key)),
      );
      await this.connection.run(
        `CREATE VIEW ${schema.name} AS SELECT ${columnList(schema)} FROM read_parquet(getvariable('files_${kind}'))`,
      );
    }
  }

  /**
   * Starts loading a checkpoint into `manifest_checkpoint` on a connection of its own, before it is verified, so
   * that DuckDB reads it while the reader decompresses and verifies it. Returns once DuckDB is reading;
   * `loaded` then gives the checkpoint once loaded, or undefined when it could not be (the verified one is then
   * loaded as usual, and fails loudly if it cannot be). `defineManifestTable` uses the table only if the reader's
   * checkpoint is this one.
   */
  private async loadCheckpointEarly(
    lake: ObjectStore,
    checkpoint: ManifestCheckpoint | undefined,
  ): Promise<{ readonly loaded: Promise<ManifestCheckpoint | undefined> }> {
    if (!checkpoint || checkpoint.throughSeq === 0) return { loaded: Promise.resolve(undefined) };
    try {
      const connection = await this.instance.connect();
      this.earlyConnection = connection;
      await setFilesVariable(connection, "files_checkpoint", [lake.locate(checkpoint.key)]);
      const statement = await connection.prepare(
        `CREATE TABLE manifest_checkpoint AS ${manifestSelect("files_checkpoint")}`,
      );
      const loaded = statement
        .run()
        .then(
          () => checkpoint,
          () => undefined,
        )
        .finally(() => statement.destroySync());
      return { loaded };
    } catch {
      return { loaded: Promise.resolve(undefined) };
    }
  }

  /**
   * The manifest table, from the files `reader` read it from (after its `sourcesRead()`): the checkpoint already
   * loaded by `loadCheckpointEarly` when it is the one the reader verified, the entries after it read here.
   */
  private async defineManifestTable(
    lake: ObjectStore,
    reader: LakeReader,
    loaded: ManifestCheckpoint | undefined,
  ): Promise<void> {
    this.earlyConnection?.closeSync();
    this.earlyConnection = undefined;
    const { checkpoint, entryKeys } = reader.sources();
    const fromCheckpoint = checkpoint && checkpoint.throughSeq > 0 ? checkpoint.key : undefined;
    if (loaded && loaded.key === fromCheckpoint) {
      await this.connection.run("ALTER TABLE manifest_checkpoint RENAME TO manifest");
      if (entryKeys.length === 0) return;
      await setFilesVariable(
        this.connection,
        "files_manifest",
        entryKeys.map((key) => lake.locate(key)),
      );
      await this.connection.run(`INSERT INTO manifest ${manifestSelect("files_manifest")}`);
      return;
    }
    if (loaded) await this.connection.run("DROP TABLE manifest_checkpoint");
    const files = [...(fromCheckpoint ? [fromCheckpoint] : []), ...entryKeys];
    if (files.length === 0) {
      await this.connection.run(`CREATE TABLE manifest (${columnDefinitions(MANIFEST_TABLE)})`);
      return;
    }
    await setFilesVariable(
      this.connection,
      "files_manifest",
      files.map((key) => lake.locate(key)),
    );
    await this.connection.run(`CREATE TABLE manifest AS ${manifestSelect("files_manifest")}`);
  }

  private async loadCountries(countries: CountryTable): Promise<void> {
    await this.connection.run(`CREATE TABLE countries (${columnDefinitions(COUNTRIES_TABLE)})`);
    const appender = await this.connection.createAppender("countries");
    for (const row of countryRelationRows(countries)) {
      for (const column of COUNTRIES_TABLE.columns) appender.appendVarchar(row[column.name] ?? "");
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
  }
}
