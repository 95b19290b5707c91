/**
 * A lake of many small reports, written fast for the scale benchmark: 500 hubs reporting quarterly, both kinds,
 * over ten years (40,000 reports). The registry and exchange rates go through the real ingest. Each hub report is
 * validated by the real validator and written with the pipeline's own writers and formats — its bytes under
 * raw/, its Parquet (`writeParquet`), its manifest entry (`manifestEntryText`) with the next sequence number —
 * but straight to the folder, skipping what makes generating 40,000 reports through the ingest slow and is not
 * what is measured: re-reading the manifest for each report, and a flush to disk per file. The measured
 * ingests go through the real `ingestReport`.
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { ingestReport } from "../../functions/core/ingest.js";
import { writeCheckpoint } from "../../functions/core/lake/checkpoint.js";
import { LakeReader } from "../../functions/core/lake/lake-reader.js";
import { lakeLayout, reportIdOf } from "../../functions/core/lake/layout.js";
import { type ManifestEntry, manifestEntryText } from "../../functions/core/lake/manifest.js";
import { writeParquet } from "../../functions/core/lake/parquet.js";
import { CURATED_TABLES } from "../../functions/core/lake/tables.js";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { isReportKind, type ReportKind } from "../../functions/core/reporting/kinds.js";
import { type ReferenceState, validateReport } from "../../functions/core/reporting/validate.js";

const SEATS = [
  ["NG", "NGN"],
  ["IN", "INR"],
  ["BR", "BRL"],
  ["DE", "EUR"],
  ["FR", "EUR"],
  ["US", "USD"],
  ["KE", "USD"],
  ["GH", "USD"],
  ["ID", "USD"],
  ["MX", "USD"],
] as const;
const RATES: Record<string, number> = { USD: 1, EUR: 1.1, NGN: 0.0012, INR: 0.012, BRL: 0.19 };
const KINDS = ["regional", "thematic", "linguistic"] as const;

export const SCALE_YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);

/** One hub report the generator writes: who, which period, which kind. */
interface Slot {
  readonly hub: number;
  readonly year: number;
  readonly quarter: number;
  readonly kind: "financial" | "impact";
}

const hubId = (hub: number) => `hub-${String(hub).padStart(4, "0")}`;
const seatOf = (hub: number) => SEATS[hub % SEATS.length] as (typeof SEATS)[number];

/** The CSV of a hub report: 6 financial or 8 impact lines; `variant` changes the figures (a correction). */
export function reportCsv(slot: Slot, variant = 0): string {
  const id = hubId(slot.hub);
  const period = `${slot.year}-Q${slot.quarter}`;
  const [country, currency] = seatOf(slot.hub);
  const base = 1000 + ((slot.hub * 37 + slot.year * 11 + slot.quarter * 7 + variant * 13) % 900);
  const scale = 1 / (RATES[currency] ?? 1);
  const money = (usd: number) => Math.round(usd * scale * 100) / 100;
  if (slot.kind === "financial")
    return `hub_id,period,flow,category,amount,currency,country,counterparty_id,underrepresented_focus,description
${[
  `revenue,local_fundraising,${money(base * 2)},${currency},${country},,,`,
  `revenue,movement_allocation,${base * 5},USD,${country},,,`,
  `expense,staff,${money(base * 3)},${currency},${country},,,`,
  `expense,programs,${money(base * 2.5)},${currency},${country},,,Edit-a-thons`,
  `grant,team_grant,${money(base)},${currency},${country},team-${slot.hub},yes,`,
  `grant,individual_grant,${money(base / 4)},${currency},${country},,no,`,
]
  .map((line) => `${id},${period},${line}`)
  .join("\n")}
`;
  const participants = 40 + (base % 60);
  return `hub_id,period,team_id,country,metric,value,language
${[
  `,${country},participants,${participants},`,
  `,${country},new_participants,${Math.floor(participants / 3)},`,
  `,${country},participants_women,${Math.floor(participants * 0.45)},`,
  `,${country},participants_men,${Math.floor(participants * 0.5)},`,
  `,${country},active_editors,${20 + (base % 30)},`,
  `,${country},content_created,${base},en`,
  `,${country},board_members,7,`,
  `,${country},board_women,${3 + (slot.hub % 3)},`,
]
  .map((line) => `${id},${period},${line}`)
  .join("\n")}
`;
}

/** The registry of the generated movement and its exchange rates for every year. */
function referenceCsvs(hubs: number): { hubs: string; rates: string } {
  const registry = Array.from({ length: hubs }, (_, i) => {
    const [country] = seatOf(i + 1);
    return `${hubId(i + 1)},Hub ${i + 1},${KINDS[i % KINDS.length]},${country},2015,`;
  });
  const rates = SCALE_YEARS.flatMap((year) =>
    Object.entries(RATES)
      .filter(([currency]) => currency !== "USD")
      .map(([currency, rate]) => `${currency},${year},${rate}`),
  );
  return {
    hubs: `hub_id,name,kind,country,active_from,active_to\n${registry.join("\n")}\n`,
    rates: `currency,year,usd_per_unit\n${rates.join("\n")}\n`,
  };
}

/** Writes hub reports into a folder lake in the order a movement would send them: quarter by quarter. */
export class ScaleLake {
  readonly store: FolderStore;
  private readonly countries = bundledCountryTable();
  private readonly lines: string[] = [];
  private reference: ReferenceState | undefined;
  private next = 0;
  private seq = 0;

  constructor(
    readonly root: string,
    readonly hubs = 500,
  ) {
    this.store = new FolderStore(root);
  }

  /** Hub reports written so far. */
  get hubReports(): number {
    return this.next;
  }

  /** Manifest entries so far. */
  get entries(): number {
    return this.seq;
  }

  /** The n-th hub report of the movement: quarter by quarter, hub by hub, financial then impact. */
  slot(n: number): Slot {
    const perQuarter = this.hubs * 2;
    const quarterIndex = Math.floor(n / perQuarter);
    const within = n % perQuarter;
    return {
      year: (SCALE_YEARS[0] as number) + Math.floor(quarterIndex / 4),
      quarter: 1 + (quarterIndex % 4),
      hub: 1 + Math.floor(within / 2),
      kind: within % 2 === 0 ? "financial" : "impact",
    };
  }

  /** Ingests the registry and the exchange rates through the real ingest. */
  async start(): Promise<void> {
    const { hubs, rates } = referenceCsvs(this.hubs);
    const reader = new LakeReader(this.store);
    for (const [name, text] of [
      ["hubs.csv", hubs],
      ["fx_rates.csv", rates],
    ] as const) {
      const outcome = await ingestReport(
        { store: this.store, countries: this.countries, reader },
        {
          fileName: name,
          bytes: new TextEncoder().encode(text),
          uploader: "council",
          receivedAt: this.at(0),
        },
      );
      if (outcome.status !== "accepted") throw new Error(`${name}: ${JSON.stringify(outcome.problems)}`);
    }
    const entries = await reader.manifest();
    this.reference = await reader.referenceStateAt(entries);
    this.lines.push(...reader.lines(entries.length));
    this.seq = entries.length;
  }

  /** Writes hub reports until `total` have been written, at most `parallel` at a time. */
  async writeUntil(total: number, parallel = 64): Promise<void> {
    while (this.next < total) {
      const batch = Array.from({ length: Math.min(parallel, total - this.next) }, (_, i) => this.next + i);
      const written = await Promise.all(
        batch.map((n) => this.writeReport(n, this.seq + 1 + (n - this.next))),
      );
      for (const text of written) this.lines.push(text.replace(/\n$/, ""));
      this.seq += batch.length;
      this.next += batch.length;
    }
  }

  /** Takes note of a report the real ingest committed, so that the next generated one follows it. */
  async followIngest(): Promise<void> {
    const reader = new LakeReader(this.store);
    const entries = await reader.manifest();
    this.lines.splice(0, this.lines.length, ...reader.lines(entries.length));
    this.seq = entries.length;
  }

  /** Writes the manifest checkpoint through all but the last `behind` entries, as an ingest may find it. */
  async checkpoint(behind: number): Promise<void> {
    await writeCheckpoint(this.store, this.lines.slice(0, this.seq - behind));
  }

  /** A correction of an already written report: the CSV and its uploader, to be ingested for real. */
  correction(n: number, variant: number): { text: string; uploader: string } {
    const slot = this.slot(n);
    return { text: reportCsv(slot, variant), uploader: hubId(slot.hub) };
  }

  /** When a report was received: one second after the previous one, in 2026. */
  at(seq: number): Date {
    return new Date(Date.UTC(2026, 0, 1) + seq * 1000);
  }

  private async writeReport(n: number, seq: number): Promise<string> {
    const slot = this.slot(n);
    const bytes = new TextEncoder().encode(reportCsv(slot));
    const uploader = hubId(slot.hub);
    const validation = validateReport({
      bytes,
      uploader,
      kind: slot.kind,
      countries: this.countries,
      reference: this.reference as ReferenceState,
      now: this.at(seq),
    });
    const report = validation.report;
    if (!report) throw new Error(`generated report ${n} rejected: ${JSON.stringify(validation.problems)}`);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const reportId = reportIdOf(sha256);
    if (!isReportKind(report.kind)) throw new Error(`generated report ${n} read as a ${report.kind}`);
    const kind: ReportKind = report.kind;
    const entry: ManifestEntry = {
      report_id: reportId,
      seq,
      kind,
      hub_id: report.hubId,
      period: report.period,
      year: report.year,
      quarter: report.quarter,
      sha256,
      uploader,
      uploaded_at: this.at(seq).toISOString(),
      upload_id: null,
      file_name: `${uploader}-${report.period}-${kind}.csv`,
      row_count: report.rowCount,
      warning_count: validation.warningCount,
      raw_key: lakeLayout.rawKey(uploader, sha256, "csv"),
      curated_key: lakeLayout.curatedKey(kind, reportId, report.year, report.hubId),
    };
    const parquet = writeParquet(CURATED_TABLES[kind], {
      report_id: new Array<string>(report.rowCount).fill(reportId),
      ...report.columns,
    });
    const text = manifestEntryText(entry);
    await this.write(entry.raw_key, bytes);
    await this.write(entry.curated_key, parquet);
    await this.write(lakeLayout.manifestKey(seq), new TextEncoder().encode(text));
    return text;
  }

  private async write(key: string, bytes: Uint8Array): Promise<void> {
    const path = join(this.root, ...key.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes, { flag: "wx" });
  }
}
