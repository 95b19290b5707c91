/** The buckets and the key: encryption, TLS, public access, logging, retention, Object Lock and lifecycle. */
import type * as s3 from "aws-cdk-lib/aws-s3";
import { describe, expect, it } from "vitest";
import { objectArn, synthesizeObservatory } from "./observatory-template.js";

const { stack, template, resource, logicalId, arnOf } = synthesizeObservatory();
const storage = stack.storage;
const buckets: [string, s3.Bucket][] = [
  ["raw", storage.rawBucket],
  ["curated", storage.curatedBucket],
  ["query results", storage.queryResultsBucket],
  ["site", storage.siteBucket],
  ["access logs", storage.accessLogsBucket],
];
const kmsBuckets = buckets.slice(0, 3);
const loggedBuckets = buckets.slice(0, 4);

const bucketPolicyStatements = (bucket: s3.Bucket): Record<string, unknown>[] => {
  const policy = bucket.policy;
  if (!policy) throw new Error(`${bucket.node.path} has no bucket policy`);
  return resource(policy).Properties.PolicyDocument.Statement;
};
const lifecycleRules = (bucket: s3.Bucket): Record<string, unknown>[] =>
  resource(bucket).Properties.LifecycleConfiguration.Rules;

describe("the key", () => {
  it("rotates automatically", () => {
    expect(resource(storage.key).Properties.EnableKeyRotation).toBe(true);
  });

  it("is retained when the stack is deleted", () => {
    template.hasResource("AWS::KMS::Key", { DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" });
  });

  it("lets CloudWatch Logs use it only for this account's log groups", () => {
    const statement = (
      resource(storage.key).Properties.KeyPolicy.Statement as { Principal: unknown; Condition?: unknown }[]
    ).find((candidate) => JSON.stringify(candidate.Principal).includes("logs."));
    expect(JSON.stringify(statement?.Condition)).toContain(":log-group:*");
  });
});

describe.each(kmsBuckets)("the %s bucket", (_name, bucket) => {
  it("is encrypted with the observatory's KMS key", () => {
    expect(resource(bucket).Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      {
        BucketKeyEnabled: true,
        ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: arnOf(storage.key) },
      },
    ]);
  });
});

describe.each([
  ["site", storage.siteBucket],
  ["access logs", storage.accessLogsBucket],
])("the %s bucket", (_name, bucket) => {
  it("is encrypted with S3-managed keys (public content; log delivery cannot use SSE-KMS)", () => {
    expect(
      resource(bucket).Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]
        .ServerSideEncryptionByDefault,
    ).toEqual({ SSEAlgorithm: "AES256" });
  });
});

describe.each(buckets)("the %s bucket", (_name, bucket) => {
  it("refuses requests without TLS", () => {
    expect(bucketPolicyStatements(bucket)).toContainEqual(
      expect.objectContaining({
        Effect: "Deny",
        Action: "s3:*",
        Principal: { AWS: "*" },
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    );
  });

  it("refuses TLS versions below 1.2", () => {
    expect(bucketPolicyStatements(bucket)).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { NumericLessThan: { "s3:TlsVersion": 1.2 } } }),
    );
  });

  it("blocks all public access", () => {
    expect(resource(bucket).Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it("is retained when the stack is deleted", () => {
    const { DeletionPolicy, UpdateReplacePolicy } = template.toJSON().Resources[logicalId(bucket)];
    expect({ DeletionPolicy, UpdateReplacePolicy }).toEqual({
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
    });
  });

  it("aborts incomplete multipart uploads", () => {
    expect(lifecycleRules(bucket)).toContainEqual(
      expect.objectContaining({
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        Status: "Enabled",
      }),
    );
  });
});

describe.each(loggedBuckets)("the %s bucket", (_name, bucket) => {
  it("writes its server access logs to the access-logs bucket", () => {
    expect(resource(bucket).Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logicalId(storage.accessLogsBucket) },
      LogFilePrefix: expect.stringMatching(/^[a-z-]+\/$/),
    });
  });
});

describe("the access-logs bucket", () => {
  it("allows the ACLs CloudFront's standard logging needs", () => {
    expect(resource(storage.accessLogsBucket).Properties.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: "BucketOwnerPreferred" }],
    });
  });

  it("lets S3 log delivery write only each bucket's own prefix", () => {
    expect(bucketPolicyStatements(storage.accessLogsBucket)).toContainEqual(
      expect.objectContaining({
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Resource: objectArn(arnOf(storage.accessLogsBucket), "raw/*"),
        Condition: expect.objectContaining({ ArnLike: { "aws:SourceArn": arnOf(storage.rawBucket) } }),
      }),
    );
  });

  it("expires logs after a year", () => {
    expect(lifecycleRules(storage.accessLogsBucket)).toContainEqual(
      expect.objectContaining({ ExpirationInDays: 365, Status: "Enabled" }),
    );
  });
});

describe("the raw bucket", () => {
  const properties = resource(storage.rawBucket).Properties;

  it("is versioned", () => {
    expect(properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
  });

  it("has Object Lock enabled, with no default retention: ingest locks each evidence object itself", () => {
    expect(properties.ObjectLockEnabled).toBe(true);
    expect(properties.ObjectLockConfiguration?.Rule).toBeUndefined();
    expect(storage.evidenceRetention.toDays()).toBe(365);
  });

  it("expires landing uploads after 30 days, and only them", () => {
    expect(lifecycleRules(storage.rawBucket)).toContainEqual(
      expect.objectContaining({ Prefix: "uploads/", ExpirationInDays: 30, Status: "Enabled" }),
    );
    const expiring = lifecycleRules(storage.rawBucket).filter((rule) => "ExpirationInDays" in rule);
    expect(expiring.map((rule) => rule.Prefix)).toEqual(["uploads/"]);
  });

  it("expires noncurrent versions after 90 days", () => {
    expect(lifecycleRules(storage.rawBucket)).toContainEqual(
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: "Enabled" }),
    );
  });

  it("denies writes to uploads/ to every principal but the hub and Council access roles", () => {
    expect(bucketPolicyStatements(storage.rawBucket)).toContainEqual(
      expect.objectContaining({
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: "s3:PutObject",
        Resource: objectArn(arnOf(storage.rawBucket), "uploads/*"),
        Condition: {
          ArnNotEquals: {
            "aws:PrincipalArn": [arnOf(stack.uploads.hubAccessRole), arnOf(stack.uploads.councilAccessRole)],
          },
        },
      }),
    );
  });

  it("denies reads of results/ to every principal but the uploader roles and ingest", () => {
    expect(bucketPolicyStatements(storage.rawBucket)).toContainEqual(
      expect.objectContaining({
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: objectArn(arnOf(storage.rawBucket), "results/*"),
        Condition: {
          ArnNotEquals: {
            "aws:PrincipalArn": [
              arnOf(stack.uploads.hubAccessRole),
              arnOf(stack.uploads.councilAccessRole),
              arnOf(stack.ingest.handler.role),
            ],
          },
        },
      }),
    );
  });

  it("denies, beyond the TLS rules, only object reads and writes: nothing that could lock out CloudFormation", () => {
    const scopedDenies = bucketPolicyStatements(storage.rawBucket).filter(
      (statement) => statement.Effect === "Deny" && statement.Action !== "s3:*",
    );
    expect(scopedDenies.flatMap((statement) => statement.Action)).toEqual([
      "s3:PutObject",
      "s3:GetObject",
      "s3:GetObjectVersion",
    ]);
  });
});

describe("the curated bucket", () => {
  it("is versioned, and expires noncurrent versions after 90 days", () => {
    expect(resource(storage.curatedBucket).Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(lifecycleRules(storage.curatedBucket)).toContainEqual(
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 } }),
    );
  });
});

describe("the query-results bucket", () => {
  it("expires Athena's results after 7 days", () => {
    expect(lifecycleRules(storage.queryResultsBucket)).toContainEqual(
      expect.objectContaining({ ExpirationInDays: 7, Status: "Enabled" }),
    );
  });

  it("expires what a compute run left under staging/ after a day: the backstop for a run that crashed", () => {
    expect(lifecycleRules(storage.queryResultsBucket)).toContainEqual({
      Id: "ExpireStagedTables",
      Prefix: "staging/",
      ExpirationInDays: 1,
      Status: "Enabled",
    });
  });
});

describe("the site bucket", () => {
  it("can be read only by the CloudFront distribution, through its origin access control", () => {
    const allows = bucketPolicyStatements(storage.siteBucket).filter(
      (statement) => statement.Effect === "Allow",
    );
    expect(allows).toEqual([
      expect.objectContaining({
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Condition: { StringEquals: { "AWS:SourceArn": expect.anything() } },
      }),
    ]);
    expect(JSON.stringify(allows[0])).toContain(logicalId(stack.site.distribution));
  });
});
