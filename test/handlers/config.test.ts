import { describe, expect, it } from "vitest";
import { ConfigurationError, env, readConfig } from "../../functions/handlers/config.js";

const spec = {
  rawBucket: env.string("RAW_BUCKET"),
  curatedBucket: env.string("CURATED_BUCKET"),
  debounceSeconds: env.integer("RECOMPUTE_DEBOUNCE_SECONDS", { min: 1, max: 3600, default: 300 }),
  maxUploadBytes: env.integer("MAX_UPLOAD_BYTES", { min: 1, max: 1000 }),
};

describe("readConfig", () => {
  it("reads and converts every declared variable, with defaults", () => {
    expect(
      readConfig(spec, { RAW_BUCKET: "raw", CURATED_BUCKET: " curated ", MAX_UPLOAD_BYTES: "1000" }),
    ).toEqual({
      rawBucket: "raw",
      curatedBucket: "curated",
      debounceSeconds: 300,
      maxUploadBytes: 1000,
    });
  });

  it("names every missing or malformed variable at once", () => {
    let caught: unknown;
    try {
      readConfig(spec, { CURATED_BUCKET: "", RECOMPUTE_DEBOUNCE_SECONDS: "5m", MAX_UPLOAD_BYTES: "1001" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    expect((caught as ConfigurationError).problems).toEqual([
      "RAW_BUCKET is not set",
      "CURATED_BUCKET is not set",
      'RECOMPUTE_DEBOUNCE_SECONDS must be an integer from 1 to 3600, not "5m"',
      'MAX_UPLOAD_BYTES must be an integer from 1 to 1000, not "1001"',
    ]);
  });

  it("reads one of a fixed set of values, with its default, and names the allowed ones otherwise", () => {
    const versions = {
      frameworkVersion: env.oneOf("FRAMEWORK_VERSION", ["2026.1", "2026.2"], { default: "2026.2" }),
    };
    expect(readConfig(versions, {})).toEqual({ frameworkVersion: "2026.2" });
    expect(readConfig(versions, { FRAMEWORK_VERSION: " 2026.1 " })).toEqual({ frameworkVersion: "2026.1" });
    expect(() => readConfig(versions, { FRAMEWORK_VERSION: "2027.1" })).toThrow(
      'the function is misconfigured: FRAMEWORK_VERSION must be one of 2026.1, 2026.2, not "2027.1"',
    );
  });

  it("fails the compute entry point at cold start when FRAMEWORK_VERSION names a version that is not shipped", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      CURATED_BUCKET: "curated",
      ATHENA_WORKGROUP: "wg",
      ATHENA_STAGING_WORKGROUP: "wg-staging",
      STAGING_BUCKET: "results",
      GLUE_DATABASE: "db",
      COMPUTE_TIMEOUT_SECONDS: "600",
      FRAMEWORK_VERSION: "2025.9",
    });
    try {
      await expect(import("../../functions/handlers/compute-indicators.js")).rejects.toThrow(
        'misconfigured: FRAMEWORK_VERSION must be one of 2026.1, 2026.2, not "2025.9"',
      );
    } finally {
      process.env = saved;
    }
  });

  it("fails a Lambda entry point at import (cold start) when its environment is incomplete", async () => {
    const saved = { ...process.env };
    delete process.env.RAW_BUCKET;
    delete process.env.HUB_ACCESS_ROLE_ARN;
    try {
      await expect(import("../../functions/handlers/upload-api.js")).rejects.toThrow(
        /misconfigured: RAW_BUCKET is not set; HUB_ACCESS_ROLE_ARN is not set/,
      );
    } finally {
      process.env = saved;
    }
  });
});
