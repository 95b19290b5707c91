import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigateway";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { COUNCIL } from "../../functions/core/reporting/kinds.js";
import { uploadLayout } from "../../functions/core/uploads/upload-layout.js";
import { acknowledgeRule, acknowledgeWildcardResources } from "./nag.js";
import { ObservatoryFunction } from "./observatory-function.js";

/** The session tag that names the hub a HubAccessRole session acts for. */
export const HUB_SESSION_TAG = "hub_id";

/** The IAM policy variable of that tag, resolved by IAM in each session. */
const HUB_OF_SESSION = `\${aws:PrincipalTag/${HUB_SESSION_TAG}}`;

/**
 * Characters a session tag value may hold but a hub id may not (hub ids are lower-case letters, digits and
 * hyphens); `/` above all, which would reach into another prefix.
 */
const NOT_IN_A_HUB_ID = ["*/*", "* *", "*.*", "*:*", "*=*", "*+*", "*@*", "*_*"];

export interface UploadApiOptions {
  /** @default 268_435_456 (256 MiB) */
  readonly maxUploadBytes?: number;
  /** How long a presigned upload stays valid. @default Duration.minutes(5) */
  readonly uploadUrlTtl?: Duration;
  /** The Cognito group of the Global Council's accounts. @default "global-council" */
  readonly councilGroupName?: string;
  /**
   * The user pool's feature plan. PLUS adds threat protection (compromised credentials, adaptive
   * authentication) at a cost per active user.
   * @default cognito.FeaturePlan.ESSENTIALS
   */
  readonly userPoolFeaturePlan?: cognito.FeaturePlan;
  /** Requests per second across the API, and the burst above it. @default { rateLimit: 10, burstLimit: 20 } */
  readonly throttle?: apigwv2.ThrottleSettings;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
}

export interface UploadApiProps extends UploadApiOptions {
  readonly rawBucket: s3.IBucket;
  readonly encryptionKey: kms.IKey;
}

/**
 * How hubs and the Global Council send reports: a Cognito user pool (accounts created by administrators, who
 * alone set an account's `hub_id`), and an HTTP API behind a JWT authorizer that issues presigned uploads and
 * returns validation results.
 *
 * Isolation between hubs is enforced by IAM, not by the API's code: the API function has no access to the raw
 * bucket. Per request it assumes the HubAccessRole with a `hub_id` session tag taken from the caller's token (or
 * the CouncilAccessRole), and signs uploads and reads results with that session, whose policy reaches only
 * `uploads/<hub_id>/` and `results/<hub_id>/`.
 */
export class UploadApi extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly councilGroup: cognito.UserPoolGroup;
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogGroup: logs.LogGroup;
  readonly handler: ObservatoryFunction;
  /** Assumed per request for a hub; its permissions follow the session's `hub_id` tag. */
  readonly hubAccessRole: iam.Role;
  /** Assumed per request for the Global Council (reference data). */
  readonly councilAccessRole: iam.Role;
  /** The largest file an upload may carry, in bytes. */
  readonly maxUploadBytes: number;

  constructor(scope: Construct, id: string, props: UploadApiProps) {
    super(scope, id);
    const { rawBucket, encryptionKey } = props;
    const councilGroupName = props.councilGroupName ?? "global-council";
    this.maxUploadBytes = props.maxUploadBytes ?? 268_435_456;

    this.userPool = new cognito.UserPool(this, "UserPool", {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        [HUB_SESSION_TAG]: new cognito.StringAttribute({ minLen: 2, maxLen: 64, mutable: true }),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: props.userPoolFeaturePlan ?? cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if ((props.userPoolFeaturePlan ?? cognito.FeaturePlan.ESSENTIALS) !== cognito.FeaturePlan.PLUS)
      acknowledgeRule(
        this.userPool,
        "COG8",
        "Accounts are created by administrators only (no self sign-up) and every sign-in needs a TOTP second factor; the Plus plan's threat protection is left as a paid option (userPoolFeaturePlan).",
      );

    this.councilGroup = new cognito.UserPoolGroup(this, "CouncilGroup", {
      userPool: this.userPool,
      groupName: councilGroupName,
      description: "The Global Council: uploads reference data (hubs, exchange rates)",
    });

    this.userPoolClient = this.userPool.addClient("UploadClient", {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(30),
      accessTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(HUB_SESSION_TAG),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.handler = new ObservatoryFunction(this, "UploadApiFunction", {
      handlerModule: "upload-api",
      description: "Equity Observatory: issues presigned uploads and returns validation results",
      logEncryptionKey: encryptionKey,
      logRetention: props.logRetention,
      timeout: Duration.seconds(15),
      memorySize: 512,
    });
    this.hubAccessRole = this.createHubAccessRole(rawBucket, encryptionKey);
    this.councilAccessRole = this.createCouncilAccessRole(rawBucket, encryptionKey);
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["sts:AssumeRole", "sts:TagSession"],
        resources: [this.hubAccessRole.roleArn, this.councilAccessRole.roleArn],
      }),
    );
    for (const [name, value] of Object.entries({
      RAW_BUCKET: rawBucket.bucketName,
      HUB_ACCESS_ROLE_ARN: this.hubAccessRole.roleArn,
      COUNCIL_ACCESS_ROLE_ARN: this.councilAccessRole.roleArn,
      COUNCIL_GROUP: councilGroupName,
      MAX_UPLOAD_BYTES: String(this.maxUploadBytes),
      UPLOAD_URL_TTL_SECONDS: String((props.uploadUrlTtl ?? Duration.minutes(5)).toSeconds()),
    }))
      this.handler.function.addEnvironment(name, value);

    this.httpApi = new apigwv2.HttpApi(this, "HttpApi", {
      description: "Equity Observatory uploads: presigned uploads and validation results",
      createDefaultStage: false,
      defaultAuthorizer: new HttpJwtAuthorizer(
        "CognitoIdToken",
        `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`,
        {
          jwtAudience: [this.userPoolClient.userPoolClientId],
          identitySource: ["$request.header.Authorization"],
        },
      ),
    });
    this.accessLogGroup = new logs.LogGroup(this, "AccessLogGroup", {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey,
    });
    this.stage = new apigwv2.HttpStage(this, "DefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 10, burstLimit: 20 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            requestTime: "$context.requestTime",
            routeKey: "$context.routeKey",
            status: "$context.status",
            sourceIp: "$context.identity.sourceIp",
            userAgent: "$context.identity.userAgent",
            subject: "$context.authorizer.claims.sub",
            authorizerError: "$context.authorizer.error",
            integrationError: "$context.integrationErrorMessage",
            latency: "$context.responseLatency",
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration("UploadApiIntegration", this.handler.function);
    for (const [method, path] of [
      [apigwv2.HttpMethod.POST, "/uploads"],
      [apigwv2.HttpMethod.GET, "/results"],
      [apigwv2.HttpMethod.GET, "/results/{uploadId}"],
    ] as const)
      this.httpApi.addRoutes({ path, methods: [method], integration });
  }

  /** The API's base URL (the `$default` stage). */
  get url(): string {
    return this.stage.url;
  }

  private createHubAccessRole(rawBucket: s3.IBucket, key: kms.IKey): iam.Role {
    const trustedCaller = new iam.SessionTagsPrincipal(new iam.ArnPrincipal(this.handler.role.roleArn));
    const role = new iam.Role(this, "HubAccessRole", {
      description: "Assumed by the upload API for one hub, named by the hub_id session tag",
      maxSessionDuration: Duration.hours(1),
      assumedBy: trustedCaller.withConditions({
        StringLike: { [`aws:RequestTag/${HUB_SESSION_TAG}`]: "?*" },
        StringNotLike: { [`aws:RequestTag/${HUB_SESSION_TAG}`]: NOT_IN_A_HUB_ID },
        StringNotEquals: { [`aws:RequestTag/${HUB_SESSION_TAG}`]: COUNCIL },
        "ForAllValues:StringEquals": { "aws:TagKeys": [HUB_SESSION_TAG] },
      }),
    });
    this.grantUploaderAccess(role, HUB_OF_SESSION, rawBucket, key);
    return role;
  }

  private createCouncilAccessRole(rawBucket: s3.IBucket, key: kms.IKey): iam.Role {
    const role = new iam.Role(this, "CouncilAccessRole", {
      description: "Assumed by the upload API for the Global Council",
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.ArnPrincipal(this.handler.role.roleArn),
    });
    this.grantUploaderAccess(role, COUNCIL, rawBucket, key);
    return role;
  }

  /** What an uploader's session may do: put its own uploads, read and list its own results. */
  private grantUploaderAccess(role: iam.Role, uploader: string, rawBucket: s3.IBucket, key: kms.IKey): void {
    const uploads = rawBucket.arnForObjects(`${uploadLayout.uploadPrefix(uploader)}*`);
    const results = rawBucket.arnForObjects(`${uploadLayout.resultPrefix(uploader)}*`);
    for (const statement of [
      new iam.PolicyStatement({ actions: ["s3:PutObject"], resources: [uploads] }),
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [results] }),
      new iam.PolicyStatement({
        actions: ["s3:ListBucket"],
        resources: [rawBucket.bucketArn],
        conditions: { StringLike: { "s3:prefix": [`${uploadLayout.resultPrefix(uploader)}*`] } },
      }),
      new iam.PolicyStatement({
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [key.keyArn],
        conditions: {
          StringEquals: {
            "kms:ViaService": `s3.${Stack.of(this).region}.amazonaws.com`,
            "kms:EncryptionContext:aws:s3:arn": rawBucket.bucketArn,
          },
        },
      }),
    ])
      role.addToPrincipalPolicy(statement);
    acknowledgeWildcardResources(
      role,
      [uploads, results],
      uploader === COUNCIL
        ? "The Global Council's session may write only under uploads/council/ and read only under results/council/; object names are upload ids issued per request."
        : "Each session may write only under uploads/<its hub_id>/ and read only under results/<its hub_id>/ (the hub_id session tag, which the trust policy requires and restricts); object names are upload ids issued per request.",
    );
  }
}
