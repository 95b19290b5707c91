import { Aws, Stack } from "aws-cdk-lib";
import * as athena from "aws-cdk-lib/aws-athena";
import * as glue from "aws-cdk-lib/aws-glue";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { type AthenaTableDefinition, athenaTables } from "../../functions/adapters/aws/athena-tables.js";
import { RUN_TABLE_PREFIX } from "../../functions/adapters/aws/staged-run.js";
import { CURATED_PREFIXES, QUERY_RESULTS_PREFIX, STAGING_PREFIX } from "./lake-storage.js";
import { acknowledgeWildcardResources } from "./nag.js";

const PARQUET = {
  inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
  serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
  classification: "parquet",
};
const JSON_LINES = {
  inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
  serializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
  classification: "json",
};

export interface LakeCatalogOptions {
  /** @default "equity_observatory" */
  readonly databaseName?: string;
  /** @default "equity-observatory" */
  readonly workGroupName?: string;
  /**
   * The most a single query may scan before Athena cancels it: a guard against a runaway query's cost. It
   * applies in both workgroups, to the compute runs' CREATE TABLE … AS (which scan the lake) as to queries.
   * @default 1 GiB (1_073_741_824 bytes)
   */
  readonly bytesScannedCutoffPerQuery?: number;
}

export interface LakeCatalogProps extends LakeCatalogOptions {
  readonly curatedBucket: s3.IBucket;
  readonly queryResultsBucket: s3.IBucket;
  /** The key of the lake's buckets; Athena encrypts query results with it. */
  readonly encryptionKey: kms.IKey;
}

/**
 * The Glue database and tables that let Athena query the curated lake, one table per entry of `athenaTables()`
 * (the single source of truth shared with the code), with partition projection on `year` instead of crawlers; and
 * the Athena workgroup every query runs in, whose settings (encrypted results, scan cutoff) clients cannot
 * override. Beside it, the staging workgroup in which a compute run materialises its stages: Athena refuses a
 * `CREATE TABLE … AS` that names its table's location (`external_location`) in a workgroup that enforces its own
 * result location, so this one does not enforce it; it has the same results location, encryption and scan cutoff
 * as defaults, and what its statements may write is bounded by IAM (`grantStagedTables`: the staging prefix).
 */
export class LakeCatalog extends Construct {
  readonly databaseName: string;
  readonly workGroupName: string;
  readonly database: glue.CfnDatabase;
  readonly tables: readonly glue.CfnTable[];
  readonly workGroup: athena.CfnWorkGroup;
  /** The workgroup of the compute runs' CREATE TABLE … AS and DROP TABLE statements. */
  readonly stagingWorkGroupName: string;
  readonly stagingWorkGroup: athena.CfnWorkGroup;
  private readonly props: LakeCatalogProps;

  constructor(scope: Construct, id: string, props: LakeCatalogProps) {
    super(scope, id);
    this.props = props;
    this.databaseName = props.databaseName ?? "equity_observatory";
    this.workGroupName = props.workGroupName ?? "equity-observatory";

    this.database = new glue.CfnDatabase(this, "Database", {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: {
        name: this.databaseName,
        description: "Equity Observatory: curated hub reports, reference data and the manifest",
      },
    });

    this.tables = athenaTables().map(
      (table) =>
        new glue.CfnTable(this, `Table-${table.name}`, {
          catalogId: Aws.ACCOUNT_ID,
          databaseName: this.database.ref,
          tableInput: this.tableInput(table),
        }),
    );

    const settings = {
      publishCloudWatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? 1_073_741_824,
      engineVersion: { selectedEngineVersion: "AUTO" },
      requesterPaysEnabled: false,
      resultConfiguration: {
        outputLocation: props.queryResultsBucket.s3UrlForObject(QUERY_RESULTS_PREFIX),
        expectedBucketOwner: Aws.ACCOUNT_ID,
        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKey: props.encryptionKey.keyArn },
      },
    };
    this.workGroup = new athena.CfnWorkGroup(this, "WorkGroup", {
      name: this.workGroupName,
      description: "Equity Observatory: indicator queries over the curated lake",
      state: "ENABLED",
      recursiveDeleteOption: false,
      workGroupConfiguration: { enforceWorkGroupConfiguration: true, ...settings },
    });

    this.stagingWorkGroupName = `${this.workGroupName}-staging`;
    this.stagingWorkGroup = new athena.CfnWorkGroup(this, "StagingWorkGroup", {
      name: this.stagingWorkGroupName,
      description:
        "Equity Observatory: compute runs materialising their stages (CREATE TABLE AS, DROP TABLE)",
      state: "ENABLED",
      recursiveDeleteOption: false,
      workGroupConfiguration: { enforceWorkGroupConfiguration: false, ...settings },
    });
  }

  /** The bucket the compute runs write their staged tables to, under `STAGING_PREFIX`. */
  get stagingBucket(): s3.IBucket {
    return this.props.queryResultsBucket;
  }

  /** The workgroup's ARN. */
  get workGroupArn(): string {
    return this.arnOfWorkGroup(this.workGroupName);
  }

  /** The staging workgroup's ARN. */
  get stagingWorkGroupArn(): string {
    return this.arnOfWorkGroup(this.stagingWorkGroupName);
  }

  private arnOfWorkGroup(name: string): string {
    return Stack.of(this).formatArn({ service: "athena", resource: "workgroup", resourceName: name });
  }

  /**
   * Lets `grantee` run queries in the workgroup over the lake's tables: Athena and Glue read access, read access
   * to the curated objects, the manifest and the query results (Athena reads and writes them as the caller), and
   * the key.
   */
  grantQuery(grantee: iam.IGrantable): void {
    const stack = Stack.of(this);
    const { curatedBucket, queryResultsBucket, encryptionKey } = this.props;
    const curatedObjects = [
      curatedBucket.arnForObjects(`${CURATED_PREFIXES.curated}*`),
      curatedBucket.arnForObjects(`${CURATED_PREFIXES.manifest}*`),
      curatedBucket.arnForObjects(`${CURATED_PREFIXES.checkpoints}*`),
    ];
    const queryResultObjects = queryResultsBucket.arnForObjects(`${QUERY_RESULTS_PREFIX}*`);
    const glueArn = (resource: string, resourceName?: string) =>
      stack.formatArn({ service: "glue", resource, resourceName });
    const statements = [
      new iam.PolicyStatement({
        actions: [
          "athena:StartQueryExecution",
          "athena:GetQueryExecution",
          "athena:GetQueryResults",
          "athena:StopQueryExecution",
        ],
        resources: [this.workGroupArn],
      }),
      new iam.PolicyStatement({
        actions: [
          "glue:GetDatabase",
          "glue:GetTable",
          "glue:GetTables",
          "glue:GetPartition",
          "glue:GetPartitions",
        ],
        resources: [
          glueArn("catalog"),
          glueArn("database", this.databaseName),
          ...athenaTables().map((table) => glueArn("table", `${this.databaseName}/${table.name}`)),
        ],
      }),
      new iam.PolicyStatement({
        actions: ["s3:ListBucket", "s3:GetBucketLocation"],
        resources: [curatedBucket.bucketArn, queryResultsBucket.bucketArn],
      }),
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: curatedObjects }),
      new iam.PolicyStatement({
        actions: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
        resources: [queryResultObjects],
      }),
      new iam.PolicyStatement({
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [encryptionKey.keyArn],
      }),
    ];
    for (const statement of statements) grantee.grantPrincipal.addToPrincipalPolicy(statement);
    acknowledgeWildcardResources(
      grantee,
      curatedObjects,
      "Athena reads every object under a table's location; the grant is limited to the curated/, manifest/ and checkpoints/ prefixes that the Glue tables point at.",
    );
    acknowledgeWildcardResources(
      grantee,
      [queryResultObjects],
      "Athena names each result object after its query id, unknown in advance; the grant is limited to the workgroup's output prefix.",
    );
  }

  /**
   * Lets `grantee` run compute runs that materialise their stages: run statements in the staging workgroup; create,
   * read, list and drop tables named `compute_run_*` in the database, and no other (Athena's CREATE TABLE needs
   * glue:CreateTable, its DROP TABLE glue:DeleteTable, on the table, its database and the catalog; both
   * glue:GetTable; reading a table glue:GetTable and glue:GetPartition(s); SHOW TABLES glue:GetTables, which
   * returns only the tables it is granted on, so that a run finds the tables of dead runs to drop); and write,
   * read and delete objects under the staging prefix of the query-results bucket, and nowhere else.
   */
  grantStagedTables(grantee: iam.IGrantable): void {
    const stack = Stack.of(this);
    const glueArn = (resource: string, resourceName?: string) =>
      stack.formatArn({ service: "glue", resource, resourceName });
    const runTables = glueArn("table", `${this.databaseName}/${RUN_TABLE_PREFIX}*`);
    const stagedObjects = this.props.queryResultsBucket.arnForObjects(`${STAGING_PREFIX}*`);
    const statements = [
      new iam.PolicyStatement({
        actions: [
          "athena:StartQueryExecution",
          "athena:GetQueryExecution",
          "athena:GetQueryResults",
          "athena:StopQueryExecution",
        ],
        resources: [this.stagingWorkGroupArn],
      }),
      new iam.PolicyStatement({
        actions: [
          "glue:CreateTable",
          "glue:DeleteTable",
          "glue:GetTable",
          "glue:GetTables",
          "glue:GetPartition",
          "glue:GetPartitions",
        ],
        resources: [glueArn("catalog"), glueArn("database", this.databaseName), runTables],
      }),
      new iam.PolicyStatement({
        actions: [
          "s3:PutObject",
          "s3:GetObject",
          "s3:DeleteObject",
          "s3:AbortMultipartUpload",
          "s3:ListMultipartUploadParts",
        ],
        resources: [stagedObjects],
      }),
    ];
    for (const statement of statements) grantee.grantPrincipal.addToPrincipalPolicy(statement);
    acknowledgeWildcardResources(
      grantee,
      [runTables],
      "A compute run creates, reads, lists and drops tables named compute_run_<run id>_<stage>, unknown before the run (it drops those of dead runs too); the grant is limited to that name prefix in the observatory's database.",
    );
    acknowledgeWildcardResources(
      grantee,
      [stagedObjects],
      "A compute run writes its staged tables' files under staging/<run id>/ and deletes them when it ends; Athena names the files, so the grant is limited to the staging prefix.",
    );
  }

  private tableInput(table: AthenaTableDefinition): glue.CfnTable.TableInputProperty {
    const format = table.format === "parquet" ? PARQUET : JSON_LINES;
    const location = this.props.curatedBucket.s3UrlForObject(table.prefix);
    const injected = table.partitionKeys[0]?.name;
    const projection = table.yearProjection
      ? {
          "projection.enabled": "true",
          "projection.year.type": "integer",
          "projection.year.range": `${table.yearProjection.from},${table.yearProjection.to}`,
          "storage.location.template": this.props.curatedBucket.s3UrlForObject(
            `${table.prefix}year=\${year}/`,
          ),
        }
      : table.injectedPartition && injected
        ? {
            "projection.enabled": "true",
            [`projection.${injected}.type`]: "injected",
            "storage.location.template": this.props.curatedBucket.s3UrlForObject(
              `${table.prefix}\${${injected}}/`,
            ),
          }
        : {};
    return {
      name: table.name,
      tableType: "EXTERNAL_TABLE",
      parameters: { classification: format.classification, EXTERNAL: "TRUE", ...projection },
      partitionKeys: table.partitionKeys.map((column) => ({ name: column.name, type: column.type })),
      storageDescriptor: {
        location,
        columns: table.columns.map((column) => ({ name: column.name, type: column.type })),
        inputFormat: format.inputFormat,
        outputFormat: format.outputFormat,
        serdeInfo: { serializationLibrary: format.serializationLibrary },
        compressed: false,
        storedAsSubDirectories: false,
      },
    };
  }
}
