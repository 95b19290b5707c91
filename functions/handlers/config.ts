/** Raised at cold start when the function's environment is incomplete or malformed; names every problem at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the function is misconfigured: ${problems.join("; ")}`);
    this.name = "ConfigurationError";
  }
}

type Reader<T> = (environment: NodeJS.ProcessEnv, problems: string[]) => T;

/** Declarations of the environment variables a function reads, validated together by `readConfig`. */
export const env = {
  string(name: string): Reader<string> {
    return (environment, problems) => {
      const value = environment[name]?.trim();
      if (!value) problems.push(`${name} is not set`);
      return value ?? "";
    };
  },
  integer(name: string, bounds: { min: number; max: number; default?: number }): Reader<number> {
    return (environment, problems) => {
      const text = environment[name]?.trim();
      if (!text) {
        if (bounds.default !== undefined) return bounds.default;
        problems.push(`${name} is not set`);
        return 0;
      }
      const value = Number(text);
      if (!Number.isInteger(value) || value < bounds.min || value > bounds.max)
        problems.push(
          `${name} must be an integer from ${bounds.min} to ${bounds.max}, not ${JSON.stringify(text)}`,
        );
      return value;
    };
  },
  /** One of a fixed set of values, e.g. a shipped framework version; `default` when the variable is unset. */
  oneOf<T extends string>(name: string, allowed: readonly T[], options: { default?: T } = {}): Reader<T> {
    return (environment, problems) => {
      const value = environment[name]?.trim();
      if (!value) {
        if (options.default !== undefined) return options.default;
        problems.push(`${name} is not set`);
        return "" as T;
      }
      if (!allowed.includes(value as T))
        problems.push(`${name} must be one of ${allowed.join(", ")}, not ${JSON.stringify(value)}`);
      return value as T;
    };
  },
} as const;

/**
 * Reads a function's configuration once, at module scope, so that a misconfigured function fails at cold start
 * with every missing or malformed variable named, never halfway through an event.
 */
export function readConfig<T extends Record<string, Reader<unknown>>>(
  spec: T,
  environment: NodeJS.ProcessEnv = process.env,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const problems: string[] = [];
  const config = Object.fromEntries(
    Object.entries(spec).map(([key, read]) => [key, read(environment, problems)]),
  ) as { [K in keyof T]: ReturnType<T[K]> };
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}
