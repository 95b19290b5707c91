/**
 * Small builders for the reporting tests: a fixture hub registry and exchange rates, CSV files made of a
 * good default row with the cells a test overrides, and a `check` that returns each problem as the
 * uploader reads it (`row N, column C: sentence`).
 */
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import type { ReportKind } from "../../../functions/core/reporting/kinds.js";
import { describeProblem } from "../../../functions/core/reporting/problems.js";
import {
  type HubRecord,
  type ReferenceState,
  type ValidatedReport,
  type ValidationResult,
  validateReport,
} from "../../../functions/core/reporting/validate.js";

const hub = (
  hubId: string,
  kind: HubRecord["kind"],
  country: string,
  activeFrom: number,
  activeTo: number | null = null,
): [string, HubRecord] => [hubId, { hubId, name: `Hub ${hubId}`, kind, country, activeFrom, activeTo }];

/** The registry the tests run against: the global fund, regional hubs, and one hub that has closed. */
export const HUBS: ReadonlyMap<string, HubRecord> = new Map([
  hub("global-fund", "global", "US", 2020),
  hub("wm-ng", "regional", "NG", 2020),
  hub("wm-de", "regional", "DE", 2024),
  hub("wm-na", "regional", "NA", 2022),
  hub("wm-old", "thematic", "FR", 2018, 2022),
]);

/** Exchange rates, US dollars per unit by currency and year. */
export type RateTable = Readonly<Record<string, Readonly<Record<number, number>>>>;

/** Exchange rates exist for EUR and NGN in 2024 and 2025 only. */
export const RATES: RateTable = {
  EUR: { 2024: 1.0824, 2025: 1.08 },
  NGN: { 2024: 0.00068, 2025: 0.00065 },
};

/** The reference state of a lake with this registry (or none) and these rates. */
export function referenceWith(
  hubs: ReadonlyMap<string, HubRecord> | undefined,
  rates: RateTable,
): ReferenceState {
  const byCurrency = new Map(
    Object.entries(rates).map(([currency, byYear]) => [
      currency,
      new Map(Object.entries(byYear).map(([year, rate]) => [Number(year), rate])),
    ]),
  );
  return {
    hubs,
    hasRate: (currency, year) => byCurrency.get(currency)?.has(year) ?? false,
    ratesOf: (currency) => byCurrency.get(currency) ?? new Map(),
    financialYears: [],
  };
}

export const REFERENCE: ReferenceState = referenceWith(HUBS, RATES);

/** The state of a fresh lake: no registry, no rates. */
export const EMPTY_REFERENCE: ReferenceState = referenceWith(undefined, {});

/** When the tests' files are ingested, unless a test says otherwise: the upload year is 2026. */
export const NOW = new Date("2026-06-15T12:00:00Z");

export type Cells = Readonly<Record<string, string>>;

export const FINANCIAL_HEADER = [
  "hub_id",
  "period",
  "flow",
  "category",
  "amount",
  "currency",
  "country",
  "counterparty_id",
  "underrepresented_focus",
  "description",
] as const;

/** A valid expense line of wm-ng for 2025. */
export const FINANCIAL_ROW: Cells = {
  hub_id: "wm-ng",
  period: "2025",
  flow: "expense",
  category: "programs",
  amount: "100.00",
  currency: "NGN",
  country: "NG",
  counterparty_id: "",
  underrepresented_focus: "",
  description: "",
};

export const IMPACT_HEADER = [
  "hub_id",
  "period",
  "team_id",
  "country",
  "metric",
  "value",
  "language",
] as const;

/** A valid impact row of wm-ng for 2025. */
export const IMPACT_ROW: Cells = {
  hub_id: "wm-ng",
  period: "2025",
  team_id: "",
  country: "NG",
  metric: "participants",
  value: "10",
  language: "",
};

export const HUBS_HEADER = ["hub_id", "name", "kind", "country", "active_from", "active_to"] as const;

export const HUBS_ROW: Cells = {
  hub_id: "wm-gh",
  name: "Wikimedia Ghana",
  kind: "regional",
  country: "GH",
  active_from: "2024",
  active_to: "",
};

export const FX_HEADER = ["currency", "year", "usd_per_unit"] as const;

export const FX_ROW: Cells = { currency: "EUR", year: "2025", usd_per_unit: "1.08" };

/** Quotes a cell the way a spreadsheet export does, when it holds the delimiter, a quote or a line break. */
function quoteCell(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Joins rows of cells into CSV text (LF line ends, comma unless told otherwise). */
export function csvText(rows: readonly (readonly string[])[], delimiter = ","): string {
  return `${rows.map((cells) => cells.map((cell) => quoteCell(cell, delimiter)).join(delimiter)).join("\n")}\n`;
}

/** A file of `header` whose data rows are `base` with each row's overrides (row 2 is the first data row). */
function fileOf(header: readonly string[], base: Cells, rows: readonly Cells[]): string {
  return csvText([header, ...rows.map((row) => header.map((column) => row[column] ?? base[column] ?? ""))]);
}

export const financialCsv = (...rows: Cells[]) => fileOf(FINANCIAL_HEADER, FINANCIAL_ROW, rows);
export const impactCsv = (...rows: Cells[]) => fileOf(IMPACT_HEADER, IMPACT_ROW, rows);
export const hubsCsv = (...rows: Cells[]) => fileOf(HUBS_HEADER, HUBS_ROW, rows);
export const fxCsv = (...rows: Cells[]) => fileOf(FX_HEADER, FX_ROW, rows);

export interface CheckOptions {
  readonly uploader?: string;
  readonly kind?: ReportKind;
  readonly reference?: ReferenceState;
  /** @default NOW */
  readonly now?: Date;
  readonly maxBytes?: number;
  readonly maxProblems?: number;
}

/** Validates CSV text (or raw bytes); the uploader defaults to wm-ng. */
export function validate(
  content: string | Uint8Array,
  options: CheckOptions = {},
): ValidationResult<ValidatedReport> {
  return validateReport({
    bytes: typeof content === "string" ? new TextEncoder().encode(content) : content,
    uploader: options.uploader ?? "wm-ng",
    kind: options.kind,
    countries: bundledCountryTable(),
    reference: options.reference ?? REFERENCE,
    now: options.now ?? NOW,
    maxBytes: options.maxBytes,
    maxProblems: options.maxProblems,
  });
}

/** Every problem of a file, as the uploader reads it. */
export function check(content: string | Uint8Array, options: CheckOptions = {}): string[] {
  return validate(content, options).problems.map(describeProblem);
}

/** Validates a file that must be accepted and returns its typed report. */
export function accept(content: string | Uint8Array, options: CheckOptions = {}) {
  const result = validate(content, options);
  if (result.errorCount > 0 || !result.report)
    throw new Error(`expected the file to be accepted:\n${result.problems.map(describeProblem).join("\n")}`);
  return result.report;
}
