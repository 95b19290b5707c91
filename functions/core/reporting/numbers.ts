/**
 * Recognises numbers written the way spreadsheets in many locales write them, so that a message can say what
 * is wrong without ever suggesting a number of another magnitude: a value that could mean two numbers is
 * reported as ambiguous, with both readings.
 */

/** Both separators, the comma last; a comma not followed by exactly three digits; or `0,` then digits. */
const DECIMAL_COMMA = /^-?\d{1,3}(?:[. \u00a0\u202f]\d{3})+,\d+$|^-?\d+,(?:\d{1,2}|\d{4,})$|^-?0,\d+$/;
/** One comma before exactly three digits: `99,999` is 99999 with a thousands separator or 99.999 with a decimal comma. */
const AMBIGUOUS_COMMA = /^-?[1-9]\d{0,2},\d{3}$/;
/** One dot before exactly three digits, where the column allows no three decimals: `1.500` is 1500 or 1.5. */
const AMBIGUOUS_DOT = /^[1-9]\d{0,2}\.\d{3}$/;
/** Groups of three digits separated by commas or spaces, optionally with a `.` fraction: only one reading. */
const THOUSANDS = /^-?\d{1,3}(?:[, \u00a0\u202f]\d{3})+(?:\.\d+)?$/;
/** Two or more dots between groups of three digits: dots separating thousands, only one reading. */
const DOT_THOUSANDS = /^-?\d{1,3}(?:\.\d{3}){2,}$/;

export type NumberFormatProblem =
  /** A decimal comma where the standard wants `.` (the value has one reading). */
  | { readonly code: "decimalComma" }
  /** A value with two readings: with the separator as thousands separator, and as decimal separator. */
  | {
      readonly code: "ambiguousNumber";
      readonly separator: "," | ".";
      readonly asThousands: string;
      readonly asDecimal: string;
    }
  /** Thousands separators in a value with one reading; `plain` is that value without them. */
  | { readonly code: "thousandsSeparator"; readonly plain: string };

export interface NumberFormatOptions {
  /** Whether a decimal comma is worth naming (not in a whole-number column, where no decimals are allowed). */
  readonly decimalComma: boolean;
  /** Whether `1.500` is ambiguous: in a column where three decimals are not a valid reading of it. */
  readonly ambiguousDot: boolean;
}

/**
 * Says how a value that is not a plain number of the standard is written, if it is a number written with
 * other separators; undefined when it is not one.
 */
export function diagnoseNumberFormat(
  value: string,
  options: NumberFormatOptions,
): NumberFormatProblem | undefined {
  if (options.decimalComma && DECIMAL_COMMA.test(value)) return { code: "decimalComma" };
  if (AMBIGUOUS_COMMA.test(value))
    return {
      code: "ambiguousNumber",
      separator: ",",
      asThousands: value.replace(",", ""),
      asDecimal: value.replace(",", "."),
    };
  if (options.ambiguousDot && AMBIGUOUS_DOT.test(value))
    return { code: "ambiguousNumber", separator: ".", asThousands: value.replace(".", ""), asDecimal: value };
  if (THOUSANDS.test(value))
    return { code: "thousandsSeparator", plain: value.replace(/[, \u00a0\u202f]/g, "") };
  if (DOT_THOUSANDS.test(value)) return { code: "thousandsSeparator", plain: value.replaceAll(".", "") };
  return undefined;
}
