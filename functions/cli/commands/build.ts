import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildSite, type SiteBuild } from "../../../reports/build-site.js";
import { directorySiteWriter } from "../../../reports/site-writer.js";
import { loadFramework } from "../../core/framework/framework.js";
import type { IndicatorRow } from "../../core/indicators/indicator-row.js";
import { indicatorsFromCsv } from "../../core/indicators/indicators-file.js";
import { PUBLISHED_FILES } from "../../core/indicators/publish-indicators.js";
import { bundledCountryTable } from "../../core/reference/countries.js";
import { required, UsageError, wholeNumber } from "../usage-error.js";
import { computeFromLake } from "./compute.js";

/** `observatory build`: the static dashboard site, from a lake or from computed indicators. */
export async function buildCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      lake: { type: "string" },
      indicators: { type: "string" },
      out: { type: "string" },
      k: { type: "string" },
    },
  });
  const out = required(values.out, "--out");
  if ((values.lake === undefined) === (values.indicators === undefined))
    throw new UsageError("give either --lake or --indicators");
  const k = wholeNumber(values.k, "--k", 10, 1);
  const started = performance.now();
  let rows: IndicatorRow[];
  if (values.lake !== undefined) {
    rows = (await computeFromLake({ lake: values.lake, out: join(out, "data"), k })).rows;
  } else {
    rows = indicatorsFromCsv(await readFile(join(values.indicators as string, PUBLISHED_FILES.csv), "utf8"));
  }
  const site = await buildSiteFromRows(rows, out, k);
  console.log(
    `built ${site.pages.length} pages and ${site.specs} charts in ${((performance.now() - started) / 1000).toFixed(2)} s → ${out}/index.html`,
  );
  return 0;
}

/** Builds the site from indicator rows into a folder. */
export async function buildSiteFromRows(
  rows: readonly IndicatorRow[],
  out: string,
  k: number,
): Promise<SiteBuild> {
  const version = rows[0]?.framework_version ?? "2026.1";
  return buildSite(
    {
      framework: loadFramework(version),
      indicators: rows,
      countries: bundledCountryTable(),
      generatedAt: new Date().toISOString(),
      k,
    },
    directorySiteWriter(out),
  );
}
