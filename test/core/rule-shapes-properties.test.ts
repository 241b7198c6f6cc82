/**
 * Invariants of the rule shapes over generated runs: every item stays within [0, max]; a better value
 * never scores less; equal values score the same; the best unit of the run earns full marks.
 */
import fc from "fast-check";
import { grid } from "../helpers/grid";
import { assessed, rubricOf } from "../helpers/rubric";

type Direction = "atLeast" | "atMost";

const runOf = fc.array(fc.integer({ min: 0, max: 1000 }).map((x) => x / 10), { minLength: 1, maxLength: 25 });
const direction = fc.constantFrom<Direction>("atLeast", "atMost");
const max = fc.integer({ min: 1, max: 30 });

const shapes = (d: Direction): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(
    fc.constant({ type: "relativeBest", indicator: "率", direction: d }),
    fc.record({ step: fc.integer({ min: 0, max: 40 }).map((x) => x / 4) }).map((r) => ({ type: "rank", indicator: "率", direction: d, ...r })),
    fc.record({ base: fc.integer({ min: 0, max: 1 }) }).map((r) => ({ type: "efficacy", indicator: "率", direction: d, satisfactory: "best", unacceptable: "worst", base: r.base })),
    fc.constant({ type: "relativeAverage", indicator: "率", direction: d, points: 0.5 }),
  );

function scored(values: number[], rule: Record<string, unknown>, itemMax: number) {
  const r = rubricOf({ indicators: [{ name: "率", type: "percent" }], items: [{ name: "项目", max: itemMax, rules: [rule] }] });
  const a = assessed(grid([["单位", "率"], ...values.map((v, i) => [`单位${i}`, v])]), r);
  return a.units.map((u, i) => ({ value: values[i] as number, score: u.items[0]?.score as number }));
}

describe("rule shapes relative to the run (property)", () => {
  it("stay within [0, max], are monotone in the value, give equal values equal scores and the best unit full marks", () => {
    fc.assert(
      fc.property(runOf, direction.chain((d) => fc.tuple(fc.constant(d), shapes(d))), max, (values, [d, rule], itemMax) => {
        const units = scored(values, rule, itemMax);
        const better = (a: number, b: number) => (d === "atLeast" ? a >= b : a <= b);
        for (const u of units) {
          expect(u.score).toBeGreaterThanOrEqual(0);
          expect(u.score).toBeLessThanOrEqual(itemMax);
          for (const w of units) if (better(u.value, w.value)) expect(u.score).toBeGreaterThanOrEqual(w.score);
        }
        const best = d === "atLeast" ? Math.max(...values) : Math.min(...values);
        // relativeAverage only deducts below the average, which the best unit never is.
        for (const u of units) if (u.value === best) expect(u.score).toBe(itemMax);
      }),
      { numRuns: 150 },
    );
  });

  it("bands and 折算 stay within [0, max] and are monotone for any bands", () => {
    const band = fc.record({ min: fc.integer({ min: 0, max: 100 }), share: fc.integer({ min: 0, max: 4 }).map((x) => x / 4) });
    const bandsRule = fc.uniqueArray(band, { minLength: 1, maxLength: 4, selector: (b) => b.min })
      // Monotone bands: a higher lower bound never earns a smaller share.
      .map((bs) => {
        const sorted = [...bs].sort((a, b) => a.min - b.min);
        const shares = sorted.map((b) => b.share).sort((a, b) => a - b);
        return { type: "bands", indicator: "率", bands: sorted.map((b, i) => ({ min: b.min, share: shares[i] })) };
      });
    const converted = fc.integer({ min: 1, max: 200 }).map((outOf) => ({ type: "converted", indicator: "率", outOf }));
    fc.assert(
      fc.property(runOf, fc.oneof(bandsRule, converted), max, (values, rule, itemMax) => {
        const units = scored(values, rule, itemMax);
        for (const u of units) {
          expect(u.score).toBeGreaterThanOrEqual(0);
          expect(u.score).toBeLessThanOrEqual(itemMax);
          for (const w of units) if (u.value >= w.value) expect(u.score).toBeGreaterThanOrEqual(w.score);
        }
      }),
      { numRuns: 150 },
    );
  });
});
