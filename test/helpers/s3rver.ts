import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { S3Client } from "@aws-sdk/client-s3";
import type { S3Event } from "aws-lambda";
import { afterEach } from "vitest";
import { createS3Client, type S3ClientOptions } from "../../functions/adapters/aws/s3-client.js";
import { tempDir } from "./temp.js";

/** The part of s3rver 3.7 (which ships no types) that the tests use. */
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: "event", listener: (event: S3Event) => void): void;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverServer;

const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;

export interface LocalS3 {
  readonly endpoint: string;
  /** Path-style, dummy credentials, checksums only where required (see `createS3Client`). */
  readonly client: S3Client;
  /** How to reach the server, for clients built on other credentials (s3rver accepts any). */
  readonly clientOptions: Omit<S3ClientOptions, "credentials">;
  /** Calls the listener with an S3 event notification (as S3 would send to Lambda) for every object written. */
  onEvent(listener: (event: S3Event) => void): void;
  close(): Promise<void>;
}

const running: LocalS3[] = [];

/**
 * A real S3-compatible server (s3rver) on a free port of 127.0.0.1, storing in a temporary folder, with the
 * named buckets created. Stopped after the test. It ignores `If-None-Match`, so conditional writes cannot be
 * tested against it.
 */
export async function startS3rver(buckets: readonly string[]): Promise<LocalS3> {
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: await tempDir("s3rver-"),
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const clientOptions = {
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  } as const;
  const client = createS3Client({
    ...clientOptions,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  let closed: Promise<void> | undefined;
  const local: LocalS3 = {
    endpoint,
    client,
    clientOptions,
    onEvent: (listener) => server.on("event", listener),
    close: () => {
      closed ??= (async () => {
        client.destroy();
        await server.close();
      })();
      return closed;
    },
  };
  running.push(local);
  return local;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((local) => local.close()));
});
