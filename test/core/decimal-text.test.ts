import fc from "fast-check";
import { round2, sum2, fmt, toCents, weightedSum2 } from "../../src/core/decimal";
import { closest, normalizeName } from "../../src/core/text";

describe("two-decimal arithmetic", () => {
  it("rounds half up, once, without binary noise", () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(0.1 * 3)).toBe(0.3);
    expect(round2(10 - 0.8)).toBe(9.2);
    expect(round2(-1.005)).toBe(-1.01);
    expect(sum2([0.1, 0.2, 9.2, 0.3])).toBe(9.8);
    expect(fmt(2.5)).toBe("2.5");
  });

  it("always yields at most two decimals and prints without float tails", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = round2(x);
        expect(Math.abs(r * 100 - Math.round(r * 100))).toBeLessThan(1e-6);
        expect(String(r)).not.toMatch(/\.\d{3,}/);
      }),
    );
  });
});

describe("hundredths (toCents)", () => {
  /** The definition: a whole number of hundredths up to float noise is taken as it is; any other value is
   * stripped of its noise (12 significant digits, but 3 after the point of its hundredths where it has more
   * than 11 digits before it, at most 15), then rounded half away from zero. */
  const reference = (x: number) => {
    const c = Math.abs(x) * 100;
    if (Math.abs(c - Math.round(c)) < 1e-6) return Math.sign(x) * Math.round(c);
    const before = c >= 1e21 ? 22 : BigInt(Math.floor(c)).toString().length; // digits before the point
    return Math.sign(x) * Math.round(Number(c.toPrecision(Math.min(15, Math.max(12, before + 3)))));
  };
  // Values near a half-hundredth are where the fast paths could go wrong: k.5 hundredths, nudged by a few ulps.
  const nearHalf = fc
    .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: -64, max: 64 }))
    .map(([k, nudge]) => ((k + 0.5) / 100) * (1 + nudge * Number.EPSILON));

  it("equals the rounding of the value stripped of binary noise, for any double and near every half", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), nearHalf), (x) => {
        expect(toCents(x) + 0).toBe(reference(x) + 0); // + 0: −0 and 0 are the same number of cents
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps the last cent of a figure of 10¹⁰ and more that carries float noise", () => {
    // 10003475486.46 × 100 is 1000347548646.0001 in binary: 12 significant digits would round it to …650.
    expect(toCents(10003475486.46)).toBe(1000347548646);
    expect(toCents(-10000332365.88)).toBe(-1000033236588);
    expect(round2(10009906611.88)).toBe(10009906611.88);
  });

  it("rounds the halves a decimal writes up, away from zero, whatever their binary noise", () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(-2.675)).toBe(-268);
    expect(toCents(0.125)).toBe(13);
    expect(toCents(1.0049999)).toBe(100);
    expect(toCents(12345.675)).toBe(1234568);
    expect(toCents(0.3 * 3)).toBe(90);
  });
});

describe("weighted sums (composites)", () => {
  it("works the sum exactly and rounds once: 0.3 × 99.45 + 0.7 × 88.85 = 92.03", () => {
    expect(weightedSum2([[0.3, 99.45], [0.7, 88.85]])).toBe(92.03);
    expect(weightedSum2([[0.3, 97.5], [0.7, 80]])).toBe(85.25);
    expect(weightedSum2([[1, -0.005]])).toBe(-0.01); // half away from zero
    expect(weightedSum2([[0.5, 1e-7]])).toBe(0);
    // A value computed in binary (a formula cell) is read at 15 digits, as Excel shows it.
    expect(weightedSum2([[1, 0.3 * 99.45], [1, 0.7 * 88.85]])).toBe(92.03);
    expect(weightedSum2([[100, 0.1 + 0.2]])).toBe(30);
  });

  it("equals the exact rational result rounded half-up, for weights and values in hundredths", () => {
    const hundredths = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), hundredths), { minLength: 1, maxLength: 5 }), (parts) => {
        // Σ (w/100)(v/100) = Σ w·v / 10⁴; in cents: Σ w·v / 100, rounded half away from zero.
        const tenThousandths = parts.reduce((s, [w, v]) => s + w * v, 0);
        const cents = Math.sign(tenThousandths) * Math.floor((Math.abs(tenThousandths) + 50) / 100);
        expect(weightedSum2(parts.map(([w, v]) => [w / 100, v / 100] as const))).toBe(cents / 100 + 0); // + 0: never −0
      }),
    );
  });
});

describe("header names", () => {
  it("ignores spaces, full-/half-width forms and a trailing unit in brackets", () => {
    const forms = ["计划生育率(%)", "计划生育率（%）", "计划生育率 ", "计划生育率", " 计划 生育率【%】", "计划生育率(％)"];
    expect(new Set(forms.map(normalizeName)).size).toBe(1);
    expect(normalizeName("实际上缴金额(元)")).toBe("实际上缴金额");
    expect(normalizeName("出生率(‰)")).toBe(normalizeName("出生率"));
    expect(normalizeName("ＡＢＣ")).toBe("abc");
  });

  it("suggests the closest header only when it is related", () => {
    expect(closest("计划生育率", ["单位", "计划生育率达标", "群众满意率"])).toBe("计划生育率达标");
    expect(closest("实际上缴金额", ["单位", "上班正常"])).toBeUndefined();
  });
});
