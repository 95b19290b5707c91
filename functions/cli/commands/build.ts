import { stat } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildPublishedSite, type SiteBuild } from "../../../site/build/build-site.js";
import { directorySiteWriter } from "../../../site/build/site-writer.js";
import { bundleClientScript } from "../../../site/client/bundle.js";
import { FolderStore } from "../../adapters/local/folder-store.js";
import {
  InconsistentPublicationError,
  NotPublishedError,
  PUBLISHED_FILES,
  type PublishedIndicators,
  readPublishedIndicators,
} from "../../core/indicators/publish-indicators.js";
import { bundledCountryTable } from "../../core/reference/countries.js";
import { visible } from "../terminal-text.js";
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
  if (values.indicators !== undefined && values.k !== undefined)
    throw new UsageError(
      `--k goes with --lake only: a site built from --indicators uses the k that compute used (its ${PUBLISHED_FILES.run})`,
    );
  const k = wholeNumber(values.k, "--k", 10, 1);
  const started = performance.now();
  const published =
    values.lake !== undefined
      ? await computeFromLake({ lake: values.lake, out: join(out, "data"), k })
      : await readPublished(values.indicators as string);
  const site = await buildSiteFromPublished(published, out);
  console.log(
    visible(
      `built ${site.pages.length} pages and ${site.specs} charts of framework ${published.run.frameworkVersion} (k = ${published.run.k}) in ${((performance.now() - started) / 1000).toFixed(2)} s → ${out}/index.html`,
    ),
  );
  return 0;
}

/**
 * Reads what `observatory compute` wrote: the indicators, the dashboard data, the evidence list and the
 * framework version and k of the run (`run.json`). A missing folder or file is a usage error.
 */
export async function readPublished(dir: string): Promise<PublishedIndicators> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UsageError(
      `--indicators ${dir} is not a folder of computed indicators: run observatory compute --out ${dir} first`,
    );
  try {
    return await readPublishedIndicators(new FolderStore(dir));
  } catch (error) {
    if (error instanceof NotPublishedError)
      throw new UsageError(`${join(dir, error.file)} is missing: run observatory compute --out ${dir} first`);
    if (error instanceof InconsistentPublicationError)
      throw new InconsistentPublicationError(join(dir, error.file), error.detail);
    throw error;
  }
}

/** Builds the site, in every language, from published indicators (with their run's framework and k) into a folder. */
export async function buildSiteFromPublished(
  published: PublishedIndicators,
  out: string,
): Promise<SiteBuild> {
  return buildPublishedSite(
    published,
    {
      countries: bundledCountryTable(),
      generatedAt: new Date().toISOString(),
      clientFiles: await bundleClientScript(),
    },
    directorySiteWriter(out),
  );
}
