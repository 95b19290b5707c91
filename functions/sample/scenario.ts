import type { ReportKind } from "../core/reporting/kinds.js";

/** A report a hub did not send; `yearIndex` counts from the first sample year, `quarter` only for quarterly hubs. */
export interface ReportingGap {
  readonly hub: string;
  readonly kinds: readonly ReportKind[];
  readonly yearIndex: number;
  readonly quarter?: number;
}

const GAPS: readonly ReportingGap[] = [
  { hub: "ukraine", kinds: ["financial", "impact"], yearIndex: 1, quarter: 2 },
  { hub: "indonesia", kinds: ["financial"], yearIndex: 2, quarter: 4 },
  { hub: "levant", kinds: ["impact"], yearIndex: 2 },
  { hub: "andes", kinds: ["financial"], yearIndex: 0 },
  { hub: "ghana", kinds: ["financial"], yearIndex: 2 },
];

/** The events that make the sample's story: partial reporting, file formats, a correction, a duplicate. */
export const SCENARIO = {
  gaps: GAPS,
  /** Hubs whose financial files are spreadsheet exports (`;`, CRLF). */
  spreadsheetFinancial: new Set(["france-benelux", "andes"]) as ReadonlySet<string>,
  /** One impact file exported from a spreadsheet. */
  spreadsheetImpact: { hub: "dach", yearIndex: 0 },
  /** The one file written with a UTF-8 byte order mark. */
  bom: { hub: "southern-africa", kind: "financial" as const, yearIndex: 1 },
  /** A hub whose impact files list the columns in another order. */
  reorderedImpactColumns: "east-asia",
  /** A hub whose financial ledger export has no description column. */
  noDescriptions: "philippines",
  /** A financial report uploaded with a mistake, then corrected. */
  correction: { hub: "nigeria", yearIndex: 1, quarter: 2 },
  /** A report uploaded twice, byte for byte. */
  duplicate: { hub: "nepal", kind: "financial" as const, yearIndex: 1 },
  /**
   * A hub whose financial report books only part of the global fund's allocation for a year (the last
   * instalment arrived after its books closed): the reconciliation shows a gap.
   */
  allocationShortfall: { hub: "east-africa", yearIndex: 1, bookedShare: 0.75 },
  /** A hub whose financial report for a year leaves out the allocation it received: shown as not reported. */
  unreportedAllocation: { hub: "sahel", yearIndex: 2 },
  /** A first small activity in a country where the movement had no hub yet. */
  pilot: { hub: "gender-equity", country: "US", where: "the United States", yearIndex: 0 },
} as const;
