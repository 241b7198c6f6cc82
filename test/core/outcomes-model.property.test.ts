/**
 * Ranking and what it earns, checked against a plain restatement of the rules on random units:
 * many ties, vetoed and incomplete units, categories. The restatement counts instead of sorting,
 * so it shares no code (and no off-by-one) with src/core/rank.ts and src/core/outcomes.ts.
 */
import fc from "fast-check";
import { rankUnits } from "../../src/core/rank";
import { assignOutcomes } from "../../src/core/outcomes";
import type { OutcomesDoc } from "../../src/core/rubric/schema";
import type { Outcome, Status, UnitResult } from "../../src/core/score/types";

interface Drawn {
  status: Status;
  total: number;
  category: string | undefined;
  improvement: number | undefined;
}

function unitOf(d: Drawn, i: number): UnitResult {
  const u: UnitResult = {
    row: i + 1, unit: `单位${i}`, status: d.status, total: d.status === "incomplete" ? null : d.total, rank: null,
    outcomes: [], vetoReasons: [], items: [], composites: [], shortfallCells: [], problems: [],
  };
  if (d.category !== undefined) u.category = d.category;
  if (d.improvement !== undefined) u.improvement = d.improvement;
  return u;
}

/** Competition rank of `x` among `all` (1 + how many are strictly better). */
const rankAmong = (x: number, all: number[]) => 1 + all.filter((y) => y > x).length;

function expected(units: UnitResult[], o: OutcomesDoc): { rank: (number | null)[]; outcomes: Outcome[][]; grade: (string | undefined)[] } {
  const sameGroup = (a: UnitResult, b: UnitResult) => (a.category ?? "") === (b.category ?? "");
  const rank = units.map((u) => {
    if (u.status === "incomplete" || u.total === null) return null;
    const group = units.filter((v) => sameGroup(u, v) && v.total !== null);
    const clean = group.filter((v) => v.status === "scored").map((v) => v.total as number);
    if (u.status === "scored") return rankAmong(u.total, clean);
    return clean.length + rankAmong(u.total, group.filter((v) => v.status === "vetoed").map((v) => v.total as number));
  });
  const outcomes = units.map((u, i): Outcome[] => {
    const r = rank[i];
    if (u.status !== "scored" || r === null || r === undefined || u.total === null) return [];
    const clean = units.filter((v) => sameGroup(u, v) && v.status === "scored" && v.total !== null);
    const got: Outcome[] = [];
    if (o.commendation && r <= o.commendation.top) got.push("commended");
    if (o.laggard) {
      // The last position the unit's tie group occupies.
      const last = r + clean.filter((v) => v.total === u.total).length - 1;
      const line = o.laggard.below;
      const under = line === undefined || (o.laggard.inclusive ? u.total <= line : u.total < line);
      if (last > clean.length - o.laggard.bottom && under) got.push("laggard");
    }
    if (o.progress && u.improvement !== undefined && u.improvement > 0) {
      const gains = clean.map((v) => v.improvement).filter((g): g is number => g !== undefined && g > 0);
      if (rankAmong(u.improvement, gains) <= o.progress.top) got.push("progress");
    }
    return got;
  });
  const grade = units.map((u) => {
    if (u.status !== "scored" || u.total === null || !o.grades) return undefined;
    const fits = o.grades.filter((g) => (u.total as number) >= g.min);
    if (fits.length === 0) return undefined;
    return fits.reduce((a, b) => (b.min > a.min ? b : a)).label;
  });
  return { rank, outcomes, grade };
}

const drawn: fc.Arbitrary<Drawn> = fc.record({
  status: fc.constantFrom<Status>("scored", "scored", "scored", "vetoed", "incomplete"),
  // Few distinct totals, so ties are common; one decimal place as real totals have.
  total: fc.oneof(fc.integer({ min: 60, max: 70 }), fc.integer({ min: 600, max: 1000 }).map((n) => n / 10)),
  category: fc.constantFrom(undefined, "城区", "乡镇"),
  improvement: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
});

const outcomesDoc: fc.Arbitrary<OutcomesDoc> = fc.record(
  {
    commendation: fc.record({ top: fc.integer({ min: 1, max: 5 }) }),
    laggard: fc.record({
      bottom: fc.integer({ min: 1, max: 5 }),
      below: fc.option(fc.constantFrom(64, 65, 66, 85), { nil: undefined }),
      inclusive: fc.boolean(),
    }).map((l) => (l.below === undefined ? { bottom: l.bottom, inclusive: l.inclusive } : { ...l, below: l.below })),
    progress: fc.record({ top: fc.integer({ min: 1, max: 3 }), previous: fc.constant("上年总分") }),
    grades: fc.uniqueArray(fc.record({ min: fc.constantFrom(0, 64, 65, 66, 80, 90), label: fc.constantFrom("优秀", "良好", "合格", "一般") }), { maxLength: 4, selector: (g) => g.min }),
  },
  { requiredKeys: [] },
);

describe("ranking and outcomes against a plain restatement", () => {
  it("property: ranks, commendations, laggards, progress awards and grades match, whatever the ties", () => {
    fc.assert(
      fc.property(fc.array(drawn, { minLength: 1, maxLength: 14 }), outcomesDoc, (ds, o) => {
        const units = ds.map(unitOf);
        const want = expected(units, o);
        rankUnits(units);
        assignOutcomes(units, o, "points");
        expect(units.map((u) => u.rank)).toEqual(want.rank);
        expect(units.map((u) => u.outcomes)).toEqual(want.outcomes);
        expect(units.map((u) => u.grade)).toEqual(want.grade);
        // Every laggard says why, with the line when there is one.
        for (const u of units) {
          const said = (u.outcomeReasons ?? []).filter((r) => r.code === "laggard");
          expect(said.length).toBe(u.outcomes.includes("laggard") ? 1 : 0);
          if (said[0]) {
            expect(said[0].params).toMatchObject({ bottom: o.laggard?.bottom, total: u.total });
            if (o.laggard?.below !== undefined) expect(said[0].params).toMatchObject({ below: o.laggard.below, inclusive: o.laggard.inclusive ? 1 : 0 });
            else expect(said[0].params).not.toHaveProperty("below");
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("property: attainment rubrics mark every decided unit attained or not by whether any item missed", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ status: fc.constantFrom<Status>("scored", "vetoed", "incomplete"), met: fc.array(fc.constantFrom(true, false, null), { maxLength: 4 }) }), { maxLength: 10 }), (ds) => {
        const units = ds.map((d, i) => ({
          ...unitOf({ status: d.status, total: 0, category: undefined, improvement: undefined }, i),
          total: null,
          items: d.met.map((met) => ({ name: "项", section: "", bonus: false, max: null, score: null, met, deductions: [], findings: [], floored: false })),
        }));
        assignOutcomes(units, { commendation: { top: 3 } }, "attainment");
        expect(units.map((u) => u.outcomes)).toEqual(ds.map((d) => (d.status === "incomplete" ? [] : d.met.includes(false) ? ["notAttained"] : ["attained"])));
      }),
    );
  });
});
