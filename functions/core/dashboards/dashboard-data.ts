import type { QueryEngine, ResultRow } from "../../ports/query-engine.js";
import { QUERIES_DIR } from "../framework/framework.js";
import { readQuery } from "../indicators/compute.js";

/** How much of a year's reporting a hub sent: an annual report or all four quarters, some quarters, or nothing. */
export type ReportingState = "complete" | "partial" | "missing";

/**
 * A hub that is not `global`, active in `year` (active_from ≤ year ≤ active_to or no active_to), over the years
 * of current reports (same population as reporting_rate).
 */
export interface ReportingStatusRow {
  readonly year: number;
  readonly hub_id: string;
  readonly financial: ReportingState;
  readonly impact: ReportingState;
  /** complete when both complete, missing when both missing, else partial */
  readonly status: ReportingState;
}

/**
 * Global fund allocations (current financial reports of hubs of kind `global`: flow grant, category
 * hub_allocation, counterparty_id = the hub) against what the hub reports receiving (its revenue lines of
 * category movement_allocation), in USD at the year's rate; one row per (year, hub) with either side present.
 */
export interface AllocationRow {
  readonly year: number;
  readonly hub_id: string;
  readonly allocated_usd: number;
  readonly received_usd: number;
  readonly allocated_lines: number;
  readonly received_lines: number;
  /** received − allocated */
  readonly gap_usd: number;
  /**
   * "matched" | "gap" (|gap| > max(1 USD, 1% of the larger side), compared to the cent) | "not-reported"
   * (allocated, hub reports no receipt lines) | "not-allocated" (hub reports receipt, no allocation lines)
   */
  readonly state: AllocationState;
}

/** How a hub's reported receipt compares with the global fund's allocation to it (see {@link AllocationRow}). */
export type AllocationState = "matched" | "gap" | "not-reported" | "not-allocated";

/**
 * One point of the funding Lorenz curve, resampled at editor shares 0, 0.05, …, 1 (21 points per year) by
 * linear interpolation between the country vertices, so no country's own point is published.
 */
export interface LorenzPoint {
  readonly year: number;
  readonly editor_share: number;
  readonly funding_share: number;
}

/**
 * A vertex of the exact funding Lorenz curve: the cumulative editor and funding shares after one more country
 * (countries with E_c > 0 by D_c / E_c ascending). Internal: it locates a country, so it is never published.
 */
export interface LorenzVertex {
  readonly year: number;
  readonly editor_share: number;
  readonly funding_share: number;
}

/**
 * How a report feeds a scope instance's figures: the whole movement; a region through the countries of its
 * lines (`lines`) or through the seat of its hub (`seat`); its hub; a country through its lines.
 */
export type ContributionBasis = "movement" | "lines" | "seat" | "hub" | "country";

/**
 * The current reports behind the figures of one scope instance in a year: each has at least one financial or
 * impact line that counts in the instance, by `basis`. Never a protected country, nor a hub seated in one (hub
 * or seat).
 */
export interface ReportContribution {
  readonly year: number;
  readonly basis: ContributionBasis;
  readonly scope: "movement" | "region" | "hub" | "country";
  /** `movement`, the region's name, the hub_id or the country's ISO code. */
  readonly scope_id: string;
  /** The reports' ids, each once, in code-unit order; never empty. */
  readonly report_ids: readonly string[];
}

/** The kinds of hub the registry knows. */
export type HubKind = "regional" | "thematic" | "linguistic" | "global";

/** The current hub registry, with the region of the seat country (from the country table). */
export interface HubEntry {
  readonly hub_id: string;
  readonly name: string;
  readonly kind: HubKind;
  readonly country: string;
  readonly region: string | null;
  readonly active_from: number;
  readonly active_to: number | null;
}

/** The datasets the dashboards draw besides the indicator rows, published as `dashboard.json`. */
export interface DashboardData {
  readonly framework_version: string;
  readonly hubs: readonly HubEntry[];
  readonly reporting_status: readonly ReportingStatusRow[];
  readonly allocations: readonly AllocationRow[];
  readonly lorenz: readonly LorenzPoint[];
  readonly contributions: readonly ReportContribution[];
  /** The years for which each currency has an exchange rate (never the rate), as validation needs them. */
  readonly exchange_rate_years: readonly ExchangeRateYear[];
}

/** A currency and a year for which the lake holds its exchange rate. */
export interface ExchangeRateYear {
  readonly currency: string;
  readonly year: number;
}

/** The query of each dataset, relative to `queries/`. Each reads the stages of `queries/stages/`. */
export const DASHBOARD_QUERIES = {
  hubs: "dashboards/hubs.sql",
  reporting_status: "dashboards/reporting_status.sql",
  allocations: "dashboards/allocations.sql",
  lorenz_vertices: "dashboards/lorenz_vertices.sql",
  contributions: "dashboards/contributions.sql",
  exchange_rate_years: "dashboards/exchange_rate_years.sql",
} as const;

/** The editor shares the Lorenz curve is published at: 0, 0.05, …, 1. */
export const LORENZ_EDITOR_SHARES: readonly number[] = Array.from({ length: 21 }, (_, k) => k / 20);

const REPORTING_STATES: readonly ReportingState[] = ["complete", "partial", "missing"];
const ALLOCATION_STATES: readonly AllocationState[] = ["matched", "gap", "not-reported", "not-allocated"];
const HUB_KINDS: readonly HubKind[] = ["regional", "thematic", "linguistic", "global"];
const CONTRIBUTION_BASES: readonly ContributionBasis[] = ["movement", "lines", "seat", "hub", "country"];
/** The scope each basis counts in. */
export const SCOPE_OF_BASIS: Readonly<Record<ContributionBasis, ReportContribution["scope"]>> = {
  movement: "movement",
  lines: "region",
  seat: "region",
  hub: "hub",
  country: "country",
};

/** What {@link computeDashboardData} needs besides the engine. */
export interface DashboardOptions {
  /** The framework version the data is published with (the indicators' `framework_version`). */
  readonly frameworkVersion: string;
  /** @default the project's `queries/` */
  readonly queriesDir?: string;
}

/**
 * Computes the dashboard datasets with the same engine and SQL as the indicators. The queries read the stages
 * of `queries/stages/`, which this function does not define: call it after `computeIndicators` on the same
 * engine (which stages them once), never on a fresh one. On Athena the engine carries those stages into each
 * query as common table expressions, as it does for the indicators. Rows come in a stable order: by year, then
 * hub_id, basis and scope id (then report_id) or editor share.
 */
export async function computeDashboardData(
  engine: QueryEngine,
  options: DashboardOptions,
): Promise<DashboardData> {
  const queriesDir = options.queriesDir ?? QUERIES_DIR;
  const run = async (name: keyof typeof DASHBOARD_QUERIES) =>
    (await engine.query(readQuery(DASHBOARD_QUERIES[name], queriesDir))).map((row) => new Cells(name, row));

  const hubs = (await run("hubs")).map(
    (row): HubEntry => ({
      hub_id: row.text("hub_id"),
      name: row.text("name"),
      kind: row.oneOf("kind", HUB_KINDS),
      country: row.text("country"),
      region: row.nullable("region", () => row.text("region")),
      active_from: row.whole("active_from"),
      active_to: row.nullable("active_to", () => row.whole("active_to")),
    }),
  );
  const reportingStatus = (await run("reporting_status")).map(
    (row): ReportingStatusRow => ({
      year: row.whole("year"),
      hub_id: row.text("hub_id"),
      financial: row.oneOf("financial", REPORTING_STATES),
      impact: row.oneOf("impact", REPORTING_STATES),
      status: row.oneOf("status", REPORTING_STATES),
    }),
  );
  const allocations = (await run("allocations")).map(
    (row): AllocationRow => ({
      year: row.whole("year"),
      hub_id: row.text("hub_id"),
      allocated_usd: row.number("allocated_usd"),
      received_usd: row.number("received_usd"),
      allocated_lines: row.whole("allocated_lines"),
      received_lines: row.whole("received_lines"),
      gap_usd: row.number("gap_usd"),
      state: row.oneOf("state", ALLOCATION_STATES),
    }),
  );
  const lorenz = resampleLorenz(await lorenzVertices(engine, queriesDir));
  const contributions = (await run("contributions")).map((row): ReportContribution => {
    const basis = row.oneOf("basis", CONTRIBUTION_BASES);
    return {
      year: row.whole("year"),
      basis,
      scope: row.oneOf("scope", [SCOPE_OF_BASIS[basis]]),
      scope_id: row.text("scope_id"),
      report_ids: row.ids("report_ids"),
    };
  });
  const exchangeRateYears = (await run("exchange_rate_years")).map(
    (row): ExchangeRateYear => ({ currency: row.text("currency"), year: row.whole("year") }),
  );
  return {
    framework_version: options.frameworkVersion,
    hubs: hubs.sort(by((h) => [h.hub_id])),
    reporting_status: reportingStatus.sort(by((r) => [r.year, r.hub_id])),
    allocations: allocations.sort(by((r) => [r.year, r.hub_id])),
    lorenz,
    contributions: contributions.sort(by((c) => [c.year, c.basis, c.scope_id])),
    exchange_rate_years: exchangeRateYears.sort(by((r) => [r.currency, r.year])),
  };
}

/**
 * The exact vertices of the funding Lorenz curve, per year in which anything was deployed, in curve order. Like
 * {@link computeDashboardData}, it reads the stages that `computeIndicators` defined on the engine.
 */
export async function lorenzVertices(engine: QueryEngine, queriesDir = QUERIES_DIR): Promise<LorenzVertex[]> {
  const rows = await engine.query(readQuery(DASHBOARD_QUERIES.lorenz_vertices, queriesDir));
  return rows
    .map((result) => {
      const row = new Cells("lorenz_vertices", result);
      return {
        year: row.whole("year"),
        vertex: row.whole("vertex"),
        editor_share: row.number("editor_share"),
        funding_share: row.number("funding_share"),
      };
    })
    .sort(by((v) => [v.year, v.vertex]))
    .map(({ year, editor_share, funding_share }) => ({ year, editor_share, funding_share }));
}

/**
 * Resamples each year's Lorenz curve at {@link LORENZ_EDITOR_SHARES} by linear interpolation along the polyline
 * from (0, 0) through the vertices. The vertices of a year are scaled so that the curve ends at (1, 1) exactly
 * (running sums may miss it by a rounding); a year without vertices gets no points. Pure.
 */
export function resampleLorenz(vertices: readonly LorenzVertex[]): LorenzPoint[] {
  const byYear = new Map<number, LorenzVertex[]>();
  for (const vertex of vertices) {
    const year = byYear.get(vertex.year) ?? [];
    year.push(vertex);
    byYear.set(vertex.year, year);
  }
  const points: LorenzPoint[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const curve = (byYear.get(year) as LorenzVertex[]).sort(by((v) => [v.editor_share, v.funding_share]));
    const last = curve.at(-1) as LorenzVertex;
    if (!(last.editor_share > 0 && last.funding_share > 0))
      throw new Error(`the Lorenz curve of ${year} does not rise above 0`);
    const xs = [0, ...curve.map((v) => v.editor_share / last.editor_share)];
    const ys = [0, ...curve.map((v) => v.funding_share / last.funding_share)];
    let segment = 1;
    for (const share of LORENZ_EDITOR_SHARES) {
      while (segment < xs.length - 1 && (xs[segment] as number) < share) segment++;
      const [x0, x1, y0, y1] = [xs[segment - 1], xs[segment], ys[segment - 1], ys[segment]] as [
        number,
        number,
        number,
        number,
      ];
      const funding = share >= x1 ? y1 : share <= x0 ? y0 : y0 + ((y1 - y0) * (share - x0)) / (x1 - x0);
      points.push({ year, editor_share: share, funding_share: Math.min(1, Math.max(0, funding)) });
    }
  }
  return points;
}

/** `dashboard.json`: compact JSON, one dataset per key. */
export function dashboardToJson(data: DashboardData): string {
  return `${JSON.stringify(data)}\n`;
}

/** Reads `dashboard.json` back, checking its shape; a file that is not a dashboard file is an error, not a guess. */
export function readDashboardData(text: string): DashboardData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error("not a dashboard file: it is not JSON");
  }
  if (!isRecord(parsed)) throw new Error("not a dashboard file: it is not a JSON object");
  if (typeof parsed.framework_version !== "string" || parsed.framework_version === "")
    throw new Error("not a dashboard file: framework_version must be a non-empty string");
  for (const [dataset, fields] of Object.entries(DATASET_FIELDS)) {
    const rows = parsed[dataset];
    if (!Array.isArray(rows)) throw new Error(`not a dashboard file: ${dataset} must be a list`);
    rows.forEach((row: unknown, index) => {
      if (!isRecord(row)) throw new Error(`not a dashboard file: ${dataset}[${index}] is not an object`);
      for (const [field, [check, expected]] of Object.entries(fields))
        if (!check(row[field]))
          throw new Error(`not a dashboard file: ${dataset}[${index}].${field} must be ${expected}`);
    });
  }
  return parsed as unknown as DashboardData;
}

type FieldCheck = readonly [check: (value: unknown) => boolean, expected: string];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text: FieldCheck = [(v) => typeof v === "string", "a string"];
const whole: FieldCheck = [(v) => Number.isInteger(v), "a whole number"];
const finite: FieldCheck = [(v) => typeof v === "number" && Number.isFinite(v), "a number"];
const share: FieldCheck = [(v) => typeof v === "number" && v >= 0 && v <= 1, "a number from 0 to 1"];
const orNull = ([check, expected]: FieldCheck): FieldCheck => [
  (v) => v === null || check(v),
  `${expected} or null`,
];
const ids: FieldCheck = [isIdList, "a non-empty list of distinct strings in order"];
const among = (values: readonly string[]): FieldCheck => [
  (v) => typeof v === "string" && values.includes(v),
  `one of ${values.join(", ")}`,
];

const DATASET_FIELDS: Readonly<
  Record<Exclude<keyof DashboardData, "framework_version">, Record<string, FieldCheck>>
> = {
  hubs: {
    hub_id: text,
    name: text,
    kind: among(HUB_KINDS),
    country: text,
    region: orNull(text),
    active_from: whole,
    active_to: orNull(whole),
  },
  reporting_status: {
    year: whole,
    hub_id: text,
    financial: among(REPORTING_STATES),
    impact: among(REPORTING_STATES),
    status: among(REPORTING_STATES),
  },
  allocations: {
    year: whole,
    hub_id: text,
    allocated_usd: finite,
    received_usd: finite,
    allocated_lines: whole,
    received_lines: whole,
    gap_usd: finite,
    state: among(ALLOCATION_STATES),
  },
  lorenz: { year: whole, editor_share: share, funding_share: share },
  contributions: {
    year: whole,
    basis: among(CONTRIBUTION_BASES),
    scope: among(["movement", "region", "hub", "country"]),
    scope_id: text,
    report_ids: ids,
  },
  exchange_rate_years: { currency: text, year: whole },
};

/** One result row of a dashboard query, read column by column; a value of the wrong type is an error. */
class Cells {
  constructor(
    private readonly query: string,
    private readonly row: ResultRow,
  ) {}

  text(column: string): string {
    const value = this.row[column];
    if (typeof value !== "string") throw this.unexpected(column, "a string");
    return value;
  }

  number(column: string): number {
    const value = this.row[column];
    const parsed = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof parsed !== "number" || !Number.isFinite(parsed)) throw this.unexpected(column, "a number");
    return parsed;
  }

  whole(column: string): number {
    const value = this.number(column);
    if (!Number.isInteger(value)) throw this.unexpected(column, "a whole number");
    return value;
  }

  /** A list of ids, each once, in code-unit order (as `array_agg(… ORDER BY …)` of distinct ids gives it). */
  ids(column: string): string[] {
    const value = this.row[column];
    if (!isIdList(value)) throw this.unexpected(column, "a non-empty list of distinct strings in order");
    return [...value];
  }

  oneOf<T extends string>(column: string, values: readonly T[]): T {
    const value = this.row[column];
    if (!values.includes(value as T)) throw this.unexpected(column, `one of ${values.join(", ")}`);
    return value as T;
  }

  nullable<T>(column: string, read: () => T): T | null {
    return this.row[column] === null || this.row[column] === undefined ? null : read();
  }

  private unexpected(column: string, expected: string): Error {
    return new Error(
      `queries/${DASHBOARD_QUERIES[this.query as keyof typeof DASHBOARD_QUERIES] ?? this.query} returned ${column} = ${JSON.stringify(this.row[column])}, not ${expected}`,
    );
  }
}

/** A non-empty list of non-empty strings, strictly ascending by code unit: each id once, in a stable order. */
function isIdList(value: unknown): value is readonly string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((id, i) => typeof id === "string" && id !== "" && (i === 0 || (value[i - 1] as string) < id))
  );
}

/** A comparator over sort keys, compared in order: numbers numerically, strings by code unit. */
function by<T>(keys: (item: T) => readonly (string | number)[]): (a: T, b: T) => number {
  return (a, b) => {
    const [left, right] = [keys(a), keys(b)];
    for (let i = 0; i < left.length; i++) {
      const [x, y] = [left[i] as string | number, right[i] as string | number];
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}
