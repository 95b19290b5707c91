/** The dashboards' CloudFront distribution: private origin, HTTPS, and the site's security headers. */
import { describe, expect, it } from "vitest";
import { DIRECTORY_INDEX_FUNCTION } from "../../site/web/directory-index.js";
import { CONTENT_SECURITY_POLICY_HEADER, REFERRER_POLICY } from "../../site/web/security.js";
import { synthesizeObservatory } from "./observatory-template.js";

const { stack, json, resource, logicalId } = synthesizeObservatory();
const { site, storage } = stack;
const config = resource(site.distribution).Properties.DistributionConfig;
const headers = resource(site.responseHeadersPolicy).Properties.ResponseHeadersPolicyConfig
  .SecurityHeadersConfig;

describe("the distribution", () => {
  it("reads the site bucket through an origin access control", () => {
    const control = Object.entries(json.Resources).find(
      ([, candidate]) => candidate.Type === "AWS::CloudFront::OriginAccessControl",
    );
    expect(control?.[1].Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: "s3",
      SigningBehavior: "always",
      SigningProtocol: "sigv4",
    });
    expect(config.Origins).toEqual([
      expect.objectContaining({
        DomainName: { "Fn::GetAtt": [logicalId(storage.siteBucket), "RegionalDomainName"] },
        OriginAccessControlId: { "Fn::GetAtt": [control?.[0], "Id"] },
        S3OriginConfig: { OriginAccessIdentity: "" },
      }),
    ]);
  });

  it("may not read the publish step's build records beside the site", () => {
    const policy = Object.values(json.Resources).find(
      (candidate) =>
        candidate.Type === "AWS::S3::BucketPolicy" &&
        candidate.Properties.Bucket.Ref === logicalId(storage.siteBucket),
    );
    const statements = policy?.Properties.PolicyDocument.Statement as {
      Sid?: string;
      Effect: string;
      Principal: unknown;
      Action: unknown;
      Resource: unknown;
    }[];
    expect(statements.filter((statement) => statement.Sid === "DenyCloudFrontBuildRecords")).toEqual([
      {
        Sid: "DenyCloudFrontBuildRecords",
        Effect: "Deny",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Resource: {
          "Fn::Join": ["", [{ "Fn::GetAtt": [logicalId(storage.siteBucket), "Arn"] }, "/_builds/*"]],
        },
      },
    ]);
  });

  it("redirects HTTP to HTTPS", () => {
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
  });

  it("serves only GET and HEAD", () => {
    expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(["GET", "HEAD"]);
  });

  it("serves index.html at the root", () => {
    expect(config.DefaultRootObject).toBe("index.html");
  });

  it("writes its standard logs to the access-logs bucket", () => {
    expect(config.Logging).toEqual({
      Bucket: { "Fn::GetAtt": [logicalId(storage.accessLogsBucket), "RegionalDomainName"] },
      Prefix: "cloudfront/",
    });
  });

  it("serves every edge location by default", () => {
    expect(config.PriceClass).toBe("PriceClass_All");
  });

  it("serves each language's folder through a CloudFront Function on viewer requests: /es/ is /es/index.html, /es redirects", () => {
    const fn = resource(site.directoryIndex);
    expect(fn.Properties.FunctionCode).toBe(DIRECTORY_INDEX_FUNCTION);
    expect(fn.Properties.FunctionConfig.Runtime).toBe("cloudfront-js-2.0");
    expect(fn.Properties.AutoPublish).toBe(true);
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      {
        EventType: "viewer-request",
        FunctionARN: { "Fn::GetAtt": [logicalId(site.directoryIndex), "FunctionARN"] },
      },
    ]);
  });

  it("caches by each object's Cache-Control, which the publish step sets (a year for hashed assets, revalidation for pages)", () => {
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe("658327ea-f89d-4fab-a63d-7e88639e58f6");
  });

  it("sets the security headers on every response", () => {
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({
      Ref: logicalId(site.responseHeadersPolicy),
    });
  });
});

describe("the security headers", () => {
  it("set the site's Content Security Policy, as site/web/security.ts defines it", () => {
    expect(headers.ContentSecurityPolicy).toEqual({
      ContentSecurityPolicy: CONTENT_SECURITY_POLICY_HEADER,
      Override: true,
    });
  });

  it("never allow eval", () => {
    expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).not.toContain("unsafe-eval");
  });

  it("set HSTS for two years, subdomains included", () => {
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Override: true,
    });
  });

  it("forbid MIME sniffing", () => {
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
  });

  it("forbid framing", () => {
    expect(headers.FrameOptions).toEqual({ FrameOption: "DENY", Override: true });
  });

  it("set the site's referrer policy", () => {
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: REFERRER_POLICY, Override: true });
  });
});
