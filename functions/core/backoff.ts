/**
 * How long to wait before retry `attempt` (1 for the first retry): "full jitter", a random time below
 * `min(capMs, baseMs · 2^(attempt − 1))`, so that writers who collided do not collide again in step.
 */
export function fullJitterDelay(
  attempt: number,
  bounds: { readonly baseMs: number; readonly capMs: number },
  random: () => number = Math.random,
): number {
  return random() * Math.min(bounds.capMs, bounds.baseMs * 2 ** (attempt - 1));
}
