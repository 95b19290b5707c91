/**
 * The framework in the page's language. The framework files (`queries/framework-<version>.json`) are
 * the Council's text, in English, and stay as they are; their translations are data kept beside the
 * site, one file per language (`site/i18n/framework/<lang>.json`), keyed by framework version and
 * by lens and indicator id. A formula is translated as a whole: its symbols and column names stay,
 * its words are translated. Figures, ids, units and every other field come from the framework itself.
 */
import type { Framework } from "../../functions/core/framework/framework.js";
import ar from "./framework/ar.json" with { type: "json" };
import es from "./framework/es.json" with { type: "json" };
import fr from "./framework/fr.json" with { type: "json" };

/** The translation of one framework version's texts into one language. */
export interface FrameworkTranslation {
  readonly title: string;
  readonly lenses: Readonly<Record<string, { readonly title: string; readonly question: string }>>;
  readonly disclosure: { readonly rule: string };
  readonly indicators: Readonly<
    Record<string, { readonly title: string; readonly definition: string; readonly formula: string }>
  >;
  /** The framework's `changes`, in its order. */
  readonly changes: readonly string[];
}

/** Every translation, by language and framework version. English has none: it is the framework's own text. */
export const FRAMEWORK_TRANSLATIONS: Readonly<
  Record<string, Readonly<Record<string, FrameworkTranslation>>>
> = { es, fr, ar };

/** A framework text that has no translation in a language the site is published in. */
export class MissingFrameworkTranslationError extends Error {
  constructor(
    readonly lang: string,
    readonly version: string,
    readonly what: string,
  ) {
    super(
      `framework ${version} has no ${lang} translation of ${what}: add it to site/i18n/framework/${lang}.json`,
    );
    this.name = "MissingFrameworkTranslationError";
  }
}

function required<T>(value: T | undefined, lang: string, version: string, what: string): T {
  if (value === undefined) throw new MissingFrameworkTranslationError(lang, version, what);
  return value;
}

/**
 * The framework with its titles, questions, definitions, formulas, disclosure rule and changes in
 * `lang`; English returns it unchanged. A text without a translation is an error, never English
 * shown in its place.
 */
export function localFramework(framework: Framework, lang: string): Framework {
  if (lang === "en") return framework;
  const { version } = framework;
  const translation = required(FRAMEWORK_TRANSLATIONS[lang]?.[version], lang, version, "any text");
  if (translation.changes.length !== framework.changes.length)
    throw new MissingFrameworkTranslationError(lang, version, "every change (their numbers differ)");
  return {
    ...framework,
    title: translation.title,
    lenses: framework.lenses.map((lens) => {
      const text = required(translation.lenses[lens.id], lang, version, `lens ${lens.id}`);
      return { ...lens, title: text.title, question: text.question };
    }),
    disclosure: { ...framework.disclosure, rule: translation.disclosure.rule },
    indicators: framework.indicators.map((indicator) => {
      const text = required(translation.indicators[indicator.id], lang, version, `indicator ${indicator.id}`);
      return { ...indicator, title: text.title, definition: text.definition, formula: text.formula };
    }),
    changes: framework.changes.map((change, i) => ({
      ...change,
      text: required(translation.changes[i], lang, version, `change ${i + 1}`),
    })),
  };
}
