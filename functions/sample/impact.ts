import type { FLOW_METRICS, STOCK_METRICS } from "../core/reporting/kinds.js";
import { CsvFileWriter, type CsvFormat } from "./csv.js";
import type { HubCountry, Movement, SampleHub } from "./movement.js";
import { SeededRandom } from "./random.js";
import { SCENARIO } from "./scenario.js";

/** Columns of an impact file, in the standard's order. */
export const IMPACT_COLUMNS = [
  "hub_id",
  "period",
  "team_id",
  "country",
  "metric",
  "value",
  "language",
] as const;

type ImpactColumn = (typeof IMPACT_COLUMNS)[number];
type Metric = (typeof FLOW_METRICS)[number] | (typeof STOCK_METRICS)[number];

/** One impact file to write. */
export interface ImpactReport {
  readonly hub: SampleHub;
  readonly year: number;
  readonly quarter: number | null;
  readonly period: string;
  readonly format: CsvFormat;
  readonly columns: readonly ImpactColumn[];
}

interface ImpactRow {
  readonly team: string;
  readonly country: string;
  readonly metric: Metric;
  readonly value: number;
  readonly language: string;
}

const SEASON = [0.2, 0.25, 0.22, 0.33] as const;

/** Writes one impact report; returns its data lines and bytes. */
export async function writeImpactReport(
  path: string,
  movement: Movement,
  report: ImpactReport,
): Promise<{ lines: number; bytes: number }> {
  const rows = impactRows(movement, report);
  const writer = await CsvFileWriter.create(path, report.format, report.columns);
  for (const row of rows) {
    const cells: Record<ImpactColumn, string> = {
      hub_id: report.hub.id,
      period: report.period,
      team_id: row.team,
      country: row.country,
      metric: row.metric,
      value: String(row.value),
      language: row.language,
    };
    writer.row(report.columns.map((column) => cells[column]));
  }
  return { lines: rows.length, bytes: await writer.close() };
}

function impactRows(movement: Movement, report: ImpactReport): ImpactRow[] {
  const { hub, year, quarter } = report;
  const random = new SeededRandom(movement.seed, `impact/${hub.id}/${report.period}`);
  const rows: ImpactRow[] = [];
  if (!hub.isGlobal) {
    const season = quarter === null ? 1 : (SEASON[quarter - 1] as number);
    const programUsd = movement.hubYear(hub, year).spendUsd * 0.5 * season;
    for (const country of hub.countries) {
      const costPerParticipant =
        (movement.isGlobalSouth(country.code) ? 95 : 380) * random.between(0.8, 1.25);
      const participants = Math.max(1, Math.round((programUsd * country.weight) / costPerParticipant));
      rows.push(...countryRows(hub, country, participants, random));
      if (hub.profile.activeEditors > 0) {
        const growth = 1.04 ** (year - (movement.years[0] as number));
        const editors = hub.profile.activeEditors * country.weight * growth * random.between(0.96, 1.04);
        rows.push(row("", country.code, "active_editors", Math.max(1, Math.round(editors))));
      }
    }
    const pilot = SCENARIO.pilot;
    if (hub.id === pilot.hub && year === movement.years[pilot.yearIndex] && (quarter ?? 1) === 1) {
      rows.push(...pilotRows(pilot.country, random));
    }
  }
  rows.push(...boardRows(movement, hub, year));
  return rows;
}

function countryRows(
  hub: SampleHub,
  country: HubCountry,
  participants: number,
  random: SeededRandom,
): ImpactRow[] {
  const rows: ImpactRow[] = [];
  const code = country.code;
  const teams = hub.teams.filter((team) => team.country === code);
  let hubLed = participants;
  for (const team of teams) {
    const share = Math.floor(participants * random.between(0.05, 0.6 / teams.length));
    if (share <= 0) continue;
    hubLed -= share;
    rows.push(row(team.id, code, "participants", share));
    rows.push(row(team.id, code, "new_participants", Math.round(share * random.between(0.2, 0.6))));
  }
  if (hubLed > 0) {
    rows.push(row("", code, "participants", hubLed));
    rows.push(row("", code, "new_participants", Math.round(hubLed * random.between(0.25, 0.55))));
  }
  const womenShare =
    hub.profile.id === "gender-equity" ? random.between(0.65, 0.8) : random.between(0.22, 0.42);
  const women = Math.round(participants * womenShare);
  const nonbinary = Math.round(participants * random.between(0.005, 0.03));
  const undisclosed = Math.round(participants * random.between(0.03, 0.12));
  const notAsked = Math.round(participants * random.between(0, 0.08));
  const men = Math.max(0, participants - women - nonbinary - undisclosed - notAsked);
  rows.push(row("", code, "participants_women", women));
  rows.push(row("", code, "participants_men", men));
  rows.push(row("", code, "participants_nonbinary", nonbinary));
  const undisclosedCapped = Math.max(0, Math.min(undisclosed, participants - women - nonbinary - men));
  rows.push(row("", code, "participants_gender_undisclosed", undisclosedCapped));
  const content = Math.round(participants * random.between(1.5, 6));
  const languageWeights = country.languages.map((_, i) => 0.55 ** i * random.between(0.7, 1.3));
  const weightTotal = languageWeights.reduce((sum, weight) => sum + weight, 0);
  country.languages.forEach((language, i) => {
    const value = Math.round((content * (languageWeights[i] as number)) / weightTotal);
    if (value > 0) rows.push(row("", code, "content_created", value, language));
  });
  rows.push(row("", code, "content_improved", Math.round(participants * random.between(4, 15))));
  return rows;
}

function pilotRows(country: string, random: SeededRandom): ImpactRow[] {
  const participants = random.int(6, 9);
  return [
    row("", country, "participants", participants),
    row("", country, "new_participants", participants - 2),
    row("", country, "participants_women", participants - 3),
    row("", country, "participants_men", 1),
    row("", country, "participants_nonbinary", 1),
    row("", country, "participants_gender_undisclosed", 1),
    row("", country, "content_created", participants * 2, "en"),
    row("", country, "content_created", 3, "es"),
    row("", country, "content_improved", participants * 4),
  ];
}

function boardRows(movement: Movement, hub: SampleHub, year: number): ImpactRow[] {
  const base = new SeededRandom(movement.seed, `board/${hub.id}`);
  const yearly = new SeededRandom(movement.seed, `board/${hub.id}/${year}`);
  const members = hub.isGlobal ? base.int(10, 12) : Math.max(3, base.int(5, 11) + yearly.int(-1, 1));
  const women = Math.min(members, Math.round(members * yearly.between(0.3, 0.6)));
  const seatInSouth = movement.isGlobalSouth(hub.profile.seat);
  let globalSouth: number;
  if (hub.isGlobal) globalSouth = yearly.int(3, 5);
  else if (seatInSouth) globalSouth = members - yearly.int(0, 1);
  else if (hub.profile.kind === "regional") globalSouth = yearly.int(0, 1);
  else globalSouth = yearly.int(1, 3);
  const seat = hub.profile.seat;
  return [
    row("", seat, "board_members", members),
    row("", seat, "board_women", women),
    row("", seat, "board_global_south", Math.min(members, globalSouth)),
  ];
}

function row(team: string, country: string, metric: Metric, value: number, language = ""): ImpactRow {
  return { team, country, metric, value, language };
}
