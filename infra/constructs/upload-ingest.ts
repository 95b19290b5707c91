import { Duration, Stack } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3n from "aws-cdk-lib/aws-s3-notifications";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import { UPLOAD_FORMATS } from "../../functions/core/uploads/upload-layout.js";
import { CURATED_PREFIXES, RAW_PREFIXES } from "./lake-storage.js";
import { acknowledgeRule, acknowledgeWildcardResources } from "./nag.js";
import { ObservatoryFunction } from "./observatory-function.js";

export interface UploadIngestOptions {
  /**
   * How long ingest waits after an upload before recomputing, so that a burst of uploads is computed once.
   * @default Duration.minutes(5)
   */
  readonly recomputeDebounce?: Duration;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
}

export interface UploadIngestProps extends UploadIngestOptions {
  readonly rawBucket: s3.IBucket;
  readonly curatedBucket: s3.IBucket;
  readonly encryptionKey: kms.IKey;
  /** The workflow ingest starts (debounced) after each accepted upload. */
  readonly recomputeStateMachine: sfn.IStateMachine;
  /** The largest file ingest accepts, as the upload API announces it. */
  readonly maxUploadBytes: number;
  /** How long each accepted file under `raw/` is kept under Object Lock (governance mode). */
  readonly evidenceRetention: Duration;
}

/**
 * The ingest function's memory. Ingest reads a file as a stream: `npm run bench` measures a peak RSS of about
 * 370 MiB for a 256 MiB CSV through this handler, and under 400 MiB for workbooks within their limits (README,
 * "Ingest memory"). 1,769 MB is one full vCPU: ingest is CPU-bound, so a 256 MiB file takes about half a minute
 * instead of about one and a half at 1,024 MB, for about the same price.
 */
export const INGEST_MEMORY_MB = 1769;

/**
 * Validates every upload (CSV or workbook) that lands under `uploads/` of the raw bucket (an S3 event notification invokes the
 * ingest Lambda asynchronously): keeps accepted files as evidence under `raw/`, writes the curated Parquet and
 * the manifest, answers under `results/`, and starts a debounced recompute. An event that fails three times
 * lands in an encrypted dead-letter queue, with an alarm on it and on the function's errors.
 */
export class UploadIngest extends Construct {
  readonly handler: ObservatoryFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  readonly errorsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: UploadIngestProps) {
    super(scope, id);
    const { rawBucket, curatedBucket, encryptionKey } = props;

    this.deadLetterQueue = new sqs.Queue(this, "DeadLetterQueue", {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    this.handler = new ObservatoryFunction(this, "IngestUpload", {
      handlerModule: "ingest-upload",
      description:
        "Equity Observatory: validates an uploaded report (CSV or workbook) and adds it to the lake",
      logEncryptionKey: encryptionKey,
      logRetention: props.logRetention,
      timeout: Duration.minutes(5),
      memorySize: INGEST_MEMORY_MB,
      retryAttempts: 2,
      deadLetterQueue: this.deadLetterQueue,
      environment: {
        RAW_BUCKET: rawBucket.bucketName,
        CURATED_BUCKET: curatedBucket.bucketName,
        RECOMPUTE_STATE_MACHINE_ARN: props.recomputeStateMachine.stateMachineArn,
        RECOMPUTE_DEBOUNCE_SECONDS: String((props.recomputeDebounce ?? Duration.minutes(5)).toSeconds()),
        MAX_UPLOAD_BYTES: String(props.maxUploadBytes),
        EVIDENCE_RETENTION_DAYS: String(props.evidenceRetention.toDays()),
      },
    });

    const rawReads = [RAW_PREFIXES.landing, RAW_PREFIXES.evidence, RAW_PREFIXES.results].map((prefix) =>
      rawBucket.arnForObjects(`${prefix}*`),
    );
    const rawWrites = [RAW_PREFIXES.evidence, RAW_PREFIXES.results].map((prefix) =>
      rawBucket.arnForObjects(`${prefix}*`),
    );
    const curatedObjects = [
      CURATED_PREFIXES.curated,
      CURATED_PREFIXES.manifest,
      CURATED_PREFIXES.checkpoints,
    ].map((prefix) => curatedBucket.arnForObjects(`${prefix}*`));
    for (const statement of [
      new iam.PolicyStatement({
        actions: ["s3:ListBucket"],
        resources: [rawBucket.bucketArn, curatedBucket.bucketArn],
      }),
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [...rawReads, ...curatedObjects] }),
      new iam.PolicyStatement({
        actions: ["s3:PutObject", "s3:AbortMultipartUpload"],
        resources: [...rawWrites, ...curatedObjects],
      }),
      new iam.PolicyStatement({
        actions: ["s3:PutObjectRetention"],
        resources: [rawBucket.arnForObjects(`${RAW_PREFIXES.evidence}*`)],
      }),
      new iam.PolicyStatement({
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [encryptionKey.keyArn],
      }),
    ])
      this.handler.addToRolePolicy(statement);
    props.recomputeStateMachine.grantStartExecution(this.handler.role);
    acknowledgeWildcardResources(
      this.handler.role,
      [...new Set([...rawReads, ...curatedObjects])],
      "Ingest reads the uploads it is notified of, checks the evidence and results it may already hold, and reads and writes the lake, its manifest and the manifest's checkpoints; each grant is limited to one key prefix.",
    );

    const destination = new s3n.LambdaDestination(this.handler.function);
    for (const format of Object.keys(UPLOAD_FORMATS))
      rawBucket.addEventNotification(s3.EventType.OBJECT_CREATED, destination, {
        prefix: RAW_PREFIXES.landing,
        suffix: `.${format}`,
      });
    acknowledgeBucketNotificationsHandler(this);

    this.deadLetterAlarm = this.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" })
      .createAlarm(this, "DeadLetterAlarm", {
        alarmDescription: "An upload could not be ingested after three attempts: see the dead-letter queue",
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    this.errorsAlarm = this.handler.function
      .metricErrors({ period: Duration.minutes(5), statistic: "Sum" })
      .createAlarm(this, "ErrorsAlarm", {
        alarmDescription:
          "The ingest function failed (it will retry; the dead-letter alarm fires if it gives up)",
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
  }
}

/**
 * CDK applies bucket notifications at deployment with a handler function of its own, one per stack, whose role
 * has the AWS managed basic execution policy.
 */
function acknowledgeBucketNotificationsHandler(scope: Construct): void {
  const handler = Stack.of(scope).node.tryFindChild(
    "BucketNotificationsHandler050a0587b7544547bf325f094a3db834",
  );
  const role = handler?.node.tryFindChild("Role");
  if (!role) throw new Error("CDK's bucket notifications handler was not found where expected");
  acknowledgeRule(
    role,
    "IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    "CDK's own deployment-time handler that applies the raw bucket's notification configuration; its role is created by CDK, and the managed policy only lets it write its logs.",
  );
}
