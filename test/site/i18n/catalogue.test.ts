import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUES, type Language, type Messages } from "../../../site/i18n/catalogue.js";
import { en } from "../../../site/i18n/en.js";

type FunctionKey = {
  [K in keyof Messages]: Messages[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Messages];
type PlainKey = {
  [K in keyof Messages]: Messages[K] extends string ? K : never;
}[keyof Messages];
type AnyFunction = (...args: readonly unknown[]) => unknown;

/** Locale settings rather than texts: they may legitimately match English (`ltr`, `: `) or be codes. */
const LOCALE_KEYS: readonly PlainKey[] = [
  "lang",
  "numberLocale",
  "dateLocale",
  "dir",
  "languageName",
  "colon",
];

/**
 * Texts that may read exactly as in English, per language, as `key` or `record.key`: technical
 * tokens, and the word "hub", which the Spanish-speaking movement uses as it is.
 */
const SAME_AS_ENGLISH: Readonly<Record<Language, readonly string[]>> = {
  en: [],
  es: [
    "columnSha",
    "filterHub",
    "columnHub",
    "navHubs",
    "hubsHeading",
    "tableGroupHubs",
    "scopes.hub",
    "hubKinds.regional",
    "hubReportLabel",
  ],
  fr: [
    "columnSha",
    "filterHub",
    "columnHub",
    "navHubs",
    "navMain",
    "hubsHeading",
    "tableGroupHubs",
    "scopes.hub",
    "columnImpact",
    "navLabel",
    "hubReportLabel",
  ],
  ar: ["columnSha"],
};

const RECORD_KEYS = [
  "units",
  "directions",
  "scopes",
  "allocationStates",
  "reportingStates",
  "hubKinds",
  "reportKinds",
  "changeReadings",
  "withheldReasons",
  "frameworkFieldNames",
  "regionBases",
  "regionBasisShort",
  "regionBasisNote",
] as const satisfies readonly (keyof Messages)[];

/** Sample arguments for every function entry; a new function in `Messages` must get some here. */
const SAMPLES: { readonly [K in FunctionKey]: readonly Parameters<Messages[K]>[] } = {
  pageTitle: [["Regions"]],
  footerFramework: [["2026.1"]],
  overviewLede: [[2025, "2026.1"]],
  overviewLensLink: [["outcomes"]],
  disclosureNote: [
    [7, ["region"]],
    [7, ["region", "hub", "country"]],
  ],
  headlineChange: [
    ["up", "2.5 pp", 2024],
    ["down", "2.5 pp", 2024],
  ],
  headlineUnchanged: [[2024]],
  headlineNoPrevious: [[2024]],
  percentagePoints: [["2.5"]],
  tableCaption: [["Participants"]],
  noteSuppressed: [[7]],
  chartMovementTitle: [
    [2021, 2025],
    [2025, 2025],
  ],
  chartByRegionTitle: [[2025]],
  chartByRegionMovementTitle: [[2025, "41.3%"]],
  chartRegionsOverTimeTitle: [
    [2021, 2025],
    [2025, 2025],
  ],
  chartSuppressed: [[7, ["Alpha", "Beta"]]],
  chartNoValue: [[["Alpha", "Beta"]]],
  chartMissingFrom: [[2025, ["Alpha", "Beta"]]],
  describeMovementChart: [["Participants", ["2024: 100", "2025: 120"]]],
  describeByRegionChart: [["Participants", 2025, ["Alpha: 100", "Beta: 120"]]],
  describeRegionsOverTimeChart: [["Participants", ["Alpha, 2025: 100.", "Beta, 2025: 120."]]],
  describePoint: [["Alpha", "41.3%"]],
  describeSeries: [["Alpha", ["2024: 100", "2025: 120"]]],
  frameworkLede: [["2026.1"]],
  frameworkK: [[7]],
  target: [
    [">=", "40.0%"],
    ["<=", "0.300"],
  ],
  chartSuppressedReason: [[7]],
  chartLorenzTitle: [
    [2025, null],
    [2025, "0.412"],
  ],
  describeLorenz: [[2025, "18.2%", "31.7%", "Funding title"]],
  chartTheilTitle: [
    [2021, 2025],
    [2025, 2025],
  ],
  describeTheil: [[["2024: x.", "2025: y."]]],
  describeTheilYear: [[2025, "0.412", "0.301", "0.111"]],
  chartRaisedDeployedTitle: [[2025]],
  describeRaisedDeployed: [[2025, ["Alpha: r, d.", "Beta: r, d."]]],
  describeRaisedDeployedRegion: [["Alpha", "$1.2M", "$3.4M"]],
  chartNetTransferTitle: [[2025]],
  describeNetTransfer: [[2025, ["Alpha: $1.2M", "Beta: −$0.8M"]]],
  chartReconciliationTitle: [[2025]],
  describeReconciliation: [
    [2025, 12, []],
    [2025, 12, ["Hub A: gap ($1,200)"]],
    [2025, 12, ["Hub A: gap ($1,200)", "Hub B: not reported"]],
  ],
  chartReportingGridTitle: [
    [2021, 2025],
    [2025, 2025],
  ],
  describeReportingYear: [
    [
      2025,
      [
        ["StateA", 10],
        ["StateB", 2],
        ["StateC", 1],
      ],
    ],
  ],
  describeReportingGrid: [
    [["2024: x.", "2025: y."], 2025, []],
    [["2024: x.", "2025: y."], 2025, ["Hub A (StateB)"]],
  ],
  chartRegionMoneyTitle: [
    [2021, 2025],
    [2025, 2025],
  ],
  describeRegionMoney: [["Alpha", ["2024: x.", "2025: y."]]],
  chartRegionSharesTitle: [[2025]],
  describeRegionShares: [["Alpha", 2025, ["Share one 41.3% (m 30.0%)", "Share two 12.0% (m 9.0%)"]]],
  describeVersus: [["Share one", "41.3%", "30.0%"]],
  headlineStatement: [
    ["participants", "12,345", 2025],
    ["global_south_share", "41.3%", 2025],
  ],
  headlineGeneric: [["Language diversity", "3.34", 2025]],
  comparedWith: [
    ["up", "40.0%", 2024],
    ["down", "40.0%", 2024],
    ["unchanged", "40.0%", 2024],
  ],
  targetLabel: [["at least 40.0%"]],
  regionLede: [
    ["Alpha", 2025],
    ["Alpha", null],
  ],
  regionFiguresCaption: [["Alpha"]],
  hubLede: [
    ["KindX", "Alpha"],
    ["KindX", null],
  ],
  hubActiveYears: [
    [2019, null],
    [2019, 2023],
  ],
  evidenceYearHeading: [[2025]],
  supersededBy: [["rep-0042"]],
  earlierVersions: [[1], [2], [5], [12], [100]],
  reportsCount: [[1], [2], [5], [12], [100]],
  frameworkChangesLede: [["2025.2", "2026.1"]],
  frameworkChanged: [[["formula", "unit"]]],
  targetGap: [
    ["above", "2.5 pp"],
    ["below", "2.5 pp"],
    ["on", "0.0 pp"],
  ],
  targetAt: [["at least 40.0%", ["Movement"]]],
  targetOfMovement: [["at least 40.0%"]],
  disclosureParticipantsAt: [[["Region", "Hub"]]],
  eachHubSummary: [[1], [12]],
  eachCountrySummary: [[1], [12]],
  tableCaptionHubs: [["Participants"]],
  tableCaptionCountries: [["Participants"]],
  columnSeatRegion: [["Alpha"]],
  hubFiguresCaption: [["Hub A"]],
  countriesCaption: [[2025]],
  countriesYearHeading: [[2025]],
  regionsComparisonHeading: [[2025]],
  regionsComparisonCaption: [[2025]],
  frameworkSuppressionScopes: [[["Region", "Hub", "Country"]]],
  frameworkEarlierVersion: [["2026.1"]],
  frameworkVersionIndicators: [["2026.1"]],
  chartTargetNote: [["at least 50.0%"]],
  chartNarrowRange: [["3.83", "3.87", 2023, 2025]],
  chartNarrowRangeRegions: [["3.83", "3.87"]],
};

/** Tokens of an argument list that a translation must carry over when English does. */
function tokensOf(args: readonly unknown[]): string[] {
  return args.flatMap((arg) => {
    if (typeof arg === "number") return [String(arg)];
    if (typeof arg === "string")
      return arg === "up" || arg === "down" || arg === "unchanged" || arg.length <= 2 ? [] : [arg];
    if (Array.isArray(arg)) return tokensOf(arg);
    return [];
  });
}

/** Where a translation may say a number in words (Arabic "one version", "two versions"). */
const NUMBER_IN_WORDS: Readonly<Record<Language, readonly string[]>> = {
  en: [],
  es: [],
  fr: [],
  ar: ["earlierVersions", "reportsCount", "eachHubSummary", "eachCountrySummary"],
};

/** Entries whose text arguments are codes (scope names) that a translation says in its own words. */
const CODE_ARGUMENTS: readonly FunctionKey[] = ["disclosureNote", "targetGap"];

function call(messages: Messages, key: FunctionKey, args: readonly unknown[]): unknown {
  return (messages[key] as unknown as AnyFunction)(...args);
}

const frameworkIds: readonly string[] = (
  JSON.parse(readFileSync(new URL("../../../queries/framework-2026.1.json", import.meta.url), "utf8")) as {
    indicators: readonly { id: string }[];
  }
).indicators.map((indicator) => indicator.id);

const languages = Object.keys(CATALOGUES) as Language[];

describe("CATALOGUES", () => {
  it("publishes English first, then Spanish, French and Arabic", () => {
    expect(languages).toEqual(["en", "es", "fr", "ar"]);
    expect(CATALOGUES.en).toBe(en);
  });
});

describe.each(languages)("the %s catalogue", (language) => {
  const messages: Messages = CATALOGUES[language];
  const plainKeys = (Object.keys(en) as (keyof Messages)[]).filter(
    (key) => typeof en[key] === "string",
  ) as PlainKey[];
  const functionKeys = Object.keys(SAMPLES) as FunctionKey[];

  it("has exactly the entries of English", () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const key of RECORD_KEYS)
      expect(Object.keys(messages[key]).sort(), key).toEqual(Object.keys(en[key]).sort());
    const englishFunctions = (Object.keys(en) as (keyof Messages)[]).filter(
      (key) => typeof en[key] === "function",
    );
    expect([...functionKeys].sort()).toEqual(englishFunctions.sort());
  });

  it("has its language settings", () => {
    expect(messages.lang).toBe(language);
    expect(messages.dir).toBe(language === "ar" ? "rtl" : "ltr");
    expect(messages.languageName.trim()).not.toBe("");
    expect(() => new Intl.NumberFormat(messages.numberLocale).format(1234.5)).not.toThrow();
    expect(() => new Intl.DateTimeFormat(messages.dateLocale).format(new Date(0))).not.toThrow();
  });

  it("has a non-empty text for every plain entry and every record value", () => {
    for (const key of plainKeys) expect(messages[key].trim(), key).not.toBe("");
    for (const key of RECORD_KEYS) {
      for (const [entry, text] of Object.entries(messages[key]))
        expect(text.trim(), `${key}.${entry}`).not.toBe("");
    }
  });

  it("keeps record values distinct, since charts use them as legend domains", () => {
    for (const key of RECORD_KEYS) {
      const values = Object.values(messages[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  if (language !== "en")
    it("leaves no English behind beyond the allowed tokens", () => {
      const same = [
        ...plainKeys.filter((key) => !LOCALE_KEYS.includes(key) && messages[key] === en[key]),
        ...RECORD_KEYS.flatMap((key) =>
          Object.entries(messages[key])
            .filter(([entry, text]) => (en[key] as Readonly<Record<string, string>>)[entry] === text)
            .map(([entry]) => `${key}.${entry}`),
        ),
      ];
      expect(same.sort()).toEqual([...SAME_AS_ENGLISH[language]].sort());
    });

  if (language === "ar")
    it("writes every text in Arabic script beyond the allowed tokens", () => {
      const arabic = /[\u0600-\u06ff]/;
      for (const key of plainKeys) {
        if (LOCALE_KEYS.includes(key) && key !== "languageName") continue;
        if (SAME_AS_ENGLISH.ar.includes(key)) continue;
        expect(messages[key], key).toMatch(arabic);
      }
      for (const key of RECORD_KEYS) {
        for (const [entry, text] of Object.entries(messages[key]))
          expect(text, `${key}.${entry}`).toMatch(arabic);
      }
      for (const key of functionKeys) {
        for (const args of SAMPLES[key]) {
          // Only where English adds words of its own around the arguments (not "Alpha: 41.3%").
          const ownWords = tokensOf(args).reduce(
            (rest, token) => rest.split(token).join(""),
            String(call(en, key, args)),
          );
          if (/[a-z]{2,}/i.test(ownWords)) expect(call(messages, key, args), key).toMatch(arabic);
        }
      }
    });

  it("builds non-empty text from every function, using its arguments as English does", () => {
    for (const key of functionKeys) {
      const outputs = new Set<string>();
      const englishOutputs = new Set<string>();
      for (const args of SAMPLES[key]) {
        const text = call(messages, key, args);
        const english = call(en, key, args);
        expect(typeof text, `${key}(${JSON.stringify(args)})`).toBe("string");
        const sentence = text as string;
        expect(sentence.trim(), key).not.toBe("");
        outputs.add(sentence);
        englishOutputs.add(english as string);
        if (NUMBER_IN_WORDS[language].includes(key)) continue;
        for (const token of tokensOf(args)) {
          if (CODE_ARGUMENTS.includes(key) && /^[a-z]+$/.test(token)) continue;
          if ((english as string).includes(token)) expect(sentence, `${key} keeps ${token}`).toContain(token);
        }
      }
      // Different arguments that English tells apart (singular or plural, up or down) stay apart.
      expect(outputs.size, key).toBe(englishOutputs.size);
    }
  });

  it("states a headline for every indicator English states one for, and none for unknown ones", () => {
    for (const id of frameworkIds) {
      const english = en.headlineStatement(id, "41.3%", 2025);
      const text = messages.headlineStatement(id, "41.3%", 2025);
      if (english === null) {
        expect(text, id).toBeNull();
      } else {
        expect(text, id).not.toBeNull();
        expect(text, id).toContain("41.3%");
        expect(text, id).toContain("2025");
      }
    }
    expect(frameworkIds.filter((id) => en.headlineStatement(id, "1", 2025) !== null).length).toBeGreaterThan(
      0,
    );
    expect(messages.headlineStatement("no_such_indicator", "41.3%", 2025)).toBeNull();
  });
});
