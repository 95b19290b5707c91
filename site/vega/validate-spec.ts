import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { LoggerInterface, Spec as VegaSpec } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import vegaLiteSchema from "vega-lite/vega-lite-schema.json" with { type: "json" };

/** A spec that fails the Vega-Lite schema or compiles with warnings; `problems` lists every finding. */
export class SpecValidationError extends Error {
  constructor(
    readonly specName: string,
    readonly problems: readonly string[],
  ) {
    super(`Vega-Lite spec ${specName} is invalid:\n- ${problems.join("\n- ")}`);
    this.name = "SpecValidationError";
  }
}

/** The outcome of checking one spec. */
export interface SpecCheck {
  /** Schema errors and compiler warnings or errors; empty when the spec is valid. */
  readonly problems: readonly string[];
  /** The Vega spec the compiler produced, when it produced one. */
  readonly compiled: VegaSpec | null;
}

let schemaValidator: ValidateFunction | undefined;

/** The official Vega-Lite schema (draft-07) compiled once per process; compiling it takes about a second. */
function vegaLiteSchemaValidator(): ValidateFunction {
  if (!schemaValidator) {
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      formats: {
        uri: true,
        "uri-reference": true,
        "color-hex": /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i,
      },
    });
    schemaValidator = ajv.compile(vegaLiteSchema as object);
  }
  return schemaValidator;
}

function describeSchemaError(error: ErrorObject): string {
  return `schema: ${error.instancePath || "/"} ${error.message ?? error.keyword} (${error.schemaPath})`;
}

/** A Vega logger that records warnings and errors instead of printing them. */
function collectingLogger(findings: string[]): LoggerInterface {
  let level = 2;
  const logger: LoggerInterface = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      findings.push(`compile error: ${args.map(String).join(" ")}`);
      return logger;
    },
    warn(...args: unknown[]) {
      findings.push(`compile warning: ${args.map(String).join(" ")}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/**
 * Checks a spec against the official Vega-Lite JSON schema and compiles it with `vega-lite`,
 * collecting every schema error and every compiler warning.
 */
export function checkSpec(spec: unknown): SpecCheck {
  const validate = vegaLiteSchemaValidator();
  const problems: string[] = [];
  if (!validate(spec)) problems.push(...(validate.errors ?? []).map(describeSchemaError));
  let compiled: VegaSpec | null = null;
  try {
    compiled = compile(spec as TopLevelSpec, { logger: collectingLogger(problems) }).spec;
  } catch (error) {
    problems.push(`compile error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { problems, compiled };
}

/**
 * Validates a spec (see {@link checkSpec}) and returns the compiled Vega spec; any schema error or
 * compiler warning throws a {@link SpecValidationError}.
 */
export function validateSpec(name: string, spec: TopLevelSpec): VegaSpec {
  const { problems, compiled } = checkSpec(spec);
  if (problems.length > 0 || compiled === null) throw new SpecValidationError(name, problems);
  return compiled;
}
