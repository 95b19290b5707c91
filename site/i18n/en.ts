import type { Messages } from "./catalogue.js";
import { andList, orList } from "./lists.js";
import { plural } from "./plural.js";

const list = (items: readonly string[]) => items.join(", ");

/** The English catalogue. */
export const en: Messages = {
  lang: "en",
  numberLocale: "en-US",
  dateLocale: "en-GB",

  dir: "ltr",
  languageName: "English",
  languageNav: "Language",
  colon: ": ",

  navRegions: "Regions",
  navHubs: "Hubs",
  navEvidence: "Evidence",
  navMain: "Pages",

  filtersLegend: "Show",
  filterYear: "Year",
  filterRegion: "Highlight region",
  filterAllRegions: "All regions",
  filterHub: "Hub",
  filterAllHubs: "All hubs",
  filterAllYears: "All years",
  filterShareHint: "The address of this page keeps your choice, so you can share it.",

  downloadCsv: "Data (CSV)",
  evidenceLink: "Reports behind these figures",
  showTable: "Data table",

  columnYear: "Year",
  columnNote: "Note",
  columnRegion: "Region",
  columnPart: "Part",
  columnSeries: "Series",
  columnDirection: "Direction",
  columnHub: "Hub",
  columnAllocated: "Allocated by the global fund",
  columnReceived: "Reported received by the hub",
  columnGap: "Difference (received − allocated)",
  columnState: "Status",
  columnFinancial: "Financial",
  columnImpact: "Impact",
  columnIndicator: "Indicator",
  columnScope: "Scope",
  columnKind: "Kind",
  columnPeriod: "Period",
  columnUploaded: "Uploaded (UTC)",
  columnRows: "Rows",
  columnSha: "SHA-256",
  columnVersions: "Earlier versions",
  columnRegionsFed: "Regions fed",
  columnMovement: "Movement",

  chartSuppressedReason: (k) => `Suppressed: fewer than ${k} participants in the region that year`,
  chartLorenzTitle: (year, gini) =>
    gini === null
      ? `Funding per editor across countries, ${year}`
      : `Funding per editor across countries, ${year}: Gini ${gini}`,
  describeLorenz: (year, bottomHalf, topTenth, title) =>
    `${title}. In ${year}, the half of editors in the least-funded countries received ${bottomHalf} of deployed funds; the tenth in the best-funded countries received ${topTenth}. The dashed line is equal funding per editor.`,
  axisEditorShare: "Share of active editors (countries from least to most funded per editor)",
  axisFundingShare: "Share of deployed funds",
  lorenzCaption: "Lorenz curve of funding per editor, at every 5% of editors",
  theilBetween: "Between regions",
  theilWithin: "Within regions",
  chartTheilTitle: (first, last) =>
    first === last ? `Theil index by part, ${first}` : `Theil index by part, ${first}–${last}`,
  describeTheil: (years) =>
    `Theil index of funding per editor, split into the part between regions and the part within them. ${years.join(" ")}`,
  describeTheilYear: (year, total, between, within) =>
    `${year}: ${total} in all, ${between} between regions and ${within} within them.`,
  seriesRaised: "Raised",
  seriesDeployed: "Deployed",
  chartRaisedDeployedTitle: (year) => `Raised and deployed by region, ${year}`,
  describeRaisedDeployed: (year, regions) =>
    `Money raised in and deployed in each region in ${year}. ${regions.join(" ")}`,
  describeRaisedDeployedRegion: (label, raised, deployed) =>
    `${label}: raised ${raised}, deployed ${deployed}.`,
  netReceives: "Receives more than it raises",
  netGives: "Raises more than it receives",
  axisNetTransfer: "Net transfer (deployed − raised)",
  netTransferNote: "Right of zero: the region receives more than it raises; left: it gives",
  chartNetTransferTitle: (year) => `Net transfers by region, ${year}`,
  describeNetTransfer: (year, points) =>
    `Net transfer of each region in ${year}, deployed minus raised: ${points.join("; ")}.`,
  allocationStates: {
    matched: "matched",
    gap: "gap",
    "not-reported": "not reported by the hub",
    "not-allocated": "no allocation recorded",
  },
  chartReconciliationTitle: (year) => `Global fund allocations against hub receipts, ${year}`,
  describeReconciliation: (year, hubs, flagged) =>
    flagged.length === 0
      ? `In ${year}, what all ${hubs} hubs report receiving matches the global fund's allocations.`
      : `In ${year}, ${flagged.length} of ${hubs} hubs do not match the global fund's allocations: ${flagged.join("; ")}.`,
  reconciliationNote:
    "A gap is a difference of more than 1% (and at least 1 US dollar) between the two reports",
  axisAllocationGap: "Received minus allocated",
  reconciliationCaption: "Global fund allocations and hub receipts, by year and hub",
  reconciliationHeading: "Reconciliation of global fund allocations",
  reconciliationLede:
    "What the global fund reports allocating to each hub, against what the hub reports having received. Differences are flagged, not judged: a late report, an exchange rate or an error can explain them.",
  reportingStates: { complete: "complete", partial: "partial", missing: "missing" },
  chartReportingGridTitle: (first, last) =>
    first === last ? `Reporting by hub, ${first}` : `Reporting by hub, ${first}–${last}`,
  describeReportingYear: (year, counts) =>
    `${year}: ${counts.map(([label, count]) => `${count} ${label}`).join(", ")}.`,
  describeReportingGrid: (years, lastYear, notComplete) =>
    `Whether each active hub reported its finances and impact in full. ${years.join(" ")}${
      notComplete.length > 0 ? ` Not complete in ${lastYear}: ${notComplete.join("; ")}.` : ""
    }`,
  reportingGridNote:
    "✓ complete: an annual report or all four quarters, for finances and impact; ◐ partial; ✗ missing",
  chartRegionMoneyTitle: (first, last) =>
    first === last ? `Raised and deployed, ${first}` : `Raised and deployed, ${first}–${last}`,
  describeRegionMoney: (region, years) =>
    `Money raised in and deployed in ${region}, by year. ${years.join(" ")}`,
  chartRegionSharesTitle: (year) => `Shares against the movement, ${year}`,
  describeRegionShares: (region, year, items) =>
    `${region} against the whole movement in ${year}: ${items.join("; ")}.`,
  describeVersus: (indicator, region, movement) => `${indicator} ${region} (movement ${movement})`,

  summaryMovementBars: "Each bar is the whole movement's figure for a year; bars start at zero.",
  summaryMovementLine:
    "The line joins the whole movement's figure year by year, on an axis that starts at zero.",
  summaryMovementShareLine:
    "The line joins the whole movement's share year by year, on an axis from 0 to 100%.",
  summaryByRegion:
    "Each bar is a region's figure in the year shown, largest first, from zero; the dashed line is the whole movement.",
  summaryByRegionAmount:
    "Each bar is a region's figure in the year shown, largest first, from zero; together they make the movement's total.",
  summaryRegionsOverTime:
    "One panel per region, all on the same scale from zero: the region's figure year by year.",
  summaryRegionsOverTimeShare:
    "One panel per region, all on the same scale from 0 to 100%: the region's share year by year.",
  chartRegionsOverTimeMovement: "The dashed line in each panel is the whole movement.",
  summaryLorenz:
    "The curve adds up the share of deployed funds against the share of active editors, countries from least to most funded per editor. The dashed diagonal is equal funding per editor: the further the curve sags below it, the more unequal the funding.",
  summaryTheil:
    "Each bar is a year's Theil index, split into the part between regions and the part within them; bars start at zero.",
  summaryRaisedDeployed:
    "For each region in the year shown, the money raised there beside the money deployed there; bars start at zero.",
  summaryNetTransfer:
    "For each region in the year shown, money deployed minus money raised, largest first: bars right of zero receive more than they raise, bars left of it raise more than they receive.",
  summaryReconciliation:
    "Each point is a hub in the year shown: what it reports receiving minus what the global fund allocated to it. Points on the zero line match.",
  summaryReportingGrid:
    "One row per hub and one column per year: whether the hub reported its finances and impact in full that year.",
  summaryRegionMoney:
    "The money raised in the region beside the money deployed there, year by year; bars start at zero.",
  summaryRegionShares:
    "Each row is a share, on a scale from 0 to 100%: the region (circle) beside the whole movement (diamond).",
  chartTargetNote: (target) => `Dashed line: the target, ${target}`,
  chartNarrowRange: (low, high, first, last) =>
    `From ${first} to ${last} the figure stays between ${low} and ${high}; the axis starts at zero, so a change this small hardly shows`,
  chartNarrowRangeRegions: (low, high) =>
    `Every figure lies between ${low} and ${high}; the axes start at zero, so differences this small hardly show`,

  headlineStatement: (indicator, value, year) => {
    switch (indicator) {
      case "deployed_usd":
        return `The movement deployed ${value} in ${year}`;
      case "deployed_per_editor_usd":
        return `${value} was deployed per active editor in ${year}`;
      case "global_south_share":
        return `${value} of deployed funds reached the Global South in ${year}`;
      case "funding_gini":
        return `Funding per editor across countries had a Gini of ${value} in ${year}`;
      case "funding_theil":
        return `The Theil index of funding per editor was ${value} in ${year}`;
      case "underrepresented_grant_share":
        return `${value} of grant money went to underrepresented communities in ${year}`;
      case "local_revenue_share":
        return `Hubs raised ${value} of their revenue themselves in ${year}`;
      case "board_global_south_share":
        return `${value} of hub board members were from the Global South in ${year}`;
      case "board_women_share":
        return `${value} of hub board members were women in ${year}`;
      case "participants":
        return `${value} people took part in ${year}`;
      case "newcomer_share":
        return `${value} of participants were newcomers in ${year}`;
      case "gender_diverse_share":
        return `${value} of participants who gave their gender were women or non-binary in ${year}`;
      case "content_per_1k_usd":
        return `${value} pieces of content were created per 1,000 US dollars deployed in ${year}`;
      case "raised_usd":
        return `The movement raised ${value} in ${year}`;
      case "redistribution_intensity":
        return `${value} of deployed funds were redistributed between regions in ${year}`;
      case "reporting_rate":
        return `${value} of active hubs reported in full for ${year}`;
      default:
        return null;
    }
  },
  headlineGeneric: (title, value, year) => `${title}: ${value} in ${year}`,
  comparedWith: (trend, previous, previousYear) =>
    trend === "unchanged"
      ? `, unchanged from ${previousYear}`
      : `, ${trend} from ${previous} in ${previousYear}`,
  targetMet: "target met",
  targetMissed: "target not met",
  targetLabel: (target) => `Target: ${target}`,
  headlineCurrent: "Latest figure",

  regionsHeading: "Regions",
  regionsLede:
    "Every region side by side on every region indicator, with the whole movement as the reference. Each region's page shows its figures over the years, its hubs and the reports behind them.",
  regionLede: (region, year) =>
    year === null
      ? `No figures have been published for ${region} yet.`
      : `Figures for ${region}, latest year ${year}, beside the whole movement.`,
  regionFiguresHeading: "Every indicator for this region",
  regionHubsHeading: "Hubs seated in this region",
  regionNoHubs: "No hub is seated in this region.",
  regionEvidenceHeading: "Reports behind this region's figures",
  regionFiguresCaption: (region) =>
    `${region}: every region indicator by year, with the movement's latest figure`,
  hubsHeading: "Hubs",
  hubsLede: "Every hub of the current registry: how it reports, and what the global fund allocated to it.",
  hubLede: (kind, region) => (region === null ? `A ${kind} hub.` : `A ${kind} hub seated in ${region}.`),
  hubKinds: { regional: "regional", thematic: "thematic", linguistic: "linguistic", global: "global fund" },
  hubSeat: "Seat",
  hubSeatWithheld: "withheld (protected country)",
  hubRegion: "Region",
  hubActive: "Active",
  hubActiveYears: (from, to) => (to === null ? `since ${from}` : `${from}–${to}`),
  hubReportingHeading: "Reporting by year",
  hubAllocationsHeading: "Global fund allocations and receipts",
  hubNoAllocations: "No allocation to or receipt by this hub has been reported.",
  hubReportsHeading: "Reports",
  hubNoReports: "This hub has no accepted reports.",
  hubRegionContext: "Figures for the region of the hub's seat",
  evidenceHeading: "Evidence",
  evidenceLede:
    "Every accepted report the figures are computed from: who uploaded it and when, its size and its SHA-256, so that anyone holding the file can check it is the one used. Earlier versions that a newer upload superseded are listed with the report that replaced them.",
  evidenceYearHeading: (year) => `Reports for ${year}`,
  evidenceReferenceHeading: "Reference data",
  evidenceReferenceLede: "The hub registry and exchange rates that the Global Council maintains.",
  evidenceNone: "No reports match.",
  statusCurrent: "current",
  statusSuperseded: "superseded",
  supersededBy: (reportId) => `superseded by ${reportId}`,
  earlierVersions: (count) =>
    plural(count, "en", { one: `${count} earlier version`, other: `${count} earlier versions` }),
  reportsCount: (count) =>
    plural(count, "en", { one: `${count} report: show the list`, other: `${count} reports: show the list` }),
  reportKinds: { financial: "financial", impact: "impact", hubs: "hub registry", fx_rates: "exchange rates" },
  frameworkChangesHeading: "What changed",
  frameworkChangesLede: (from, to) => `Changes from framework ${from} to ${to}.`,
  frameworkAdded: "added",
  frameworkRemoved: "removed",
  frameworkChanged: (fields) => `changed: ${andList(fields, "en")}`,
  frameworkFieldNames: {
    lens: "lens",
    title: "title",
    definition: "definition",
    formula: "formula",
    unit: "unit",
    direction: "reading",
    target: "target",
    scopes: "scopes",
    region_by: "how regions count",
    disclosure: "disclosure",
  },
  frameworkUnchanged: "No indicator changed.",
  frameworkOnlyVersion: "This is the first published version of the framework.",
  printedFrom: "Printed from",

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
  disclosureNote: (k, scopes) =>
    `To protect participants, outcome figures for ${orList(
      scopes.map((scope) => `a ${scope}`),
      "en",
    )} with fewer than ${k} participants are suppressed, and nothing is published for a country on the protection list${scopes.includes("hub") ? " or for a hub seated in one" : ""}.`,
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
  chartByRegionMovementTitle: (year, movement) => `By region, ${year} (movement: ${movement})`,
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
  disclosureNone: "Published in full",

  changeReadings: { better: "better", worse: "worse" },
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

  // Pages, evidence per figure and targets (issue #11).
  navCountries: "Countries",
  withheldReasons: {
    "protected-country": "withheld (protected country)",
    "protected-seat": "withheld (hub seated in a protected country)",
  },
  noteWithheld:
    "withheld: nothing is published for a country on the protection list, nor for a hub seated in one, because its figures would be that country's.",
  noteFigureLinks: "Each figure links to the reports it was computed from.",
  notAtScope: "not published at this scope",
  targetGap: (position, gap) =>
    position === "on" ? "exactly on the target" : `${gap} ${position} the target`,
  targetAt: (target, scopes) =>
    `${target}, for the ${andList(
      scopes.map((scope) => scope.toLowerCase()),
      "en",
    )}`,
  targetOfMovement: (target) => `(target for the movement: ${target})`,
  disclosureParticipantsAt: (scopes) =>
    `Suppressed at ${andList(
      scopes.map((scope) => scope.toLowerCase()),
      "en",
    )} scope when fewer than k people took part`,
  regionBases: {
    lines: "Region (by the countries of the lines)",
    seat: "Region (by the hubs' seats)",
  },
  regionBasisShort: { lines: "by the countries of the lines", seat: "by the hubs' seats" },
  regionBasisNote: {
    lines: "A region's figure counts the money and activity reported in its countries, by any hub.",
    seat: "A region's figure counts the hubs seated in the region, wherever their lines are; hubs seated in a protected country are left out.",
  },
  eachHubSummary: (count) =>
    plural(count, "en", { one: "The figure of 1 hub", other: `The figures of each of ${count} hubs` }),
  eachCountrySummary: (count) =>
    plural(count, "en", {
      one: "The figure of 1 country",
      other: `The figures of each of ${count} countries`,
    }),
  tableCaptionHubs: (title) => `${title}: each hub, by year`,
  tableCaptionCountries: (title) => `${title}: each country, by year`,
  protectedCountriesNote:
    "Countries on the protection list are not shown: nothing is published for them. The countries page lists them.",
  columnReportId: "Report",
  columnReports: "Reports",
  columnCountry: "Country",
  columnThisHub: "This hub",
  columnSeatRegion: (region) => `Region of its seat: ${region}`,
  fundReportLabel: "global fund",
  hubReportLabel: "hub",
  noReport: "no report",
  hubFiguresHeading: "This hub's figures",
  hubFiguresCaption: (hub) => `${hub}: every hub indicator by year, beside its region and the whole movement`,
  hubFiguresWithheld:
    "This hub's figures are withheld: it is seated in a country on the protection list, and its figures would be that country's. Its reports still count in the movement's figures, and in the figures of the regions and countries where its money and activity were.",
  hubNoFigures: "No figures have been published for this hub yet.",
  hubAllocationsWithheld:
    "Withheld: what the global fund allocated to this hub, and what it received, would be its country's figures.",
  hubNoReportingStatus: "This hub was not active in any year with reports.",
  countriesHeading: "Countries",
  countriesLede:
    "Every country with published figures: funds deployed per active editor, funds deployed and raised, the net transfer (deployed minus raised) and participants. Sort the table by any column.",
  countriesProtectedNote:
    "Countries on the protection list are listed as withheld, with no figure: nothing is published about them.",
  countriesCaption: (year) => `Countries in ${year}`,
  countriesYearHeading: (year) => `Countries in ${year}`,
  countriesNone: "No country figures have been published yet.",
  regionsComparisonHeading: (year) => `Every region side by side, ${year}`,
  regionsComparisonCaption: (year) =>
    `Every region indicator in ${year}, the whole movement first as the reference`,
  filterBehind: "Behind the figures of",
  filterAllFigures: "All figures",
  frameworkVersions: "Published versions",
  frameworkSuppressionScopes: (scopes) =>
    `Outcome figures are suppressed below k at these scopes: ${andList(
      scopes.map((scope) => scope.toLowerCase()),
      "en",
    )}. The movement figure is never suppressed.`,
  frameworkTargetsHeading: "Targets",
  frameworkTargetsLede:
    "The thresholds the Global Council set, and whether the movement met them in the latest year.",
  frameworkFieldChangesHeading: "Indicators whose definition changed",
  frameworkEarlierHeading: "Earlier versions",
  frameworkEarlierVersion: (version) => `Evaluation framework ${version}`,
  frameworkVersionIndicators: (version) => `The indicators of framework ${version}`,
  changeConcerns: "Concerns",
  changeConcernsFramework: "the framework as a whole",
};
