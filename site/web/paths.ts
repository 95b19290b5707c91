/**
 * Where things are in a published site: the file of each page that is named after data, the link to
 * the evidence, and the files of each chart. Paths are relative to a language's folder.
 */

/** A region's name as a file-name part: lower-case ASCII letters and digits joined by hyphens. */
export function slugOf(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug : "region";
}

/** The file of a region's page. */
export function regionFile(region: string): string {
  return `region-${slugOf(region)}.html`;
}

/** The file of a hub's page (hub ids are already file-safe: `^[a-z0-9][a-z0-9-]{1,63}$`). */
export function hubFile(hubId: string): string {
  return `hub-${hubId}.html`;
}

/** What the evidence page is filtered to: a year, a region (by its lines), a hub's reports, the reports behind a figure. */
export interface EvidenceFilter {
  readonly year?: number;
  readonly region?: string;
  readonly hub?: string;
  /** The scope instance whose figures the reports fed (see `site/figures/evidence.ts`). */
  readonly behind?: string;
}

/** The link to the evidence page, filtered as given, jumping to the year's reports. */
export function evidenceHref(evidence: EvidenceFilter): string {
  const query = new URLSearchParams();
  if (evidence.year !== undefined) query.set("year", String(evidence.year));
  if (evidence.region !== undefined) query.set("region", evidence.region);
  if (evidence.hub !== undefined) query.set("hub", evidence.hub);
  if (evidence.behind !== undefined) query.set("behind", evidence.behind);
  const search = query.toString();
  return `evidence.html${search ? `?${search}` : ""}${evidence.year !== undefined ? `#year-${evidence.year}` : ""}`;
}

/** The link to one report's row on the evidence page. */
export function reportHref(reportId: string): string {
  return `evidence.html#report-${reportId}`;
}

/** The countries page. */
export const COUNTRIES_FILE = "countries.html";

/** The files a chart is published as. */
export interface ChartFiles {
  /** Its Vega-Lite spec. */
  readonly specPath: string;
  /** Its data table as CSV. */
  readonly csvPath: string;
  /** Its compiled Vega spec, which the browser draws (charts that follow the page's filters); published with its content's hash before `.vg.json`. */
  readonly vegaPath: string;
  /** Its values, title and descriptions, which the browser loads (charts that follow the page's filters); published with its content's hash before `.json`. */
  readonly valuesPath: string;
}

/** The files of the chart named `name`. */
export function chartFiles(name: string): ChartFiles {
  return {
    specPath: `specs/${name}.vl.json`,
    csvPath: `data/charts/${name}.csv`,
    vegaPath: `specs/${name}.vg.json`,
    valuesPath: `data/charts/${name}.json`,
  };
}
