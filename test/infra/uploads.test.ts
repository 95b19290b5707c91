/**
 * The upload API: Cognito, the HTTP API and, above all, per-hub isolation enforced by IAM (the API function has no
 * access to the raw bucket; each hub's session reaches only its own prefixes).
 */
import { describe, expect, it } from "vitest";
import {
  actionsOf,
  objectArn,
  resourcesOf,
  type Statement,
  synthesizeObservatory,
} from "./observatory-template.js";

const { stack, json, resource, arnOf, logicalId, statementsOfRole } = synthesizeObservatory();
const { uploads, storage } = stack;
const rawArn = arnOf(storage.rawBucket);
const HUB_TAG = `\${aws:PrincipalTag/hub_id}`;
const trustOf = (role: typeof uploads.hubAccessRole): Statement[] =>
  resource(role).Properties.AssumeRolePolicyDocument.Statement;
const s3Statements = (statements: Statement[]) =>
  statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith("s3:")));

describe("the HubAccessRole", () => {
  const statements = statementsOfRole(uploads.hubAccessRole);

  it("may put objects only under uploads/<its session's hub_id>/", () => {
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: objectArn(rawArn, `uploads/${HUB_TAG}/*`),
      }),
    );
  });

  it("may get objects only under results/<its session's hub_id>/", () => {
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: objectArn(rawArn, `results/${HUB_TAG}/*`),
      }),
    );
  });

  it("may list the raw bucket only under results/<its session's hub_id>/", () => {
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: "s3:ListBucket",
        Resource: rawArn,
        Condition: { StringLike: { "s3:prefix": [`results/${HUB_TAG}/*`] } },
      }),
    );
  });

  it("has no S3 permission broader than its session's own prefixes", () => {
    for (const statement of s3Statements(statements)) {
      expect(actionsOf(statement)).toHaveLength(1);
      for (const target of resourcesOf(statement)) {
        if (JSON.stringify(target) === JSON.stringify(rawArn))
          expect(JSON.stringify(statement.Condition)).toContain(HUB_TAG);
        else expect(JSON.stringify(target)).toContain(`/${HUB_TAG}/*`);
      }
    }
  });

  it("uses the key only through S3, for the raw bucket", () => {
    const kms = statements.find((statement) =>
      actionsOf(statement).some((action) => action.startsWith("kms:")),
    );
    expect(kms?.Condition?.StringEquals).toEqual({
      "kms:ViaService": { "Fn::Join": ["", ["s3.", { Ref: "AWS::Region" }, ".amazonaws.com"]] },
      "kms:EncryptionContext:aws:s3:arn": rawArn,
    });
  });

  it("trusts only the upload API function's role", () => {
    const trust = trustOf(uploads.hubAccessRole);
    expect(trust).toHaveLength(1);
    expect(trust[0]?.Principal).toEqual({ AWS: arnOf(uploads.handler.role) });
  });

  it("can be assumed only with session tags, both actions under the same conditions", () => {
    expect(trustOf(uploads.hubAccessRole)[0]?.Action).toEqual(["sts:AssumeRole", "sts:TagSession"]);
  });

  it("requires a non-empty hub_id session tag and no other tag", () => {
    const condition = trustOf(uploads.hubAccessRole)[0]?.Condition;
    expect(condition?.StringLike).toEqual({ "aws:RequestTag/hub_id": "?*" });
    expect(condition?.["ForAllValues:StringEquals"]).toEqual({ "aws:TagKeys": ["hub_id"] });
  });

  it("refuses the Council's id as a hub_id", () => {
    expect(trustOf(uploads.hubAccessRole)[0]?.Condition?.StringNotEquals).toEqual({
      "aws:RequestTag/hub_id": "council",
    });
  });

  it("refuses a hub_id with a slash, which would reach into another prefix", () => {
    expect(trustOf(uploads.hubAccessRole)[0]?.Condition?.StringNotLike?.["aws:RequestTag/hub_id"]).toContain(
      "*/*",
    );
  });
});

describe("the CouncilAccessRole", () => {
  const statements = statementsOfRole(uploads.councilAccessRole);

  it("may put only under uploads/council/, get only under results/council/, list only results/council/", () => {
    expect(s3Statements(statements)).toEqual([
      expect.objectContaining({ Action: "s3:PutObject", Resource: objectArn(rawArn, "uploads/council/*") }),
      expect.objectContaining({ Action: "s3:GetObject", Resource: objectArn(rawArn, "results/council/*") }),
      expect.objectContaining({
        Action: "s3:ListBucket",
        Resource: rawArn,
        Condition: { StringLike: { "s3:prefix": ["results/council/*"] } },
      }),
    ]);
  });

  it("trusts only the upload API function's role", () => {
    expect(trustOf(uploads.councilAccessRole)).toEqual([
      expect.objectContaining({ Action: "sts:AssumeRole", Principal: { AWS: arnOf(uploads.handler.role) } }),
    ]);
  });
});

describe("the upload API function", () => {
  const statements = statementsOfRole(uploads.handler.role);

  it("has no S3 permission at all", () => {
    expect(s3Statements(statements)).toEqual([]);
  });

  it("may only assume the two uploader roles (with session tags)", () => {
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Resource: [arnOf(uploads.councilAccessRole), arnOf(uploads.hubAccessRole)],
      }),
    );
  });

  it("knows the bucket, both roles, the Council group and the upload limits", () => {
    expect(resource(uploads.handler.function).Properties.Environment.Variables).toEqual({
      RAW_BUCKET: { Ref: logicalId(storage.rawBucket) },
      HUB_ACCESS_ROLE_ARN: arnOf(uploads.hubAccessRole),
      COUNCIL_ACCESS_ROLE_ARN: arnOf(uploads.councilAccessRole),
      COUNCIL_GROUP: "global-council",
      MAX_UPLOAD_BYTES: "268435456",
      UPLOAD_URL_TTL_SECONDS: "300",
      SITE_ORIGIN: {
        "Fn::Join": ["", ["https://", { "Fn::GetAtt": [logicalId(stack.site.distribution), "DomainName"] }]],
      },
      OBSERVATORY_HOME: "/var/task",
    });
  });
});

describe("the HTTP API", () => {
  const routes = Object.values(json.Resources).filter(
    (candidate) => candidate.Type === "AWS::ApiGatewayV2::Route",
  );
  const authorizer = Object.entries(json.Resources).find(
    ([, candidate]) => candidate.Type === "AWS::ApiGatewayV2::Authorizer",
  );

  const preflight = routes.filter((route) => route.Properties.RouteKey === "OPTIONS /{proxy+}");

  it("has the three routes of the upload flow, and the browsers' preflight", () => {
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([
      "GET /results",
      "GET /results/{uploadId}",
      "OPTIONS /{proxy+}",
      "POST /uploads",
    ]);
  });

  it("puts every route but the preflight behind the JWT authorizer", () => {
    expect(preflight).toHaveLength(1);
    expect(preflight[0]?.Properties.AuthorizationType).toBe("NONE");
    for (const route of routes.filter((candidate) => !preflight.includes(candidate)))
      expect(route.Properties).toMatchObject({
        AuthorizationType: "JWT",
        AuthorizerId: { Ref: authorizer?.[0] },
      });
  });

  it("accepts only ID tokens of the user pool's two app clients (the CLI's and the site's)", () => {
    expect(authorizer?.[1].Properties).toMatchObject({
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(uploads.userPoolClient) }, { Ref: logicalId(uploads.siteClient) }],
        Issuer: {
          "Fn::Join": [
            "",
            [
              "https://cognito-idp.",
              { Ref: "AWS::Region" },
              ".amazonaws.com/",
              { Ref: logicalId(uploads.userPool) },
            ],
          ],
        },
      },
    });
  });

  it("logs every request of its default stage", () => {
    const settings = resource(uploads.stage).Properties.AccessLogSettings;
    expect(settings.DestinationArn).toEqual(arnOf(uploads.accessLogGroup));
    expect(settings.Format).toContain("$context.requestId");
  });

  it("throttles requests", () => {
    expect(resource(uploads.stage).Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 10,
      ThrottlingBurstLimit: 20,
    });
  });
});

describe("the user pool", () => {
  const pool = resource(uploads.userPool).Properties;
  const client = resource(uploads.userPoolClient).Properties;

  it("has no self sign-up", () => {
    expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
  });

  it("requires a TOTP second factor", () => {
    expect(pool.MfaConfiguration).toBe("ON");
    expect(pool.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
  });

  it("has the hub_id custom attribute", () => {
    expect(pool.Schema).toContainEqual(
      expect.objectContaining({ Name: "hub_id", AttributeDataType: "String" }),
    );
  });

  it("lets the app client read hub_id but never write it", () => {
    expect(client.ReadAttributes).toContain("custom:hub_id");
    expect(client.WriteAttributes).toEqual(["name"]);
  });

  it("has a client without secret, password (for the CLI, over TLS) or SRP sign-in, no OAuth flows, short-lived tokens", () => {
    expect(client).toMatchObject({
      GenerateSecret: false,
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      IdTokenValidity: 30,
      AccessTokenValidity: 30,
    });
    expect(client.AllowedOAuthFlows).toBeUndefined();
  });

  it("has the Global Council group", () => {
    expect(resource(uploads.councilGroup).Properties.GroupName).toBe("global-council");
  });
});
