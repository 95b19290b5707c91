/** The forms of a text by plural category (CLDR's, as `Intl.PluralRules` names them); `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/**
 * The form of a text for `count` in a language, chosen by `Intl.PluralRules` (English and Spanish:
 * one, other; French: one for 0 and 1, many for millions; Arabic: zero, one, two, few, many, other).
 */
export function plural(count: number, lang: string, forms: PluralForms): string {
  return forms[new Intl.PluralRules(lang).select(count)] ?? forms.other;
}
