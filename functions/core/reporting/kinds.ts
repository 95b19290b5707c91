/** The four kinds of file the reporting standard defines. */
export type ReportKind = "financial" | "impact" | "hubs" | "fx_rates";

export const REPORT_KINDS: readonly ReportKind[] = ["financial", "impact", "hubs", "fx_rates"];

/** Hub reports carry one hub's figures for one period; reference data is the Global Council's. */
export const HUB_REPORT_KINDS: readonly ReportKind[] = ["financial", "impact"];
export const REFERENCE_KINDS: readonly ReportKind[] = ["hubs", "fx_rates"];

/**
 * Every kind of upload the lake keeps: the reporting standard's four, and the Global Council's redistribution
 * scenarios (JSON documents, recognised by their content; see functions/core/scenarios/).
 */
export type UploadKind = ReportKind | "scenario";

export function isUploadKind(value: string): value is UploadKind {
  return value === "scenario" || isReportKind(value);
}

/** The identity of the Global Council, the only uploader of reference data. */
export const COUNCIL = "council";

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

export function isHubReportKind(kind: UploadKind): boolean {
  return (HUB_REPORT_KINDS as readonly UploadKind[]).includes(kind);
}

/** Columns of each kind, as the reporting standard lists them; `required` columns must be in the header. */
export const COLUMNS: Readonly<
  Record<ReportKind, { required: readonly string[]; optional: readonly string[] }>
> = {
  financial: {
    required: ["hub_id", "period", "flow", "category", "amount", "currency", "country"],
    optional: ["counterparty_id", "underrepresented_focus", "description"],
  },
  impact: {
    required: ["hub_id", "period", "country", "metric", "value"],
    optional: ["team_id", "language"],
  },
  hubs: {
    required: ["hub_id", "name", "kind", "country", "active_from"],
    optional: ["active_to"],
  },
  fx_rates: {
    required: ["currency", "year", "usd_per_unit"],
    optional: [],
  },
};

export const FLOWS = ["revenue", "expense", "grant"] as const;
export type Flow = (typeof FLOWS)[number];

export const CATEGORIES_BY_FLOW: Readonly<Record<Flow, readonly string[]>> = {
  revenue: [
    "online_fundraising",
    "local_fundraising",
    "earned_income",
    "external_grant",
    "movement_allocation",
  ],
  expense: ["programs", "staff", "operations", "fundraising", "governance"],
  grant: ["team_grant", "individual_grant", "hub_allocation"],
};

export const HUB_KINDS = ["regional", "thematic", "linguistic", "global"] as const;
export type HubKind = (typeof HUB_KINDS)[number];

/** Impact metrics known to frameworks 2026.1 and 2026.2 (the same metrics): flows are summed over a year's periods. */
export const FLOW_METRICS = [
  "participants",
  "new_participants",
  "content_created",
  "content_improved",
  "participants_women",
  "participants_men",
  "participants_nonbinary",
  "participants_gender_undisclosed",
] as const;

/** Stocks: a year takes the value of its latest reported period, never a sum over quarters. */
export const STOCK_METRICS = [
  "active_editors",
  "board_members",
  "board_women",
  "board_global_south",
] as const;

const HUB_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** An uploader is a hub_id or the Global Council. */
export function isValidUploader(value: string): boolean {
  return value === COUNCIL || HUB_ID.test(value);
}
