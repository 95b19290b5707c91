import type { CountryTable } from "../../functions/core/reference/countries.js";
import {
  CATEGORIES_BY_FLOW,
  COLUMNS,
  FLOW_METRICS,
  FLOWS,
  HUB_KINDS,
  type ReportKind,
  STOCK_METRICS,
} from "../../functions/core/reporting/kinds.js";

/** A compact, independent reading of the reporting standard, for tests: a CSV parser and the key rules. */

export interface ParsedCsv {
  readonly delimiter: "," | ";";
  readonly bom: boolean;
  readonly header: readonly string[];
  readonly records: readonly Record<string, string>[];
}

/** Parses RFC 4180 CSV (quotes, doubled quotes, CRLF), sniffing `,` or `;` from the header line. */
export function parseCsv(text: string): ParsedCsv {
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n/));
  const delimiter = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = "";
    } else if (char === "\n" || (char === "\r" && body[i + 1] === "\n")) {
      if (char === "\r") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  const [header = [], ...data] = rows;
  const records = data.map((cells) => {
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      record[name] = cells[i] ?? "";
    });
    if (cells.length !== header.length) record.__width = String(cells.length);
    return record;
  });
  return { delimiter, bom, header, records };
}

export interface RegisteredHub {
  readonly kind: string;
  readonly country: string;
  readonly activeFrom: number;
  readonly activeTo: number | null;
}

/** What the checker knows from the reference data ingested so far. */
export interface ReferenceState {
  readonly countries: CountryTable;
  readonly hubs: Map<string, RegisteredHub>;
  readonly fx: Set<string>;
}

const HUB_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;
const AMOUNT = /^\d+(?:\.\d{1,2})?$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]+)*$/;
const GLOBAL_ONLY = new Set(["online_fundraising", "hub_allocation"]);

/** Problems of one file against the standard; updates `state` when reference data is clean. */
export function checkFile(
  kind: ReportKind,
  uploader: string,
  csv: ParsedCsv,
  state: ReferenceState,
): string[] {
  const problems: string[] = [];
  const { required, optional } = COLUMNS[kind];
  for (const column of required) if (!csv.header.includes(column)) problems.push(`missing column ${column}`);
  for (const column of csv.header) {
    if (!required.includes(column) && !optional.includes(column)) problems.push(`unknown column ${column}`);
  }
  if (csv.records.length === 0) problems.push("no rows");
  csv.records.forEach((record, i) => {
    if (record.__width) problems.push(`row ${i + 2}: ${record.__width} fields`);
  });
  if (kind === "hubs") problems.push(...checkHubs(csv, state));
  else if (kind === "fx_rates") problems.push(...checkFx(csv, state));
  else problems.push(...checkHubReport(kind, uploader, csv, state));
  return problems;
}

function checkHubs(csv: ParsedCsv, state: ReferenceState): string[] {
  const problems: string[] = [];
  const hubs = new Map<string, RegisteredHub>();
  for (const r of csv.records) {
    const id = r.hub_id ?? "";
    if (!HUB_ID.test(id) || hubs.has(id)) problems.push(`bad or repeated hub_id ${id}`);
    if (!(HUB_KINDS as readonly string[]).includes(r.kind ?? "")) problems.push(`hub ${id}: kind ${r.kind}`);
    if (!state.countries.byCode.has(r.country ?? "")) problems.push(`hub ${id}: country ${r.country}`);
    const activeFrom = Number(r.active_from);
    const activeTo = r.active_to ? Number(r.active_to) : null;
    if (!Number.isInteger(activeFrom) || (activeTo !== null && !(activeTo >= activeFrom))) {
      problems.push(`hub ${id}: active years`);
    }
    hubs.set(id, { kind: r.kind ?? "", country: r.country ?? "", activeFrom, activeTo });
  }
  if ([...hubs.values()].filter((hub) => hub.kind === "global").length !== 1)
    problems.push("not one global hub");
  if (problems.length === 0) for (const [id, hub] of hubs) state.hubs.set(id, hub);
  return problems;
}

function checkFx(csv: ParsedCsv, state: ReferenceState): string[] {
  const problems: string[] = [];
  for (const r of csv.records) {
    if (!/^[A-Z]{3}$/.test(r.currency ?? "")) problems.push(`currency ${r.currency}`);
    if (!/^\d{4}$/.test(r.year ?? "")) problems.push(`year ${r.year}`);
    if (!/^\d+(\.\d+)?$/.test(r.usd_per_unit ?? "") || !(Number(r.usd_per_unit) > 0)) {
      problems.push(`rate ${r.usd_per_unit}`);
    }
  }
  if (problems.length === 0) for (const r of csv.records) state.fx.add(`${r.currency}/${r.year}`);
  return problems;
}

function checkHubReport(kind: ReportKind, uploader: string, csv: ParsedCsv, state: ReferenceState): string[] {
  const problems: string[] = [];
  const hubIds = new Set(csv.records.map((r) => r.hub_id));
  const periods = new Set(csv.records.map((r) => r.period));
  if (hubIds.size !== 1 || !hubIds.has(uploader))
    problems.push(`hub ids ${[...hubIds].join("|")} for ${uploader}`);
  if (periods.size !== 1) problems.push(`periods ${[...periods].join("|")}`);
  const period = PERIOD.exec([...periods][0] ?? "");
  if (!period) return [...problems, "bad period"];
  const year = Number(period[1]);
  const hub = state.hubs.get(uploader);
  if (!hub) problems.push(`${uploader} is not registered`);
  else if (year < hub.activeFrom || (hub.activeTo !== null && year > hub.activeTo)) {
    problems.push(`${uploader} not active in ${year}`);
  }
  /** Any country of the country table, Antarctica (which has no Wikimedia region) included. */
  const country = (code: string | undefined) => state.countries.byCode.has(code ?? "");
  if (kind === "financial") {
    for (const r of csv.records) {
      const where = `${r.flow}/${r.category} ${r.amount}`;
      const flow = r.flow as (typeof FLOWS)[number];
      const category = r.category ?? "";
      if (!FLOWS.includes(flow) || !CATEGORIES_BY_FLOW[flow].includes(category))
        problems.push(`category ${where}`);
      if (!AMOUNT.test(r.amount ?? "")) problems.push(`amount ${where}`);
      if (r.currency !== "USD" && !state.fx.has(`${r.currency}/${year}`))
        problems.push(`no fx ${r.currency}`);
      if (!country(r.country)) problems.push(`country ${r.country}`);
      const isGlobal = hub?.kind === "global";
      if (GLOBAL_ONLY.has(category) && !isGlobal) problems.push(`${category} from a hub that is not global`);
      if (category === "movement_allocation" && isGlobal)
        problems.push("movement_allocation from the global fund");
      if (category === "movement_allocation" && hub && !isGlobal && r.country !== hub.country)
        problems.push(`movement_allocation booked in ${r.country}, not in the hub's seat ${hub.country}`);
      const counterparty = r.counterparty_id ?? "";
      if (category === "team_grant" && !/^team-[a-z0-9-]+$/.test(counterparty))
        problems.push(`team ${counterparty}`);
      if (category === "hub_allocation") {
        const recipient = state.hubs.get(counterparty);
        if (
          !recipient ||
          year < recipient.activeFrom ||
          (recipient.activeTo !== null && year > recipient.activeTo)
        ) {
          problems.push(`allocation to ${counterparty}`);
        }
      }
      const focus = r.underrepresented_focus ?? "";
      if (flow === "grant" ? focus !== "true" && focus !== "false" : focus !== "")
        problems.push(`focus ${where}`);
    }
  } else {
    const totals = new Map<string, number>();
    for (const r of csv.records) {
      const metric = r.metric ?? "";
      if (!([...FLOW_METRICS, ...STOCK_METRICS] as string[]).includes(metric))
        problems.push(`metric ${metric}`);
      if (!/^\d+$/.test(r.value ?? "")) problems.push(`value ${r.value}`);
      if (!country(r.country)) problems.push(`country ${r.country}`);
      const language = r.language ?? "";
      if (language !== "" && (!LANGUAGE.test(language) || metric !== "content_created")) {
        problems.push(`language ${language}`);
      }
      totals.set(metric, (totals.get(metric) ?? 0) + Number(r.value));
    }
    const total = (metric: string) => totals.get(metric) ?? 0;
    if (total("new_participants") > total("participants"))
      problems.push("more new participants than participants");
    const gender = ["women", "men", "nonbinary", "gender_undisclosed"].reduce(
      (sum, g) => sum + total(`participants_${g}`),
      0,
    );
    if (gender > total("participants")) problems.push("gender counts above participants");
    if (
      total("board_women") > total("board_members") ||
      total("board_global_south") > total("board_members")
    ) {
      problems.push("board counts above board members");
    }
  }
  return problems;
}
