import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { QUERIES_DIR } from "../framework/framework.js";
import { escapeForbiddenCharacters, findForbiddenCharacters } from "../reporting/characters.js";
import type { Problem } from "../reporting/problems.js";
import { type ScenarioMessageCode, scenarioMessages } from "./scenario-messages.js";

/** The version of the scenario format this observatory reads (redistribution-scenarios.md, version 1). */
export const SCENARIO_FORMAT = "1";

/** How a scenario spends its pool on the countries with editors. */
export const ALLOCATION_RULES = ["per_editor", "level_up"] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** A scenario file, as read and checked, with every default filled in. Field names are those of the file. */
export interface Scenario {
  readonly scenario: typeof SCENARIO_FORMAT;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The years it is applied to; null for every year with current financial reports. */
  readonly years: readonly number[] | null;
  readonly contribution: {
    /** r: the share of local revenue above the floor a hub contributes, 0 ≤ r ≤ 1. */
    readonly local_revenue_rate: number;
    /** The local revenue a hub keeps before it contributes, in US dollars, ≥ 0. */
    readonly floor_usd: number;
    /** f: the share of the global fund's allocation to a hub that goes back into the pool, 0 ≤ f ≤ 1. */
    readonly global_fund_reallocation: number;
  };
  readonly allocation: {
    readonly rule: AllocationRule;
    /** The weight of a Global South country's editors, ≥ 1. */
    readonly south_weight: number;
  };
}

/** What reading a scenario file found: the scenario when the file has no problem, and every problem otherwise. */
export interface ScenarioReading {
  readonly scenario: Scenario | undefined;
  readonly problems: Problem[];
  /** The file's `id` when it is text, even if the file has problems: what ids are compared by across files. */
  readonly id?: string;
}

/** What a scenario file is checked against besides itself. */
export interface ScenarioContext {
  /**
   * The years with current financial reports in the lake: a scenario naming another year is refused. Left out
   * where the years were checked before (a scenario the lake already holds).
   */
  readonly lakeYears?: readonly number[];
}

/** A scenario file is a few hundred bytes; this leaves room for a long description. */
export const MAX_SCENARIO_BYTES = 64 * 1024;

/** The schema a scenario file is validated against where it is read, relative to `queries/`. */
export const SCENARIO_SCHEMA_FILE = "scenarios/scenario.schema.json";

const SCHEMA = JSON.parse(readFileSync(join(QUERIES_DIR, SCENARIO_SCHEMA_FILE), "utf8")) as SchemaNode;
const validateSchema = new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);

interface SchemaNode {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly minimum?: number;
  readonly maximum?: number;
}

/** The order in which the specification lists the fields; problems are reported in it. */
const FIELD_ORDER = ["scenario", "id", "title", "description", "years", "contribution", "allocation"];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Whether an upload is a scenario file rather than a report: its text (after a byte-order mark and white
 * space) opens a JSON object. A CSV report never starts with `{`; a JSON object that is not a valid scenario
 * is then refused with what is wrong with it, rather than as a CSV file with a strange header.
 */
export function looksLikeScenario(bytes: Uint8Array): boolean {
  let i = UTF8_BOM.every((byte, index) => bytes[index] === byte) ? UTF8_BOM.length : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i++;
  return bytes[i] === 0x7b;
}

/**
 * Reads a scenario file and checks it, once, where it is read: against `queries/scenarios/scenario.schema.json`,
 * then what a schema cannot say (a field given twice, text without control or bidirectional characters, years
 * listed once and present in the lake). Every problem is reported at once, each naming its field.
 */
export function readScenario(bytes: Uint8Array, context: ScenarioContext = {}): ScenarioReading {
  const problems: Problem[] = [];
  const fail = (code: ScenarioMessageCode, message: string) => {
    problems.push({ severity: "error", code, message });
    return { scenario: undefined, problems };
  };
  if (bytes.byteLength > MAX_SCENARIO_BYTES)
    return fail("scenarioTooLarge", scenarioMessages.scenarioTooLarge(bytes.byteLength, MAX_SCENARIO_BYTES));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail("scenarioNotUtf8", scenarioMessages.scenarioNotUtf8());
  }
  const scan = scanJson(text);
  if (scan.errorAt !== undefined) {
    const { line, column } = lineAndColumn(text, scan.errorAt);
    return fail("scenarioNotJson", scenarioMessages.scenarioNotJson(line, column));
  }
  const data: unknown = JSON.parse(text);
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return fail("scenarioNotObject", scenarioMessages.scenarioNotObject(data));

  for (const path of scan.duplicates)
    problems.push(problem("scenarioDuplicateField", scenarioMessages.scenarioDuplicateField(path)));
  const found: { order: number; problem: Problem }[] = [];
  const add = (path: readonly (string | number)[], entry: Problem) => {
    const order = FIELD_ORDER.indexOf(String(path[0]));
    found.push({ order: order === -1 ? FIELD_ORDER.length : order, problem: entry });
  };
  if (!validateSchema(data)) {
    const seen = new Set<string>();
    for (const error of validateSchema.errors ?? []) {
      const path = pathOf(error);
      const key = `${displayPath(path)}|${error.keyword === "maximum" ? "minimum" : error.keyword}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(path, schemaProblem(error, path, data));
    }
  }
  for (const [path, entry] of semanticProblems(data as Record<string, unknown>, context)) add(path, entry);
  problems.push(...found.sort((a, b) => a.order - b.order).map((entry) => entry.problem));
  const id = typeof (data as { id?: unknown }).id === "string" ? (data as { id: string }).id : undefined;
  if (problems.length > 0) return { scenario: undefined, problems, id };
  return { scenario: normalised(data as ScenarioFile), problems, id };
}

/** A scenario as its file gives it: the fields with defaults may be absent. */
interface ScenarioFile {
  readonly scenario: typeof SCENARIO_FORMAT;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly years?: readonly number[];
  readonly contribution: {
    local_revenue_rate: number;
    floor_usd?: number;
    global_fund_reallocation?: number;
  };
  readonly allocation: { rule: AllocationRule; south_weight?: number };
}

function normalised(file: ScenarioFile): Scenario {
  return {
    scenario: SCENARIO_FORMAT,
    id: file.id,
    title: file.title,
    description: file.description,
    years: file.years ? [...file.years].sort((a, b) => a - b) : null,
    contribution: {
      local_revenue_rate: file.contribution.local_revenue_rate,
      floor_usd: file.contribution.floor_usd ?? 0,
      global_fund_reallocation: file.contribution.global_fund_reallocation ?? 0,
    },
    allocation: { rule: file.allocation.rule, south_weight: file.allocation.south_weight ?? 1 },
  };
}

/**
 * The scenario as the lake's curated zone keeps it: the file's meaning with every default written out, in the
 * specification's field order (years left out when the scenario applies to every year). Reading it back gives
 * the same scenario.
 */
export function scenarioDocument(scenario: Scenario): string {
  const { years, ...rest } = scenario;
  const ordered = {
    scenario: rest.scenario,
    id: rest.id,
    title: rest.title,
    description: rest.description,
    ...(years === null ? {} : { years }),
    contribution: rest.contribution,
    allocation: rest.allocation,
  };
  return `${JSON.stringify(ordered, null, 1)}\n`;
}

const problem = (code: ScenarioMessageCode, message: string): Problem => ({
  severity: "error",
  code,
  message,
});

function semanticProblems(
  data: Record<string, unknown>,
  context: ScenarioContext,
): [readonly (string | number)[], Problem][] {
  const found: [readonly (string | number)[], Problem][] = [];
  for (const field of ["title", "description"] as const) {
    const value = data[field];
    if (typeof value !== "string" || value === "") continue;
    if (value.trim() === "")
      found.push([[field], problem("scenarioEmptyText", scenarioMessages.scenarioEmptyText(field))]);
    const allowed = field === "description" ? "\n" : "";
    const forbidden = findForbiddenCharacters(
      [...value].filter((character) => !allowed.includes(character)).join(""),
    );
    if (forbidden)
      found.push([
        [field],
        problem(
          "scenarioForbiddenCharacter",
          scenarioMessages.scenarioForbiddenCharacter(field, [...forbidden.control, ...forbidden.bidi]),
        ),
      ]);
  }
  const years = data.years;
  if (Array.isArray(years)) {
    const seen = new Set<number>();
    const reported = new Set<number>();
    for (const year of years) {
      if (!Number.isInteger(year)) continue;
      if (seen.has(year) && !reported.has(year)) {
        reported.add(year);
        found.push([
          ["years"],
          problem("scenarioDuplicateYear", scenarioMessages.scenarioDuplicateYear(year)),
        ]);
      }
      seen.add(year);
    }
    const lakeYears = context.lakeYears;
    if (lakeYears)
      for (const year of seen)
        if (year >= 2000 && year <= 2999 && !lakeYears.includes(year))
          found.push([
            ["years"],
            problem(
              "scenarioYearNotInLake",
              scenarioMessages.scenarioYearNotInLake(
                year,
                [...lakeYears].sort((a, b) => a - b),
              ),
            ),
          ]);
  }
  return found;
}

function schemaProblem(error: ErrorObject, path: readonly (string | number)[], data: unknown): Problem {
  const params = error.params as Record<string, unknown>;
  const value = valueAt(data, path);
  const field = displayPath(path);
  switch (error.keyword) {
    case "additionalProperties":
      return problem(
        "scenarioUnknownField",
        scenarioMessages.scenarioUnknownField(
          field,
          Object.keys(schemaAt(path.slice(0, -1))?.properties ?? {}),
        ),
      );
    case "required":
      return problem("scenarioMissingField", scenarioMessages.scenarioMissingField(field));
    case "const":
      return problem("scenarioVersion", scenarioMessages.scenarioVersion(value));
    case "pattern":
      return problem("scenarioInvalidId", scenarioMessages.scenarioInvalidId(String(value)));
    case "minLength":
      return problem("scenarioEmptyText", scenarioMessages.scenarioEmptyText(field));
    case "enum":
      return problem("scenarioUnknownRule", scenarioMessages.scenarioUnknownRule(value, ALLOCATION_RULES));
    case "minItems":
      return problem("scenarioNoYears", scenarioMessages.scenarioNoYears());
    case "minimum":
    case "maximum":
      return problem("scenarioOutOfRange", scenarioMessages.scenarioOutOfRange(field, rangeOf(path), value));
    default:
      return problem(
        "scenarioWrongType",
        scenarioMessages.scenarioWrongType(field, expectedType(String(params.type), path), value),
      );
  }
}

/** The path of the value an error is about; for a missing or unknown field, the field's own path. */
function pathOf(error: ErrorObject): (string | number)[] {
  const path: (string | number)[] = error.instancePath
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") path.push(String(params.missingProperty));
  if (error.keyword === "additionalProperties") path.push(String(params.additionalProperty));
  return path;
}

/** A field's path as messages write it: `contribution.floor_usd`, `years[1]`, an odd name quoted. */
export function displayPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else {
      const shown = segment.length > 40 ? `${segment.slice(0, 37)}...` : segment;
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)
        ? segment
        : escapeForbiddenCharacters(JSON.stringify(shown));
      text += text === "" ? name : `.${name}`;
    }
  }
  return text;
}

function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = SCHEMA;
  for (const segment of path) node = typeof segment === "number" ? node?.items : node?.properties?.[segment];
  return node;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

function rangeOf(path: readonly (string | number)[]): string {
  const node = schemaAt(path);
  const what = typeof path.at(-1) === "number" ? "a year" : "a number";
  if (node?.minimum !== undefined && node.maximum !== undefined)
    return `${what} from ${node.minimum} to ${node.maximum}`;
  return `${what} of at least ${node?.minimum ?? 0}`;
}

function expectedType(type: string, path: readonly (string | number)[]): string {
  if (typeof path.at(-1) === "number") return "a year (a whole number such as 2025)";
  if (type === "object") return "an object { ... }";
  if (type === "array") return "a list of years, such as [2024, 2025]";
  if (type === "string") return "text";
  return "a number";
}

/** A scenario nests three levels deep; a text nested deeper than this is refused where it goes deeper. */
const MAX_JSON_DEPTH = 32;

/** What a scan of a JSON text found: where its syntax first fails, and the fields it gives twice. */
interface JsonScan {
  /** The offset of the first character that breaks the JSON grammar; undefined when the text is JSON. */
  readonly errorAt: number | undefined;
  readonly duplicates: readonly string[];
}

/**
 * Scans a JSON text (RFC 8259) without building it: where its syntax first fails, as the same offset on every
 * Node version, and the paths of the fields an object gives more than once (`JSON.parse` keeps the last
 * silently; a file of evidence that says two things is refused instead).
 */
function scanJson(text: string): JsonScan {
  const duplicates: string[] = [];
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxError(i);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const string = (): string => {
    const start = i++;
    for (;;) {
      const character = text[i];
      if (character === undefined || character < " ") fail();
      if (character === '"') break;
      if (character === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[]): void => {
    space();
    if (path.length > MAX_JSON_DEPTH) fail();
    const character = text[i];
    if (character === "{") {
      i++;
      space();
      const keys = new Set<string>();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        const key = string();
        if (keys.has(key)) duplicates.push(displayPath([...path, key]));
        keys.add(key);
        space();
        if (text[i] !== ":") fail();
        i++;
        value([...path, key]);
        space();
        if (text[i] === "}") break;
        if (text[i] !== ",") fail();
        i++;
      }
      i++;
    } else if (character === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value([...path, index]);
        space();
        if (text[i] === "]") break;
        if (text[i] !== ",") fail();
        i++;
      }
      i++;
    } else if (character === '"') string();
    else {
      const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
      if (!literal) fail();
      i += (literal as RegExpExecArray)[0].length;
    }
  };
  try {
    value([]);
    space();
    if (i < text.length) fail();
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { errorAt: error.offset, duplicates };
    throw error;
  }
  return { errorAt: undefined, duplicates: [...new Set(duplicates)] };
}

class JsonSyntaxError extends Error {
  constructor(readonly offset: number) {
    super(`not JSON at offset ${offset}`);
  }
}

/** Line and column (from 1) of an offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
