import { describe, expect, it } from "vitest";
import { SeededRandom, WeightedPicker } from "../../functions/sample/random.js";

describe("SeededRandom", () => {
  it("repeats its sequence for a seed and stream, and differs across seeds and streams", () => {
    const draw = (random: SeededRandom) => Array.from({ length: 5 }, () => random.next());
    const first = draw(new SeededRandom(2026, "a"));
    expect(draw(new SeededRandom(2026, "a"))).toEqual(first);
    expect(draw(new SeededRandom(2027, "a"))).not.toEqual(first);
    expect(draw(new SeededRandom(2026, "b"))).not.toEqual(first);
    expect(draw(new SeededRandom(2026).fork("a"))).toEqual(first);
  });

  it("stays in range", () => {
    const random = new SeededRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      const integer = random.int(3, 5);
      expect(integer >= 3 && integer <= 5 && Number.isInteger(integer)).toBe(true);
    }
  });
});

describe("WeightedPicker", () => {
  it("picks in proportion to the weights and never a zero weight", () => {
    const picker = new WeightedPicker([
      ["a", 3],
      ["b", 1],
      ["never", 0],
    ] as const);
    const random = new SeededRandom(5);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[picker.pick(random)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.7);
    expect(counts.a / counts.b).toBeLessThan(3.3);
  });
});
