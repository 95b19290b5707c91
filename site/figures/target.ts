import type { IndicatorDefinition, Scope, Target } from "../../functions/core/framework/framework.js";
import type { Cell } from "./cell.js";

/** How a figure stands against the Council's target: met or not, and by how much (never negative). */
export interface TargetReading {
  readonly target: Target;
  readonly met: boolean;
  /** Where the figure lies: above the target, below it, or on it. */
  readonly position: "above" | "below" | "on";
  /** |value − target|. */
  readonly gap: number;
}

/**
 * The reading of a figure against its indicator's target, at the scopes the target is set for (2026.2:
 * the movement only); null when no target applies there or the cell holds no figure. A figure equal to
 * the target meets it (`>=`, `<=`).
 */
export function targetReading(
  indicator: IndicatorDefinition,
  scope: Scope,
  cell: Cell,
): TargetReading | null {
  const target = indicator.target;
  if (!target || cell.kind !== "value") return null;
  if (!(target.scopes ?? indicator.scopes).includes(scope)) return null;
  const difference = cell.value - target.value;
  const met = target.comparison === ">=" ? difference >= 0 : difference <= 0;
  const position = difference === 0 ? "on" : difference > 0 ? "above" : "below";
  return { target, met, position, gap: Math.abs(difference) };
}

/** Whether an indicator has a target at `scope`. */
export function hasTargetAt(indicator: IndicatorDefinition, scope: Scope): boolean {
  return indicator.target !== null && (indicator.target.scopes ?? indicator.scopes).includes(scope);
}
