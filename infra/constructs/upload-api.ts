import { Aws, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigateway";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as s3 from "aws-cdk-lib/aws-s3";
import * as cr from "aws-cdk-lib/custom-resources";
import { Construct } from "constructs";
import { COUNCIL } from "../../functions/core/reporting/kinds.js";
import { uploadLayout } from "../../functions/core/uploads/upload-layout.js";
import { CORS_MAX_AGE_SECONDS, PREFLIGHT_ROUTE } from "../../functions/handlers/upload-api-handler.js";
import {
  checkPagePaths,
  UPLOAD_CONFIG_VERSION,
  type UploadConfig,
  uploadConnectOrigins,
} from "../../site/client/upload/upload-config.js";
import { CATALOGUES } from "../../site/i18n/catalogue.js";
import { acknowledgeRule, acknowledgeWildcardResources } from "./nag.js";
import { ObservatoryFunction } from "./observatory-function.js";

/** The id CDK gives the one function per stack that runs AwsCustomResource calls (CDK's code, not a bundle of ours). */
export const AWS_CUSTOM_RESOURCE_PROVIDER = "AWS679f53fac002430cb0da5b7982bd2287";

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
  /**
   * The prefix of the Cognito hosted UI's domain, `<prefix>.auth.<region>.amazoncognito.com`, where hubs sign in
   * from the validator page. It must be unique in the region: lower-case letters, digits and hyphens, without
   * "aws", "amazon" or "cognito".
   * @default `equity-observatory-<account id>`
   */
  readonly signInDomainPrefix?: string;
}

export interface UploadApiProps extends UploadApiOptions {
  readonly rawBucket: s3.IBucket;
  readonly encryptionKey: kms.IKey;
  /**
   * The published site's origin (`https://<host>`): its validator page signs hubs in and uploads from the browser,
   * so sign-in returns there, and the API and the raw bucket allow that origin, and no other, across origins.
   */
  readonly siteOrigin: string;
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
  /** The app client of the CLI and scripts: SRP or password sign-in, no OAuth. */
  readonly userPoolClient: cognito.UserPoolClient;
  /** The hosted UI's domain, where the validator page sends hubs to sign in. */
  readonly signInDomain: cognito.UserPoolDomain;
  /** The hosted UI's origin, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly signInUrl: string;
  /** The validator page's public app client: authorization code with PKCE, no secret, no other flow. */
  readonly siteClient: cognito.UserPoolClient;
  /** The validator page's paths in every language, where sign-in and sign-out return to. */
  readonly sitePagePaths: readonly string[];
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

  private readonly rawBucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: UploadApiProps) {
    super(scope, id);
    const { rawBucket, encryptionKey, siteOrigin } = props;
    this.rawBucket = rawBucket;
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

    const domainPrefix = props.signInDomainPrefix ?? `equity-observatory-${Aws.ACCOUNT_ID}`;
    this.signInDomain = this.userPool.addDomain("SignInDomain", { cognitoDomain: { domainPrefix } });
    this.signInUrl = `https://${domainPrefix}.auth.${Stack.of(this).region}.amazoncognito.com`;
    this.sitePagePaths = checkPagePaths(Object.keys(CATALOGUES));
    const pageUrls = this.sitePagePaths.map((path) => `${siteOrigin}${path}`);
    this.siteClient = this.userPool.addClient("SiteClient", {
      generateSecret: false,
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: pageUrls,
        logoutUrls: pageUrls,
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(30),
      accessTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(HUB_SESSION_TAG),
      writeAttributes: new cognito.ClientAttributes(),
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
      SITE_ORIGIN: siteOrigin,
    }))
      this.handler.function.addEnvironment(name, value);

    this.httpApi = new apigwv2.HttpApi(this, "HttpApi", {
      description: "Equity Observatory uploads: presigned uploads and validation results",
      createDefaultStage: false,
      defaultAuthorizer: new HttpJwtAuthorizer(
        "CognitoIdToken",
        `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`,
        {
          jwtAudience: [this.userPoolClient.userPoolClientId, this.siteClient.userPoolClientId],
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
    const [, preflightPath = ""] = PREFLIGHT_ROUTE.split(" ");
    const [preflight] = this.httpApi.addRoutes({
      path: preflightPath,
      methods: [apigwv2.HttpMethod.OPTIONS],
      integration,
      authorizer: new apigwv2.HttpNoneAuthorizer(),
    });
    if (!preflight) throw new Error("the preflight route was not created");
    acknowledgeRule(
      preflight,
      "APIG4",
      "Browsers send CORS preflights (OPTIONS) without credentials; the function answers them without reading or writing anything, allowing only the site's origin. Every other route is behind the JWT authorizer.",
    );

    this.allowBrowserUploads(rawBucket, siteOrigin);
  }

  /** The API's base URL (the `$default` stage). */
  get url(): string {
    return this.stage.url;
  }

  /** The origin a presigned POST sends files to: the raw bucket's regional virtual-hosted endpoint. */
  get uploadOrigin(): string {
    return `https://${this.rawBucket.bucketRegionalDomainName}`;
  }

  /**
   * What the validator page needs to sign in and upload (`upload-config.json`, written by the publish step): all
   * public values, no secret.
   */
  get siteConfig(): UploadConfig {
    return {
      version: UPLOAD_CONFIG_VERSION,
      region: Stack.of(this).region,
      api_url: this.httpApi.apiEndpoint,
      sign_in_url: this.signInUrl,
      client_id: this.siteClient.userPoolClientId,
      upload_origin: this.uploadOrigin,
      redirect_paths: this.sitePagePaths,
    };
  }

  /** The origins the validator page connects to (its Content Security Policy's `connect-src` on AWS). */
  get browserOrigins(): string[] {
    return uploadConnectOrigins(this.siteConfig);
  }

  /**
   * CORS of the raw bucket: the site's origin may POST (a presigned upload, a form POST, which needs no preflight),
   * nothing else and no other origin. It is applied by a deployment-time call (PutBucketCors), not in the bucket's
   * own template, because the site's distribution depends on the bucket (its validator page's Content Security
   * Policy names the bucket's endpoint) and the bucket would then depend on the distribution.
   */
  private allowBrowserUploads(rawBucket: s3.IBucket, siteOrigin: string): void {
    const corsConfiguration = {
      CORSRules: [
        {
          ID: "ValidatorPageUploads",
          AllowedMethods: ["POST"],
          AllowedOrigins: [siteOrigin],
          MaxAgeSeconds: CORS_MAX_AGE_SECONDS,
        },
      ],
    };
    const apply: cr.AwsSdkCall = {
      service: "S3",
      action: "putBucketCors",
      parameters: { Bucket: rawBucket.bucketName, CORSConfiguration: corsConfiguration },
      physicalResourceId: cr.PhysicalResourceId.of(`${rawBucket.bucketName}-cors`),
    };
    new cr.AwsCustomResource(this, "RawBucketCors", {
      onCreate: apply,
      onUpdate: apply,
      onDelete: { service: "S3", action: "deleteBucketCors", parameters: { Bucket: rawBucket.bucketName } },
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ["s3:PutBucketCORS"], resources: [rawBucket.bucketArn] }),
      ]),
      installLatestAwsSdk: false,
    });
    const provider = Stack.of(this).node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER);
    const role = provider?.node.tryFindChild("ServiceRole");
    if (!role) throw new Error("CDK's AwsCustomResource provider was not found where expected");
    acknowledgeRule(
      role,
      "IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
      "CDK's own deployment-time function that applies the raw bucket's CORS rule (s3:PutBucketCORS on that bucket only); the managed policy only lets it write its logs.",
    );
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
