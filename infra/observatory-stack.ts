import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { DashboardSite, type DashboardSiteOptions } from "./constructs/dashboard-site.js";
import { IndicatorPipeline, type IndicatorPipelineOptions } from "./constructs/indicator-pipeline.js";
import { LakeCatalog, type LakeCatalogOptions } from "./constructs/lake-catalog.js";
import { LakeStorage, type LakeStorageOptions } from "./constructs/lake-storage.js";
import { UploadApi, type UploadApiOptions } from "./constructs/upload-api.js";
import { UploadIngest, type UploadIngestOptions } from "./constructs/upload-ingest.js";

export interface ObservatoryStackProps extends StackProps {
  /** @default - see LakeStorageOptions */
  readonly storage?: LakeStorageOptions;
  /** @default - see LakeCatalogOptions */
  readonly catalog?: LakeCatalogOptions;
  /** @default - see UploadApiOptions */
  readonly uploads?: UploadApiOptions;
  /** @default - see UploadIngestOptions */
  readonly ingest?: UploadIngestOptions;
  /** @default - see IndicatorPipelineOptions */
  readonly recompute?: IndicatorPipelineOptions;
  /** @default - see DashboardSiteOptions */
  readonly site?: DashboardSiteOptions;
}

/**
 * The Equity Observatory on AWS: hubs upload reports (CSV or workbooks) through the upload API, from the CLI or the
 * site's validator page; ingest validates them into the
 * raw and curated lake; a workflow computes the indicators with Athena and publishes the static dashboards
 * behind CloudFront.
 */
export class ObservatoryStack extends Stack {
  readonly storage: LakeStorage;
  readonly catalog: LakeCatalog;
  readonly site: DashboardSite;
  readonly recompute: IndicatorPipeline;
  readonly ingest: UploadIngest;
  readonly uploads: UploadApi;

  constructor(scope: Construct, id: string, props: ObservatoryStackProps = {}) {
    super(scope, id, props);

    this.storage = new LakeStorage(this, "Storage", props.storage);
    const { key, rawBucket, curatedBucket, queryResultsBucket, siteBucket, accessLogsBucket } = this.storage;

    this.catalog = new LakeCatalog(this, "Catalog", {
      ...props.catalog,
      curatedBucket,
      queryResultsBucket,
      encryptionKey: key,
    });

    this.site = new DashboardSite(this, "Site", { ...props.site, siteBucket, logBucket: accessLogsBucket });

    this.uploads = new UploadApi(this, "Uploads", {
      ...props.uploads,
      rawBucket,
      encryptionKey: key,
      siteOrigin: this.site.origin,
    });
    this.site.allowConnections(
      "ValidatorPageHeaders",
      this.uploads.sitePagePaths,
      this.uploads.browserOrigins,
    );

    this.recompute = new IndicatorPipeline(this, "Recompute", {
      ...props.recompute,
      curatedBucket,
      siteBucket,
      encryptionKey: key,
      catalog: this.catalog,
      site: this.site,
      uploadConfig: this.uploads.siteConfig,
    });

    this.ingest = new UploadIngest(this, "Ingest", {
      ...props.ingest,
      rawBucket,
      curatedBucket,
      encryptionKey: key,
      recomputeStateMachine: this.recompute.stateMachine,
      maxUploadBytes: this.uploads.maxUploadBytes,
      evidenceRetention: this.storage.evidenceRetention,
    });

    const uploaderRoles = [this.uploads.hubAccessRole, this.uploads.councilAccessRole];
    this.storage.restrictLandingWrites(uploaderRoles);
    this.storage.restrictResultReads([...uploaderRoles, this.ingest.handler.role]);

    new CfnOutput(this, "SiteUrl", { value: `https://${this.site.distribution.distributionDomainName}/` });
    new CfnOutput(this, "UploadApiUrl", { value: this.uploads.url });
    new CfnOutput(this, "UserPoolId", { value: this.uploads.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: this.uploads.userPoolClient.userPoolClientId });
    new CfnOutput(this, "SiteClientId", { value: this.uploads.siteClient.userPoolClientId });
    new CfnOutput(this, "SignInUrl", { value: this.uploads.signInUrl });
    new CfnOutput(this, "RawBucketName", { value: rawBucket.bucketName });
    new CfnOutput(this, "CuratedBucketName", { value: curatedBucket.bucketName });
    new CfnOutput(this, "RecomputeStateMachineArn", { value: this.recompute.stateMachine.stateMachineArn });
  }
}
