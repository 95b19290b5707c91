import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import type { Uploader, UploaderAccess, UploadSigner } from "../../core/uploads/upload-access.js";
import { createS3Client, type S3ClientOptions } from "./s3-client.js";
import { S3ObjectStore } from "./s3-store.js";

/** The session tag that scopes a hub's role session to its own prefixes (`${aws:PrincipalTag/hub_id}`). */
export const HUB_SESSION_TAG = "hub_id";

export interface ScopedAccessOptions {
  readonly sts: Pick<STSClient, "send">;
  readonly rawBucket: string;
  /** The role whose policy grants `uploads/${aws:PrincipalTag/hub_id}/*` and `results/${aws:PrincipalTag/hub_id}/*`. */
  readonly hubRoleArn: string;
  /** The role whose policy grants `uploads/council/*` and `results/council/*`. */
  readonly councilRoleArn: string;
  /** Role session length; STS's minimum is 900. @default 900 */
  readonly sessionSeconds?: number;
  /** Options of the S3 client built on the session's credentials (tests point it at a local server). */
  readonly s3?: Omit<S3ClientOptions, "credentials">;
}

/**
 * Access to the raw bucket scoped by IAM to one uploader: a role session assumed per request, tagged with the
 * hub's id for hubs, whose credentials then sign the upload and read the results. The caller's own role has no
 * access to uploads or results at all, so a mistake in the calling code cannot reach another hub's files.
 */
export function scopedUploaderAccess(
  options: ScopedAccessOptions,
): (uploader: Uploader) => Promise<UploaderAccess> {
  return async (uploader) => {
    const hub = uploader.role === "hub";
    const session = await options.sts.send(
      new AssumeRoleCommand({
        RoleArn: hub ? options.hubRoleArn : options.councilRoleArn,
        RoleSessionName: `uploader-${uploader.id}`.slice(0, 64),
        DurationSeconds: options.sessionSeconds ?? 900,
        ...(hub && { Tags: [{ Key: HUB_SESSION_TAG, Value: uploader.id }] }),
      }),
    );
    const credentials = session.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken)
      throw new Error(`STS returned no credentials for ${uploader.role} ${uploader.id}`);
    const client = createS3Client({
      ...options.s3,
      credentials: {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
      },
    });
    const signer: UploadSigner = {
      async presignUpload(policy) {
        return createPresignedPost(client, {
          Bucket: options.rawBucket,
          Key: policy.key,
          Conditions: [
            ["eq", "$key", policy.key],
            ["content-length-range", 1, policy.maxBytes],
            ["eq", "$Content-Type", policy.contentType],
          ],
          Fields: { "Content-Type": policy.contentType },
          Expires: policy.expiresInSeconds,
        });
      },
    };
    return { results: new S3ObjectStore({ client, bucket: options.rawBucket }), signer };
  };
}
