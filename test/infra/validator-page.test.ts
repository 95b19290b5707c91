/**
 * What the validator page needs on AWS: the Cognito hosted UI and the site's public app client (authorization code
 * with PKCE, no secret), CORS of the API and of the raw bucket for the site's origin only, a Content Security
 * Policy that lets only the validator page connect to sign-in, the API and the bucket, and the public settings the
 * publish step writes. Cognito, API Gateway, S3 and CloudFront cannot run here: these tests read the synthesised
 * template; the handler's CORS answers are tested in test/handlers/upload-api-handler.test.ts.
 */

import { Stack } from "aws-cdk-lib";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import { describe, expect, it } from "vitest";
import { parseUploadConfig } from "../../site/client/upload/upload-config.js";
import { CONTENT_SECURITY_POLICY_HEADER } from "../../site/web/security.js";
import { actionsOf, synthesizeObservatory, type TemplateValue } from "./observatory-template.js";

const { stack, json, resource, logicalId } = synthesizeObservatory();
const { uploads, storage, site } = stack;

/** A template value as text, with each reference written `<logical id>` or `<logical id.attribute>`. */
function text(value: TemplateValue): string {
  if (typeof value === "string") return value;
  if (value?.["Fn::Join"])
    return (value["Fn::Join"][1] as TemplateValue[]).map(text).join(value["Fn::Join"][0]);
  if (value?.Ref) return `<${value.Ref}>`;
  if (value?.["Fn::GetAtt"]) return `<${value["Fn::GetAtt"].join(".")}>`;
  throw new Error(`unexpected template value ${JSON.stringify(value)}`);
}

const SITE = `https://<${logicalId(site.distribution)}.DomainName>`;
const API = `<${logicalId(uploads.httpApi)}.ApiEndpoint>`;
const SIGN_IN = "https://equity-observatory-<AWS::AccountId>.auth.<AWS::Region>.amazoncognito.com";
const BUCKET = `https://<${logicalId(storage.rawBucket)}.RegionalDomainName>`;
const PAGES = ["/check.html", "/es/check.html", "/fr/check.html", "/ar/check.html"];

describe("the hosted UI", () => {
  it("has a Cognito domain with the default prefix, and one of the operator's choosing", () => {
    expect(text(resource(uploads.signInDomain).Properties.Domain)).toBe(
      "equity-observatory-<AWS::AccountId>",
    );
    const other = synthesizeObservatory({ uploads: { signInDomainPrefix: "wikimedia-observatory" } });
    expect(other.resource(other.stack.uploads.signInDomain).Properties.Domain).toBe("wikimedia-observatory");
    expect(other.stack.uploads.signInUrl).toMatch(
      /^https:\/\/wikimedia-observatory\.auth\..+\.amazoncognito\.com$/,
    );
  });
});

describe("the site's app client", () => {
  const client = resource(uploads.siteClient).Properties;

  it("has no secret and allows only the authorization code grant (no implicit grant, no client credentials)", () => {
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(["code"]);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.SupportedIdentityProviders).toEqual(["COGNITO"]);
    expect(client.ExplicitAuthFlows).toEqual(["ALLOW_REFRESH_TOKEN_AUTH"]);
  });

  it("asks for openid, email and profile only", () => {
    expect(client.AllowedOAuthScopes).toEqual(["openid", "email", "profile"]);
  });

  it("returns to the validator page of every language on the site's origin, and nowhere else", () => {
    expect(client.CallbackURLs.map(text)).toEqual(PAGES.map((page) => `${SITE}${page}`));
    expect(client.LogoutURLs.map(text)).toEqual(PAGES.map((page) => `${SITE}${page}`));
  });

  it("reads hub_id into the ID token but may write no attribute", () => {
    expect(client.ReadAttributes).toContain("custom:hub_id");
    expect(client.WriteAttributes).toEqual([]);
  });

  it("uses the custom domain as the site's origin when the site has one", () => {
    const custom = synthesizeObservatory({
      site: {
        domainNames: ["observatory.example.org"],
        certificate: acm.Certificate.fromCertificateArn(
          new Stack(),
          "Certificate",
          "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000000",
        ),
      },
    });
    const properties = custom.resource(custom.stack.uploads.siteClient).Properties;
    expect(properties.CallbackURLs).toEqual(PAGES.map((page) => `https://observatory.example.org${page}`));
    expect(
      custom.resource(custom.stack.uploads.handler.function).Properties.Environment.Variables.SITE_ORIGIN,
    ).toBe("https://observatory.example.org");
  });
});

describe("CORS", () => {
  it("is left to the API's function (which allows the site's origin only), not to API Gateway's wildcard-capable config", () => {
    expect(resource(uploads.httpApi).Properties.CorsConfiguration).toBeUndefined();
    expect(text(resource(uploads.handler.function).Properties.Environment.Variables.SITE_ORIGIN)).toBe(SITE);
  });

  const bucketCors = Object.values(json.Resources).find((candidate) => candidate.Type === "Custom::AWS");
  const call = (phase: "Create" | "Update" | "Delete") => JSON.parse(text(bucketCors?.Properties[phase]));

  it("of the raw bucket allows a POST from the site's origin, nothing else and no other origin", () => {
    for (const phase of ["Create", "Update"] as const)
      expect(call(phase)).toMatchObject({
        service: "S3",
        action: "putBucketCors",
        parameters: {
          Bucket: `<${logicalId(storage.rawBucket)}>`,
          CORSConfiguration: {
            CORSRules: [
              {
                ID: "ValidatorPageUploads",
                AllowedMethods: ["POST"],
                AllowedOrigins: [SITE],
                MaxAgeSeconds: 600,
              },
            ],
          },
        },
      });
    expect(call("Create").parameters.CORSConfiguration.CORSRules[0].AllowedHeaders).toBeUndefined();
    expect(call("Delete")).toMatchObject({ action: "deleteBucketCors" });
    expect(resource(storage.rawBucket).Properties.CorsConfiguration).toBeUndefined();
  });

  it("of the raw bucket is applied by a call that may change that bucket's CORS and nothing else", () => {
    const policy = Object.values(json.Resources).find(
      (candidate) =>
        candidate.Type === "AWS::IAM::Policy" &&
        JSON.stringify(candidate.Properties.Roles).includes("AWS679f53fac002430cb0da5b7982bd2287"),
    );
    const statements = policy?.Properties.PolicyDocument.Statement as TemplateValue[];
    expect(statements).toHaveLength(1);
    expect(actionsOf(statements[0])).toEqual(["s3:PutBucketCORS"]);
    expect(statements[0].Resource).toEqual({ "Fn::GetAtt": [logicalId(storage.rawBucket), "Arn"] });
  });
});

describe("the Content Security Policy", () => {
  const distribution = resource(site.distribution).Properties.DistributionConfig;
  const cspOf = (policyId: TemplateValue) =>
    text(
      json.Resources[policyId.Ref]?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig
        .ContentSecurityPolicy.ContentSecurityPolicy,
    );

  it("stays the site's strict one on every page but the validator page", () => {
    expect(cspOf(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId)).toBe(
      CONTENT_SECURITY_POLICY_HEADER,
    );
  });

  it("lets the validator page of every language connect to the API, the hosted UI and the raw bucket, and only those", () => {
    const behaviours = distribution.CacheBehaviors as TemplateValue[];
    expect(behaviours.map((behaviour) => behaviour.PathPattern)).toEqual(PAGES);
    for (const behaviour of behaviours) {
      const csp = cspOf(behaviour.ResponseHeadersPolicyId);
      expect(csp).toBe(
        CONTENT_SECURITY_POLICY_HEADER.replace(
          "connect-src 'self'",
          `connect-src 'self' ${API} ${SIGN_IN} ${BUCKET}`,
        ),
      );
      expect(csp).toContain("form-action 'none'");
      expect(behaviour.AllowedMethods).toEqual(["GET", "HEAD"]);
      expect(behaviour.ViewerProtocolPolicy).toBe("redirect-to-https");
      expect(behaviour.TargetOriginId).toBe(distribution.DefaultCacheBehavior.TargetOriginId);
    }
  });
});

describe("the upload settings", () => {
  it("are the public values the page needs, and pass the page's own schema check", () => {
    const settings = JSON.parse(text(stack.resolve(stack.toJsonString(uploads.siteConfig))));
    expect(settings).toEqual({
      version: 1,
      region: "<AWS::Region>",
      api_url: API,
      sign_in_url: SIGN_IN,
      client_id: `<${logicalId(uploads.siteClient)}>`,
      upload_origin: BUCKET,
      redirect_paths: PAGES,
    });
    const deployed = {
      ...settings,
      region: "eu-west-1",
      api_url: "https://abc123.execute-api.eu-west-1.amazonaws.com",
      sign_in_url: "https://equity-observatory-123456789012.auth.eu-west-1.amazoncognito.com",
      client_id: "4example0client0id",
      upload_origin: "https://raw.s3.eu-west-1.amazonaws.com",
    };
    expect(parseUploadConfig(deployed)).toEqual(deployed);
  });
});
