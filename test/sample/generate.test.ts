import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledCountryTable } from "../../functions/core/reference/countries.js";
import { COUNCIL } from "../../functions/core/reporting/kinds.js";
import { generateSample, type SampleSummary } from "../../functions/sample/generate.js";
import { checkFile, type ParsedCsv, parseCsv, type ReferenceState } from "./standard-checker.js";

const countries = bundledCountryTable();
let workDir: string;
let demoDir: string;
let demo: SampleSummary;
const parsed = new Map<string, ParsedCsv>();

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "observatory-sample-"));
  demoDir = join(workDir, "demo");
  demo = await generateSample({ outDir: demoDir });
  for (const file of await listFiles(demoDir)) {
    if (file.endsWith(".csv")) parsed.set(file, parseCsv(await readFile(join(demoDir, file), "utf8")));
  }
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, path)));
    else files.push(path);
  }
  return files.sort();
}

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const file of await listFiles(dir)) files.set(file, await readFile(join(dir, file)));
  return files;
}

const csvOf = (file: string) => {
  const csv = parsed.get(file);
  if (!csv) throw new Error(`${file} was not generated`);
  return csv;
};

const accepted = () => demo.uploads.filter((upload) => upload.expect === "accepted");
const hubRows = () => csvOf("reference/hubs.csv").records;

describe("generateSample", () => {
  it("gives byte-identical files for the same seed, and different ones for another seed", async () => {
    const again = join(workDir, "again");
    const other = join(workDir, "other");
    await generateSample({ outDir: again });
    await generateSample({ outDir: other, seed: 7 });
    const first = await snapshot(demoDir);
    const second = await snapshot(again);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
    const third = await snapshot(other);
    const changed = [...first].filter(([file, bytes]) => !third.get(file)?.equals(bytes));
    expect(changed.length).toBeGreaterThan(first.size / 2);
  });

  it("writes plan.json with the uploads it returns, every file present", async () => {
    const plan = JSON.parse(await readFile(join(demoDir, "plan.json"), "utf8"));
    expect(plan).toEqual(demo.uploads);
    for (const upload of demo.uploads) {
      expect(parsed.has(upload.file), upload.file).toBe(true);
      expect(upload.why).toMatch(/^[A-Z].*\.$/);
      expect(upload.why).not.toMatch(/\n/);
    }
  });

  it("covers the movement: 8 regions, 30+ hubs and one global fund, 3 years, currencies, cadences", () => {
    const hubs = hubRows();
    const global = hubs.filter((hub) => hub.kind === "global");
    expect(global).toHaveLength(1);
    expect(hubs.length - 1).toBeGreaterThanOrEqual(30);
    expect(demo.hubs).toBe(hubs.length);
    expect(new Set(hubs.map((hub) => hub.kind))).toEqual(
      new Set(["regional", "thematic", "linguistic", "global"]),
    );
    const seatRegions = new Set(
      hubs
        .filter((hub) => hub.kind === "regional")
        .map((hub) => countries.byCode.get(hub.country ?? "")?.wikimediaRegion),
    );
    expect(seatRegions.size).toBe(8);
    expect(hubs.filter((hub) => hub.active_from === "2024").length).toBeGreaterThanOrEqual(1);
    expect(hubs.filter((hub) => hub.active_from === "2024").length).toBeLessThanOrEqual(2);
    expect(hubs.filter((hub) => hub.active_to !== "")).toHaveLength(1);

    const reports = accepted().filter((upload) => upload.kind === "financial" || upload.kind === "impact");
    const periods = reports.map((upload) => csvOf(upload.file).records[0]?.period ?? "");
    expect(new Set(periods.map((period) => period.slice(0, 4)))).toEqual(new Set(["2023", "2024", "2025"]));
    expect(periods.some((period) => period.includes("-Q"))).toBe(true);
    expect(periods.some((period) => /^\d{4}$/.test(period))).toBe(true);
    const currencies = new Set(
      reports
        .filter((upload) => upload.kind === "financial")
        .flatMap((upload) => csvOf(upload.file).records.map((r) => r.currency)),
    );
    for (const currency of ["USD", "EUR", "INR", "BRL", "NGN", "IDR", "GBP", "ZAR"])
      expect(currencies).toContain(currency);

    const quartersByReport = new Map<string, number>();
    for (const [upload, period] of reports.map((u, i) => [u, periods[i] ?? ""] as const)) {
      if (period.includes("-Q")) {
        const key = `${upload.uploader}/${upload.kind}/${period.slice(0, 4)}`;
        quartersByReport.set(key, (quartersByReport.get(key) ?? 0) + 1);
      }
    }
    expect([...quartersByReport.values()].some((count) => count < 4)).toBe(true);
  });

  it("plans exactly one supersession, one duplicate and 3 to 5 bad files, in ingestion order", () => {
    const uploads = demo.uploads;
    const kinds = uploads.map((upload) => upload.kind);
    const firstReport = kinds.findIndex((kind) => kind === "financial" || kind === "impact");
    expect(kinds.slice(0, firstReport).every((kind) => kind === "hubs" || kind === "fx_rates")).toBe(true);
    expect(kinds.slice(firstReport).every((kind) => kind === "financial" || kind === "impact")).toBe(true);
    expect(uploads.slice(0, firstReport).every((upload) => upload.uploader === COUNCIL)).toBe(true);

    const rejected = uploads.filter((upload) => upload.expect === "rejected");
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    expect(rejected.length).toBeLessThanOrEqual(5);
    expect(uploads.slice(-rejected.length).every((upload) => upload.expect === "rejected")).toBe(true);

    const duplicates = uploads.filter((upload) => upload.expect === "duplicate");
    expect(duplicates).toHaveLength(1);
    const duplicateAt = uploads.indexOf(duplicates[0] as (typeof uploads)[number]);
    expect(
      uploads.slice(0, duplicateAt).some((u) => u.file === duplicates[0]?.file && u.expect === "accepted"),
    ).toBe(true);

    const seen = new Map<string, number>();
    const superseded: string[] = [];
    for (const upload of accepted().filter((u) => u.kind === "financial" || u.kind === "impact")) {
      const key = `${upload.uploader}/${upload.kind}/${csvOf(upload.file).records[0]?.period}`;
      if (seen.has(key)) superseded.push(key);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(superseded).toHaveLength(1);
  });

  it("writes every accepted file to the standard, and every bad file with several problems", () => {
    const state: ReferenceState = { countries, hubs: new Map(), fx: new Set() };
    const cadence = new Map<string, "annual" | "quarterly">();
    for (const upload of demo.uploads) {
      if (upload.expect === "duplicate") continue;
      const csv = csvOf(upload.file);
      const problems = checkFile(upload.kind, upload.uploader, csv, state);
      if (upload.kind === "financial" || upload.kind === "impact") {
        const period = csv.records[0]?.period ?? "";
        const key = `${upload.uploader}/${upload.kind}/${period.slice(0, 4)}`;
        const kind = period.includes("-Q") ? "quarterly" : "annual";
        if ((cadence.get(key) ?? kind) !== kind) problems.push("annual and quarterly reports in one year");
        if (upload.expect === "accepted") cadence.set(key, kind);
      }
      if (upload.expect === "accepted") expect(problems, upload.file).toEqual([]);
      else expect(problems.length, `${upload.file}: ${problems.join("; ")}`).toBeGreaterThanOrEqual(2);
    }
  });

  it("shows what disclosure control and CSV readers must cope with", () => {
    const participantsByRegionYear = new Map<string, number>();
    let protectedRows = 0;
    const descriptions: string[] = [];
    for (const upload of accepted()) {
      const csv = csvOf(upload.file);
      for (const r of csv.records) {
        const country = countries.byCode.get(r.country ?? "");
        if (upload.kind === "impact" && r.metric === "participants") {
          const key = `${country?.wikimediaRegion}/${r.period?.slice(0, 4)}`;
          participantsByRegionYear.set(key, (participantsByRegionYear.get(key) ?? 0) + Number(r.value));
        }
        if (upload.kind === "impact" && country?.isProtected) protectedRows++;
        if (r.description) descriptions.push(r.description);
      }
    }
    const small = [...participantsByRegionYear.values()].filter((count) => count > 0 && count < 10);
    expect(small.length).toBeGreaterThanOrEqual(1);
    expect(protectedRows).toBeGreaterThan(0);
    expect(descriptions.some((d) => d.includes(","))).toBe(true);
    expect(descriptions.some((d) => d.includes('"'))).toBe(true);
    expect(descriptions.some((d) => [...d].some((char) => char.charCodeAt(0) > 127))).toBe(true);
    expect(descriptions.some((d) => /\p{Extended_Pictographic}/u.test(d))).toBe(true);
    const goodFiles = accepted().map((upload) => csvOf(upload.file));
    expect(goodFiles.filter((csv) => csv.delimiter === ";").length).toBeGreaterThanOrEqual(2);
    expect(goodFiles.filter((csv) => csv.bom)).toHaveLength(1);
    const languages = new Set(
      goodFiles.flatMap((csv) =>
        csv.records.filter((r) => r.metric === "content_created").map((r) => r.language),
      ),
    );
    expect(languages.size).toBeGreaterThan(20);
  });

  it("scales the financial line items to the requested volume", async () => {
    const outDir = join(workDir, "scaled");
    const summary = await generateSample({ outDir, financialLines: 200_000 });
    let lines = 0;
    for (const upload of summary.uploads) {
      if (upload.kind === "financial" && upload.expect === "accepted") {
        lines += parseCsv(await readFile(join(outDir, upload.file), "utf8")).records.length;
      }
    }
    expect(lines).toBe(summary.financialLines);
    expect(Math.abs(lines - 200_000)).toBeLessThanOrEqual(20_000);
    expect(Math.abs(demo.financialLines - 20_000)).toBeLessThanOrEqual(2_000);
  });

  it("rejects options it cannot honour", async () => {
    await expect(generateSample({ outDir: join(workDir, "x"), years: [] })).rejects.toThrow(/years/);
    await expect(generateSample({ outDir: join(workDir, "x"), financialLines: -1 })).rejects.toThrow(
      /financialLines/,
    );
  });
});
