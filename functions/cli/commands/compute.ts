import { parseArgs } from "node:util";
import { DuckDbEngine } from "../../adapters/local/duckdb-engine.js";
import { FolderStore } from "../../adapters/local/folder-store.js";
import { frameworkVersions, loadFramework, newestFrameworkVersion } from "../../core/framework/framework.js";
import { type PublishedIndicators, publishIndicators } from "../../core/indicators/publish-indicators.js";
import { LakeReader } from "../../core/lake/lake-reader.js";
import { bundledCountryTable } from "../../core/reference/countries.js";
import { existingLake } from "../lake-folder.js";
import { visible } from "../terminal-text.js";
import { required, UsageError, wholeNumber } from "../usage-error.js";

/** `observatory compute`: every indicator of the framework, from a local lake, into a folder. */
export async function computeCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      lake: { type: "string" },
      out: { type: "string" },
      k: { type: "string" },
      framework: { type: "string" },
    },
  });
  const started = performance.now();
  const published = await computeFromLake({
    lake: required(values.lake, "--lake"),
    out: required(values.out, "--out"),
    k: wholeNumber(values.k, "--k", 10, 1),
    frameworkVersion: values.framework,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    visible(
      `computed ${published.rows.length} indicator rows of framework ${published.run.frameworkVersion} (k = ${published.run.k}) from ${published.reports.filter((r) => r.status === "current" && r.hub_id !== null).length} current hub reports in ${seconds} s → ${values.out}/indicators.csv`,
    ),
  );
  return 0;
}

/**
 * Computes and writes the indicators of a local lake with embedded DuckDB (the newest framework unless asked),
 * with `run.json` naming the framework version and k used. A lake folder that does not exist or holds no manifest
 * is a usage error.
 */
export async function computeFromLake(request: {
  lake: string;
  out: string;
  k?: number;
  frameworkVersion?: string;
  memoryLimit?: string;
}): Promise<PublishedIndicators> {
  const version = request.frameworkVersion ?? newestFrameworkVersion();
  if (!frameworkVersions().includes(version))
    throw new UsageError(
      `--framework must be one of ${frameworkVersions().join(", ")}, not ${JSON.stringify(version)}`,
    );
  const lake = await existingLake(request.lake);
  const countries = bundledCountryTable();
  const reader = new LakeReader(lake);
  const engine = await DuckDbEngine.open({ lake, countries, memoryLimit: request.memoryLimit, reader });
  try {
    return await publishIndicators(
      { engine, lake, output: new FolderStore(request.out), reader },
      { framework: loadFramework(version), countries, k: request.k },
    );
  } finally {
    await engine.close();
  }
}
