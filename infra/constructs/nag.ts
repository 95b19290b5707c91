import { Stack, Validations } from "aws-cdk-lib";
import type * as iam from "aws-cdk-lib/aws-iam";
import { Construct, type IConstruct } from "constructs";

/**
 * Acknowledges AwsSolutions rule `ruleId` on `scope` only (the resource and its children), with the reason a
 * reviewer can check.
 */
export function acknowledgeRule(scope: IConstruct, ruleId: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${ruleId}`, reason });
}

/**
 * Acknowledges, on `scope` only, the AwsSolutions-IAM5 finding of each of `resources` (ARNs with a wildcard, as
 * written in the policy), and no other wildcard: cdk-nag names a finding after the resource as it appears in the
 * template, which is what this derives from the ARN.
 */
export function acknowledgeWildcardResources(
  scope: IConstruct | iam.IGrantable,
  resources: readonly string[],
  reason: string,
): void {
  const construct = policyHolder(scope);
  const stack = Stack.of(construct);
  for (const resource of resources)
    acknowledgeRule(construct, `IAM5[Resource::${findingText(stack.resolve(resource))}]`, reason);
}

/** The construct whose policies hold the permissions: a grantee's principal (its role), or the construct itself. */
function policyHolder(scope: IConstruct | iam.IGrantable): IConstruct {
  if ("grantPrincipal" in scope && Construct.isConstruct(scope.grantPrincipal)) return scope.grantPrincipal;
  if (Construct.isConstruct(scope)) return scope;
  throw new Error("cannot acknowledge findings on a principal that is not a construct");
}

/** A resolved template value as cdk-nag prints it in a finding: `<Logical.Attr>`, `<Ref>`, joins flattened. */
function findingText(value: unknown): string {
  if (typeof value === "string") return value.replace(/\$\{/g, "<").replace(/\}/g, ">");
  if (value && typeof value === "object") {
    const node = value as Record<string, unknown>;
    const join = node["Fn::Join"] as [string, unknown[]] | undefined;
    if (join) return join[1].map(findingText).join(join[0]);
    const getAtt = node["Fn::GetAtt"] as [unknown, unknown] | undefined;
    if (getAtt) return `<${findingText(getAtt[0])}.${findingText(getAtt[1])}>`;
    if ("Ref" in node) return `<${findingText(node.Ref)}>`;
  }
  return JSON.stringify(value);
}
