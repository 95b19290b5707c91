import { S3Client } from "@aws-sdk/client-s3";

/** When the SDK computes checksums of request bodies, or validates those of responses. */
export type ChecksumMode = "WHEN_SUPPORTED" | "WHEN_REQUIRED";

/** How to reach S3. Every field is optional: in AWS the Lambda environment supplies region and credentials. */
export interface S3ClientOptions {
  /** @default the SDK's (`AWS_REGION`) */
  readonly region?: string;
  /** An S3-compatible endpoint, e.g. a local test server. @default AWS S3 */
  readonly endpoint?: string;
  /** Address buckets as `endpoint/bucket/key` rather than `bucket.endpoint/key`. @default false */
  readonly forcePathStyle?: boolean;
  /** @default the SDK's credential chain (the Lambda role) */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /**
   * `WHEN_SUPPORTED` sends a CRC32 with every PUT, which the Object Lock on the raw bucket requires. Test servers
   * that do not understand checksummed uploads need `WHEN_REQUIRED`. @default "WHEN_SUPPORTED"
   */
  readonly requestChecksumCalculation?: ChecksumMode;
  /** @default "WHEN_SUPPORTED" */
  readonly responseChecksumValidation?: ChecksumMode;
}

/** The S3 client of the observatory: the one place its configuration lives. */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  return new S3Client({
    ...(options.region !== undefined && { region: options.region }),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: { ...options.credentials } }),
    forcePathStyle: options.forcePathStyle ?? false,
    requestChecksumCalculation: options.requestChecksumCalculation ?? "WHEN_SUPPORTED",
    responseChecksumValidation: options.responseChecksumValidation ?? "WHEN_SUPPORTED",
  });
}
