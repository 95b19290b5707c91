/**
 * The rule catalogue cannot drift from the code: every message code has exactly one rule and every rule a code,
 * ids are never renamed or removed, and every rule's example, validated for real, yields that rule's code with its
 * severity. CSV examples run through `validateReport` against a real lake in a folder (the catalogue's example
 * registry and rates ingested by the Global Council), or through `ingestReport` when they need earlier reports;
 * file and workbook examples run through `openUpload` and `readSheet`, which recognise and read a workbook before
 * its records meet the same validation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FolderStore } from "../../../functions/adapters/local/folder-store.js";
import { ingestReport } from "../../../functions/core/ingest.js";
import { LakeReader } from "../../../functions/core/lake/lake-reader.js";
import { bundledCountryTable } from "../../../functions/core/reference/countries.js";
import { type MessageCode, messages } from "../../../functions/core/reporting/messages.js";
import type { Problem } from "../../../functions/core/reporting/problems.js";
import {
  type CsvExample,
  EXAMPLE_LAKE,
  RULE_SECTIONS,
  type Rule,
  ruleCatalogue,
  ruleOf,
} from "../../../functions/core/reporting/rule-catalogue.js";
import { type ReferenceState, validateReport } from "../../../functions/core/reporting/validate.js";
import {
  DEFAULT_WORKBOOK_LIMITS,
  openUpload,
  readSheet,
} from "../../../functions/core/reporting/workbook.js";
import { tempDir } from "../../helpers/temp.js";
import { exampleBytes } from "./workbook-files.js";

/**
 * Every id ever published, in the order they were added. An id is never renamed or removed; a new rule adds its id
 * at the end of this list.
 */
const PUBLISHED_IDS: readonly MessageCode[] = [
  "fileTooLarge",
  "emptyFile",
  "noDataRows",
  "notUtf8",
  "unterminatedQuote",
  "textAfterQuote",
  "unknownKind",
  "ambiguousKind",
  "unknownColumn",
  "missingColumn",
  "duplicateColumn",
  "wrongFieldCount",
  "required",
  "mixedValue",
  "invalidHubId",
  "notUploader",
  "councilCannotUploadReports",
  "onlyCouncilUploadsReference",
  "noRegistry",
  "unregisteredHub",
  "hubNotActive",
  "futurePeriod",
  "registryYearOutOfRange",
  "invalidPeriod",
  "invalidYear",
  "invalidEnum",
  "categoryNotInFlow",
  "globalOnlyCategory",
  "notForGlobalFund",
  "decimalComma",
  "thousandsSeparator",
  "ambiguousNumber",
  "notANumber",
  "negativeAmount",
  "tooManyDecimals",
  "amountTooLarge",
  "zeroAmount",
  "invalidCurrency",
  "allocationOutsideSeat",
  "missingRate",
  "invalidCountry",
  "countryCase",
  "counterpartyRequired",
  "counterpartyNotHub",
  "invalidBoolean",
  "focusOnNonGrant",
  "tooLong",
  "notAnInteger",
  "integerTooLarge",
  "invalidMetric",
  "nearMissMetric",
  "unknownMetric",
  "invalidLanguage",
  "duplicateStock",
  "totalExceeds",
  "genderExceedsParticipants",
  "duplicateHub",
  "activeToBeforeFrom",
  "nonPositiveRate",
  "usdRate",
  "usdRateIgnored",
  "duplicateRate",
  "rateOutOfRange",
  "rateLooksInverted",
  "controlCharacter",
  "bidiCharacter",
  "overlap",
  "moreProblems",
  "xlsWorkbook",
  "xlsbWorkbook",
  "encryptedFile",
  "numbersWorkbook",
  "officeDocument",
  "pdfDocument",
  "zipArchive",
  "imageFile",
  "gzipFile",
  "utf16Text",
  "markupDocument",
  "unknownBinary",
  "damagedArchive",
  "workbookFileTooLarge",
  "workbookUnreadable",
  "tooManyZipEntries",
  "workbookPartTooLarge",
  "workbookTooLarge",
  "sheetTooManyRows",
  "sheetTooManyColumns",
  "sheetTooManyCells",
  "cellTooLong",
  "formulaWithoutValue",
  "firstSheetNotTable",
  "firstSheetHidden",
  "emptySheet",
];

const encode = (text: string) => new TextEncoder().encode(text);
const countries = bundledCountryTable();
const uploadedAt = new Date(EXAMPLE_LAKE.uploadedAt);

/** A lake in a folder with the example registry and rates, uploaded by the Global Council a day before the examples. */
async function exampleLake() {
  const store = new FolderStore(await tempDir("catalogue-"));
  const council = { store, countries, clock: () => new Date(uploadedAt.getTime() - 86_400_000) };
  for (const [text, fileName] of [
    [EXAMPLE_LAKE.hubs, "hubs.csv"],
    [EXAMPLE_LAKE.fxRates, "fx_rates.csv"],
  ] as const) {
    const outcome = await ingestReport(council, { fileName, bytes: encode(text), uploader: "council" });
    if (outcome.status !== "accepted")
      throw new Error(`${fileName} rejected: ${JSON.stringify(outcome.problems)}`);
  }
  return store;
}

let exampleReference: ReferenceState;
let emptyReference: ReferenceState;

beforeAll(async () => {
  const store = await exampleLake();
  const reader = new LakeReader(store);
  exampleReference = await reader.referenceStateAt(await reader.manifest());
  const empty = new LakeReader(new FolderStore(await tempDir("catalogue-empty-")));
  emptyReference = await empty.referenceStateAt(await empty.manifest());
});

/** The problems of a CSV example: validated against its lake, or ingested after its earlier reports. */
async function csvProblems(example: CsvExample): Promise<readonly Problem[]> {
  const uploader = example.uploader ?? "wm-ng";
  const bytes = exampleBytes(example);
  if (example.earlier) {
    const store = await exampleLake();
    const dependencies = { store, countries, clock: () => uploadedAt };
    for (const [index, text] of example.earlier.entries()) {
      const outcome = await ingestReport(dependencies, {
        fileName: `earlier-${index}.csv`,
        bytes: encode(text),
        uploader,
      });
      if (outcome.status !== "accepted")
        throw new Error(`earlier report rejected: ${JSON.stringify(outcome.problems)}`);
    }
    const outcome = await ingestReport(dependencies, {
      fileName: "example.csv",
      bytes,
      uploader,
      kind: example.reportKind,
    });
    return outcome.problems;
  }
  return validateReport({
    bytes,
    uploader,
    kind: example.reportKind,
    countries,
    reference: example.lake === "empty" ? emptyReference : exampleReference,
    now: uploadedAt,
    maxBytes: example.maxBytes,
    maxProblems: example.maxProblems,
  }).problems;
}

/** The problems of any example, as the uploader would get them. */
async function problemsOf(rule: Rule): Promise<readonly Problem[]> {
  const { example } = rule;
  if (example.kind === "csv") return csvProblems(example);
  const limits = { ...DEFAULT_WORKBOOK_LIMITS, ...(example.kind === "workbook" ? example.limits : {}) };
  const opened = openUpload(exampleBytes(example), limits);
  if (opened.format === "refused") return [opened.problem];
  if (opened.format === "csv") return [];
  const reading = readSheet(opened.sheet);
  return reading.ok ? [] : [reading.problem];
}

describe("the rule catalogue", () => {
  const rules = ruleCatalogue();

  it("has exactly one rule for every message code, and no rule without one", () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(messages).sort());
  });

  it("never renames or removes an id: the ids are the published list", () => {
    expect(new Set(rules.map((rule) => rule.id))).toEqual(new Set(PUBLISHED_IDS));
  });

  it("lists the rules by section, in the order a file is checked, the same way every time", () => {
    const sections = rules.map((rule) => RULE_SECTIONS.indexOf(rule.section));
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    expect(ruleCatalogue().map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(rules.slice(0, 3).map((rule) => rule.id)).toEqual(["fileTooLarge", "emptyFile", "xlsWorkbook"]);
    expect(rules.at(-1)?.id).toBe("moreProblems");
  });

  it("finds a rule by its id", () => {
    expect(ruleOf("formulaWithoutValue")).toMatchObject({ severity: "error", section: "workbook" });
  });

  it("explains every rule in a sentence and describes every example", () => {
    for (const rule of rules) {
      expect(rule.explanation, rule.id).toMatch(/^[A-Z].*\.$/s);
      expect(rule.example.description.length, rule.id).toBeGreaterThan(5);
    }
  });

  it.each(ruleCatalogue().map((rule) => [rule.id, rule] as const))(
    "%s: its example yields the rule, with its severity",
    async (_, rule) => {
      const problems = await problemsOf(rule);
      const found = problems.filter((problem) => problem.code === rule.id);
      expect(found.length, JSON.stringify(problems, null, 1)).toBeGreaterThan(0);
      for (const problem of found) expect(problem.severity).toBe(rule.severity);
      const others = problems.filter((problem) => problem.code !== rule.id).map((problem) => problem.code);
      expect(others, "the example shows its rule alone").toEqual(
        rule.id === "moreProblems" ? ["notANumber", "notANumber"] : [],
      );
    },
  );
});
