import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it } from "vitest";
import { S3ObjectStore } from "../../../functions/adapters/aws/s3-store.js";
import {
  directorySiteWriter,
  memorySiteWriter,
  objectStoreSiteWriter,
} from "../../../site/build/site-writer.js";
import { startS3rver } from "../../helpers/s3rver.js";

const UNSAFE_PATHS = [
  "",
  "../outside.txt",
  "a/../../outside.txt",
  "/etc/passwd",
  "a\\..\\b",
  "a//b",
  "./a",
  "a/\0",
];

const created: string[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("memorySiteWriter", () => {
  it("keeps what was written, by path", async () => {
    const writer = memorySiteWriter();
    await writer.write("index.html", "<p>hi</p>");
    await writer.write("data/rows.json", new Uint8Array([1, 2]));
    expect([...writer.files.keys()]).toEqual(["index.html", "data/rows.json"]);
    expect(writer.files.get("index.html")).toBe("<p>hi</p>");
  });

  it.each(UNSAFE_PATHS)("refuses the path %j", async (path) => {
    await expect(memorySiteWriter().write(path, "x")).rejects.toThrow(/not a relative path inside the site/);
  });
});

describe("directorySiteWriter", () => {
  it("creates folders as needed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "site-writer-"));
    created.push(dir);
    const writer = directorySiteWriter(join(dir, "site"));
    await writer.write("specs/a.vl.json", "{}\n");
    await writer.write("index.html", "<p>hi</p>");
    expect(await readFile(join(dir, "site", "specs", "a.vl.json"), "utf8")).toBe("{}\n");
    expect(await readFile(join(dir, "site", "index.html"), "utf8")).toBe("<p>hi</p>");
  });

  it.each(UNSAFE_PATHS)("refuses the path %j", async (path) => {
    const dir = await mkdtemp(join(tmpdir(), "site-writer-"));
    created.push(dir);
    await expect(directorySiteWriter(join(dir, "site")).write(path, "x")).rejects.toThrow(/site path/);
  });
});

describe("objectStoreSiteWriter", () => {
  it("stores each file with its content type and its Cache-Control, on a real S3 (s3rver)", async () => {
    const s3 = await startS3rver(["site"]);
    const writer = objectStoreSiteWriter(new S3ObjectStore({ client: s3.client, bucket: "site" }));
    await writer.write("es/index.html", "<p>hola</p>");
    await writer.write("style.0123456789.css", "body{}");
    const head = (key: string) => s3.client.send(new HeadObjectCommand({ Bucket: "site", Key: key }));
    const page = await head("es/index.html");
    expect(page.ContentType).toBe("text/html; charset=utf-8");
    expect(page.CacheControl).toBe("no-cache");
    const stylesheet = await head("style.0123456789.css");
    expect(stylesheet.ContentType).toBe("text/css; charset=utf-8");
    expect(stylesheet.CacheControl).toBe("public, max-age=31536000, immutable");
  });
});
