/** The dashboards' CloudFront distribution: private origin, HTTPS, and the site's security headers. */
import { describe, expect, it } from "vitest";
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
