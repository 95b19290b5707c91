import { codePointName, escapeForbiddenCharacters } from "../reporting/characters.js";

/**
 * Every sentence said about a scenario file (redistribution-scenarios.md), in one place: to the Global Council
 * when it uploads one, and to whoever runs `observatory simulate`. Each starts with the field it is about and
 * says what the field must be; a value from the file is quoted with its control and bidirectional characters
 * escaped, never echoed raw.
 */
const quote = (value: string) =>
  escapeForbiddenCharacters(JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value));
const and = (values: readonly string[]) =>
  values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} and ${values.at(-1)}`;
const or = (values: readonly string[]) =>
  values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;

/** A value of the file as a message shows it: text quoted, numbers as written, lists and objects by kind. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `the text ${quote(value)}`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "an object";
}

export const scenarioMessages = {
  scenarioTooLarge: (bytes: number, limit: number) =>
    `the file is ${bytes.toLocaleString("en-US")} bytes; a scenario file holds at most ${limit.toLocaleString("en-US")} bytes`,
  scenarioNotUtf8: () => "the file is not UTF-8 text: save the scenario as a UTF-8 JSON file",
  scenarioNotJson: (line: number, column: number) =>
    `the file is not valid JSON: line ${line}, column ${column} breaks it (a scenario file is one JSON object, as docs/scenarios.md shows)`,
  scenarioNotObject: (value: unknown) =>
    `the file holds ${describeJsonValue(value)}, not a JSON object: a scenario file is one object { "scenario": "1", "id": ..., ... }`,
  scenarioDuplicateField: (path: string) =>
    `${path}: given twice; write each field once, so that the file says one thing`,
  scenarioUnknownField: (path: string, known: readonly string[]) =>
    `${path}: unknown field; the fields here are ${and(known)}`,
  scenarioMissingField: (path: string) => `${path}: missing; a scenario file needs it`,
  scenarioWrongType: (path: string, expected: string, value: unknown) =>
    `${path}: must be ${expected}, not ${describeJsonValue(value)}`,
  scenarioOutOfRange: (path: string, range: string, value: unknown) =>
    `${path}: must be ${range}, not ${describeJsonValue(value)}`,
  scenarioVersion: (value: unknown) =>
    `scenario: must be "1", the version of the scenario format this observatory reads, not ${describeJsonValue(value)}`,
  scenarioInvalidId: (value: string) =>
    `id: must be 2 to 64 lower-case letters, digits and hyphens, starting with a letter or digit, not ${quote(value)}`,
  scenarioEmptyText: (path: string) => `${path}: must not be empty; say it in plain words`,
  scenarioForbiddenCharacter: (path: string, codes: readonly number[]) =>
    `${path}: holds ${and(codes.map(codePointName))}, a control or bidirectional formatting character; remove it`,
  scenarioUnknownRule: (value: unknown, rules: readonly string[]) =>
    `allocation.rule: must be ${or(rules.map((rule) => `"${rule}"`))}, not ${describeJsonValue(value)}`,
  scenarioNoYears: () =>
    "years: lists no year; name at least one, or leave the field out for every year with financial reports",
  scenarioDuplicateYear: (year: number) => `years: lists ${year} more than once`,
  scenarioYearNotInLake: (year: number, available: readonly number[]) =>
    `years: ${year} has no current financial reports in the lake (${available.length === 0 ? "it holds none yet" : `years with reports: ${and(available.map(String))}`})`,
  scenarioDuplicateId: (id: string, otherFile: string) =>
    `id: ${quote(id)} is also the id of ${quote(otherFile)}; each scenario needs an id of its own`,
  scenarioNotCouncil: (uploader: string) =>
    `only the Global Council uploads scenarios, not ${quote(uploader)}: a scenario is a policy the Council tests`,
} as const;

/** The stable identifier of a rule of the scenario file, as every problem about one carries it. */
export type ScenarioMessageCode = keyof typeof scenarioMessages;
