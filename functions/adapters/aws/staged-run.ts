import { randomBytes } from "node:crypto";
import { stageStatement, withRelations } from "../../core/indicators/stage-references.js";

/** Every table a compute run creates in the Glue database is named `<RUN_TABLE_PREFIX><run id>_<stage>`. */
export const RUN_TABLE_PREFIX = "compute_run_";

/** Where, in the staging bucket, compute runs write their staged tables: `<STAGING_PREFIX><run id>/<stage>/…`. */
export const STAGING_PREFIX = "staging/";

const RUN_ID = /^[a-z0-9][a-z0-9_]{0,39}$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const KEY_PREFIX = /^([A-Za-z0-9=_.-]+\/)+$/;

/**
 * A new run id: the UTC time to the second and 48 random bits, e.g. `20260115t030000z_9f2c4e1a7b3d`. Lower-case
 * letters, digits and `_` only, so it is safe inside an unquoted table name and an S3 key, and sorts by time.
 */
export function newRunId(now: Date = new Date(), random: (bytes: number) => Buffer = randomBytes): string {
  return `${runTimeText(now)}_${random(6).toString("hex")}`;
}

/** The time part of a run id: `20260115t030000z`. */
function runTimeText(time: Date): string {
  return time
    .toISOString()
    .replace(/\.\d{3}Z$/, "z")
    .replace(/[-:]/g, "")
    .toLowerCase();
}

/**
 * The name of a table a compute run created, exactly: `compute_run_`, a run id as `newRunId` writes it, `_` and
 * a stage name. Nothing else in the database matches.
 */
const RUN_TABLE =
  /^compute_run_((\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})z_[0-9a-f]{12})_([a-z_][a-z0-9_]*)$/;

/** A table of a compute run, read from its name. */
export interface RunTable {
  readonly runId: string;
  readonly stage: string;
  /** When the run started: the time its id carries, to the second. */
  readonly startedAt: Date;
}

/**
 * The run and stage a table belongs to, if its name is exactly `compute_run_<run id>_<stage>` with a run id as
 * `newRunId` writes it (a real UTC time and 48 random bits in hex) and a stage name of lower-case letters, digits
 * and `_`; undefined for any other name, such as the lake's own tables.
 */
export function runTableOf(name: string): RunTable | undefined {
  const match = RUN_TABLE.exec(name);
  if (!match) return undefined;
  const [, runId, year, month, day, hour, minute, second, stage] = match as unknown as string[];
  const startedAt = new Date(
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)),
  );
  if (!runId?.startsWith(runTimeText(startedAt))) return undefined;
  return { runId, stage: stage as string, startedAt };
}

/** Where a compute run keeps its staged tables: in which database, which bucket and under which run id. */
export interface StagedRunLocation {
  /** The Glue database the run's tables are created in (the lake's database). */
  readonly database: string;
  /** The bucket the run's table data is written to. */
  readonly bucket: string;
  /** @default STAGING_PREFIX */
  readonly prefix?: string;
  /** Lower-case letters, digits and `_`, starting with a letter or digit, at most 40 characters. @default newRunId() */
  readonly runId?: string;
}

/** A `CREATE TABLE … WITH (…) AS …` statement in its three parts, so that each can be checked on its own. */
export interface CreateTableAs {
  /** `<database>.<run table>` */
  readonly table: string;
  /** The table properties inside `WITH (…)`: Parquet, ZSTD, and the table's location. */
  readonly properties: string;
  /** The stage's query, reading earlier stages from their run tables. */
  readonly query: string;
}

/** The statement Athena runs for a `CreateTableAs`. */
export function createTableAsText(statement: CreateTableAs): string {
  return `CREATE TABLE ${statement.table}\nWITH (${statement.properties})\nAS\n${statement.query}`;
}

/**
 * The tables one compute run materialises its stages into, and the SQL that creates and reads them. Every name
 * written into SQL is checked to be a plain identifier (database, run id, stage names) and every location to be
 * made of a bucket name and key segments; the stages' own SQL is carried as tokens, never pasted into a name.
 */
export class StagedRun {
  readonly database: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly runId: string;

  constructor(location: StagedRunLocation) {
    if (!IDENTIFIER.test(location.database))
      throw new Error(`invalid database name: ${JSON.stringify(location.database)} (use a plain identifier)`);
    if (!BUCKET.test(location.bucket))
      throw new Error(`invalid bucket name: ${JSON.stringify(location.bucket)}`);
    this.prefix = location.prefix ?? STAGING_PREFIX;
    if (!KEY_PREFIX.test(this.prefix) || this.prefix.split("/").some((part) => part === "." || part === ".."))
      throw new Error(`invalid staging prefix: ${JSON.stringify(this.prefix)} (key segments ending in /)`);
    this.runId = location.runId ?? newRunId();
    if (!RUN_ID.test(this.runId))
      throw new Error(
        `invalid run id: ${JSON.stringify(this.runId)} (lower-case letters, digits and _, at most 40 characters)`,
      );
    this.database = location.database;
    this.bucket = location.bucket;
  }

  /** The key prefix under which every object of the run lies, in the staging bucket. */
  get keyPrefix(): string {
    return this.keyPrefixOf(this.runId);
  }

  /** The key prefix of any run's objects in the staging bucket: `<prefix><run id>/`. */
  keyPrefixOf(runId: string): string {
    if (!RUN_ID.test(runId)) throw new Error(`invalid run id: ${JSON.stringify(runId)}`);
    return `${this.prefix}${runId}/`;
  }

  /**
   * The statement that lists the tables of every compute run in the database. Athena's pattern knows only `*`
   * and `|`, so the names it returns are checked with `runTableOf` before anything is done with them.
   */
  showRunTables(): string {
    return `SHOW TABLES IN ${this.database} '${RUN_TABLE_PREFIX}*'`;
  }

  /**
   * The statement that drops a table of another compute run, written from its parsed name (never from the text
   * a listing returned).
   */
  dropRunTable(table: RunTable): string {
    return `DROP TABLE IF EXISTS ${this.nameOf(table)}`;
  }

  /** Any run's table, qualified with the database: `<database>.compute_run_<run id>_<stage>`. */
  nameOf(table: Pick<RunTable, "runId" | "stage">): string {
    if (!RUN_ID.test(table.runId)) throw new Error(`invalid run id: ${JSON.stringify(table.runId)}`);
    if (!IDENTIFIER.test(table.stage)) throw new Error(`invalid stage name: ${JSON.stringify(table.stage)}`);
    return `${this.database}.${RUN_TABLE_PREFIX}${table.runId}_${table.stage}`;
  }

  /** The run's table for a stage, qualified with the database: `<database>.compute_run_<run id>_<stage>`. */
  tableOf(stage: string): string {
    return this.nameOf({ runId: this.runId, stage });
  }

  /**
   * Where an attempt at creating a stage's table writes its data: `s3://<bucket>/<prefix><run id>/<stage>/<n>/`.
   * Each attempt has a location of its own, because Athena writes a table only into an empty location and a
   * failed attempt may have left files behind.
   */
  locationOf(stage: string, attempt: number): string {
    if (!Number.isSafeInteger(attempt) || attempt < 1) throw new Error(`invalid attempt: ${attempt}`);
    this.tableOf(stage);
    return `s3://${this.bucket}/${this.keyPrefix}${stage}/${attempt}/`;
  }

  /**
   * The statement that materialises a stage: its SQL, reading the stages named in `earlier` (already
   * materialised by this run) from their tables, written as ZSTD-compressed Parquet to the attempt's location.
   */
  createTableAs(
    stage: readonly [name: string, sql: string],
    earlier: readonly string[],
    attempt = 1,
  ): CreateTableAs {
    const [name, sql] = stage;
    if (earlier.includes(name)) throw new Error(`stage ${name} is already staged in run ${this.runId}`);
    const statement = stageStatement(name, sql);
    return {
      table: this.tableOf(name),
      properties: `format = 'PARQUET', write_compression = 'ZSTD', external_location = '${this.locationOf(name, attempt)}'`,
      query: withRelations(this.relations(earlier), statement, `stage ${name}`),
    };
  }

  /**
   * The statement that materialises a source of the run: a relation its stages read by name, defined by SQL the
   * engine was given with `?` parameters (bound by Athena), such as the manifest as of one checkpoint.
   */
  createSourceTableAs(source: readonly [name: string, sql: string], attempt = 1): CreateTableAs {
    const [name, sql] = source;
    return {
      table: this.tableOf(name),
      properties: `format = 'PARQUET', write_compression = 'ZSTD', external_location = '${this.locationOf(name, attempt)}'`,
      query: withRelations([], sql, `source ${name}`),
    };
  }

  /** A query rewritten to read the stages named in `staged` from this run's tables. */
  reading(staged: readonly string[], sql: string): string {
    return withRelations(this.relations(staged), sql);
  }

  /** The statement that drops a stage's table (its data stays in S3 until the run's objects are deleted). */
  dropTable(stage: string): string {
    return `DROP TABLE IF EXISTS ${this.tableOf(stage)}`;
  }

  private relations(stages: readonly string[]): [string, string][] {
    return stages.map((name) => [name, `SELECT * FROM ${this.tableOf(name)}`]);
  }
}
