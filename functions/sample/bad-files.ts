import { join } from "node:path";
import { CsvFileWriter, type CsvFormat, PLAIN_CSV, SPREADSHEET_EXPORT } from "./csv.js";
import { FINANCIAL_COLUMNS } from "./financial.js";
import { IMPACT_COLUMNS } from "./impact.js";
import type { Movement } from "./movement.js";

/** A file the ingest must reject, with what it shows. */
export interface BadFile {
  readonly file: string;
  readonly uploader: string;
  readonly kind: "financial" | "impact";
  readonly why: string;
  readonly bytes: number;
}

/** Writes the files that show rejection; each has several problems at once. */
export async function writeBadFiles(outDir: string, movement: Movement): Promise<BadFile[]> {
  const years = movement.years;
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const second = years[1] ?? last;
  const third = years[2] ?? last;
  const files: BadFile[] = [];
  const write = async (
    file: string,
    format: CsvFormat,
    header: readonly string[],
    lines: readonly string[],
    upload: Omit<BadFile, "file" | "bytes">,
  ) => {
    const writer = await CsvFileWriter.create(join(outDir, file), format, header);
    for (const line of lines) writer.append(line);
    files.push({ file, ...upload, bytes: await writer.close() });
  };

  const andes = String(first);
  await write(
    `bad/andes/financial-${andes}.csv`,
    SPREADSHEET_EXPORT,
    [...FINANCIAL_COLUMNS, "approved_by"],
    [
      `andes;${andes};revenue;movement_allocation;1.734.250.000,00;COP;CO;;;Asignación del fondo global;M. Rojas`,
      `andes;${andes};revenue;local_fundraising;12.450.300,50;COP;CO;;;Donaciones individuales;M. Rojas`,
      `andes;${andes};expense;programs;48.900.000,00;COP;CO;;;Editatón, Medellín;M. Rojas`,
      `andes;${andes};expense;programs;3.120,75;VES;VE;;;Taller en Caracas;M. Rojas`,
      `andes;${andes};expense;staff;96.000.000,00;COP;Colombia;;;"Coordinación; nómina";M. Rojas`,
      `andes;${andes};grant;team_grant;15.000.000,00;COP;PE;team-wikisource-pe;false;Beca de proyecto, Lima;M. Rojas`,
    ],
    {
      uploader: "andes",
      kind: "financial",
      why: `The Andean Hub's ${andes} financial report as a spreadsheet export with decimal commas (1.734.250.000,00), an unknown approved_by column, a currency with no exchange rate (VES) and a country written as a name: rejected, so the hub's ${andes} finances stay unreported.`,
    },
  );

  const ghana = String(third);
  await write(
    `bad/ghana/financial-${ghana}.csv`,
    PLAIN_CSV,
    FINANCIAL_COLUMNS,
    [
      `ghana,${ghana},revenue,movement_allocation,4520000.00,GHS,GH,,,Allocation from the global fund`,
      `ghana,${ghana},expense,programs,182500.00,GHS,GH,,,"Twi Wikipedia edit-a-thon, Kumasi"`,
      `nigeria,${ghana},expense,programs,2450000.00,NGN,NG,,,"Edit-a-thon, Lagos"`,
      `ghana,${ghana},expense,travel,35000.00,GHS,GH,,,Trip to Tamale`,
      `ghana,${ghana},expense,operations,-250.00,GHS,GH,,,Refund of bank charges`,
      `ghana,${ghana},grant,team_grant,12000.00,GHS,GH,,yes,Rapid grant`,
    ],
    {
      uploader: "ghana",
      kind: "financial",
      why: `The Ghana Hub's ${ghana} financial report mixing in a row for the Nigeria Hub, with an unknown category (travel), a negative amount, and a team grant with no team id and a focus of "yes": rejected.`,
    },
  );

  const quarter = `${second}-Q3`;
  await write(
    `bad/east-africa/impact-${quarter}.csv`,
    PLAIN_CSV,
    IMPACT_COLUMNS,
    [
      `east-africa,${quarter},,KE,participants,420,`,
      `east-africa,${quarter},,KE,new_participants,515,`,
      `east-africa,${quarter},,KE,participants_women,310,`,
      `east-africa,${quarter},,KE,participants_men,260,`,
      `east-africa,${quarter},,KE,content_created,1200,Kiswahili`,
      `east-africa,${quarter},team-edit-club-ug,UG,participants,12.5,`,
    ],
    {
      uploader: "east-africa",
      kind: "impact",
      why: `A quarterly impact report (${quarter}) from the East Africa Hub, whose annual ${second} impact report is already in, with more new participants than participants, gender counts above the total, a language written as a name and a fractional count: rejected.`,
    },
  );

  const mekong = String(third);
  await write(
    `bad/mekong/financial-${mekong}.csv`,
    PLAIN_CSV,
    FINANCIAL_COLUMNS,
    [
      `mekong,${mekong},revenue,online_fundraising,850000.00,THB,TH,,,Online donations`,
      `mekong,${mekong},revenue,local_fundraising,12000.00,THB,TH,,true,Donations`,
      `mekong,${mekong},grant,hub_allocation,400000.00,THB,KH,wikimedia-atlantis,false,Allocation to a partner`,
      `mekong,${mekong},expense,programs,1520.455,THB,TH,,,"Workshop, Chiang Mai"`,
      `mekong,${mekong}-Q1,expense,staff,240000.00,THB,TH,,,Payroll`,
    ],
    {
      uploader: "mekong",
      kind: "financial",
      why: `A ${mekong} financial report from the Mekong Hub, which closed at the end of ${years[years.length - 2] ?? first}, claiming online fundraising and a hub allocation (global fund only) to an unregistered hub, with an amount of three decimals, a focus flag on a revenue line and two periods in one file: rejected.`,
    },
  );
  return files;
}
