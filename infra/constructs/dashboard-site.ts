import { Duration, Stack } from "aws-cdk-lib";
import type * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { BUILD_RECORD_PREFIX } from "../../site/build/build-record.js";
import { DIRECTORY_INDEX_FUNCTION } from "../../site/web/directory-index.js";
import {
  CONTENT_SECURITY_POLICY_HEADER,
  contentSecurityPolicyHeader,
  REFERRER_POLICY,
} from "../../site/web/security.js";
import { acknowledgeRule } from "./nag.js";

export interface DashboardSiteOptions {
  /**
   * Custom domain names of the site; they need `certificate`.
   * @default - the distribution's own `*.cloudfront.net` name
   */
  readonly domainNames?: string[];
  /**
   * The certificate of `domainNames`, in us-east-1. With it, viewers need TLS 1.2 or later.
   * @default - CloudFront's default certificate
   */
  readonly certificate?: acm.ICertificate;
  /** @default cloudfront.PriceClass.PRICE_CLASS_ALL (hubs are everywhere, so are their readers) */
  readonly priceClass?: cloudfront.PriceClass;
  /**
   * The ARN of an AWS WAF web ACL (scope CLOUDFRONT) to attach.
   * @default - none
   */
  readonly webAclArn?: string;
}

export interface DashboardSiteProps extends DashboardSiteOptions {
  readonly siteBucket: s3.IBucket;
  /** Where CloudFront writes its standard logs (a bucket with ACLs enabled). */
  readonly logBucket: s3.IBucket;
}

/**
 * The public dashboards: a CloudFront distribution in front of the private site bucket (Origin Access Control,
 * no public bucket), HTTPS only, with the site's security headers, including the same Content Security Policy
 * the pages declare, set on every response. A CloudFront Function serves each language's folder (`/es/` is
 * `/es/index.html`, `/es` redirects to `/es/`). Caching follows each object's `Cache-Control`, which the publish
 * step sets: a year for content-hashed assets, revalidation for pages. CloudFront may not read the publish step's
 * build records (`_builds/`), which are kept beside the site but are no part of it.
 */
export class DashboardSite extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly responseHeadersPolicy: cloudfront.ResponseHeadersPolicy;
  /** Rewrites `/folder/` to its `index.html` and redirects `/folder` to `/folder/` (see `DIRECTORY_INDEX_FUNCTION`). */
  readonly directoryIndex: cloudfront.Function;
  /**
   * The site's origin, `https://<host>`: its first custom domain name, or else the distribution's own
   * `*.cloudfront.net` name. Sign-in returns to it, and the upload API and the raw bucket allow it (and only it)
   * across origins.
   */
  readonly origin: string;
  private readonly siteOrigin: cloudfront.IOrigin;

  constructor(scope: Construct, id: string, props: DashboardSiteProps) {
    super(scope, id);
    this.responseHeadersPolicy = this.securityHeaders(
      "SecurityHeaders",
      "Equity Observatory dashboards: CSP, HSTS, no framing, no sniffing, no referrer",
      CONTENT_SECURITY_POLICY_HEADER,
    );
    this.siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(props.siteBucket);
    props.siteBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "DenyCloudFrontBuildRecords",
        effect: iam.Effect.DENY,
        principals: [new iam.ServicePrincipal("cloudfront.amazonaws.com")],
        actions: ["s3:GetObject"],
        resources: [props.siteBucket.arnForObjects(`${BUILD_RECORD_PREFIX}*`)],
      }),
    );

    this.directoryIndex = new cloudfront.Function(this, "DirectoryIndex", {
      comment: "Equity Observatory: /es/ serves /es/index.html, /es redirects to /es/",
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(DIRECTORY_INDEX_FUNCTION),
    });

    const customDomain = props.certificate !== undefined;
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "Equity Observatory dashboards",
      defaultRootObject: "index.html",
      defaultBehavior: {
        ...this.behaviorOptions(this.responseHeadersPolicy),
        origin: this.siteOrigin,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_ALL,
      ...(customDomain && {
        domainNames: props.domainNames,
        certificate: props.certificate,
        minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
        sslSupportMethod: cloudfront.SSLMethod.SNI,
      }),
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: "cloudfront/",
    });

    acknowledgeRule(
      this.distribution,
      "CFR1",
      "The dashboards are public information for a movement present in every region; no country is to be excluded.",
    );
    if (props.webAclArn === undefined)
      acknowledgeRule(
        this.distribution,
        "CFR2",
        "The site is static, read-only and scriptless (GET/HEAD only, CSP script-src 'none'); CloudFront's built-in Shield Standard covers volumetric attacks. Pass webAclArn to attach a web ACL.",
      );
    if (!customDomain)
      acknowledgeRule(
        this.distribution,
        "CFR4",
        "Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose security policy cannot be raised; pass domainNames and a certificate to require TLS 1.2.",
      );
    const [domainName] = customDomain ? (props.domainNames ?? []) : [];
    this.origin = `https://${domainName ?? this.distribution.distributionDomainName}`;
  }

  /**
   * Lets the pages at `paths` (exact paths such as `/es/check.html`) connect to `connectOrigins` as well as to the
   * site: a behaviour per path with the same security headers but a Content Security Policy whose `connect-src`
   * adds those origins. Every other page keeps the site's strict policy.
   */
  allowConnections(
    id: string,
    paths: readonly string[],
    connectOrigins: readonly string[],
  ): cloudfront.ResponseHeadersPolicy {
    const policy = this.securityHeaders(
      id,
      "Equity Observatory validator page: the site's headers, connecting to sign-in, the upload API and the upload bucket",
      contentSecurityPolicyHeader(connectOrigins),
    );
    for (const path of paths)
      this.distribution.addBehavior(path, this.siteOrigin, this.behaviorOptions(policy));
    return policy;
  }

  private behaviorOptions(policy: cloudfront.IResponseHeadersPolicy): cloudfront.AddBehaviorOptions {
    return {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: policy,
      compress: true,
      functionAssociations: [
        { function: this.directoryIndex, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
      ],
    };
  }

  private securityHeaders(id: string, comment: string, csp: string): cloudfront.ResponseHeadersPolicy {
    return new cloudfront.ResponseHeadersPolicy(this, id, {
      comment,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: referrerPolicyOf(REFERRER_POLICY), override: true },
      },
    });
  }

  /** The distribution's ARN, for policies that act on it (such as invalidations). */
  get distributionArn(): string {
    return Stack.of(this).formatArn({
      service: "cloudfront",
      region: "",
      resource: "distribution",
      resourceName: this.distribution.distributionId,
    });
  }
}

function referrerPolicyOf(value: string): cloudfront.HeadersReferrerPolicy {
  const policy = Object.values(cloudfront.HeadersReferrerPolicy).find((candidate) => candidate === value);
  if (!policy) throw new Error(`CloudFront has no referrer policy ${JSON.stringify(value)}`);
  return policy;
}
