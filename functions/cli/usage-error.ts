/** A command was called with options that do not make sense; the CLI exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The value of a required option, or a usage error naming it. */
export function required<T>(value: T | undefined, option: string): T {
  if (value === undefined || value === "") throw new UsageError(`${option} is required`);
  return value;
}

/** A whole number option within bounds, or a usage error. */
export function wholeNumber(
  value: string | undefined,
  option: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max)
    throw new UsageError(
      `${option} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`,
    );
  return number;
}
