import { type CfnElement, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";
import { cdkJsonContext, createObservatoryApp } from "../../infra/observatory-app.js";
import type { ObservatoryStackProps } from "../../infra/observatory-stack.js";

/** A value of the synthesised template: untyped JSON, whose shape is what the tests assert. */
// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is untyped JSON; the tests assert its shape.
export type TemplateValue = any;

/** A policy document's statement, as the template holds it. */
export interface Statement {
  readonly Effect: "Allow" | "Deny";
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/**
 * The observatory's app as `cdk synth` builds it (cdk.json's feature flags, the cdk-nag plugin), with Lambda
 * bundling skipped: these tests read the template, and bundling is tested once, on its own.
 */
export function synthesizeObservatory(stackProps?: ObservatoryStackProps) {
  const { app, stack } = createObservatoryApp({
    app: { context: { ...cdkJsonContext(), "aws:cdk:bundling-stacks": [] } },
    stack: stackProps,
  });
  const template = Template.fromStack(stack);
  const json = template.toJSON() as {
    Resources: Record<string, { Type: string; Properties: TemplateValue }>;
  };

  /** The logical id of a construct's CloudFormation resource (its default child). */
  const logicalId = (construct: IConstruct): string => {
    const element = (construct.node.defaultChild ?? construct) as CfnElement;
    return Stack.of(construct).resolve(element.logicalId) as string;
  };
  /** A `{ "Fn::GetAtt": [<logical id>, "Arn"] }` of a construct. */
  const arnOf = (construct: IConstruct) => ({ "Fn::GetAtt": [logicalId(construct), "Arn"] });
  /** Every statement of every IAM policy attached to a role (inline policies and AWS::IAM::Policy resources). */
  const statementsOfRole = (role: IConstruct): Statement[] => {
    const id = logicalId(role);
    const policies = Object.values(json.Resources).filter(
      (resource) =>
        resource.Type === "AWS::IAM::Policy" &&
        (resource.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === id),
    );
    const inline = (json.Resources[id]?.Properties.Policies ?? []) as {
      PolicyDocument: { Statement: Statement[] };
    }[];
    return [
      ...policies.map((policy) => policy.Properties.PolicyDocument),
      ...inline.map((p) => p.PolicyDocument),
    ].flatMap((document) => document.Statement as Statement[]);
  };
  const resource = (construct: IConstruct) => {
    const found = json.Resources[logicalId(construct)];
    if (!found) throw new Error(`no resource for ${construct.node.path}`);
    return found;
  };
  return { app, stack, template, json, logicalId, arnOf, statementsOfRole, resource };
}

/** A statement's actions, always as a list. */
export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** A statement's resources, always as a list. */
export const resourcesOf = (statement: Statement): unknown[] =>
  statement.Resource === undefined
    ? []
    : Array.isArray(statement.Resource)
      ? statement.Resource
      : [statement.Resource];

/** An ARN under a bucket as the template writes it: `{ Fn::Join: ["", [<bucket arn>, "/<suffix>"]] }`. */
export const objectArn = (bucketArn: unknown, suffix: string) => ({
  "Fn::Join": ["", [bucketArn, `/${suffix}`]],
});
