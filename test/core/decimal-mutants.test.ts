/** Hundredths and exact weighted sums at the edges of their fast paths and of the number syntax. */
import { fmt, round2, toCents, weightedSum2 } from "../../src/core/decimal";

describe("hundredths of large figures", () => {
  it("keeps every digit of a whole number of hundredths past 12 significant digits", () => {
    // 12345678901.23 × 100 is exactly 1234567890123 (13 digits); cutting it to 12 digits would give …120.
    expect(toCents(12345678901.23)).toBe(1234567890123);
    expect(toCents(-12345678901.23)).toBe(-1234567890123);
    expect(round2(12345678901.23)).toBe(12345678901.23);
    expect(fmt(12345678901.23)).toBe("12345678901.23");
  });
});

describe("weighted sums: the number syntax", () => {
  it("reads figures written with a two-digit exponent", () => {
    // 2e-10 × 5e9 = 1; 1e21 × 1 = 1e21 (a scale below 0); 0.5 × 1.5e-10 = 7.5e-11, which rounds to 0.
    expect(weightedSum2([[2e-10, 5e9]])).toBe(1);
    // (Cents / 100 in binary is within an ulp of 1e21 there, not exactly it.)
    expect(weightedSum2([[1, 1e21]]) / 1e21).toBeCloseTo(1, 12);
    expect(weightedSum2([[3, 1e21], [1, 0.25]]) / 3e21).toBeCloseTo(1, 12);
    expect(weightedSum2([[0.5, 1.5e-10]])).toBe(0);
  });

  it("refuses a figure that is not finite, naming it", () => {
    expect(() => weightedSum2([[1, Infinity]])).toThrow(new RangeError("not a finite number: Infinity"));
    expect(() => weightedSum2([[Number.NaN, 1]])).toThrow(new RangeError("not a finite number: NaN"));
  });
});
