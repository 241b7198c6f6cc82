/**
 * An item's score under random rules and random values, against a restatement in whole thousandths
 * of a point (integer arithmetic, no floating point, no shared code): 每低一个百分点扣k分 in both
 * directions and with 以上/超过, steps and rounding, 每次扣k分, 是/否 checks, 上升/下降, ranges with
 * 趋向正常, entered scores, 扣完为止 and bonus items. Any slip in src/core/score changes a score here.
 */
import fc from "fast-check";
import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";

/** Values are drawn in tenths, as officials type them (88.5%). */
interface Values { rate10: number; count: number; yes: boolean; prev10: number; score10: number }

type RuleDraw =
  | { type: "target"; target: number; direction: "atLeast" | "atMost"; p10: number | undefined; step10: 5 | 10 | 20; rounding: "none" | "ceil" | "floor"; inclusive: boolean }
  | { type: "perCount"; p10: number }
  | { type: "check"; when: boolean; p10: number | undefined }
  | { type: "improvement"; direction: "higher" | "lower"; p10: number | undefined }
  | { type: "range"; lo: number; hi: number; toward: boolean; minChange10: number; p10: number | undefined }
  | { type: "enteredScore" };

const p10 = fc.constantFrom(1, 2, 5, 10, 15, 20);
// A points rubric states every rule's points; 0 is a rule that only reports (a finding).
const optP10 = fc.constantFrom(0, 1, 2, 5, 10, 20);
const ruleDraw: fc.Arbitrary<RuleDraw> = fc.oneof(
  fc.record({
    type: fc.constant("target" as const), target: fc.integer({ min: 80, max: 95 }), direction: fc.constantFrom("atLeast" as const, "atMost" as const),
    p10: optP10, step10: fc.constantFrom(5 as const, 10 as const, 20 as const), rounding: fc.constantFrom("none" as const, "ceil" as const, "floor" as const), inclusive: fc.boolean(),
  }),
  fc.record({ type: fc.constant("perCount" as const), p10 }),
  fc.record({ type: fc.constant("check" as const), when: fc.boolean(), p10: optP10 }),
  fc.record({ type: fc.constant("improvement" as const), direction: fc.constantFrom("higher" as const, "lower" as const), p10: optP10 }),
  fc.record({ type: fc.constant("range" as const), lo: fc.integer({ min: 80, max: 88 }), hi: fc.integer({ min: 89, max: 95 }), toward: fc.boolean(), minChange10: fc.constantFrom(0, 5, 10), p10: optP10 }),
  fc.constant({ type: "enteredScore" as const }),
);

const values: fc.Arbitrary<Values> = fc.record({
  // Often on or next to the targets and bounds, where off-by-one mistakes live.
  rate10: fc.oneof(fc.integer({ min: 780, max: 970 }), fc.constantFrom(800, 880, 885, 890, 950)),
  count: fc.integer({ min: 0, max: 6 }),
  yes: fc.boolean(),
  prev10: fc.oneof(fc.integer({ min: 780, max: 970 }), fc.constantFrom(880, 890, -1)),
  score10: fc.integer({ min: 0, max: 100 }),
}).map((v) => (v.prev10 === -1 ? { ...v, prev10: v.rate10 } : v)); // unchanged since last year: neither better nor worse

function ruleDoc(r: RuleDraw): Record<string, unknown> {
  const pts = (p: number | undefined) => (p === undefined ? {} : { points: p / 10 });
  switch (r.type) {
    case "target": return { type: "target", indicator: "率", target: r.target, direction: r.direction, step: r.step10 / 10, rounding: r.rounding, inclusive: r.inclusive, ...pts(r.p10) };
    case "perCount": return { type: "perCount", indicator: "次数", points: r.p10 / 10 };
    case "check": return { type: "check", indicator: "是否", when: r.when, ...pts(r.p10) };
    case "improvement": return { type: "improvement", indicator: "率", previous: "上年", direction: r.direction, ...pts(r.p10) };
    case "range": return { type: "range", indicator: "率", min: r.lo, max: r.hi, ...(r.toward && { orToward: { previous: "上年", minChange: r.minChange10 / 10 } }), ...pts(r.p10) };
    case "enteredScore": return { type: "enteredScore", indicator: "得分" };
  }
}

const COLS = { 率: "B", 次数: "C", 是否: "D", 上年: "E", 得分: "F" } as const;

/** One rule: met, the thousandths it moves, and the cell it blames; null when the unit cannot be scored. */
function expectedRule(r: RuleDraw, v: Values, max: number): { met: boolean; milli: number; cell: string } | null {
  const m = (p: number | undefined) => (p ?? 0) * 100; // tenths of a point → thousandths
  switch (r.type) {
    case "target": {
      const short10 = r.direction === "atLeast" ? r.target * 10 - v.rate10 : v.rate10 - r.target * 10;
      if (short10 < 0 || (short10 === 0 && r.inclusive)) return { met: true, milli: 0, cell: COLS.率 };
      // steps = short10 / step10; thousandths = steps × p10 × 100 (step10 divides 100, so this is whole).
      const steps = r.rounding === "ceil" ? Math.ceil(short10 / r.step10) : r.rounding === "floor" ? Math.floor(short10 / r.step10) : null;
      const milli = steps === null ? (short10 * m(r.p10)) / r.step10 : steps * m(r.p10);
      return { met: false, milli, cell: COLS.率 };
    }
    case "perCount": return { met: v.count === 0, milli: v.count * m(r.p10), cell: COLS.次数 };
    case "check": {
      const fires = v.yes === r.when;
      return { met: !fires, milli: fires ? m(r.p10) : 0, cell: COLS.是否 };
    }
    case "improvement": {
      const met = r.direction === "higher" ? v.rate10 > v.prev10 : v.rate10 < v.prev10;
      return { met, milli: met ? 0 : m(r.p10), cell: COLS.率 };
    }
    case "range": {
      const gap = (x: number) => (x < r.lo * 10 ? r.lo * 10 - x : x > r.hi * 10 ? x - r.hi * 10 : 0);
      const narrowed = gap(v.prev10) - gap(v.rate10);
      const met = gap(v.rate10) === 0 || (r.toward && narrowed > 0 && narrowed >= r.minChange10);
      return { met, milli: met ? 0 : m(r.p10), cell: COLS.率 };
    }
    case "enteredScore":
      if (v.score10 > max * 10) return null;
      return { met: v.score10 === max * 10, milli: max * 1000 - v.score10 * 100, cell: COLS.得分 };
  }
}

/** Thousandths to the 2-decimal score, half-up (scores are never negative here). */
const fromMilli = (milli: number) => Math.floor((milli + 5) / 10) / 100;

describe("rules against a restatement in whole thousandths", () => {
  it("property: item score, met, floored, deductions, findings and highlighted cells", () => {
    fc.assert(
      fc.property(fc.array(ruleDraw, { minLength: 1, maxLength: 3 }), values, fc.constantFrom(5, 10), fc.boolean(), (rules, v, max, bonus) => {
        const r = rubricOf({
          indicators: [
            { name: "率", type: "percent" }, { name: "次数", type: "count" }, { name: "是否", type: "boolean" },
            { name: "上年", type: "percent" }, { name: "得分", type: "score" },
          ],
          items: [{ name: "项目", max, bonus, rules: rules.map(ruleDoc) }],
        });
        const g = grid([["单位", "率", "次数", "是否", "上年", "得分"], ["甲", v.rate10 / 10, v.count, v.yes ? "是" : "否", v.prev10 / 10, v.score10 / 10]]);
        const u = unit(assessed(g, r), "甲");
        const each = rules.map((rule) => expectedRule(rule, v, max));
        if (each.some((e) => e === null)) {
          expect(u.status).toBe("incomplete");
          expect(u.problems.map((p) => p.code)).toContain("value.scoreOutOfRange");
          return;
        }
        const got = u.items[0];
        const ok = each as { met: boolean; milli: number; cell: string }[];
        const raw = ok.reduce((s, e) => s + e.milli, 0);
        const score = bonus ? fromMilli(Math.min(raw, max * 1000)) : fromMilli(Math.max(0, max * 1000 - raw));
        expect(got?.score).toBe(score);
        expect(u.total).toBe(score);
        expect(got?.met).toBe(ok.every((e) => e.met));
        expect(got?.floored).toBe(raw > max * 1000);
        const missed = ok.filter((e) => !e.met);
        expect(got?.deductions.map((d) => d.points)).toEqual(missed.filter((e) => e.milli > 0).map((e) => fromMilli(e.milli)));
        expect(got?.findings.length).toBe(missed.filter((e) => e.milli === 0).length);
        expect([...u.shortfallCells].sort()).toEqual([...new Set(missed.map((e) => `${e.cell}2`))].sort());
      }),
      { numRuns: 700 },
    );
  });
});
