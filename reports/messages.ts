import type { Direction, Scope, Unit } from "../functions/core/framework/framework.js";

/**
 * Every string the published site shows that does not come from the framework or the data.
 * Texts are plain (never HTML): pages escape them like any other input. A new language is a new
 * object of this type added to {@link CATALOGUES}; the framework's own titles and definitions
 * are published as the framework file states them.
 */
export interface Messages {
  /** BCP 47 tag for `<html lang>`. */
  readonly lang: string;
  /** Locale for `Intl` number formatting. */
  readonly numberLocale: string;
  /** Locale for `Intl` date formatting. */
  readonly dateLocale: string;

  readonly siteTitle: string;
  readonly siteTagline: string;
  readonly skipToContent: string;
  readonly navLabel: string;
  readonly navOverview: string;
  readonly navFramework: string;
  pageTitle(page: string): string;

  footerFramework(version: string): string;
  footerGenerated: string;
  footerData: string;
  footerNoScript: string;

  readonly overviewHeading: string;
  overviewLede(year: number, version: string): string;
  readonly overviewEmpty: string;
  overviewLensLink(lens: string): string;
  disclosureNote(k: number): string;
  headlineChange(trend: "up" | "down", magnitude: string, previousYear: number): string;
  headlineUnchanged(previousYear: number): string;
  headlineNoPrevious(previousYear: number): string;
  percentagePoints(magnitude: string): string;
  readonly regionOnly: string;

  readonly lensContents: string;
  readonly indicatorNoRows: string;
  readonly fieldUnit: string;
  readonly fieldDirection: string;
  readonly fieldScopes: string;
  readonly fieldIdentifier: string;
  readonly fieldLens: string;
  readonly fieldDefinition: string;
  readonly fieldFormula: string;
  readonly fieldTarget: string;
  readonly fieldDisclosure: string;
  readonly specLink: string;
  readonly frameworkLink: string;
  tableCaption(title: string): string;
  readonly tableScopeColumn: string;
  readonly tableGroupRegions: string;
  readonly tableGroupHubs: string;
  readonly tableGroupCountries: string;
  noteSuppressed(k: number): string;
  readonly noteNoValue: string;
  readonly noteNoData: string;

  readonly suppressed: string;
  readonly noValue: string;
  readonly noData: string;

  chartMovementTitle(firstYear: number, lastYear: number): string;
  chartByRegionTitle(year: number): string;
  chartRegionsOverTimeTitle(firstYear: number, lastYear: number): string;
  chartSuppressed(k: number, items: readonly string[]): string;
  chartNoValue(items: readonly string[]): string;
  chartMissingFrom(year: number, items: readonly string[]): string;
  describeMovementChart(indicator: string, points: readonly string[]): string;
  describeByRegionChart(indicator: string, year: number, points: readonly string[]): string;
  describeRegionsOverTimeChart(indicator: string, series: readonly string[]): string;
  describePoint(label: string, value: string): string;
  describeSeries(region: string, points: readonly string[]): string;
  readonly describeTail: string;

  readonly frameworkHeading: string;
  frameworkLede(version: string): string;
  readonly frameworkVersion: string;
  readonly frameworkDisclosureHeading: string;
  frameworkK(k: number): string;
  readonly frameworkLensesHeading: string;
  readonly frameworkDataHeading: string;
  readonly frameworkDataText: string;
  readonly noTarget: string;
  target(comparison: ">=" | "<=", value: string): string;
  readonly disclosureParticipants: string;
  readonly disclosureNone: string;

  readonly units: Readonly<Record<Unit, string>>;
  readonly directions: Readonly<Record<Direction, string>>;
  readonly scopes: Readonly<Record<Scope, string>>;
}

const list = (items: readonly string[]) => items.join(", ");

/** The English catalogue. */
export const en: Messages = {
  lang: "en",
  numberLocale: "en-US",
  dateLocale: "en-GB",

  siteTitle: "Equity Observatory",
  siteTagline: "How the movement's resources are shared, governed and used",
  skipToContent: "Skip to content",
  navLabel: "Site",
  navOverview: "Overview",
  navFramework: "Framework",
  pageTitle: (page) => `${page} · Equity Observatory`,

  footerFramework: (version) => `Evaluation framework ${version}`,
  footerGenerated: "Generated",
  footerData: "All published figures (JSON)",
  footerNoScript: "This site works without JavaScript; every chart is followed by its data table.",

  overviewHeading: "Movement at a glance",
  overviewLede: (year, version) =>
    `Headline figures for the whole movement in ${year}, computed with evaluation framework ${version}, and how they changed from the year before.`,
  overviewEmpty: "No figures have been published yet.",
  overviewLensLink: (lens) => `All ${lens} indicators`,
  disclosureNote: (k) =>
    `To protect participants, outcome figures for a region with fewer than ${k} participants are suppressed, and nothing is published for a country on the protection list.`,
  headlineChange: (trend, magnitude, previousYear) => `${trend} ${magnitude} from ${previousYear}`,
  headlineUnchanged: (previousYear) => `unchanged from ${previousYear}`,
  headlineNoPrevious: (previousYear) => `no figure for ${previousYear} to compare`,
  percentagePoints: (magnitude) => `${magnitude} pp`,
  regionOnly: "Published by region only",

  lensContents: "Indicators in this lens",
  indicatorNoRows: "No figures have been published for this indicator yet.",
  fieldUnit: "Unit",
  fieldDirection: "Reading",
  fieldScopes: "Published for",
  fieldIdentifier: "Identifier",
  fieldLens: "Lens",
  fieldDefinition: "Definition",
  fieldFormula: "Formula",
  fieldTarget: "Target",
  fieldDisclosure: "Disclosure",
  specLink: "Chart specification (Vega-Lite JSON)",
  frameworkLink: "How the indicators are defined",
  tableCaption: (title) => `${title}: figures by year`,
  tableScopeColumn: "Scope",
  tableGroupRegions: "Regions",
  tableGroupHubs: "Hubs",
  tableGroupCountries: "Countries",
  noteSuppressed: (k) => `suppressed: fewer than ${k} participants, so the figure is withheld.`,
  noteNoValue: "no value: the denominator was zero, so the figure is undefined.",
  noteNoData: "no data: no figure was computed for that year.",

  suppressed: "suppressed",
  noValue: "no value",
  noData: "no data",

  chartMovementTitle: (first, last) => (first === last ? `Movement, ${first}` : `Movement, ${first}–${last}`),
  chartByRegionTitle: (year) => `By region, ${year}`,
  chartRegionsOverTimeTitle: (first, last) =>
    first === last ? `By region, ${first}` : `By region, ${first}–${last}`,
  chartSuppressed: (k, items) => `Suppressed (fewer than ${k} participants): ${list(items)}`,
  chartNoValue: (items) => `No value (denominator was zero): ${list(items)}`,
  chartMissingFrom: (year, items) => `No data for ${year}: ${list(items)}`,
  describeMovementChart: (indicator, points) =>
    `${indicator} for the whole movement, by year: ${points.join("; ")}.`,
  describeByRegionChart: (indicator, year, points) =>
    `${indicator} by region in ${year}: ${points.join("; ")}.`,
  describeRegionsOverTimeChart: (indicator, series) => `${indicator} by region and year. ${series.join(" ")}`,
  describePoint: (label, value) => `${label}: ${value}`,
  describeSeries: (region, points) => `${region}, ${points.join("; ")}.`,
  describeTail: "The data table below gives every figure.",

  frameworkHeading: "The evaluation framework",
  frameworkLede: (version) =>
    `Every figure on this site is computed with evaluation framework ${version}. This page publishes each indicator's definition, formula and disclosure rule, so that anyone can check how a figure was reached.`,
  frameworkVersion: "Framework version",
  frameworkDisclosureHeading: "Disclosure rule",
  frameworkK: (k) => `In this publication, k = ${k}.`,
  frameworkLensesHeading: "Lenses and indicators",
  frameworkDataHeading: "Data",
  frameworkDataText: "Every published figure, one row per indicator, year and scope:",
  noTarget: "no target set",
  target: (comparison, value) => (comparison === ">=" ? `at least ${value}` : `at most ${value}`),
  disclosureParticipants: "Suppressed at region scope when fewer than k people took part",
  disclosureNone: "Published in full",

  units: {
    usd: "US dollars",
    usd_per_editor: "US dollars per active editor",
    share: "Share (percent)",
    index: "Index",
    count: "Count",
    per_1k_usd: "Per 1,000 US dollars",
    nats: "Nats (Shannon entropy)",
  },
  directions: {
    higher_is_better: "Higher is better",
    lower_is_better: "Lower is better",
    context: "Context: neither higher nor lower is better",
  },
  scopes: {
    movement: "Movement",
    region: "Region",
    hub: "Hub",
    country: "Country",
  },
};

/** The catalogues the site can be published in. */
export const CATALOGUES = { en } as const satisfies Record<string, Messages>;

/** A language the site can be published in. */
export type Language = keyof typeof CATALOGUES;

/** The catalogue for a language. */
export function messagesFor(language: Language = "en"): Messages {
  return CATALOGUES[language];
}
