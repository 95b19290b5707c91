import { ArnFormat, Aws, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { STAGING_PREFIX } from "../../functions/adapters/aws/staged-run.js";
import { lakeLayout } from "../../functions/core/lake/layout.js";

/** Key prefixes of the two data buckets, as the handlers write them. */
export const RAW_PREFIXES = {
  /** `uploads/<uploader>/<uploadId>.<csv|xlsx|ods>`: what an uploader sent, through a presigned POST. */
  landing: "uploads/",
  /** `raw/<uploader>/<sha256>.csv`: every accepted file, byte for byte. */
  evidence: "raw/",
  /** `results/<uploader>/<uploadId>.json`: the validation result of each upload. */
  results: "results/",
} as const;

export const CURATED_PREFIXES = {
  /** `curated/<kind>/...`: typed Parquet, and the country table under `curated/countries/`. */
  curated: "curated/",
  countries: "curated/countries/",
  /** `manifest/<seq>.json`: one entry per accepted report. */
  manifest: lakeLayout.manifestPrefix,
  /** `checkpoints/`: the manifest's checkpoints and the pointer to the newest. */
  checkpoints: "checkpoints/",
  /** `compactions/<kind>/year=<y>/<generation>.json`: what each compaction of the curated files did. */
  compactions: "compactions/",
  /** `published/`: the computed indicators and the reports list, which the site is built from. */
  published: "published/",
} as const;

/** Where Athena writes query results in the query-results bucket. */
export const QUERY_RESULTS_PREFIX = "athena/";

/**
 * Where compute runs write their staged tables in the query-results bucket: `staging/<run id>/<stage>/…`. Each
 * run deletes its own when it ends; a lifecycle rule removes what a run that crashed left behind.
 */
export { STAGING_PREFIX };

export interface LakeStorageOptions {
  /**
   * How long Object Lock (governance mode) protects each accepted file under `raw/` from deletion and overwrite:
   * the evidence of what each hub reported. Ingest sets the retention on each evidence object it writes; the
   * bucket has no default retention, because S3 would then demand a checksum of every hub's presigned upload.
   * @default Duration.days(365)
   */
  readonly evidenceRetention?: Duration;
  /**
   * When landing objects (`uploads/`) expire; the accepted bytes are kept under `raw/`.
   * @default Duration.days(30)
   */
  readonly landingExpiration?: Duration;
  /**
   * When overwritten or deleted versions of the raw and curated buckets are removed (never before the Object
   * Lock retention ends).
   * @default Duration.days(90)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /** @default Duration.days(7) */
  readonly queryResultsExpiration?: Duration;
  /**
   * When objects under the staging prefix expire: the backstop for the staged tables of a compute run that
   * could not delete them (a crashed or timed-out Lambda). A run takes minutes, so a day never cuts one short.
   * @default Duration.days(1)
   */
  readonly stagingExpiration?: Duration;
  /** @default Duration.days(365) */
  readonly accessLogsExpiration?: Duration;
}

export interface LakeStorageProps extends LakeStorageOptions {}

/**
 * The buckets of the observatory and the key that encrypts them:
 * - raw: uploads, evidence and validation results; versioned, Object Lock with a default governance retention;
 * - curated: the Parquet lake, its manifest and the published indicators; versioned;
 * - query results: Athena's output and the compute runs' staged tables (`staging/`), short-lived;
 * - site: the static dashboards, served only through CloudFront;
 * - access logs: server access logs of all the others, and CloudFront's standard logs.
 *
 * Every bucket blocks all public access, refuses plain HTTP and TLS below 1.2, logs its access, and is retained
 * when the stack is deleted. The data buckets, the query results, queues and log groups use one customer-managed
 * key with yearly rotation. The site bucket uses S3-managed keys: its content is public by design, and a KMS key
 * would need a key policy for CloudFront that, to avoid a circular dependency, could not name the distribution.
 * The access-logs bucket uses S3-managed keys because server access logging cannot deliver to SSE-KMS buckets.
 */
export class LakeStorage extends Construct {
  readonly key: kms.Key;
  readonly rawBucket: s3.Bucket;
  /** How long ingest locks each evidence object (see `LakeStorageOptions.evidenceRetention`). */
  readonly evidenceRetention: Duration;
  readonly curatedBucket: s3.Bucket;
  readonly queryResultsBucket: s3.Bucket;
  readonly siteBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: LakeStorageProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    const noncurrentVersionExpiration = props.noncurrentVersionExpiration ?? Duration.days(90);
    const abortIncompleteMultipartUploads: s3.LifecycleRule = {
      id: "AbortIncompleteMultipartUploads",
      abortIncompleteMultipartUploadAfter: Duration.days(7),
    };

    this.key = new kms.Key(this, "Key", {
      description: `${stack.stackName}: data buckets, Athena results, queues and log groups`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "AllowCloudWatchLogsOfThisAccount",
        principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        conditions: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn": stack.formatArn({
              service: "logs",
              resource: "log-group",
              resourceName: "*",
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );

    this.accessLogsBucket = new s3.Bucket(this, "AccessLogsBucket", {
      ...secureDefaults,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [
        { id: "ExpireAccessLogs", expiration: props.accessLogsExpiration ?? Duration.days(365) },
        abortIncompleteMultipartUploads,
      ],
    });

    const encrypted = (prefix: string): Partial<s3.BucketProps> => ({
      ...secureDefaults,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: `${prefix}/`,
    });

    this.evidenceRetention = props.evidenceRetention ?? Duration.days(365);
    this.rawBucket = new s3.Bucket(this, "RawBucket", {
      ...encrypted("raw"),
      versioned: true,
      objectLockEnabled: true,
      lifecycleRules: [
        {
          id: "ExpireLandingUploads",
          prefix: RAW_PREFIXES.landing,
          expiration: props.landingExpiration ?? Duration.days(30),
        },
        { id: "ExpireNoncurrentVersions", noncurrentVersionExpiration },
        { id: "RemoveExpiredDeleteMarkers", expiredObjectDeleteMarker: true },
        abortIncompleteMultipartUploads,
      ],
    });

    this.curatedBucket = new s3.Bucket(this, "CuratedBucket", {
      ...encrypted("curated"),
      versioned: true,
      lifecycleRules: [
        { id: "ExpireNoncurrentVersions", noncurrentVersionExpiration },
        { id: "RemoveExpiredDeleteMarkers", expiredObjectDeleteMarker: true },
        abortIncompleteMultipartUploads,
      ],
    });

    this.queryResultsBucket = new s3.Bucket(this, "QueryResultsBucket", {
      ...encrypted("query-results"),
      lifecycleRules: [
        { id: "ExpireQueryResults", expiration: props.queryResultsExpiration ?? Duration.days(7) },
        {
          id: "ExpireStagedTables",
          prefix: STAGING_PREFIX,
          expiration: props.stagingExpiration ?? Duration.days(1),
        },
        abortIncompleteMultipartUploads,
      ],
    });

    this.siteBucket = new s3.Bucket(this, "SiteBucket", {
      ...secureDefaults,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: "site/",
      lifecycleRules: [abortIncompleteMultipartUploads],
    });
  }

  /**
   * Denies writes to the landing prefix (`uploads/`) of the raw bucket to every principal but `uploaders`: even a
   * principal of the account with broad S3 permissions cannot plant a file as if a hub had sent it.
   */
  restrictLandingWrites(uploaders: readonly iam.IRole[]): void {
    this.rawBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "DenyLandingWritesExceptUploaderRoles",
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ["s3:PutObject"],
        resources: [this.rawBucket.arnForObjects(`${RAW_PREFIXES.landing}*`)],
        conditions: { ArnNotEquals: { "aws:PrincipalArn": uploaders.map((role) => role.roleArn) } },
      }),
    );
  }

  /**
   * Denies reads of the validation results (`results/`) of the raw bucket to every principal but `readers`: a
   * result names the rows of a hub's report, and only that hub (through its session) and ingest may read it.
   */
  restrictResultReads(readers: readonly iam.IRole[]): void {
    this.rawBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "DenyResultReadsExceptResultRoles",
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ["s3:GetObject", "s3:GetObjectVersion"],
        resources: [this.rawBucket.arnForObjects(`${RAW_PREFIXES.results}*`)],
        conditions: { ArnNotEquals: { "aws:PrincipalArn": readers.map((role) => role.roleArn) } },
      }),
    );
  }
}

const secureDefaults = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  removalPolicy: RemovalPolicy.RETAIN,
} satisfies Partial<s3.BucketProps>;
