import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  cacheControlOf,
  contentHash,
  hashedPath,
  IMMUTABLE_CACHE,
  isContentHashed,
  REVALIDATE_CACHE,
} from "../../../site/web/assets.js";

const HASHED = [
  "style.0123456789.css",
  "site.abcdef0123.js",
  "site-ABCD1234.js",
  "favicon.0123456789.svg",
  "es/specs/a.b.0123456789.vg.json",
  "es/data/charts/a.b.0123456789.json",
];
const NOT_HASHED = [
  "index.html",
  "es/index.html",
  "site.js",
  "style.css",
  "data/indicators.json",
  "specs/a.vl.json",
  "data/charts/a.csv",
];

describe("content-hashed assets", () => {
  it("are named by the SHA-256 of their content, before their extension", () => {
    const hash = createHash("sha256").update("body{}").digest("hex").slice(0, 10);
    expect(contentHash("body{}")).toBe(hash);
    expect(hashedPath("style.css", "body{}", ".css")).toBe(`style.${hash}.css`);
    expect(hashedPath("specs/a.by-region.vg.json", "body{}", ".vg.json")).toBe(
      `specs/a.by-region.${hash}.vg.json`,
    );
    expect(hashedPath("style.css", "body{ }", ".css")).not.toBe(hashedPath("style.css", "body{}", ".css"));
    expect(() => hashedPath("style.css", "", ".js")).toThrow(/does not end with/);
  });

  it("are cached for a year, and everything else revalidated", () => {
    for (const path of HASHED) {
      expect(isContentHashed(path), path).toBe(true);
      expect(cacheControlOf(path)).toBe(IMMUTABLE_CACHE);
    }
    for (const path of NOT_HASHED) {
      expect(isContentHashed(path), path).toBe(false);
      expect(cacheControlOf(path)).toBe(REVALIDATE_CACHE);
    }
  });
});
