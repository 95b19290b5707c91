import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App, type AppProps, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { PROJECT_ROOT } from "./constructs/observatory-function.js";
import { ObservatoryStack, type ObservatoryStackProps } from "./observatory-stack.js";

/** The stack's name, and its construct id in the app. */
export const STACK_NAME = "EquityObservatory";

/** The context of `cdk.json` (feature flags), which the CLI passes to the app and tests pass explicitly. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, "cdk.json"), "utf8")) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

/**
 * The CDK app: the observatory's stack, checked against cdk-nag's AwsSolutions rules at synthesis (an
 * unacknowledged error stops it).
 */
export function createObservatoryApp(
  options: { readonly app?: AppProps; readonly stack?: ObservatoryStackProps } = {},
): { readonly app: App; readonly stack: ObservatoryStack } {
  const app = new App(options.app);
  const stack = new ObservatoryStack(app, STACK_NAME, {
    description: "Equity Observatory: hub reports in, equity indicators and dashboards out",
    ...options.stack,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
