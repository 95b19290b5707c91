import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Duration } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { Charset, NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { CLIENT_BUNDLE_DIR } from "../../site/client/client-files.js";
import { acknowledgeWildcardResources } from "./nag.js";

/** The repository root: what the bundler resolves from and where the run-time project files are copied from. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where a bundle's copies of the project files sit in the Lambda execution environment (`OBSERVATORY_HOME`). */
export const LAMBDA_TASK_ROOT = "/var/task";

/** The Node.js runtime of every function: the newest one Lambda and cdk-nag (AwsSolutions-L1) know. */
export const OBSERVATORY_RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * The project files the code reads at run time (through `projectPath`), copied next to `index.mjs`, each as
 * `[source in the repository, destination in the bundle]`. parquet-wasm's Node build reads its WebAssembly from
 * `${__dirname}`, which is the bundle's own folder once bundled.
 */
export const BUNDLED_PROJECT_FILES: readonly (readonly [string, string])[] = [
  ["queries", "queries"],
  ["data/countries.tsv", "data/countries.tsv"],
  ["site/assets/style.css", "site/assets/style.css"],
  ["node_modules/parquet-wasm/node/parquet_wasm_bg.wasm", "parquet_wasm_bg.wasm"],
];

/** Makes `require`, `__filename` and `__dirname` exist in the ESM bundle, for the CommonJS modules bundled in it. */
const ESM_CJS_SHIM =
  "import { createRequire } from 'node:module'; import { fileURLToPath as __fup } from 'node:url'; " +
  "import { dirname as __dn } from 'node:path'; const require = createRequire(import.meta.url); " +
  "const __filename = __fup(import.meta.url); const __dirname = __dn(__filename);";

export interface ObservatoryFunctionProps {
  /** The handler module, as its file name under `functions/handlers/` without `.ts` (it exports `handler`). */
  readonly handlerModule: string;
  /** What the function does, for the console and the template. */
  readonly description: string;
  /**
   * Whether to build the dashboards' browser files into the bundle (in `site/assets/client/`).
   * @default false
   */
  readonly bundleClientScript?: boolean;
  /** The key that encrypts the function's log group. */
  readonly logEncryptionKey: kms.IKey;
  /**
   * Environment variables, besides `OBSERVATORY_HOME` which is always set to the bundle's folder.
   * @default - none
   */
  readonly environment?: Record<string, string>;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /**
   * How many times Lambda retries a failed asynchronous invocation.
   * @default 2 (the Lambda default)
   */
  readonly retryAttempts?: number;
  /**
   * Where asynchronous invocations that failed every attempt go.
   * @default - none
   */
  readonly deadLetterQueue?: sqs.IQueue;
}

/**
 * A handler of `functions/handlers/`, bundled locally with esbuild (no Docker) into one minified ESM file with
 * the SDK clients it imports, plus the project files it reads at run time. ARM, the newest Node.js runtime,
 * active tracing, and a role of its own that can write only to its own encrypted log group: every other
 * permission is granted explicitly by the construct that uses it.
 */
export class ObservatoryFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ObservatoryFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, "LogGroup", {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logEncryptionKey,
    });
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Execution role of: ${props.description}`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, "Function", {
      description: props.description,
      entry: join(PROJECT_ROOT, "functions", "handlers", `${props.handlerModule}.ts`),
      handler: "handler",
      runtime: OBSERVATORY_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, "package-lock.json"),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: props.memorySize ?? 512,
      retryAttempts: props.retryAttempts,
      deadLetterQueue: props.deadLetterQueue,
      environment: { ...props.environment, OBSERVATORY_HOME: LAMBDA_TASK_ROOT },
      bundling: {
        format: OutputFormat.ESM,
        target: "node24",
        mainFields: ["module", "main"],
        minify: true,
        sourceMap: false,
        charset: Charset.UTF8,
        banner: ESM_CJS_SHIM,
        externalModules: [],
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) =>
            copyProjectFiles(inputDir, outputDir, props.bundleClientScript ?? false),
        },
      },
    });

    const traceWrite = new iam.Policy(this, "TraceWritePolicy", {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
          resources: ["*"],
        }),
      ],
    });
    acknowledgeWildcardResources(
      traceWrite,
      ["*"],
      "X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permissions; this policy holds nothing else.",
    );
    const cfnFunction = this.function.node.defaultChild as lambda.CfnFunction;
    cfnFunction.tracingConfig = { mode: lambda.Tracing.ACTIVE };
    this.function.node.addDependency(traceWrite);
  }

  /** Adds a statement to the function's role. */
  addToRolePolicy(statement: iam.PolicyStatement): void {
    this.role.addToPrincipalPolicy(statement);
  }
}

function copyProjectFiles(inputDir: string, outputDir: string, withClientScript: boolean): string[] {
  const copies = BUNDLED_PROJECT_FILES.flatMap(([source, destination]) => {
    const target = join(outputDir, destination);
    return [`mkdir -p "${join(target, "..")}"`, `cp -R "${join(inputDir, source)}" "${target}"`];
  });
  const clientScript = `node "${join(inputDir, "bin/run-ts.mjs")}" "${join(inputDir, "site/client/write-bundle.ts")}" "${join(outputDir, CLIENT_BUNDLE_DIR)}"`;
  return withClientScript ? [...copies, clientScript] : copies;
}
