/**
 * A stored cell value as the text a person sees: numbers to the 15 significant digits spreadsheet programs
 * show, dates as ISO 8601 text to the precision their format shows.
 */

/** Significant digits Excel and LibreOffice show of a number (General format, formula bar). */
const SHOWN_DIGITS = 15;
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Beyond this exponent a stored text is no double at all; it is kept as written. */
const MAX_EXPONENT = 400;

/**
 * The number stored as `text` (such as `0.30000000000000004` or `1.5E-3`) as a person sees it: rounded to 15
 * significant digits (half up, on the decimal digits, never through a double), in plain notation without
 * trailing zeros (`0.3`, `0.0015`). Text that is not a number is returned as written.
 */
export function shownNumber(text: string): string {
  const match = NUMBER.exec(text.trim());
  if (!match) return text;
  const [, signText = "", whole = "", fraction = "", exponentText = "0"] = match;
  if (whole === "" && fraction === "") return text;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > MAX_EXPONENT) return text;
  let digits = whole + fraction;
  let point = whole.length + exponent;
  const leadingZeros = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(leadingZeros);
  point -= leadingZeros;
  if (digits === "") return "0";
  if (digits.length > SHOWN_DIGITS) {
    const roundUp = digits.charCodeAt(SHOWN_DIGITS) >= 53;
    digits = digits.slice(0, SHOWN_DIGITS);
    if (roundUp) {
      const incremented = (BigInt(digits) + 1n).toString();
      if (incremented.length > digits.length) point++;
      digits = incremented;
    }
  }
  digits = digits.replace(/0+$/, "");
  const sign = signText === "-" ? "-" : "";
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * What a date or time format shows: the date to the day, month, quarter or year (or not at all), the time to the
 * minute or second (or not at all); `elapsed` for durations such as `[h]:mm`, whose hours go past 24.
 */
export interface DateShape {
  readonly date: "day" | "month" | "quarter" | "year" | "none";
  readonly time: "seconds" | "minutes" | "none";
  readonly elapsed?: boolean;
}

/** The shape of a date whose format is not known: the day, and the time when there is one. */
export const FULL_DATE: DateShape = { date: "day", time: "none" };

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** A moment as ISO 8601 text to the precision of `shape` (a time always comes with the full date). */
export function dateText(moment: DateParts, shape: DateShape): string {
  const hours = shape.elapsed ? moment.totalHours : moment.hours;
  const clock =
    shape.time === "none"
      ? ""
      : `${pad(hours)}:${pad(moment.minutes)}${shape.time === "seconds" ? `:${pad(moment.seconds)}` : ""}`;
  if (shape.date === "none") return clock;
  const year = pad(moment.year, 4);
  const day = `${year}-${pad(moment.month)}-${pad(moment.day)}`;
  if (clock !== "") return `${day}T${clock}`;
  if (shape.date === "year") return year;
  if (shape.date === "quarter") return `${year}-Q${Math.ceil(moment.month / 3)}`;
  if (shape.date === "month") return `${year}-${pad(moment.month)}`;
  return day;
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  /** Whole hours since the serial's day 0, for durations. */
  readonly totalHours: number;
}

const DAY_MS = 86_400_000;
/** Serial 60 of the 1900 date system is 29 February 1900, a day that never was (Lotus 1-2-3's leap year). */
const LOTUS_LEAP_DAY = 60;
/** The first serial of year 10000, where spreadsheet dates end. */
const LAST_SERIAL = 2_958_466;

/**
 * The date of a spreadsheet serial number (days since 1900-01-00, or since 1904-01-01 in the 1904 system),
 * rounded to the second; undefined when the number is no date a spreadsheet shows (negative, or after 9999).
 */
export function serialDate(serial: number, date1904: boolean): DateParts | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= LAST_SERIAL) return undefined;
  const totalSeconds = Math.round(serial * 86_400);
  const days = Math.floor(totalSeconds / 86_400);
  const secondsOfDay = totalSeconds - days * 86_400;
  const clock = {
    hours: Math.floor(secondsOfDay / 3600),
    minutes: Math.floor((secondsOfDay % 3600) / 60),
    seconds: secondsOfDay % 60,
    totalHours: Math.floor(totalSeconds / 3600),
  };
  if (!date1904 && days === LOTUS_LEAP_DAY) return { year: 1900, month: 2, day: 29, ...clock };
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < LOTUS_LEAP_DAY ? 31 : 30);
  const date = new Date(epoch + days * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    ...clock,
  };
}

/** The parts of an ISO 8601 date or date-time as OpenDocument stores it (`2025-07-01`, `2025-07-01T10:30:00`). */
export function isoDateParts(text: string): DateParts | undefined {
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hours = "0", minutes = "0", seconds = "0"] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hours: Number(hours),
    minutes: Number(minutes),
    seconds: Number(seconds),
    totalHours: Number(hours),
  };
}

/** The parts of an ISO 8601 duration as OpenDocument stores a time (`PT36H30M00S`). */
export function durationParts(text: string): DateParts | undefined {
  const match = /^-?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  const total = Math.round(
    Number(days) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds),
  );
  return {
    year: 0,
    month: 0,
    day: 0,
    hours: Math.floor(total / 3600) % 24,
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
    totalHours: Math.floor(total / 3600),
  };
}

/** Excel's built-in number formats that show dates or times (ECMA-376 §18.8.30), by id. */
const BUILT_IN_DATE_FORMATS: Readonly<Record<number, string>> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  // East Asian built-ins: dates, except 32, 33 and 55, 56 (times).
  ...Object.fromEntries(
    [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, "yyyy-mm-dd"]),
  ),
  32: "h:mm",
  33: "h:mm:ss",
  55: "h:mm",
  56: "h:mm:ss",
};

/** The format code of a built-in number format that shows a date or time; undefined for the others. */
export function builtInDateFormat(id: number): string | undefined {
  return BUILT_IN_DATE_FORMATS[id];
}

/**
 * What an Excel number format code shows, when it shows a date or a time; undefined for a number format. Only
 * the first section (positive numbers) counts. `m` is minutes after an hour or before seconds, months otherwise;
 * `q`, which Excel does not know, is the quarter LibreOffice writes into the formats it saves as `.xlsx`.
 */
export function dateShapeOfFormat(code: string): DateShape | undefined {
  let section = "";
  let elapsed = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i);
    if (ch === ";") break;
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      i = close < 0 ? code.length : close;
    } else if (ch === "\\" || ch === "_" || ch === "*") i++;
    else if (ch === "[") {
      const close = code.indexOf("]", i + 1);
      const inside = code.slice(i + 1, close < 0 ? code.length : close);
      if (/^(h+|m+|s+)$/i.test(inside)) {
        elapsed = true;
        section += ` ${inside} `;
      }
      i = close < 0 ? code.length : close;
    } else section += ch;
  }
  const lower = section
    .toLowerCase()
    .replace(/general/g, "")
    .replace(/am\/pm|a\/p/g, " ");
  const tokens = lower.match(/y+|e+|q+|m+|d+|h+|s+|[0#?]/g) ?? [];
  const placeholders = tokens.some((token) => /^[0#?]$/.test(token));
  const units = tokens.filter((token) => !/^[0#?]$/.test(token) && !(placeholders && token.startsWith("e")));
  let year = false;
  let quarter = false;
  let month = false;
  let day = false;
  let hour = false;
  let minute = false;
  let second = false;
  units.forEach((token, index) => {
    const kind = token.charAt(0);
    if (kind === "y" || kind === "e") year = true;
    else if (kind === "q") quarter = true;
    else if (kind === "d") day = true;
    else if (kind === "h") hour = true;
    else if (kind === "s") second = true;
    else if (units[index - 1]?.startsWith("h") || units[index + 1]?.startsWith("s")) minute = true;
    else month = true;
  });
  if (!(year || month || day || hour || minute || second)) return undefined;
  const date =
    day || (month && !year) ? "day" : month ? "month" : quarter && year ? "quarter" : year ? "year" : "none";
  const time = second ? "seconds" : hour || minute ? "minutes" : "none";
  return { date, time, ...(elapsed ? { elapsed } : {}) };
}

/** Decodes the `_xHHHH_` escapes OOXML uses for characters XML cannot hold (such as `_x000D_`, a carriage return). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
