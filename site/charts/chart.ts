import type { TopLevelSpec } from "vega-lite";
import type {
  AllocationRow,
  DashboardData,
  HubEntry,
  LorenzPoint,
  ReportingStatusRow,
} from "../../functions/core/dashboards/dashboard-data.js";
import type { IndicatorDefinition } from "../../functions/core/framework/framework.js";
import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import type { Messages, TextKey } from "../i18n/catalogue.js";
import { baseSpec, REGION_PARAMETER, titleByYear, titleWith, yearParameters } from "./spec-parts.js";
import type { DataTable } from "./table.js";

/** A series of a chart that draws several indicators: the indicator, and the catalogue entry that names it. */
export interface Series {
  readonly indicator: string;
  readonly label: TextKey;
}

/**
 * What each kind of chart needs to know besides the data, by kind. `indicator` is the indicator
 * whose section of its lens page shows the chart (null: a chart of the dashboard data, or of a
 * region's page).
 */
interface ChartParameters {
  /** The movement's figure of an indicator over the years. */
  readonly movement: { readonly indicator: string };
  /** Each region's figure of an indicator in one year. */
  readonly "by-region": { readonly indicator: string };
  /** Each region's figure of an indicator over the years. */
  readonly "regions-over-time": { readonly indicator: string };
  /** The Lorenz curve of funding per editor; `indicator` is the Gini named in its title. */
  readonly lorenz: { readonly indicator: string };
  /** An index (`indicator`) as the sum of its parts, between and within regions. */
  readonly theil: { readonly indicator: string; readonly parts: readonly [Series, Series] };
  /** Two amounts of each region side by side: raised, then deployed. */
  readonly "raised-deployed": { readonly indicator: string; readonly series: readonly [Series, Series] };
  /** A signed amount of each region, as bars either side of zero. */
  readonly "net-transfer": { readonly indicator: string };
  /** The global fund's allocations against the hubs' receipts. */
  readonly reconciliation: { readonly indicator: null };
  /** Each hub's reporting in each year; `indicator` is the reporting rate it explains. */
  readonly "reporting-grid": { readonly indicator: string };
  /** One region's two amounts over the years: raised, then deployed. */
  readonly "region-money": {
    readonly indicator: null;
    readonly region: string;
    readonly series: readonly [Series, Series];
  };
  /** One region's shares beside the movement's. */
  readonly "region-shares": { readonly indicator: null; readonly region: string };
}

/** The kinds of chart the site draws. */
export type ChartKind = keyof ChartParameters;

/**
 * A chart as data: its name, its kind and what it draws. The kind's module (`site/charts/<kind>-chart.ts`)
 * works the chart out from the published figures.
 */
export type ChartDefinition<K extends ChartKind = ChartKind> = K extends ChartKind
  ? {
      readonly kind: K;
      /** Unique within a site and safe as a file name, e.g. `<indicator>.<kind>`. */
      readonly name: string;
      /** The name of a standard chart this one replaces on its page (it shows the same figures better). */
      readonly replaces?: string;
    } & ChartParameters[K]
  : never;

/** A filter of the page that a chart follows in the browser; both are kept in the page's URL. */
export type ChartFilter = "year" | "region";

/** Where the reports behind a chart's figures are listed. */
export interface EvidenceLink {
  readonly year?: number;
  readonly region?: string;
  /** The one scope instance all of the chart's figures belong to, when they all belong to one. */
  readonly behind?: string;
}

/** One chart: its Vega-Lite spec, its table, and the text that stands in for it where it cannot be seen. */
export interface Chart {
  /** Unique within a site and safe as a file name, e.g. `<indicator>.<kind>`. */
  readonly name: string;
  /** The indicator the chart belongs to, or null for a chart of the dashboard data. */
  readonly indicator: string | null;
  readonly kind: ChartKind;
  readonly title: string;
  /** What the chart shows, in a sentence or two shown beside it: its marks, its scale, any range too narrow to see. */
  readonly summary: string;
  /** A sentence or two that says what the chart shows, figure by figure, for screen readers. */
  readonly description: string;
  readonly spec: TopLevelSpec;
  readonly table: DataTable;
  /** The page filters the chart follows when scripts run (its spec declares a parameter of each name). */
  readonly filters: readonly ChartFilter[];
  /** For a chart that follows the year filter: the years it can show and its description in each. */
  readonly descriptions?: Readonly<Record<string, string>>;
  readonly evidence: EvidenceLink;
  /** The name of a standard chart this one replaces on its page (it shows the same figures better). */
  readonly replaces?: string;
}

/** What charts are drawn from: the published rows, the framework's indicators and the dashboard datasets. */
export interface ChartSources {
  readonly rows: readonly IndicatorRow[];
  readonly indicators: readonly IndicatorDefinition[];
  readonly lorenz: readonly LorenzPoint[];
  readonly allocations: readonly AllocationRow[];
  readonly reportingStatus: readonly ReportingStatusRow[];
  readonly hubs: readonly HubEntry[];
}

/** A kind of chart: works a chart out of its definition and the published figures; null when it would show nothing. */
export type ChartOf<K extends ChartKind> = (
  definition: ChartDefinition<K>,
  sources: ChartSources,
  options: ChartOptions,
) => Chart | null;

/** The sources of the charts from the published rows, the framework's indicators and the dashboard data. */
export function chartSources(
  rows: readonly IndicatorRow[],
  indicators: readonly IndicatorDefinition[],
  dashboard: DashboardData,
): ChartSources {
  return {
    rows,
    indicators,
    lorenz: dashboard.lorenz,
    allocations: dashboard.allocations,
    reportingStatus: dashboard.reporting_status,
    hubs: dashboard.hubs,
  };
}

/** What chart generation needs besides the data. */
export interface ChartOptions {
  /** The disclosure threshold, named in the notes on suppressed figures. */
  readonly k: number;
  /** The regions in the order the site lists them (the country table's). */
  readonly regions: readonly string[];
  readonly messages?: Messages;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a chart draws: its Vega-Lite spec but for what {@link buildChart} sets (schema, text, look, data, parameters). */
export type ChartView = DistributiveOmit<
  TopLevelSpec,
  "$schema" | "description" | "title" | "config" | "data" | "datasets" | "params"
>;

/** One layer of a layered chart view. */
export type ChartLayer = Extract<TopLevelSpec, { layer: unknown }>["layer"][number];

/** The text of a chart that shows one view: its title and its description. */
interface FixedText {
  readonly title: string;
  readonly description: string;
}

/** The text of a chart that follows the page's year filter, by year; it shows `year` first. */
interface TextByYear {
  readonly year: number;
  readonly titles: Readonly<Record<string, string>>;
  readonly descriptions: Readonly<Record<string, string>>;
}

/** What a chart kind works out; {@link buildChart} turns it into a chart. */
export interface ChartDraft {
  readonly definition: ChartDefinition;
  /** The language of the chart: its number formats (the spec's locale) come from its `numberLocale`. */
  readonly messages: Messages;
  readonly text: FixedText | TextByYear;
  /** What the chart shows, in sentences (see {@link Chart.summary}). */
  readonly summary: readonly string[];
  /** Notes shown under the title (suppressed figures, how to read the chart). */
  readonly notes?: readonly string[];
  /** The rows the chart draws. */
  readonly values: readonly object[];
  readonly table: DataTable;
  readonly evidence: EvidenceLink;
  /** Whether the region the reader picks stands out. */
  readonly followsRegion?: boolean;
  readonly view: ChartView;
}

/**
 * The one builder of charts: from what a kind worked out, the chart with what every chart has — its
 * title and notes, the sentence that says what it shows, its description, the shared look and the
 * number formats of its language, its data, the parameters of the page filters
 * it follows (the year when its text is by year, the region when it follows the region), its data
 * table and where its evidence is.
 */
export function buildChart(draft: ChartDraft): Chart {
  const { definition, text, notes = [] } = draft;
  const byYear = "year" in text ? text : null;
  const { title, description } =
    "year" in text
      ? {
          title: text.titles[String(text.year)] ?? "",
          description: text.descriptions[String(text.year)] ?? "",
        }
      : text;
  const params = [
    ...(byYear ? yearParameters(byYear.year, byYear.titles) : []),
    ...(draft.followsRegion ? [REGION_PARAMETER] : []),
  ];
  const spec = {
    ...baseSpec(
      {
        title: byYear ? titleByYear(notes) : titleWith(title, notes),
        description,
        locale: draft.messages.numberLocale,
      },
      draft.values,
    ),
    ...(params.length > 0 ? { params } : {}),
    ...draft.view,
  } as TopLevelSpec;
  const filters: ChartFilter[] = [
    ...(byYear ? (["year"] as const) : []),
    ...(draft.followsRegion ? (["region"] as const) : []),
  ];
  return {
    name: definition.name,
    indicator: definition.indicator,
    kind: definition.kind,
    title,
    summary: draft.summary
      .map((sentence) => (/[.!?。]$/.test(sentence) ? sentence : `${sentence}.`))
      .join(" "),
    description,
    spec,
    table: draft.table,
    filters,
    ...(byYear ? { descriptions: byYear.descriptions } : {}),
    evidence: draft.evidence,
    ...(definition.replaces !== undefined ? { replaces: definition.replaces } : {}),
  };
}

/** A text for each year, by year: the titles and descriptions of a chart that follows the year filter. */
export function perYear(years: readonly number[], text: (year: number) => string): Record<string, string> {
  return Object.fromEntries(years.map((year) => [String(year), text(year)]));
}

/** The description of a chart: its main sentence, its notes, and where the full figures are. */
export function describe(main: string, notes: readonly string[], messages: Messages): string {
  return [main, ...notes.map((note) => `${note}.`), messages.describeTail].join(" ");
}

/** The title read out for a chart: the indicator's title and the chart's (the Lorenz curve's title stands alone). */
export function chartLabel(
  chart: Chart,
  indicators: readonly IndicatorDefinition[],
  messages: Pick<Messages, "colon">,
): string {
  const indicator = chart.indicator ? indicators.find((i) => i.id === chart.indicator) : undefined;
  return indicator && chart.kind !== "lorenz"
    ? `${indicator.title}${messages.colon}${chart.title}`
    : chart.title;
}
