import { Duration, Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as s3 from "aws-cdk-lib/aws-s3";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import * as tasks from "aws-cdk-lib/aws-stepfunctions-tasks";
import { Construct } from "constructs";
import { BUILD_RECORD_PREFIX } from "../../site/build/build-record.js";
import type { UploadConfig } from "../../site/client/upload/upload-config.js";
import type { DashboardSite } from "./dashboard-site.js";
import type { LakeCatalog } from "./lake-catalog.js";
import { CURATED_PREFIXES } from "./lake-storage.js";
import { acknowledgeWildcardResources } from "./nag.js";
import { ObservatoryFunction } from "./observatory-function.js";

export interface IndicatorPipelineOptions {
  /**
   * When indicators are recomputed and the site republished even if nothing was uploaded.
   * @default daily at 03:00 UTC
   */
  readonly schedule?: events.Schedule;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /**
   * How long the publish step keeps a superseded build's content-hashed files (stylesheet, script and chunks,
   * favicon, chart data) after a later build replaced the pages that load them: a page is revalidated on every
   * visit, but a tab opened before a rebuild may stay open, and load a chart's data or the Vega chunk, for days.
   * Whole days, from 1 to 365.
   * @default Duration.days(7) (a tab left open over a working week and its weekend)
   */
  readonly supersededFilesGracePeriod?: Duration;
}

export interface IndicatorPipelineProps extends IndicatorPipelineOptions {
  readonly curatedBucket: s3.IBucket;
  readonly siteBucket: s3.IBucket;
  readonly encryptionKey: kms.IKey;
  readonly catalog: LakeCatalog;
  readonly site: DashboardSite;
  /** What the validator page needs to sign in and upload; the publish step writes it as `upload-config.json`. */
  readonly uploadConfig: UploadConfig;
}

/**
 * Recomputes the indicators and republishes the dashboards, as a Step Functions standard workflow: wait until
 * the execution's `notBefore` (when ingest debounces a burst of uploads), compact the lake's curated files and
 * checkpoint its manifest, compute the indicators with Athena, build the site into the site bucket, then
 * invalidate CloudFront's cache. Started by ingest and by a schedule.
 *
 * Each step's input is the execution's input (`{ reason, notBefore? }`) with the previous results added:
 * `compacted` (the compaction Lambda's return value), `computed` (the compute Lambda's), then `published`.
 */
export class IndicatorPipeline extends Construct {
  readonly compactFunction: ObservatoryFunction;
  readonly computeFunction: ObservatoryFunction;
  readonly publishFunction: ObservatoryFunction;
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;
  readonly scheduleRule: events.Rule;

  constructor(scope: Construct, id: string, props: IndicatorPipelineProps) {
    super(scope, id);
    const { curatedBucket, siteBucket, encryptionKey, catalog, site } = props;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_YEAR;

    this.compactFunction = new ObservatoryFunction(this, "CompactLake", {
      handlerModule: "compact-lake",
      description:
        "Equity Observatory: compacts the curated files into one per kind and year, and checkpoints the manifest",
      logEncryptionKey: encryptionKey,
      logRetention,
      timeout: Duration.minutes(15),
      memorySize: 2048,
      environment: { CURATED_BUCKET: curatedBucket.bucketName },
    });
    this.grantCompaction(curatedBucket, encryptionKey);

    const computeTimeout = Duration.minutes(10);
    this.computeFunction = new ObservatoryFunction(this, "ComputeIndicators", {
      handlerModule: "compute-indicators",
      description: "Equity Observatory: computes the indicators with Athena and writes them under published/",
      logEncryptionKey: encryptionKey,
      logRetention,
      timeout: computeTimeout,
      memorySize: 1024,
      environment: {
        CURATED_BUCKET: curatedBucket.bucketName,
        ATHENA_WORKGROUP: catalog.workGroupName,
        GLUE_DATABASE: catalog.databaseName,
        ATHENA_STAGING_WORKGROUP: catalog.stagingWorkGroupName,
        STAGING_BUCKET: catalog.stagingBucket.bucketName,
        COMPUTE_TIMEOUT_SECONDS: String(computeTimeout.toSeconds()),
      },
    });
    catalog.grantQuery(this.computeFunction.role);
    catalog.grantStagedTables(this.computeFunction.role);
    const computeWrites = [
      curatedBucket.arnForObjects(`${CURATED_PREFIXES.countries}*`),
      curatedBucket.arnForObjects(`${CURATED_PREFIXES.checkpoints}*`),
      curatedBucket.arnForObjects(`${CURATED_PREFIXES.published}*`),
    ];
    this.computeFunction.addToRolePolicy(
      new iam.PolicyStatement({ actions: ["s3:PutObject"], resources: computeWrites }),
    );
    const compactionRecords = curatedBucket.arnForObjects(`${CURATED_PREFIXES.compactions}*`);
    this.computeFunction.addToRolePolicy(
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [compactionRecords] }),
    );
    acknowledgeWildcardResources(
      this.computeFunction.role,
      [compactionRecords],
      "The compute step reads the compaction records to check that no compaction was interrupted; the grant is limited to that prefix.",
    );
    acknowledgeWildcardResources(
      this.computeFunction.role,
      computeWrites,
      "The compute step writes the country table, the manifest checkpoint it reads and the published indicators; each grant is limited to that one prefix.",
    );

    const graceDays = gracePeriodDays(props.supersededFilesGracePeriod ?? Duration.days(7));
    this.publishFunction = new ObservatoryFunction(this, "PublishSite", {
      handlerModule: "publish-site",
      bundleClientScript: true,
      description: "Equity Observatory: builds the dashboards from published/ into the site bucket",
      logEncryptionKey: encryptionKey,
      logRetention,
      timeout: Duration.minutes(5),
      memorySize: 1769,
      environment: {
        CURATED_BUCKET: curatedBucket.bucketName,
        SITE_BUCKET: siteBucket.bucketName,
        UPLOAD_CONFIG: Stack.of(this).toJsonString(props.uploadConfig),
        SUPERSEDED_FILES_GRACE_DAYS: String(graceDays),
      },
    });
    const publishedObjects = curatedBucket.arnForObjects(`${CURATED_PREFIXES.published}*`);
    const siteObjects = siteBucket.arnForObjects("*");
    const buildRecords = siteBucket.arnForObjects(`${BUILD_RECORD_PREFIX}*`);
    for (const statement of [
      new iam.PolicyStatement({
        actions: ["s3:ListBucket"],
        resources: [curatedBucket.bucketArn],
        conditions: { StringLike: { "s3:prefix": [`${CURATED_PREFIXES.published}*`] } },
      }),
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [publishedObjects] }),
      new iam.PolicyStatement({ actions: ["kms:Decrypt"], resources: [encryptionKey.keyArn] }),
      new iam.PolicyStatement({ actions: ["s3:PutObject"], resources: [siteObjects] }),
      new iam.PolicyStatement({ actions: ["s3:ListBucket"], resources: [siteBucket.bucketArn] }),
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [buildRecords] }),
      new iam.PolicyStatement({ actions: ["s3:DeleteObject"], resources: [siteObjects] }),
    ])
      this.publishFunction.addToRolePolicy(statement);
    acknowledgeWildcardResources(
      this.publishFunction.role,
      [publishedObjects],
      "The publish step reads only what the compute step published, under the published/ prefix.",
    );
    acknowledgeWildcardResources(
      this.publishFunction.role,
      [siteObjects],
      "The publish step writes the whole site (pages, specs, data, stylesheet) into the site bucket, which holds nothing else, and deletes from it what a build withdrew (a hub page whose seat became protected must go) and superseded builds' content-hashed files and records.",
    );
    acknowledgeWildcardResources(
      this.publishFunction.role,
      [buildRecords],
      "The publish step reads the records of the builds it published, under the _builds/ prefix of the site bucket.",
    );

    this.logGroup = new logs.LogGroup(this, "StateMachineLogGroup", {
      retention: logRetention,
      encryptionKey,
    });
    this.stateMachine = new sfn.StateMachine(this, "StateMachine", {
      comment: "Equity Observatory: recompute the indicators and republish the dashboards",
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(this.definition(site)),
      timeout: Duration.hours(2),
      tracingEnabled: true,
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
    });
    this.acknowledgeStateMachinePermissions();

    this.scheduleRule = new events.Rule(this, "Schedule", {
      description: "Equity Observatory: recompute the indicators and republish the dashboards",
      schedule: props.schedule ?? events.Schedule.cron({ minute: "0", hour: "3" }),
      targets: [
        new targets.SfnStateMachine(this.stateMachine, {
          input: events.RuleTargetInput.fromObject({ reason: "schedule" }),
          retryAttempts: 3,
        }),
      ],
    });
  }

  /**
   * What the compaction step may do in the curated bucket: list it; read the curated files, the manifest, its
   * checkpoints and the compaction records; write and delete hub reports' curated files and the checkpoints; and
   * write compaction records, which it never deletes.
   */
  private grantCompaction(curatedBucket: s3.IBucket, encryptionKey: kms.IKey): void {
    const hubFiles = ["financial", "impact"].map((kind) =>
      curatedBucket.arnForObjects(`${CURATED_PREFIXES.curated}${kind}/*`),
    );
    const checkpoints = curatedBucket.arnForObjects(`${CURATED_PREFIXES.checkpoints}*`);
    const records = curatedBucket.arnForObjects(`${CURATED_PREFIXES.compactions}*`);
    const reads = [
      ...hubFiles,
      curatedBucket.arnForObjects(`${CURATED_PREFIXES.manifest}*`),
      checkpoints,
      records,
    ];
    for (const statement of [
      new iam.PolicyStatement({ actions: ["s3:ListBucket"], resources: [curatedBucket.bucketArn] }),
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: reads }),
      new iam.PolicyStatement({ actions: ["s3:PutObject"], resources: [...hubFiles, checkpoints, records] }),
      new iam.PolicyStatement({ actions: ["s3:DeleteObject"], resources: [...hubFiles, checkpoints] }),
      new iam.PolicyStatement({
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [encryptionKey.keyArn],
      }),
    ])
      this.compactFunction.addToRolePolicy(statement);
    acknowledgeWildcardResources(
      this.compactFunction.role,
      reads,
      "The compaction step reads, rewrites and deletes the hub reports' curated files, whose names come from report ids; each grant is limited to one prefix.",
    );
  }

  /** Lets `grantee` start executions of the workflow. */
  grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    return this.stateMachine.grantStartExecution(grantee);
  }

  private definition(site: DashboardSite): sfn.IChainable {
    const failed = new sfn.Fail(this, "RecomputeFailed", {
      error: "RecomputeFailed",
      causePath: "$.error.Cause",
    });
    const catchAll = { errors: [sfn.Errors.ALL], resultPath: "$.error" };

    const compact = new tasks.LambdaInvoke(this, "CompactLakeStep", {
      stateName: "CompactLake",
      lambdaFunction: this.compactFunction.function,
      payloadResponseOnly: true,
      resultPath: "$.compacted",
      retryOnServiceExceptions: true,
    }).addCatch(failed, catchAll);

    const compute = new tasks.LambdaInvoke(this, "ComputeIndicatorsStep", {
      stateName: "ComputeIndicators",
      lambdaFunction: this.computeFunction.function,
      payloadResponseOnly: true,
      resultPath: "$.computed",
      retryOnServiceExceptions: true,
    }).addCatch(failed, catchAll);

    const publish = new tasks.LambdaInvoke(this, "PublishSiteStep", {
      stateName: "PublishSite",
      lambdaFunction: this.publishFunction.function,
      payloadResponseOnly: true,
      resultPath: "$.published",
      retryOnServiceExceptions: true,
    }).addCatch(failed, catchAll);

    const invalidate = new tasks.CallAwsService(this, "InvalidateCacheStep", {
      stateName: "InvalidateCache",
      service: "cloudfront",
      action: "createInvalidation",
      iamAction: "cloudfront:CreateInvalidation",
      iamResources: [site.distributionArn],
      parameters: {
        DistributionId: site.distribution.distributionId,
        InvalidationBatch: {
          CallerReference: sfn.JsonPath.stringAt("$$.Execution.Name"),
          Paths: { Quantity: 1, Items: ["/*"] },
        },
      },
      resultPath: sfn.JsonPath.DISCARD,
    })
      .addRetry({
        errors: ["CloudFront.TooManyInvalidationsInProgressException", "CloudFront.CloudFrontException"],
        interval: Duration.seconds(30),
        maxAttempts: 5,
        backoffRate: 2,
      })
      .addCatch(failed, catchAll);

    compact.next(compute).next(publish).next(invalidate);
    const waitUntilNotBefore = new sfn.Wait(this, "WaitUntilNotBefore", {
      time: sfn.WaitTime.timestampPath("$.notBefore"),
    }).next(compact);
    return new sfn.Choice(this, "DebouncedByIngest", { stateName: "NotBeforeGiven" })
      .when(sfn.Condition.isPresent("$.notBefore"), waitUntilNotBefore)
      .otherwise(compact);
  }

  private acknowledgeStateMachinePermissions(): void {
    const role = this.stateMachine.role;
    acknowledgeWildcardResources(
      role,
      ["*"],
      "Only for the actions that support no resource-level permissions: X-Ray trace writes and sampling, and the CloudWatch Logs log-delivery APIs that Step Functions logging requires.",
    );
    acknowledgeWildcardResources(
      role,
      [this.compactFunction.function, this.computeFunction.function, this.publishFunction.function].map(
        (fn) => `${fn.functionArn}:*`,
      ),
      "Invoking the versions and aliases (ARN suffix :*) of exactly the three functions this workflow runs.",
    );
  }
}

/** The grace period in whole days, checked at synthesis as the publish function checks it at cold start. */
function gracePeriodDays(period: Duration): number {
  const days = period.toDays({ integral: false });
  if (!(Number.isInteger(days) && days >= 1 && days <= 365))
    throw new Error(
      `supersededFilesGracePeriod must be whole days from 1 to 365, not ${period.toHumanString()}`,
    );
  return days;
}
