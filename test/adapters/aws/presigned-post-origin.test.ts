/**
 * The origin a presigned POST sends a file to, as the Lambda's S3 client builds it on AWS (no custom endpoint), must
 * be the one the stack writes into `upload-config.json` and the validator page's Content Security Policy:
 * `https://<bucket>.s3.<region>.amazonaws.com`, the bucket's RegionalDomainName. Signing is local: no request is
 * made, and S3's enforcement of the POST policy cannot run here (see upload-api-handler.test.ts for the policy).
 */
import type { STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { scopedUploaderAccess } from "../../../functions/adapters/aws/scoped-access.js";

describe("a presigned POST on AWS", () => {
  it("goes to the raw bucket's regional virtual-hosted endpoint", async () => {
    const sts = {
      send: (async () => ({
        Credentials: {
          AccessKeyId: "AKIA",
          SecretAccessKey: "secret",
          SessionToken: "token",
          Expiration: new Date(),
        },
      })) as STSClient["send"],
    };
    const access = await scopedUploaderAccess({
      sts,
      rawBucket: "equityobservatory-storagerawbucket-1a2b3c",
      hubRoleArn: "arn:aws:iam::123456789012:role/hub",
      councilRoleArn: "arn:aws:iam::123456789012:role/council",
      s3: { region: "eu-west-1" },
    })({ id: "wm-ng", role: "hub" });
    const { url } = await access.signer.presignUpload({
      key: "uploads/wm-ng/20261120T100000Z-0123456789abcdef.xlsx",
      maxBytes: 1024,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      expiresInSeconds: 300,
    });
    expect(new URL(url).origin).toBe(
      "https://equityobservatory-storagerawbucket-1a2b3c.s3.eu-west-1.amazonaws.com",
    );
  });
});
