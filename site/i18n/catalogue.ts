import type { Direction, RegionBasis, Scope, Unit } from "../../functions/core/framework/framework.js";
import type { ComparedField } from "../../functions/core/framework/framework-diff.js";
import type { WithheldReason } from "../figures/cell.js";
import { ar } from "./ar.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";

/**
 * Every string the published site shows that does not come from the framework or the data.
 * Texts are plain (never HTML): pages escape them like any other input. A new language is a new
 * object of this type added to {@link CATALOGUES}, with the framework's texts translated beside it
 * (`framework/<lang>.json`, see `framework-translations.ts`) and the regions' names
 * (`region-names.json`). Numbers in texts are formatted by the caller with `Intl` (`format.ts`);
 * texts that depend on a count choose their form with `Intl.PluralRules` (`plural`).
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
  /** The disclosure rule in a sentence: suppression below k at `scopes`, nothing for protected countries. */
  disclosureNote(k: number, scopes: readonly Scope[]): string;
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
  /** The title of a chart of the regions in one year, with the movement's figure that year. */
  chartByRegionMovementTitle(year: number, movement: string): string;
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
  readonly disclosureNone: string;

  /** Text direction of the language. */
  readonly dir: "ltr" | "rtl";
  /** The language's own name, for the language switcher. */
  readonly languageName: string;
  readonly languageNav: string;
  /** What joins a label to what it labels in markup and captions: `: `, in French ` : ` (a no-break space before). */
  readonly colon: string;

  readonly navRegions: string;
  readonly navHubs: string;
  readonly navEvidence: string;
  readonly navMain: string;

  readonly filtersLegend: string;
  readonly filterYear: string;
  readonly filterRegion: string;
  readonly filterAllRegions: string;
  readonly filterHub: string;
  readonly filterAllHubs: string;
  readonly filterAllYears: string;
  readonly filterShareHint: string;

  readonly downloadCsv: string;
  readonly evidenceLink: string;
  readonly showTable: string;

  readonly columnYear: string;
  readonly columnNote: string;
  readonly columnRegion: string;
  readonly columnPart: string;
  readonly columnSeries: string;
  readonly columnDirection: string;
  readonly columnHub: string;
  readonly columnAllocated: string;
  readonly columnReceived: string;
  readonly columnGap: string;
  readonly columnState: string;
  readonly columnFinancial: string;
  readonly columnImpact: string;
  readonly columnIndicator: string;
  readonly columnScope: string;
  readonly columnKind: string;
  readonly columnPeriod: string;
  readonly columnUploaded: string;
  readonly columnRows: string;
  readonly columnSha: string;
  readonly columnVersions: string;
  readonly columnRegionsFed: string;
  readonly columnMovement: string;

  chartSuppressedReason(k: number): string;
  chartLorenzTitle(year: number, gini: string | null): string;
  describeLorenz(year: number, bottomHalf: string, topTenth: string, title: string): string;
  readonly axisEditorShare: string;
  readonly axisFundingShare: string;
  readonly lorenzCaption: string;
  readonly theilBetween: string;
  readonly theilWithin: string;
  chartTheilTitle(firstYear: number, lastYear: number): string;
  describeTheil(years: readonly string[]): string;
  describeTheilYear(year: number, total: string, between: string, within: string): string;
  readonly seriesRaised: string;
  readonly seriesDeployed: string;
  chartRaisedDeployedTitle(year: number): string;
  describeRaisedDeployed(year: number, regions: readonly string[]): string;
  describeRaisedDeployedRegion(label: string, raised: string, deployed: string): string;
  readonly netReceives: string;
  readonly netGives: string;
  readonly axisNetTransfer: string;
  readonly netTransferNote: string;
  chartNetTransferTitle(year: number): string;
  describeNetTransfer(year: number, points: readonly string[]): string;
  readonly allocationStates: Readonly<Record<"matched" | "gap" | "not-reported" | "not-allocated", string>>;
  chartReconciliationTitle(year: number): string;
  describeReconciliation(year: number, hubs: number, flagged: readonly string[]): string;
  readonly reconciliationNote: string;
  readonly axisAllocationGap: string;
  readonly reconciliationCaption: string;
  readonly reconciliationHeading: string;
  readonly reconciliationLede: string;
  readonly reportingStates: Readonly<Record<"complete" | "partial" | "missing", string>>;
  chartReportingGridTitle(firstYear: number, lastYear: number): string;
  describeReportingYear(year: number, counts: readonly (readonly [string, number])[]): string;
  describeReportingGrid(years: readonly string[], lastYear: number, notComplete: readonly string[]): string;
  readonly reportingGridNote: string;
  chartRegionMoneyTitle(firstYear: number, lastYear: number): string;
  describeRegionMoney(region: string, years: readonly string[]): string;
  chartRegionSharesTitle(year: number): string;
  describeRegionShares(region: string, year: number, items: readonly string[]): string;
  describeVersus(indicator: string, region: string, movement: string): string;

  /** What a chart shows, in a sentence under its title, by kind (and, for the movement, by shape). */
  readonly summaryMovementBars: string;
  readonly summaryMovementLine: string;
  readonly summaryMovementShareLine: string;
  readonly summaryByRegion: string;
  readonly summaryByRegionAmount: string;
  readonly summaryRegionsOverTime: string;
  readonly summaryRegionsOverTimeShare: string;
  readonly chartRegionsOverTimeMovement: string;
  readonly summaryLorenz: string;
  readonly summaryTheil: string;
  readonly summaryRaisedDeployed: string;
  readonly summaryNetTransfer: string;
  readonly summaryReconciliation: string;
  readonly summaryReportingGrid: string;
  readonly summaryRegionMoney: string;
  readonly summaryRegionShares: string;
  /** The dashed target line of a chart, with the target in words ("at least 50.0%"). */
  chartTargetNote(target: string): string;
  /** An index whose figures lie close together on an axis from zero: says so, with the range. */
  chartNarrowRange(low: string, high: string, firstYear: number, lastYear: number): string;
  chartNarrowRangeRegions(low: string, high: string): string;

  headlineStatement(indicator: string, value: string, year: number): string | null;
  headlineGeneric(title: string, value: string, year: number): string;
  comparedWith(trend: "up" | "down" | "unchanged", previous: string, previousYear: number): string;
  readonly targetMet: string;
  readonly targetMissed: string;
  targetLabel(target: string): string;
  readonly headlineCurrent: string;

  readonly regionsHeading: string;
  readonly regionsLede: string;
  regionLede(region: string, year: number | null): string;
  readonly regionFiguresHeading: string;
  readonly regionHubsHeading: string;
  readonly regionNoHubs: string;
  readonly regionEvidenceHeading: string;
  regionFiguresCaption(region: string): string;
  readonly hubsHeading: string;
  readonly hubsLede: string;
  hubLede(kind: string, region: string | null): string;
  readonly hubKinds: Readonly<Record<"regional" | "thematic" | "linguistic" | "global", string>>;
  readonly hubSeat: string;
  readonly hubSeatWithheld: string;
  readonly hubRegion: string;
  readonly hubActive: string;
  hubActiveYears(from: number, to: number | null): string;
  readonly hubReportingHeading: string;
  readonly hubAllocationsHeading: string;
  readonly hubNoAllocations: string;
  readonly hubReportsHeading: string;
  readonly hubNoReports: string;
  readonly hubRegionContext: string;
  readonly evidenceHeading: string;
  readonly evidenceLede: string;
  evidenceYearHeading(year: number): string;
  readonly evidenceReferenceHeading: string;
  readonly evidenceReferenceLede: string;
  readonly evidenceNone: string;
  readonly statusCurrent: string;
  readonly statusSuperseded: string;
  supersededBy(reportId: string): string;
  earlierVersions(count: number): string;
  reportsCount(count: number): string;
  readonly reportKinds: Readonly<Record<string, string>>;
  readonly frameworkChangesHeading: string;
  frameworkChangesLede(from: string, to: string): string;
  readonly frameworkAdded: string;
  readonly frameworkRemoved: string;
  /** An indicator whose fields changed between versions, the fields already named in words (`frameworkFieldNames`). */
  frameworkChanged(fields: readonly string[]): string;
  /** The fields of an indicator definition, in words, as a list of what changed names them. */
  readonly frameworkFieldNames: Readonly<Record<ComparedField, string>>;
  readonly frameworkUnchanged: string;
  readonly frameworkOnlyVersion: string;
  readonly printedFrom: string;

  /** How a change reads against the indicator's direction, shown after the change. */
  readonly changeReadings: Readonly<Record<"better" | "worse", string>>;
  readonly units: Readonly<Record<Unit, string>>;
  readonly directions: Readonly<Record<Direction, string>>;
  readonly scopes: Readonly<Record<Scope, string>>;

  // Pages, evidence per figure and targets (issue #11).
  readonly navCountries: string;
  /** A withheld cell: why nothing is published for the scope instance. */
  readonly withheldReasons: Readonly<Record<WithheldReason, string>>;
  readonly noteWithheld: string;
  readonly noteFigureLinks: string;
  /** A cell for a scope at which the indicator is not published. */
  readonly notAtScope: string;
  /** Where a figure lies against its target, with the distance already formatted. */
  targetGap(position: "above" | "below" | "on", gap: string): string;
  /** A target and the scopes it is set for. */
  targetAt(target: string, scopes: readonly string[]): string;
  targetOfMovement(target: string): string;
  disclosureParticipantsAt(scopes: readonly string[]): string;
  /** Region scope, named with how it counts. */
  readonly regionBases: Readonly<Record<RegionBasis, string>>;
  readonly regionBasisShort: Readonly<Record<RegionBasis, string>>;
  /** A sentence under a region table saying how the region's figures count. */
  readonly regionBasisNote: Readonly<Record<RegionBasis, string>>;
  eachHubSummary(count: number): string;
  eachCountrySummary(count: number): string;
  tableCaptionHubs(title: string): string;
  tableCaptionCountries(title: string): string;
  readonly protectedCountriesNote: string;
  readonly columnReportId: string;
  readonly columnReports: string;
  readonly columnCountry: string;
  readonly columnThisHub: string;
  columnSeatRegion(region: string): string;
  readonly fundReportLabel: string;
  readonly hubReportLabel: string;
  readonly noReport: string;
  readonly hubFiguresHeading: string;
  hubFiguresCaption(hub: string): string;
  readonly hubFiguresWithheld: string;
  readonly hubNoFigures: string;
  readonly hubAllocationsWithheld: string;
  readonly hubNoReportingStatus: string;
  readonly countriesHeading: string;
  readonly countriesLede: string;
  readonly countriesProtectedNote: string;
  countriesCaption(year: number): string;
  countriesYearHeading(year: number): string;
  readonly countriesNone: string;
  regionsComparisonHeading(year: number): string;
  regionsComparisonCaption(year: number): string;
  readonly filterBehind: string;
  readonly filterAllFigures: string;
  readonly frameworkVersions: string;
  frameworkSuppressionScopes(scopes: readonly string[]): string;
  readonly frameworkTargetsHeading: string;
  readonly frameworkTargetsLede: string;
  readonly frameworkFieldChangesHeading: string;
  readonly frameworkEarlierHeading: string;
  frameworkEarlierVersion(version: string): string;
  frameworkVersionIndicators(version: string): string;
  readonly changeConcerns: string;
  readonly changeConcernsFramework: string;
}

/** The catalogues the site can be published in. */
export const CATALOGUES = { en, es, fr, ar } as const satisfies Record<string, Messages>;

/** A language the site can be published in. */
export type Language = keyof typeof CATALOGUES;

/** The catalogue for a language. */
export function messagesFor(language: Language = "en"): Messages {
  return CATALOGUES[language];
}

/** The entries of {@link Messages} that are plain texts, for data that names a text (a chart's series). */
export type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
