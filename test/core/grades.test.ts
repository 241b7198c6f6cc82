/** Invariants of 等次 with 名额 on random totals: quotas hold, a better total never gets a worse grade, nothing is lost. */
import fc from "fast-check";
import { assignGrades, quotaCount } from "../../src/core/grades";
import type { GradeDoc } from "../../src/core/rubric/schema";
import type { UnitResult } from "../../src/core/score/types";

const unitOf = (total: number, i: number, tie?: number): UnitResult => ({
  row: i, unit: `单位${i}`, status: "scored", total, rank: null, outcomes: [], vetoReasons: [], items: [], composites: [], shortfallCells: [], problems: [],
  ...(tie !== undefined && { tieValues: { 加分: tie } }),
});

const quota = fc.record({
  percent: fc.integer({ min: 0, max: 100 }),
  rounding: fc.constantFrom("floor" as const, "round" as const, "ceil" as const),
  ties: fc.constantFrom("allOut" as const, "allIn" as const),
  tieBreak: fc.option(fc.constant("加分"), { nil: undefined }),
});
const grades: fc.Arbitrary<GradeDoc[]> = fc.tuple(quota, fc.option(quota, { nil: undefined })).map(([q1, q2]) => [
  { min: 90, label: "优秀", quota: q1 },
  { min: 80, label: "良好", ...(q2 && { quota: q2 }) },
  { min: 0, label: "一般" },
]);
// Totals on a coarse grid so that ties are common.
const totals = fc.array(fc.tuple(fc.integer({ min: 70, max: 100 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 30 });
const RANK: Record<string, number> = { 优秀: 3, 良好: 2, 一般: 1 };

describe("grade quotas (property)", () => {
  it("never exceed a quota with allOut, give every unit a grade no better than its score earns, and keep the order of totals", () => {
    fc.assert(
      fc.property(totals, grades, (ts, gs) => {
        const units = ts.map(([t, tie], i) => unitOf(t, i, tie));
        assignGrades([units], gs);
        for (const u of units) {
          const byScore = u.total !== null && u.total >= 90 ? 3 : u.total !== null && u.total >= 80 ? 2 : 1;
          expect(RANK[u.grade ?? ""]).toBeDefined();
          expect(RANK[u.grade ?? ""]).toBeLessThanOrEqual(byScore);
          // A unit below its score's grade always says why.
          if ((RANK[u.grade ?? ""] ?? 0) < byScore) expect(u.outcomeReasons?.some((r) => r.code === "grade.quota")).toBe(true);
        }
        for (const g of gs) {
          const n = units.filter((u) => u.grade === g.label).length;
          if (g.quota?.ties === "allOut") expect(n).toBeLessThanOrEqual(quotaCount(g.quota, units.length));
        }
        // Without a tie-break, a higher total never gets a lower grade.
        if (!gs.some((g) => g.quota?.tieBreak)) {
          for (const a of units) for (const b of units) {
            if ((a.total ?? 0) > (b.total ?? 0)) expect(RANK[a.grade ?? ""]).toBeGreaterThanOrEqual(RANK[b.grade ?? ""] ?? 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("counts places as stated: floor, half-up round, ceil, without binary noise", () => {
    const q = (percent: number, rounding: "floor" | "round" | "ceil") => ({ percent, rounding, ties: "allOut" as const });
    expect([quotaCount(q(15, "floor"), 10), quotaCount(q(15, "round"), 10), quotaCount(q(15, "ceil"), 10)]).toEqual([1, 2, 2]);
    expect([quotaCount(q(25, "round"), 10), quotaCount(q(24, "round"), 10)]).toEqual([3, 2]);
    // 0.15 × 20 is 3.0000000000000004 in binary: still 3 places with ceil
    expect(quotaCount(q(15, "ceil"), 20)).toBe(3);
    expect(quotaCount(q(14.3, "ceil"), 7)).toBe(2); // 1.001 → 2
  });
});
