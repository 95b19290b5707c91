import { expect } from "vitest";

/** The same data with every number matched to 1e-9 relative, as floating-point summation order allows. */
export function roughly(value: unknown): unknown {
  if (typeof value === "number") return expect.closeTo(value, 9 - Math.log10(Math.max(1, Math.abs(value))));
  if (Array.isArray(value)) return value.map(roughly);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, roughly(child)]));
  return value;
}
