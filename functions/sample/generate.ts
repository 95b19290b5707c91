import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bundledCountryTable } from "../core/reference/countries.js";
import { COLUMNS, COUNCIL } from "../core/reporting/kinds.js";
import { writeBadFiles } from "./bad-files.js";
import { CsvFileWriter, type CsvFormat, PLAIN_CSV, SPREADSHEET_EXPORT } from "./csv.js";
import {
  bookedAllocationShare,
  type FinancialReport,
  minimumFinancialLines,
  writeFinancialReport,
  yearlySpendUsd,
} from "./financial.js";
import { IMPACT_COLUMNS, type ImpactReport, writeImpactReport } from "./impact.js";
import { buildMovement, type Movement, type SampleHub } from "./movement.js";
import { SCENARIO } from "./scenario.js";

/** What to generate, and where. */
export interface SampleOptions {
  /** Folder the files are written under (created if missing; files of the same name are overwritten). */
  outDir: string;
  /** Seed of the pseudo-random generator; the same seed gives byte-identical files. Default 2026. */
  seed?: number;
  /** Reporting years, default [2023, 2024, 2025]. Hubs join in the second year and close after the one before last. */
  years?: readonly number[];
  /**
   * Approximate total of financial line items across all accepted reports (default 20,000, the demo's size).
   * The money stays the same whatever the volume: more lines means smaller line items.
   */
  financialLines?: number;
}

/** One upload of the sample, in the order the files must be ingested. */
export interface PlannedUpload {
  /** Path relative to `outDir` (an exact duplicate names the same file as the upload it repeats). */
  file: string;
  /** `council` for reference data, otherwise the hub's id. */
  uploader: string;
  kind: "financial" | "impact" | "hubs" | "fx_rates";
  expect: "accepted" | "rejected" | "duplicate";
  /** One plain sentence: what this file shows. */
  why: string;
}

/** What was generated. */
export interface SampleSummary {
  /** Every upload, in ingestion order (also written to `plan.json`). */
  uploads: PlannedUpload[];
  /** Hubs in the register, the global fund included. */
  hubs: number;
  /** Data lines of the accepted financial files (a superseded file and its correction both count). */
  financialLines: number;
  /** Data lines of the accepted impact files. */
  impactLines: number;
  /** Size of all CSV files written, in bytes (plan.json left out). */
  bytes: number;
}

export const DEFAULT_SAMPLE_SEED = 2026;
export const DEFAULT_SAMPLE_YEARS: readonly number[] = [2023, 2024, 2025];
export const DEFAULT_SAMPLE_FINANCIAL_LINES = 20_000;

/** Filler lines of one file stay under this (about 45 MB) unless the requested volume needs more. */
const MAX_FILLER_LINES_PER_FILE = 450_000;

/**
 * Writes the sample movement's report files under `outDir`: the Global Council's reference data
 * (`reference/`), the hubs' financial and impact reports (`reports/<hub>/`), files that must be rejected
 * (`bad/`), and `plan.json`, the uploads in the order they must be ingested. Deterministic for a seed.
 */
export async function generateSample(options: SampleOptions): Promise<SampleSummary> {
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  if (!Number.isSafeInteger(seed)) throw new Error(`sample: the seed must be an integer, not ${seed}`);
  const years = [...new Set(options.years ?? DEFAULT_SAMPLE_YEARS)].sort((a, b) => a - b);
  if (years.length === 0 || years.some((year) => !Number.isInteger(year) || year < 1900 || year > 2999)) {
    throw new Error(`sample: years must be a non-empty list of years, not ${JSON.stringify(options.years)}`);
  }
  const target = options.financialLines ?? DEFAULT_SAMPLE_FINANCIAL_LINES;
  if (!Number.isFinite(target) || target < 0) {
    throw new Error(`sample: financialLines must be a number >= 0, not ${target}`);
  }

  const movement = buildMovement(seed, years, bundledCountryTable());
  const tasks = planReports(movement);
  assignFillerLines(movement, tasks, Math.round(target));
  await mkdir(options.outDir, { recursive: true });

  const uploads: PlannedUpload[] = [];
  let bytes = 0;
  let financialLines = 0;
  let impactLines = 0;

  bytes += await writeHubRegister(options.outDir, movement);
  uploads.push({
    file: "reference/hubs.csv",
    uploader: COUNCIL,
    kind: "hubs",
    expect: "accepted",
    why: registerWhy(movement),
  });
  for (const year of years) {
    const file = `reference/fx_rates-${year}.csv`;
    bytes += await writeExchangeRates(join(options.outDir, file), movement, year);
    uploads.push({
      file,
      uploader: COUNCIL,
      kind: "fx_rates",
      expect: "accepted",
      why: `The Global Council's exchange rates for ${year}: US dollars per unit of each of the ${movement.currencies.length} currencies hubs report in.`,
    });
  }

  for (const task of tasks) {
    uploads.push(task.upload);
    if (task.upload.expect === "duplicate") continue;
    const path = join(options.outDir, task.upload.file);
    if (task.financial) {
      const written = await writeFinancialReport(path, movement, {
        ...task.financial,
        fillerLines: task.fillerLines,
      });
      bytes += written.bytes;
      financialLines += written.lines;
    } else if (task.impact) {
      const written = await writeImpactReport(path, movement, task.impact);
      bytes += written.bytes;
      impactLines += written.lines;
    }
  }

  for (const bad of await writeBadFiles(options.outDir, movement)) {
    bytes += bad.bytes;
    uploads.push({
      file: bad.file,
      uploader: bad.uploader,
      kind: bad.kind,
      expect: "rejected",
      why: bad.why,
    });
  }
  await writeFile(join(options.outDir, "plan.json"), `${JSON.stringify(uploads, null, 2)}\n`);
  return { uploads, hubs: movement.hubs.length, financialLines, impactLines, bytes };
}

interface ReportTask {
  readonly upload: PlannedUpload;
  /** When the report is sent: quarters in order, a year's annual reports after its fourth quarter. */
  readonly order: number;
  readonly rank: number;
  readonly financial?: Omit<FinancialReport, "fillerLines">;
  readonly impact?: ImpactReport;
  /** The task whose line items this one repeats (a correction repeats its original). */
  readonly repeats?: ReportTask;
  fillerLines: number;
}

/** One report a hub sends: which, when, and where its file goes. */
interface ReportSlot {
  readonly hub: SampleHub;
  readonly kind: "financial" | "impact";
  readonly year: number;
  readonly yearIndex: number;
  readonly quarter: number | null;
  readonly period: string;
  readonly file: string;
  readonly order: number;
  readonly rank: number;
}

function planReports(movement: Movement): ReportTask[] {
  const tasks: ReportTask[] = [];
  movement.hubs.forEach((hub, hubIndex) => {
    movement.years.forEach((year, yearIndex) => {
      if (!movement.isActive(hub, year)) return;
      for (const kind of ["financial", "impact"] as const) {
        const cadence = hub.isGlobal && kind === "impact" ? "annual" : hub.profile.cadence;
        for (const quarter of cadence === "annual" ? [null] : [1, 2, 3, 4]) {
          if (isGap(hub, kind, yearIndex, quarter)) continue;
          const period = quarter === null ? String(year) : `${year}-Q${quarter}`;
          const slot: ReportSlot = {
            hub,
            kind,
            year,
            yearIndex,
            quarter,
            period,
            file: `reports/${hub.id}/${kind}-${period}.csv`,
            order: year * 10 + (quarter === null ? 9 : quarter * 2),
            rank: hubIndex * 2 + (kind === "financial" ? 0 : 1),
          };
          if (kind === "impact") tasks.push(impactTask(movement, slot));
          else tasks.push(...financialTasks(movement, slot));
        }
      }
    });
  });
  return tasks.sort((a, b) => a.order - b.order || a.rank - b.rank);
}

function upload(slot: ReportSlot, why: string, expect: PlannedUpload["expect"] = "accepted"): PlannedUpload {
  return { file: slot.file, uploader: slot.hub.id, kind: slot.kind, expect, why };
}

function impactTask(movement: Movement, slot: ReportSlot): ReportTask {
  const { hub, year, quarter, period } = slot;
  const impact: ImpactReport = {
    hub,
    year,
    quarter,
    period,
    format: impactFormat(hub, slot.yearIndex),
    columns: hub.id === SCENARIO.reorderedImpactColumns ? REORDERED_IMPACT_COLUMNS : IMPACT_COLUMNS,
  };
  const why = sentence(slot, reportNotes(movement, slot));
  return { upload: upload(slot, why), order: slot.order, rank: slot.rank, impact, fillerLines: 0 };
}

function financialTasks(movement: Movement, slot: ReportSlot): ReportTask[] {
  const { hub, year, quarter, period } = slot;
  const clampedYear = (yearIndex: number) => movement.years[Math.min(yearIndex, movement.years.length - 1)];
  const { correction, duplicate } = SCENARIO;
  const corrected =
    hub.id === correction.hub &&
    year === clampedYear(correction.yearIndex) &&
    (quarter === null || quarter === correction.quarter);
  const financial: Omit<FinancialReport, "fillerLines"> = {
    hub,
    year,
    quarter,
    period,
    format: financialFormat(hub, year, bomYear(movement)),
    withDescriptions: hub.id !== SCENARIO.noDescriptions,
    ...(corrected ? { variant: "original" as const } : {}),
  };
  const report = `The ${hub.profile.name}'s ${kindName(slot)} report for ${period}`;
  const original: ReportTask = {
    upload: upload(
      slot,
      corrected
        ? `${report} as first uploaded, with a staff payment keyed ten times too high; the correction uploaded later supersedes it.`
        : sentence(slot, reportNotes(movement, slot)),
    ),
    order: slot.order,
    rank: slot.rank,
    financial,
    fillerLines: 0,
  };
  const tasks = [original];
  if (corrected) {
    tasks.push({
      upload: upload(
        { ...slot, file: `reports/${hub.id}/financial-${period}-corrected.csv` },
        `The ${hub.profile.name}'s corrected ${kindName(slot)} report for ${period} (staff payment fixed, a forgotten bank-charges line added): it supersedes the first upload.`,
      ),
      order: slot.order + 1.5,
      rank: slot.rank,
      financial: { ...financial, variant: "corrected" },
      repeats: original,
      fillerLines: 0,
    });
  }
  if (hub.id === duplicate.hub && year === clampedYear(duplicate.yearIndex)) {
    tasks.push({
      upload: upload(
        slot,
        `${report} uploaded a second time, byte for byte: a duplicate, not a new version.`,
        "duplicate",
      ),
      order: slot.order + 0.5,
      rank: slot.rank,
      fillerLines: 0,
    });
  }
  return tasks;
}

const REORDERED_IMPACT_COLUMNS = [
  "period",
  "hub_id",
  "country",
  "metric",
  "value",
  "language",
  "team_id",
] as const satisfies readonly (typeof IMPACT_COLUMNS)[number][];

function isGap(
  hub: SampleHub,
  kind: "financial" | "impact",
  yearIndex: number,
  quarter: number | null,
): boolean {
  return SCENARIO.gaps.some(
    (gap) =>
      gap.hub === hub.id &&
      gap.kinds.includes(kind) &&
      gap.yearIndex === yearIndex &&
      (gap.quarter === undefined || quarter === null || gap.quarter === quarter),
  );
}

function financialFormat(hub: SampleHub, year: number, bomYear: number | undefined): CsvFormat {
  if (SCENARIO.spreadsheetFinancial.has(hub.id)) return SPREADSHEET_EXPORT;
  if (hub.id === SCENARIO.bom.hub && year === bomYear) return { ...PLAIN_CSV, bom: true };
  return PLAIN_CSV;
}

function bomYear(movement: Movement): number | undefined {
  return movement.years[Math.min(SCENARIO.bom.yearIndex, movement.years.length - 1)];
}

function impactFormat(hub: SampleHub, yearIndex: number): CsvFormat {
  const spreadsheet = SCENARIO.spreadsheetImpact;
  return hub.id === spreadsheet.hub && yearIndex === spreadsheet.yearIndex ? SPREADSHEET_EXPORT : PLAIN_CSV;
}

function kindName(slot: ReportSlot): string {
  return `${slot.quarter === null ? "annual" : "quarterly"} ${slot.kind}`;
}

function sentence(slot: ReportSlot, notes: readonly string[]): string {
  const base = `The ${slot.hub.profile.name}'s ${kindName(slot)} report for ${slot.period}`;
  return notes.length === 0 ? `${base}.` : `${base}, ${notes.join(", ")}.`;
}

function reportNotes(movement: Movement, slot: ReportSlot): string[] {
  const { hub, kind, year, yearIndex, quarter } = slot;
  const notes: string[] = [];
  const countries = movement.countries.byCode;
  if (hub.profile.lifecycle === "joins" && year === hub.activeFrom)
    notes.push(`its first after joining in ${year}`);
  if (hub.activeTo === year) notes.push(`its last before the hub closed at the end of ${year}`);
  if (hub.isGlobal && kind === "financial") {
    const recipients = movement.hubs.filter((h) => movement.hubYear(h, year).allocationUsd > 0).length;
    notes.push(`with online donations mostly from the Global North and allocations to ${recipients} hubs`);
  }
  if (hub.isGlobal && kind === "impact") notes.push("with its board only");
  const spreadsheet =
    kind === "financial"
      ? SCENARIO.spreadsheetFinancial.has(hub.id)
      : hub.id === SCENARIO.spreadsheetImpact.hub && yearIndex === SCENARIO.spreadsheetImpact.yearIndex;
  if (spreadsheet) notes.push("exported from a spreadsheet with semicolons and CRLF line endings");
  if (kind === "financial" && financialFormat(hub, year, bomYear(movement)).bom) {
    notes.push("saved with a UTF-8 byte order mark");
  }
  if (kind === "financial" && !hub.isGlobal && movement.hubYear(hub, year).allocationUsd > 0) {
    const booked = bookedAllocationShare(movement, hub, year);
    if (booked === 0) notes.push("leaving out the allocation it received from the global fund");
    else if (booked < 1)
      notes.push(
        "booking only part of its allocation from the global fund, the last instalment after its books closed",
      );
  }
  if (kind === "financial" && hub.id === SCENARIO.noDescriptions)
    notes.push("without the optional description column");
  if (kind === "impact" && hub.id === SCENARIO.reorderedImpactColumns) {
    notes.push("with its columns in another order than the standard lists them");
  }
  if (kind === "impact") {
    const protectedCodes = hub.countries
      .map((c) => c.code)
      .filter((code) => countries.get(code)?.isProtected);
    if (protectedCodes.length > 0)
      notes.push(`with activity in protected countries (${protectedCodes.join(", ")})`);
    const pilot = SCENARIO.pilot;
    if (hub.id === pilot.hub && yearIndex === pilot.yearIndex && (quarter ?? 1) === 1) {
      notes.push(
        `with a pilot of fewer than 10 participants in ${pilot.where}, the only activity in its region that year`,
      );
    }
  }
  const otherKind = kind === "financial" ? "impact" : "financial";
  if (isGap(hub, otherKind, yearIndex, quarter) && !isGap(hub, kind, yearIndex, quarter)) {
    notes.push(`while its ${otherKind} report for the same period never came`);
  }
  if (quarter !== null && quarter > 1 && isGap(hub, kind, yearIndex, quarter - 1)) {
    notes.push(`after it missed ${year}-Q${quarter - 1}`);
  }
  return notes;
}

function registerWhy(movement: Movement): string {
  const names = (hubs: readonly SampleHub[]) => hubs.map((hub) => hub.profile.name).join(" and ");
  const joined = movement.hubs.filter((hub) => hub.profile.lifecycle === "joins");
  const closed = movement.hubs.filter((hub) => hub.activeTo !== null);
  const story = [
    ...(joined.length > 0 ? [`${names(joined)} joined in ${joined[0]?.activeFrom}`] : []),
    ...(closed.length > 0 ? [`${names(closed)} closed at the end of ${closed[0]?.activeTo}`] : []),
  ];
  return `The Global Council's register of the movement's ${movement.hubs.length} hubs, the global fund included: ${story.join(", ")}.`;
}

function assignFillerLines(movement: Movement, tasks: readonly ReportTask[], target: number): void {
  const counted = tasks.filter((task) => task.financial && !task.repeats);
  const minimum = counted.reduce(
    (sum, task) =>
      sum + minimumFinancialLines(movement, task.financial as Omit<FinancialReport, "fillerLines">),
    0,
  );
  let remaining = Math.max(0, target - minimum);
  const cap = Math.max(MAX_FILLER_LINES_PER_FILE, Math.ceil((2 * remaining) / Math.max(1, counted.length)));
  const weights = counted.map((task) => {
    const { hub, year, quarter } = task.financial as Omit<FinancialReport, "fillerLines">;
    return yearlySpendUsd(movement, hub, year) ** 0.6 * (quarter === null ? 1 : 0.25);
  });
  let open = counted.map((_, i) => i);
  for (;;) {
    const totalWeight = open.reduce((sum, i) => sum + (weights[i] as number), 0);
    const overCap = open.filter((i) => (remaining * (weights[i] as number)) / totalWeight > cap);
    if (overCap.length === 0) {
      for (const i of open)
        (counted[i] as ReportTask).fillerLines = Math.round(
          (remaining * (weights[i] as number)) / totalWeight,
        );
      break;
    }
    for (const i of overCap) (counted[i] as ReportTask).fillerLines = cap;
    remaining -= cap * overCap.length;
    open = open.filter((i) => !overCap.includes(i));
  }
  for (const task of tasks) if (task.repeats) task.fillerLines = task.repeats.fillerLines;
}

async function writeHubRegister(outDir: string, movement: Movement): Promise<number> {
  const header = [...COLUMNS.hubs.required, ...COLUMNS.hubs.optional];
  const writer = await CsvFileWriter.create(join(outDir, "reference/hubs.csv"), PLAIN_CSV, header);
  for (const hub of movement.hubs) {
    writer.row([
      hub.id,
      hub.profile.name,
      hub.profile.kind,
      hub.profile.seat,
      String(hub.activeFrom),
      hub.activeTo === null ? "" : String(hub.activeTo),
    ]);
  }
  return writer.close();
}

async function writeExchangeRates(path: string, movement: Movement, year: number): Promise<number> {
  const writer = await CsvFileWriter.create(path, PLAIN_CSV, COLUMNS.fx_rates.required);
  for (const currency of movement.currencies) {
    writer.row([currency, String(year), movement.fxRate(currency, year).text]);
  }
  return writer.close();
}
