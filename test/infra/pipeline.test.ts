/** Ingest (S3 notification, retries, dead letters, alarms) and the recompute workflow (Step Functions, schedule). */
import { Duration } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import type { ObservatoryFunction } from "../../infra/constructs/observatory-function.js";
import { actionsOf, objectArn, resourcesOf, synthesizeObservatory } from "./observatory-template.js";

const { stack, json, resource, arnOf, logicalId, statementsOfRole } = synthesizeObservatory();
const { ingest, recompute, storage, site } = stack;
const functions: [string, ObservatoryFunction][] = [
  ["ingest", ingest.handler],
  ["compact", recompute.compactFunction],
  ["compute", recompute.computeFunction],
  ["publish", recompute.publishFunction],
  ["upload API", stack.uploads.handler],
];
const definition = JSON.stringify(resource(recompute.stateMachine).Properties.DefinitionString);

describe.each(functions)("the %s function", (_name, fn) => {
  const properties = resource(fn.function).Properties;

  it("runs on Node.js 20 or later", () => {
    expect(Number(/^nodejs(\d+)\.x$/.exec(properties.Runtime)?.[1])).toBeGreaterThanOrEqual(20);
  });

  it("runs on ARM", () => {
    expect(properties.Architectures).toEqual(["arm64"]);
  });

  it("traces actively", () => {
    expect(properties.TracingConfig).toEqual({ Mode: "Active" });
  });

  it("logs to its own encrypted log group with a retention", () => {
    expect(properties.LoggingConfig.LogGroup).toEqual({ Ref: logicalId(fn.logGroup) });
    expect(resource(fn.logGroup).Properties).toMatchObject({
      RetentionInDays: 365,
      KmsKeyId: arnOf(storage.key),
    });
  });

  it("reads the project files from its bundle", () => {
    expect(properties.Environment.Variables.OBSERVATORY_HOME).toBe("/var/task");
  });

  it("has a role of its own, with no managed policy", () => {
    expect(properties.Role).toEqual(arnOf(fn.role));
    expect(resource(fn.role).Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe("ingest", () => {
  const properties = resource(ingest.handler.function).Properties;

  it("is invoked by the raw bucket for every .csv, .xlsx and .ods created under uploads/", () => {
    const notifications = Object.values(json.Resources).find(
      (candidate) => candidate.Type === "Custom::S3BucketNotifications",
    );
    expect(notifications?.Properties).toMatchObject({
      BucketName: { Ref: logicalId(storage.rawBucket) },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [".csv", ".xlsx", ".ods"].map((suffix) => ({
          Events: ["s3:ObjectCreated:*"],
          LambdaFunctionArn: arnOf(ingest.handler.function),
          Filter: {
            Key: {
              FilterRules: [
                { Name: "suffix", Value: suffix },
                { Name: "prefix", Value: "uploads/" },
              ],
            },
          },
        })),
      },
    });
  });

  it("retries a failed event twice", () => {
    const config = Object.values(json.Resources).find(
      (candidate) => candidate.Type === "AWS::Lambda::EventInvokeConfig",
    );
    expect(config?.Properties).toMatchObject({
      FunctionName: { Ref: logicalId(ingest.handler.function) },
      MaximumRetryAttempts: 2,
    });
  });

  it("sends events that failed every attempt to the dead-letter queue", () => {
    expect(properties.DeadLetterConfig).toEqual({ TargetArn: arnOf(ingest.deadLetterQueue) });
  });

  it("has a dead-letter queue encrypted with the KMS key, that keeps messages 14 days", () => {
    expect(resource(ingest.deadLetterQueue).Properties).toEqual({
      KmsMasterKeyId: arnOf(storage.key),
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it("has a dead-letter queue that refuses requests without TLS", () => {
    const policy = Object.values(json.Resources).find(
      (candidate) => candidate.Type === "AWS::SQS::QueuePolicy",
    );
    expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });

  it("raises an alarm as soon as one message is in the dead-letter queue", () => {
    expect(resource(ingest.deadLetterAlarm).Properties).toMatchObject({
      MetricName: "ApproximateNumberOfMessagesVisible",
      Namespace: "AWS/SQS",
      Dimensions: [
        { Name: "QueueName", Value: { "Fn::GetAtt": [logicalId(ingest.deadLetterQueue), "QueueName"] } },
      ],
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      Threshold: 1,
    });
  });

  it("raises an alarm on the function's errors", () => {
    expect(resource(ingest.errorsAlarm).Properties).toMatchObject({
      MetricName: "Errors",
      Namespace: "AWS/Lambda",
      Dimensions: [{ Name: "FunctionName", Value: { Ref: logicalId(ingest.handler.function) } }],
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      Threshold: 1,
    });
  });

  it("has 1769 MB (one full vCPU, over 4 times the peak its benchmark measures) and five minutes", () => {
    expect({ timeout: properties.Timeout, memory: properties.MemorySize }).toEqual({
      timeout: 300,
      memory: 1769,
    });
  });

  it("may abort the multipart uploads of the objects it may write, and of no others", () => {
    const statements = statementsOfRole(ingest.handler.role);
    const aborts = statements.filter((statement) => actionsOf(statement).includes("s3:AbortMultipartUpload"));
    const writes = statements.filter((statement) => actionsOf(statement).includes("s3:PutObject"));
    expect(aborts.flatMap((statement) => statement.Resource)).toEqual(
      writes.flatMap((statement) => statement.Resource),
    );
    const sorted = (resources: unknown[]) => resources.map((r) => JSON.stringify(r)).sort();
    expect(sorted(aborts.flatMap((statement) => statement.Resource))).toEqual(
      sorted([
        objectArn(arnOf(storage.rawBucket), "raw/*"),
        objectArn(arnOf(storage.rawBucket), "results/*"),
        objectArn(arnOf(storage.curatedBucket), "curated/*"),
        objectArn(arnOf(storage.curatedBucket), "manifest/*"),
        objectArn(arnOf(storage.curatedBucket), "checkpoints/*"),
      ]),
    );
  });

  it("knows the buckets, the workflow, the debounce and the upload limit", () => {
    expect(properties.Environment.Variables).toEqual({
      RAW_BUCKET: { Ref: logicalId(storage.rawBucket) },
      CURATED_BUCKET: { Ref: logicalId(storage.curatedBucket) },
      RECOMPUTE_STATE_MACHINE_ARN: { Ref: logicalId(recompute.stateMachine) },
      RECOMPUTE_DEBOUNCE_SECONDS: "300",
      MAX_UPLOAD_BYTES: "268435456",
      EVIDENCE_RETENTION_DAYS: "365",
      OBSERVATORY_HOME: "/var/task",
    });
  });

  it("may set the Object Lock retention of evidence objects, and of nothing else", () => {
    const retention = statementsOfRole(ingest.handler.role).filter((statement) =>
      actionsOf(statement).includes("s3:PutObjectRetention"),
    );
    expect(retention.flatMap((statement) => statement.Resource)).toEqual([
      objectArn(arnOf(storage.rawBucket), "raw/*"),
    ]);
  });

  it("reads uploads, evidence and results, and writes only evidence and results, of the raw bucket", () => {
    const statements = statementsOfRole(ingest.handler.role);
    const raw = arnOf(storage.rawBucket);
    const resourcesOfAction = (action: string) =>
      statements
        .filter((statement) => actionsOf(statement).includes(action))
        .flatMap((statement) => statement.Resource);
    expect(resourcesOfAction("s3:GetObject")).toEqual(
      expect.arrayContaining(["uploads/*", "raw/*", "results/*"].map((suffix) => objectArn(raw, suffix))),
    );
    const rawWrites = resourcesOfAction("s3:PutObject").filter((target) =>
      JSON.stringify(target).includes(logicalId(storage.rawBucket)),
    );
    expect(rawWrites).toEqual(["raw/*", "results/*"].map((suffix) => objectArn(raw, suffix)));
  });

  it("reads and writes the curated files, the manifest and its checkpoints of the curated bucket", () => {
    const statements = statementsOfRole(ingest.handler.role);
    const curated = arnOf(storage.curatedBucket);
    const curatedResources = (action: string) =>
      statements
        .filter((statement) => actionsOf(statement).includes(action))
        .flatMap((statement) => statement.Resource)
        .filter((target) => JSON.stringify(target).includes(logicalId(storage.curatedBucket)));
    const expected = ["curated/*", "manifest/*", "checkpoints/*"].map((suffix) => objectArn(curated, suffix));
    const sorted = (targets: unknown[]) => targets.map((target) => JSON.stringify(target)).sort();
    expect(sorted(curatedResources("s3:GetObject"))).toEqual(sorted(expected));
    expect(sorted(curatedResources("s3:PutObject"))).toEqual(sorted(expected));
  });

  it("may start the recompute workflow", () => {
    expect(statementsOfRole(ingest.handler.role)).toContainEqual(
      expect.objectContaining({
        Action: "states:StartExecution",
        Resource: { Ref: logicalId(recompute.stateMachine) },
      }),
    );
  });
});

describe("the recompute workflow", () => {
  it("is a standard workflow", () => {
    expect(resource(recompute.stateMachine).Properties.StateMachineType).toBe("STANDARD");
  });

  it("waits until notBefore when the execution has one", () => {
    expect(definition).toContain(
      '\\"Variable\\":\\"$.notBefore\\",\\"IsPresent\\":true,\\"Next\\":\\"WaitUntilNotBefore\\"',
    );
    expect(definition).toContain(
      '\\"Type\\":\\"Wait\\",\\"TimestampPath\\":\\"$.notBefore\\",\\"Next\\":\\"CompactLake\\"',
    );
    expect(definition).toContain('\\"Default\\":\\"CompactLake\\"');
  });

  it("compacts, then computes, then publishes, then invalidates the whole distribution", () => {
    expect(definition).toContain(logicalId(recompute.compactFunction.function));
    expect(definition).toContain('\\"CompactLake\\":{\\"Next\\":\\"ComputeIndicators\\"');
    expect(definition).toContain('\\"ResultPath\\":\\"$.compacted\\"');
    expect(definition).toContain(logicalId(recompute.computeFunction.function));
    expect(definition).toContain(logicalId(recompute.publishFunction.function));
    expect(definition).toContain('\\"ComputeIndicators\\":{\\"Next\\":\\"PublishSite\\"');
    expect(definition).toContain('\\"PublishSite\\":{\\"Next\\":\\"InvalidateCache\\"');
    expect(definition).toContain(":states:::aws-sdk:cloudfront:createInvalidation");
    expect(definition).toContain('\\"Paths\\":{\\"Quantity\\":1,\\"Items\\":[\\"/*\\"]}');
    expect(definition).toContain('\\"CallerReference.$\\":\\"$$.Execution.Name\\"');
    expect(definition).toContain(logicalId(site.distribution));
  });

  it("retries Lambda service errors and fails on any other error", () => {
    expect(definition).toContain("Lambda.ServiceException");
    expect(definition).toContain(
      '\\"ErrorEquals\\":[\\"States.ALL\\"],\\"ResultPath\\":\\"$.error\\",\\"Next\\":\\"RecomputeFailed\\"',
    );
    expect(definition).toContain('\\"RecomputeFailed\\":{\\"Type\\":\\"Fail\\"');
  });

  it("logs everything to an encrypted log group, and traces with X-Ray", () => {
    const properties = resource(recompute.stateMachine).Properties;
    expect(properties.LoggingConfiguration).toMatchObject({ Level: "ALL", IncludeExecutionData: true });
    expect(JSON.stringify(properties.LoggingConfiguration.Destinations)).toContain(
      logicalId(recompute.logGroup),
    );
    expect(resource(recompute.logGroup).Properties.KmsKeyId).toEqual(arnOf(storage.key));
    expect(properties.TracingConfiguration).toEqual({ Enabled: true });
  });

  it("may invalidate only the site's distribution", () => {
    const invalidation = statementsOfRole(recompute.stateMachine.role).find((statement) =>
      actionsOf(statement).includes("cloudfront:CreateInvalidation"),
    );
    expect(JSON.stringify(invalidation?.Resource)).toContain(":distribution/");
    expect(JSON.stringify(invalidation?.Resource)).toContain(logicalId(site.distribution));
  });

  it("runs daily on a schedule, with the reason 'schedule'", () => {
    expect(resource(recompute.scheduleRule).Properties).toMatchObject({
      ScheduleExpression: "cron(0 3 * * ? *)",
      State: "ENABLED",
      Targets: [
        expect.objectContaining({
          Arn: { Ref: logicalId(recompute.stateMachine) },
          Input: '{"reason":"schedule"}',
        }),
      ],
    });
  });
});

describe("the compute function", () => {
  const properties = resource(recompute.computeFunction.function).Properties;

  it("has ten minutes and 1 GiB", () => {
    expect({ timeout: properties.Timeout, memory: properties.MemorySize }).toEqual({
      timeout: 600,
      memory: 1024,
    });
  });

  it("knows the curated bucket, the workgroups, the database, where to stage its tables and its timeout", () => {
    expect(properties.Environment.Variables).toEqual({
      CURATED_BUCKET: { Ref: logicalId(storage.curatedBucket) },
      ATHENA_WORKGROUP: "equity-observatory",
      GLUE_DATABASE: "equity_observatory",
      ATHENA_STAGING_WORKGROUP: "equity-observatory-staging",
      STAGING_BUCKET: { Ref: logicalId(storage.queryResultsBucket) },
      COMPUTE_TIMEOUT_SECONDS: "600",
      OBSERVATORY_HOME: "/var/task",
    });
  });

  it("knows its own timeout, to tell the runs that cannot still be alive", () => {
    expect(properties.Environment.Variables.COMPUTE_TIMEOUT_SECONDS).toBe(String(properties.Timeout));
  });

  it("writes only query results, its runs' staged tables, the country table, the manifest checkpoint it pins and the published indicators", () => {
    const writes = statementsOfRole(recompute.computeFunction.role)
      .filter((statement) => actionsOf(statement).includes("s3:PutObject"))
      .flatMap((statement) => statement.Resource);
    expect(writes).toEqual([
      objectArn(arnOf(storage.queryResultsBucket), "athena/*"),
      objectArn(arnOf(storage.queryResultsBucket), "staging/*"),
      objectArn(arnOf(storage.curatedBucket), "checkpoints/*"),
      objectArn(arnOf(storage.curatedBucket), "curated/countries/*"),
      objectArn(arnOf(storage.curatedBucket), "published/*"),
    ]);
  });

  it("reads the compaction records, to refuse a lake whose compaction was interrupted", () => {
    const reads = statementsOfRole(recompute.computeFunction.role)
      .filter((statement) => actionsOf(statement).includes("s3:GetObject"))
      .flatMap((statement) => statement.Resource);
    expect(reads).toContainEqual(objectArn(arnOf(storage.curatedBucket), "compactions/*"));
  });

  it("deletes objects only under the staging prefix, where its runs' staged tables are", () => {
    const deletes = statementsOfRole(recompute.computeFunction.role).filter((statement) =>
      actionsOf(statement).some((action) => /^s3:Delete/.test(action)),
    );
    expect(
      deletes.flatMap((statement) => actionsOf(statement).filter((action) => /^s3:Delete/.test(action))),
    ).toEqual(["s3:DeleteObject"]);
    expect(deletes.flatMap((statement) => statement.Resource)).toEqual([
      objectArn(arnOf(storage.queryResultsBucket), "staging/*"),
    ]);
  });
});

describe("the compaction function", () => {
  const properties = resource(recompute.compactFunction.function).Properties;
  const statements = statementsOfRole(recompute.compactFunction.role);
  const curated = arnOf(storage.curatedBucket);
  const resourcesOfAction = (action: string) =>
    statements
      .filter((statement) => actionsOf(statement).includes(action))
      .flatMap((statement) => statement.Resource)
      .map((target) => JSON.stringify(target))
      .sort();
  const objects = (...suffixes: string[]) =>
    suffixes.map((suffix) => JSON.stringify(objectArn(curated, suffix))).sort();

  it("has fifteen minutes and 2 GiB, and knows only the curated bucket", () => {
    expect({ timeout: properties.Timeout, memory: properties.MemorySize }).toEqual({
      timeout: 900,
      memory: 2048,
    });
    expect(properties.Environment.Variables).toEqual({
      CURATED_BUCKET: { Ref: logicalId(storage.curatedBucket) },
      OBSERVATORY_HOME: "/var/task",
    });
  });

  it("rewrites and deletes only hub reports' curated files and the manifest checkpoints; it adds compaction records", () => {
    expect(resourcesOfAction("s3:GetObject")).toEqual(
      objects("curated/financial/*", "curated/impact/*", "manifest/*", "checkpoints/*", "compactions/*"),
    );
    expect(resourcesOfAction("s3:PutObject")).toEqual(
      objects("curated/financial/*", "curated/impact/*", "checkpoints/*", "compactions/*"),
    );
    expect(resourcesOfAction("s3:DeleteObject")).toEqual(
      objects("curated/financial/*", "curated/impact/*", "checkpoints/*"),
    );
    expect(JSON.stringify(statements)).not.toContain(logicalId(storage.rawBucket));
  });
});

describe("the publish function", () => {
  const properties = resource(recompute.publishFunction.function).Properties;

  it("has five minutes and 1769 MB (one full vCPU)", () => {
    expect({ timeout: properties.Timeout, memory: properties.MemorySize }).toEqual({
      timeout: 300,
      memory: 1769,
    });
  });

  it("knows the curated and the site buckets, the validator page's upload settings and the 7-day grace period of superseded files", () => {
    expect(properties.Environment.Variables).toEqual({
      CURATED_BUCKET: { Ref: logicalId(storage.curatedBucket) },
      SITE_BUCKET: { Ref: logicalId(storage.siteBucket) },
      UPLOAD_CONFIG: stack.resolve(stack.toJsonString(stack.uploads.siteConfig)),
      SUPERSEDED_FILES_GRACE_DAYS: "7",
      OBSERVATORY_HOME: "/var/task",
    });
  });

  it("keeps superseded files for the grace period the stack is given, in whole days from 1 to 365", () => {
    const variablesWith = (period: Duration) => {
      const synthesized = synthesizeObservatory({ recompute: { supersededFilesGracePeriod: period } });
      return synthesized.resource(synthesized.stack.recompute.publishFunction.function).Properties.Environment
        .Variables;
    };
    expect(variablesWith(Duration.days(30)).SUPERSEDED_FILES_GRACE_DAYS).toBe("30");
    expect(variablesWith(Duration.hours(48)).SUPERSEDED_FILES_GRACE_DAYS).toBe("2");
    for (const [period, text] of [
      [Duration.hours(36), "1 day 12 hours"],
      [Duration.hours(12), "12 hours"],
      [Duration.days(366), "366 days"],
    ] as const)
      expect(() => variablesWith(period)).toThrow(
        `supersededFilesGracePeriod must be whole days from 1 to 365, not ${text}`,
      );
  });

  it("lists the site bucket and reads its build records, and nothing else of it", () => {
    const statements = statementsOfRole(recompute.publishFunction.role);
    const siteReads = statements
      .filter((statement) => actionsOf(statement).includes("s3:GetObject"))
      .flatMap((statement) => resourcesOf(statement))
      .filter((resource) => JSON.stringify(resource).includes(logicalId(storage.siteBucket)));
    expect(siteReads).toEqual([objectArn(arnOf(storage.siteBucket), "_builds/*")]);
    const lists = statements.filter((statement) => actionsOf(statement).includes("s3:ListBucket"));
    expect(lists.map((statement) => statement.Resource)).toContainEqual(arnOf(storage.siteBucket));
  });

  it("deletes only in the site bucket, which holds nothing but the site (withdrawn and superseded files, build records)", () => {
    const deletes = statementsOfRole(recompute.publishFunction.role).filter((statement) =>
      actionsOf(statement).includes("s3:DeleteObject"),
    );
    expect(deletes.map((statement) => [...actionsOf(statement)].sort())).toEqual([
      ["s3:DeleteObject", "s3:PutObject"],
    ]);
    expect(deletes.flatMap((statement) => resourcesOf(statement))).toEqual([
      objectArn(arnOf(storage.siteBucket), "*"),
    ]);
  });

  it("reads only published/ of the curated bucket", () => {
    const reads = statementsOfRole(recompute.publishFunction.role)
      .filter((statement) => actionsOf(statement).includes("s3:GetObject"))
      .flatMap((statement) => resourcesOf(statement))
      .filter((resource) => JSON.stringify(resource).includes(logicalId(storage.curatedBucket)));
    expect(reads).toEqual([objectArn(arnOf(storage.curatedBucket), "published/*")]);
  });
});
