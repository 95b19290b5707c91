/**
 * cdk-nag's AwsSolutions rules over the whole app: no unacknowledged error or warning, every acknowledgement
 * specific (one rule, one finding, one construct), justified, and still needed.
 */
import { Stack, Validations } from "aws-cdk-lib";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import type * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import { cdkJsonContext, createObservatoryApp } from "../../infra/observatory-app.js";
import { synthesizeObservatory } from "./observatory-template.js";

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ""),
          reason,
        })),
      ),
  );
}

/** Runs AwsSolutions over `root`, recording which acknowledgement (construct path, rule id) each finding used. */
function checkAwsSolutions(root: IConstruct) {
  const pack = new AwsSolutionsChecks();
  const used: { resourcePath: string; ruleId: string }[] = [];
  const internals = pack as unknown as { isAcknowledged(node: IConstruct, ruleId: string): boolean };
  const isAcknowledged = internals.isAcknowledged.bind(pack);
  internals.isAcknowledged = (node, ruleId) => {
    const acknowledged = isAcknowledged(node, ruleId);
    if (acknowledged) used.push({ resourcePath: node.node.path, ruleId });
    return acknowledged;
  };
  const report = pack.validateScope(root);
  const findings = report.violations.flatMap((violation) =>
    violation.violatingResources.map(
      (resource) => `${violation.severity} ${violation.ruleName} ${resource.constructPath}`,
    ),
  );
  return { findings, used };
}

const { app } = synthesizeObservatory();
const { findings, used } = checkAwsSolutions(app);
const acknowledged = acknowledgements(app);

describe("AwsSolutions", () => {
  it("finds no unacknowledged error or warning", () => {
    expect(findings).toEqual([]);
  });

  it("runs at every synthesis of the app, and stops it on an error", () => {
    const { app: failing, stack } = createObservatoryApp({
      app: { context: { ...cdkJsonContext(), "aws:cdk:bundling-stacks": [] } },
    });
    new sqs.Queue(stack, "UnencryptedQueueWithoutDeadLetterQueue", {
      encryption: sqs.QueueEncryption.UNENCRYPTED,
    });
    expect(() => failing.synth()).toThrow(/AwsSolutions-SQS/);
  });

  it("finds nothing to acknowledge about TLS when the site has its own domain and certificate", () => {
    const { app: withDomain, stack } = createObservatoryApp({
      app: { context: { ...cdkJsonContext(), "aws:cdk:bundling-stacks": [] } },
      stack: {
        site: {
          domainNames: ["observatory.example.org"],
          certificate: acm.Certificate.fromCertificateArn(
            new Stack(),
            "Certificate",
            "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000000",
          ),
        },
      },
    });
    withDomain.synth();
    expect(checkAwsSolutions(withDomain).findings).toEqual([]);
    expect(acknowledgements(stack.site).map((entry) => entry.id)).not.toContain("AwsSolutions-CFR4");
    const distribution = stack.site.distribution.node.defaultChild as cloudfront.CfnDistribution;
    expect(JSON.stringify(stack.resolve(distribution.distributionConfig))).toContain(
      '"minimumProtocolVersion":"TLSv1.2_2021"',
    );
  });
});

describe("every acknowledgement", () => {
  it.each(acknowledged.map((entry) => [`${entry.id} on ${entry.path}`, entry] as const))(
    "%s is specific, justified and used",
    (_name, entry) => {
      expect(entry.id).toMatch(/^AwsSolutions-[A-Z]+\d+/);
      if (/IAM[45]/.test(entry.id)) expect(entry.id).toMatch(/\[(Resource|Action|Policy)::.+\]$/);
      expect(entry.path).not.toBe("EquityObservatory");
      expect(entry.reason.length).toBeGreaterThan(60);
      expect(used).toContainEqual({
        resourcePath: expect.stringMatching(
          new RegExp(`^${entry.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/|$)`),
        ),
        ruleId: entry.id,
      });
    },
  );

  it("of a wildcard resource '*' is on an X-Ray policy or the state machine's role only", () => {
    const anyResource = acknowledged.filter((entry) => entry.id === "AwsSolutions-IAM5[Resource::*]");
    for (const entry of anyResource) expect(entry.path).toMatch(/\/TraceWritePolicy$|\/StateMachine\/Role$/);
  });
});
