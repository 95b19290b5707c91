import { describe, expect, it } from "vitest";
import {
  type Framework,
  frameworkVersions,
  loadFramework,
} from "../../../functions/core/framework/framework.js";
import { diffFrameworks } from "../../../functions/core/framework/framework-diff.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import {
  FRAMEWORK_TRANSLATIONS,
  localFramework,
  MissingFrameworkTranslationError,
} from "../../../site/i18n/framework-translations.js";

const versions = frameworkVersions();
const frameworks = versions.map((version) => loadFramework(version));
const translated = Object.keys(CATALOGUES).filter((lang) => lang !== "en");

/** Every text of a framework a reader sees, by where it is. */
function texts(framework: Framework): Map<string, string> {
  return new Map<string, string>([
    ["title", framework.title],
    ["disclosure", framework.disclosure.rule],
    ...framework.lenses.flatMap((lens): [string, string][] => [
      [`lens ${lens.id} title`, lens.title],
      [`lens ${lens.id} question`, lens.question],
    ]),
    ...framework.indicators.flatMap((indicator): [string, string][] => [
      [`${indicator.id} title`, indicator.title],
      [`${indicator.id} definition`, indicator.definition],
      [`${indicator.id} formula`, indicator.formula],
    ]),
    ...framework.changes.map((change, i): [string, string] => [`change ${i + 1}`, change.text]),
  ]);
}

/** Texts (not formulas) that read the same in a language as in English. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  es: [],
  fr: ["participants title", "lens redistribution title"],
  ar: [],
};

describe("framework translations", () => {
  it("cover every shipped version, and no other", () => {
    expect(versions).toEqual(["2026.1", "2026.2"]);
    for (const lang of translated)
      expect(Object.keys(FRAMEWORK_TRANSLATIONS[lang] ?? {}).sort(), lang).toEqual(versions);
  });

  describe.each(translated)("in %s", (lang) => {
    it.each(versions)(
      "translate every indicator, lens, change and disclosure text of %s, and name nothing the framework lacks",
      (version) => {
        const framework = loadFramework(version);
        const translation = FRAMEWORK_TRANSLATIONS[lang]?.[version];
        expect(Object.keys(translation?.indicators ?? {}).sort()).toEqual(
          framework.indicators.map((indicator) => indicator.id).sort(),
        );
        expect(Object.keys(translation?.lenses ?? {}).sort()).toEqual(
          framework.lenses.map((lens) => lens.id).sort(),
        );
        expect(translation?.changes).toHaveLength(framework.changes.length);
        const local = texts(localFramework(framework, lang));
        const english = texts(framework);
        expect([...local.keys()]).toEqual([...english.keys()]);
        for (const [where, text] of local) {
          expect(text.trim(), where).not.toBe("");
          if (where.endsWith("formula")) continue;
          if (!SAME_AS_ENGLISH[lang]?.includes(where)) expect(text, where).not.toBe(english.get(where));
          if (lang === "ar") expect(text, where).toMatch(/[\u0600-\u06ff]/);
        }
      },
    );

    it("change only the texts: ids, units, targets and scopes stay the framework's", () => {
      for (const framework of frameworks) {
        const local = localFramework(framework, lang);
        expect(local.version).toBe(framework.version);
        expect(local.indicators.map(({ title, definition, formula, ...rest }) => rest)).toEqual(
          framework.indicators.map(({ title, definition, formula, ...rest }) => rest),
        );
        expect(local.changes.map((change) => change.indicators)).toEqual(
          framework.changes.map((change) => change.indicators),
        );
        expect({ ...local.disclosure, rule: "" }).toEqual({ ...framework.disclosure, rule: "" });
      }
    });

    it("translate a text that did not change between versions the same way, so what changed reads the same in every language", () => {
      for (let i = 1; i < frameworks.length; i++) {
        const [older, newer] = [frameworks[i - 1] as Framework, frameworks[i] as Framework];
        const local = diffFrameworks(localFramework(older, lang), localFramework(newer, lang));
        expect(local.changed).toEqual(diffFrameworks(older, newer).changed);
      }
    });
  });

  it("refuses to publish a version it has no translation of, naming the file to add it to", () => {
    const future: Framework = { ...loadFramework("2026.2"), version: "2099.1" };
    expect(() => localFramework(future, "fr")).toThrow(MissingFrameworkTranslationError);
    expect(() => localFramework(future, "fr")).toThrow(/site\/i18n\/framework\/fr\.json/);
    expect(localFramework(future, "en")).toBe(future);
  });
});
