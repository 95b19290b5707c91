/**
 * `observatory ingest` of workbooks (reporting standard 1.1, spreadsheets): the first sheet of an `.xlsx` or `.ods`
 * file is validated by the same rules as CSV, with the sheet's rows and a column named also by its letter; an
 * accepted workbook is kept byte for byte under `raw/` with its own extension; other binary files are refused with
 * what they seem to be. The fixtures are files LibreOffice wrote (test/fixtures/workbooks/).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FolderStore } from "../../functions/adapters/local/folder-store.js";
import { readManifest } from "../../functions/core/lake/manifest.js";
import { readParquetRows } from "../../functions/core/lake/parquet.js";
import { odsParts, workbookFile, xlsxParts } from "../core/reporting/workbook-files.js";
import { observatory } from "../helpers/cli.js";
import { FX_CSV, HUBS_CSV, snapshot } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

const FIXTURES = new URL("../fixtures/workbooks/", import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES).pathname;

async function referenceLake(): Promise<{ dir: string; lake: string }> {
  const dir = await tempDir();
  const lake = join(dir, "lake");
  await writeFile(join(dir, "hubs.csv"), HUBS_CSV);
  await writeFile(join(dir, "fx.csv"), FX_CSV);
  const result = await observatory([
    "ingest",
    "--lake",
    lake,
    "--as",
    "council",
    join(dir, "hubs.csv"),
    join(dir, "fx.csv"),
  ]);
  if (result.code !== 0) throw new Error(result.stdout);
  return { dir, lake };
}

const HEADER = ["hub_id", "period", "flow", "category", "amount", "currency", "country", "description"];
const REPORT = {
  name: "Report",
  rows: [
    { cells: HEADER },
    { cells: ["wm-ng", "2025", "expense", "programs", 1500.5, "NGN", "NG", "Editathon in Lagos"] },
    { row: 4, cells: ["wm-ng", "2025", "grant", "individual_grant", 250000, "NGN", "GH", null] },
  ],
};

describe("observatory ingest of workbooks", () => {
  it.each(["xlsx", "ods"] as const)(
    "accepts the first sheet of an .%s file and keeps the workbook byte for byte, named by what it is",
    async (format) => {
      const { dir, lake } = await referenceLake();
      const bytes = workbookFile(format, format === "xlsx" ? xlsxParts([REPORT]) : odsParts([REPORT]));
      const path = join(dir, `report.${format}`);
      await writeFile(path, bytes);
      const result = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", path]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /accepted as report r-[0-9a-f]{16} \(financial report of wm-ng for 2025, 2 rows, #3\)/,
      );

      const store = new FolderStore(lake);
      const entry = (await readManifest(store)).at(-1);
      expect(entry?.raw_key).toBe(`raw/wm-ng/${entry?.sha256}.${format}`);
      expect(Buffer.compare(await readFile(join(lake, entry?.raw_key ?? "")), Buffer.from(bytes))).toBe(0);
      const rows = readParquetRows(new Uint8Array(await readFile(join(lake, entry?.curated_key ?? ""))));
      expect(
        rows.map((row) => [row.source_row, row.category, row.amount, row.country, row.description]),
      ).toEqual([
        [2, "programs", 1500.5, "NG", "Editathon in Lagos"],
        [4, "individual_grant", 250000, "GH", null],
      ]);
    },
  );

  it.each(["financial-report.xlsx", "financial-report.ods"])(
    "rejects %s with the sheet's row, and names the column by its letter too",
    async (name) => {
      const { lake } = await referenceLake();
      const before = await snapshot(lake);
      const path = fixture(name);
      const result = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", path]);
      expect(result.code).toBe(1);
      expect(result.stdout.split("\n").filter(Boolean)).toEqual([
        `${path}: rejected, nothing was changed (1 error):`,
        `${path}: row 4, column amount (E): "1.234,56" is not a number (use . as the decimal separator)`,
        `${path}: row 5, column country (G): warning: "US" is not the seat of hub "wm-ng" (NG): a movement_allocation line is booked in the country of the hub that receives it, where the money is spent from; accepted, but check the country`,
      ]);
      const json = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", "--json", path]);
      expect(JSON.parse(json.stdout)[0].problems[0]).toEqual({
        severity: "error",
        code: "decimalComma",
        message: '"1.234,56" is not a number (use . as the decimal separator)',
        row: 4,
        column: "amount (E)",
      });
      expect(await snapshot(lake)).toEqual(before);
    },
  );

  it("refuses other binary files with what they seem to be, and changes nothing", async () => {
    const { lake } = await referenceLake();
    const before = await snapshot(lake);
    const [xls, pdf] = [fixture("financial-report.xls"), fixture("financial-report.pdf")];
    const result = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", xls, pdf]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      `${xls}: rejected, nothing was changed (1 error):`,
      `${xls}: the file seems to be an Excel 97–2003 workbook (.xls), which is not read here: save it as .xlsx (Excel Workbook) or CSV UTF-8 and upload that`,
      `${pdf}: rejected, nothing was changed (1 error):`,
      `${pdf}: the file seems to be a PDF document, which cannot be read as a table: save the spreadsheet the PDF was made from as CSV UTF-8, .xlsx or .ods and upload that`,
    ]);
    expect(await snapshot(lake)).toEqual(before);
  });
});
