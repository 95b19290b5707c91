/**
 * The validator page's and the rule catalogue page's words, one object per language in the site's catalogues.
 * The page's script gets the check texts as JSON, so they are plain strings: `{name}` marks where a value goes
 * (see {@link fill}), and a text that depends on a count has its plural forms.
 */
import type { RuleSection } from "../../functions/core/reporting/rule-catalogue.js";
import type { PluralForms } from "../i18n/plural.js";

/** The validator page's words. */
export interface CheckTexts {
  readonly heading: string;
  readonly lede: string;
  /** That the file stays on the computer. */
  readonly privacy: string;
  readonly chooseLabel: string;
  readonly dropHint: string;
  readonly noScript: string;
  readonly checking: string;
  /** The page could not load what it checks against. */
  readonly referenceFailed: string;
  /** `{file}`: the file has no problem at all. */
  readonly clean: string;
  /** `{file}`, `{errors}`, `{warnings}`: the count of each. */
  readonly summary: string;
  /** `{count}` errors. */
  readonly errors: PluralForms;
  /** `{count}` warnings. */
  readonly warnings: PluralForms;
  /** The file may be sent: it has only warnings. */
  readonly sendable: string;
  /** The file would be refused. */
  readonly refused: string;
  readonly problemsHeading: string;
  /** `{count}`: how often a rule is broken. */
  readonly times: PluralForms;
  readonly error: string;
  readonly warning: string;
  /** `{count}`: opens the rest of a group. */
  readonly showAll: PluralForms;
  readonly wholeFile: string;
  /** `{row}`, `{column}`. */
  readonly rowColumn: string;
  /** `{row}`. */
  readonly rowOnly: string;
  /** `{row}`: the caption of the rows around a problem. */
  readonly contextCaption: string;
  /** The header of the row numbers' column. */
  readonly rowHeader: string;
  /** Read out after the cell of a problem. */
  readonly problemHere: string;
  readonly rowsLeftOut: string;
  /** Says that the problem sentences are in English. */
  readonly englishNote: string;
  readonly downloadsHeading: string;
  readonly downloadAnnotated: string;
  readonly downloadProblems: string;
  readonly uploadHeading: string;
  readonly uploadText: string;
}

/** The rule catalogue page's words. */
export interface RulesTexts {
  readonly heading: string;
  readonly lede: string;
  readonly englishNote: string;
  readonly contents: string;
  readonly sections: Readonly<Record<RuleSection, string>>;
  readonly columnRule: string;
  readonly columnSeverity: string;
  readonly columnExplanation: string;
  readonly columnExample: string;
  /** `{file}`: an example given as a file's bytes. */
  readonly exampleFile: string;
  /** `{sheet}`: an example workbook's first sheet. */
  readonly exampleSheet: string;
}

/** Puts values into a text at its `{name}` marks. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (mark, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : mark,
  );
}
