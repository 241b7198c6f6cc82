/**
 * What a what-if aims for and what it searches: the goals offered to a unit, whether a re-assessed unit
 * reached one, and the values tried per indicator. Units are built by hand so each goal's condition is
 * exercised on its own; the rubric is compiled inside each test.
 */
import type { Indicator } from "../../src/core/rubric/model";
import type { Reason, UnitResult } from "../../src/core/score/types";
import { achieves, type Goal, goalsFor } from "../../src/core/what-if/goals";
import { latticeFor, stepOf } from "../../src/core/what-if/lattice";
import { type Probe, searchValue } from "../../src/core/what-if/search";
import { rubricOf } from "../helpers/rubric";

const pointsRubric = () => rubricOf({
  indicators: [{ name: "工作得分", type: "score" }, { name: "案件数", type: "count" }],
  items: [{ name: "工作", max: 100, rules: [{ type: "enteredScore", indicator: "工作得分" }] }],
  vetoes: [{ type: "fact", when: "案件数 > 0", reason: "发生案件" }],
  outcomes: {
    commendation: { top: 2 },
    laggard: { bottom: 1, below: 85 },
    // Two bands share 良好: the label stands for the higher one.
    grades: [{ min: 90, label: "优秀" }, { min: 70, label: "良好" }, { min: 80, label: "良好" }, { min: 0, label: "一般" }],
  },
});
const attainmentRubric = () => rubricOf({
  mode: "attainment",
  indicators: [{ name: "出生率", type: "permille" }],
  items: [{ name: "出生率", rules: [{ type: "target", indicator: "出生率", target: 11, direction: "atMost" }] }],
});

const unit = (over: Partial<UnitResult> = {}): UnitResult => ({
  row: 2, unit: "甲", status: "scored", total: 88, rank: 3, outcomes: [], vetoReasons: [], items: [], composites: [], shortfallCells: [], problems: [], ...over,
});
const fact = (reason: string): Reason => ({ code: "veto.fact", params: { reason } });
const below = (line: number): Reason => ({ code: "veto.totalBelow", params: { line } });

describe("the goals offered to a unit", () => {
  it("most pressing first: lift each veto, the next grade band, 表彰, leave 后进, move up", () => {
    const r = pointsRubric();
    const u = unit({ status: "vetoed", vetoReasons: [fact("发生案件"), below(60)], grade: "一般", rank: 5, outcomes: ["laggard"] });
    expect(goalsFor(u, r)).toEqual<Goal[]>([
      { kind: "liftVeto", veto: fact("发生案件") }, { kind: "liftVeto", veto: below(60) },
      { kind: "grade", label: "良好", min: 70 }, { kind: "commended", top: 2 }, { kind: "notLaggard" }, { kind: "rankUp", rank: 5 },
    ]);
  });

  it("nothing above what the unit has: top grade, already commended, first place; a unit without a grade aims at the lowest band", () => {
    const r = pointsRubric();
    expect(goalsFor(unit({ grade: "优秀", outcomes: ["commended"], rank: 1 }), r)).toEqual([]);
    expect(goalsFor(unit({ grade: "良好", outcomes: ["commended"], rank: 2 }), r)).toEqual([{ kind: "grade", label: "优秀", min: 90 }, { kind: "rankUp", rank: 2 }]);
    expect(goalsFor(unit({ outcomes: ["commended"], rank: null }), r)).toEqual([{ kind: "grade", label: "一般", min: 0 }]);
    expect(goalsFor(unit({ status: "incomplete", total: null, rank: null, vetoReasons: [fact("发生案件")] }), r)).toEqual([]);
  });

  it("attainment: meet every target unless already attained; no grades or places", () => {
    const r = attainmentRubric();
    expect(goalsFor(unit({ rank: null, total: null }), r)).toEqual([{ kind: "attained" }]);
    expect(goalsFor(unit({ rank: null, total: null, outcomes: ["attained"] }), r)).toEqual([]);
    expect(goalsFor(unit({ status: "vetoed", vetoReasons: [fact("x")], rank: null, total: null }), r)).toEqual([{ kind: "liftVeto", veto: fact("x") }, { kind: "attained" }]);
  });
});

describe("whether a re-assessed unit reached a goal", () => {
  it("a veto is lifted when no reason of its kind remains; a 事实 veto is told apart by its reason", () => {
    const r = pointsRubric();
    const lift = (veto: Reason, now: Reason[]) => achieves({ kind: "liftVeto", veto }, unit({ status: now.length ? "vetoed" : "scored", vetoReasons: now }), r);
    expect(lift(fact("发生案件"), [])).toBe(true);
    expect(lift(fact("发生案件"), [fact("发生案件")])).toBe(false);
    expect(lift(fact("发生案件"), [fact("瞒报")])).toBe(true);
    expect(lift(fact("发生案件"), [below(60)])).toBe(true);
    expect(lift(below(60), [below(70)])).toBe(false);
    expect(lift(below(60), [fact("发生案件")])).toBe(true);
  });

  it("an incomplete unit reaches nothing", () => {
    const r = pointsRubric();
    const u = unit({ status: "incomplete", total: null, rank: null });
    expect(achieves({ kind: "liftVeto", veto: fact("发生案件") }, u, r)).toBe(false);
    expect(achieves({ kind: "commended", top: 2 }, { ...u, outcomes: ["commended"] }, r)).toBe(false);
  });

  it("grade: that band or higher, by the band a label stands for; no grade is none", () => {
    const r = pointsRubric();
    const grade = (g: string | undefined, min: number) => achieves({ kind: "grade", label: "?", min }, unit(g === undefined ? {} : { grade: g }), r);
    expect(grade("良好", 80)).toBe(true);
    expect(grade("优秀", 80)).toBe(true);
    expect(grade("一般", 80)).toBe(false);
    expect(grade(undefined, 0)).toBe(false);
  });

  it("places, 后进 and attainment read the unit's outcomes and rank", () => {
    const r = pointsRubric();
    expect(achieves({ kind: "commended", top: 2 }, unit({ outcomes: ["commended"] }), r)).toBe(true);
    expect(achieves({ kind: "commended", top: 2 }, unit(), r)).toBe(false);
    expect(achieves({ kind: "notLaggard" }, unit(), r)).toBe(true);
    expect(achieves({ kind: "notLaggard" }, unit({ outcomes: ["laggard"] }), r)).toBe(false);
    // A veto is no way out of 后进.
    expect(achieves({ kind: "notLaggard" }, unit({ status: "vetoed", vetoReasons: [fact("x")] }), r)).toBe(false);
    expect(achieves({ kind: "attained" }, unit({ outcomes: ["attained"] }), r)).toBe(true);
    expect(achieves({ kind: "attained" }, unit(), r)).toBe(false);
    expect(achieves({ kind: "rankUp", rank: 3 }, unit({ rank: 2 }), r)).toBe(true);
    expect(achieves({ kind: "rankUp", rank: 3 }, unit({ rank: 3 }), r)).toBe(false);
    expect(achieves({ kind: "rankUp", rank: 3 }, unit({ rank: null }), r)).toBe(false);
  });
});

describe("the values tried per indicator", () => {
  const ind = (kind: Indicator["kind"], bounds?: Indicator["bounds"]): Indicator => ({ name: "x", key: "x", kind, required: true, keys: ["x"], ...(bounds ? { bounds } : {}) });

  it("steps: 1 for counts and yes/no, 0.01 for everything else", () => {
    expect(["count", "boolean", "percent", "permille", "number", "score"].map((k) => stepOf(ind(k as Indicator["kind"])))).toEqual([1, 1, 0.01, 0.01, 0.01, 0.01]);
  });

  it("an entered score is searched from 0 up unless its own bounds say otherwise; other figures open both ways", () => {
    const score = latticeFor(ind("score"), 5);
    expect([score.down, score.up, score.at(-1, score.down), score.at(1, 1)]).toEqual([500, 10000, 0, 5.01]);
    const bounded = latticeFor(ind("score", { min: 10 }), 50);
    expect([bounded.down, bounded.at(-1, bounded.down)]).toEqual([4000, 10]);
    // An open side spans ten times the value, at least 100.
    const num = latticeFor(ind("number"), 5);
    expect([num.down, num.up, num.at(-1, num.down)]).toEqual([10000, 10000, -95]);
    const big = latticeFor(ind("number"), 50);
    expect([big.down, big.up, big.at(1, big.up)]).toEqual([50000, 50000, 550]);
    const count = latticeFor(ind("count"), 3);
    expect([count.step, count.decimals, count.down, count.at(-1, 1), count.at(1, 1)]).toEqual([1, 0, 3, 2, 4]);
  });
});

describe("searching one value for the smallest change that meets each goal", () => {
  const count = (): Indicator => ({ name: "n", key: "n", kind: "count", required: true, keys: ["n"] });
  /** A probe over goal tests; `budget` re-assessments, then null. Records what it was asked. */
  const prober = (goals: ((v: number) => boolean)[], opts: { valid?: (v: number) => boolean; worse?: (v: number) => boolean; unchanged?: (v: number) => boolean; budget?: number } = {}) => {
    const asked: number[] = [];
    const probe: Probe = (v) => {
      if (asked.length >= (opts.budget ?? Infinity)) return null;
      asked.push(v);
      return { met: goals.map((g) => g(v)), valid: opts.valid?.(v) ?? true, worse: opts.worse?.(v) ?? false, unchanged: opts.unchanged?.(v) ?? false };
    };
    return { probe, asked };
  };

  it("finds each goal's boundary exactly, in either direction", () => {
    const { probe } = prober([(v) => v >= 17, (v) => v <= 4]);
    expect(searchValue(latticeFor(count(), 10), 2, probe)).toEqual({ found: [{ to: 17, exact: true }, { to: 4, exact: true }], spent: false });
  });

  it("of a goal met both ways, the nearer side wins", () => {
    const { probe } = prober([(v) => v >= 15 || v <= 4]);
    expect(searchValue(latticeFor(count(), 10), 1, probe)).toEqual({ found: [{ to: 15, exact: true }], spent: false });
    const other = prober([(v) => v >= 17 || v <= 5]);
    expect(searchValue(latticeFor(count(), 10), 1, other.probe)).toEqual({ found: [{ to: 5, exact: true }], spent: false });
  });

  it("stops at the last value the engine accepts: a goal beyond it is unreachable", () => {
    const valid = (v: number) => v <= 30;
    expect(searchValue(latticeFor(count(), 10), 2, prober([(v) => v >= 25, (v) => v >= 35], { valid }).probe))
      .toEqual({ found: [{ to: 25, exact: true }, null], spent: false });
    // The wall right above the value: that way is closed, the other still searched.
    const closed = prober([(v) => v >= 11, (v) => v <= 7], { valid: (v) => v <= 10 });
    expect(searchValue(latticeFor(count(), 10), 2, closed.probe)).toEqual({ found: [null, { to: 7, exact: true }], spent: false });
    // The value as it is now is never re-assessed (it would spend the budget on nothing).
    expect(closed.asked).not.toContain(10);
  });

  it("a way whose far end is worse or changes nothing, meeting no goal, is not walked", () => {
    const worse = prober([(v) => v <= 6], { worse: (v) => v > 10 });
    expect(searchValue(latticeFor(count(), 10), 1, worse.probe)).toEqual({ found: [{ to: 6, exact: true }], spent: false });
    expect(worse.asked.filter((v) => v > 10)).toEqual([110]);
    const same = prober([(v) => v <= 6], { unchanged: (v) => v > 10 });
    searchValue(latticeFor(count(), 10), 1, same.probe);
    expect(same.asked.filter((v) => v > 10)).toEqual([110]);
    // A worse far end that meets a goal is walked.
    const meets = prober([(v) => v >= 40], { worse: (v) => v > 60 });
    expect(searchValue(latticeFor(count(), 10), 1, meets.probe).found).toEqual([{ to: 40, exact: true }]);
  });

  it("a walk stops at its first worse value that meets nothing", () => {
    const p = prober([(v) => v <= 3], { worse: (v) => v >= 12 && v < 110 });
    expect(searchValue(latticeFor(count(), 10), 1, p.probe).found).toEqual([{ to: 3, exact: true }]);
    expect(p.asked.filter((v) => v > 10 && v < 110)).toEqual([11, 12]);
  });

  it("when the budget runs out: what was found so far, not exact, and spent", () => {
    // Far ends (2), walk 11/9, 12/8, 14/6, 18/2 (8), then bisecting 14–18 runs out.
    const p = prober([(v) => v >= 17], { budget: 10 });
    expect(searchValue(latticeFor(count(), 10), 1, p.probe)).toEqual({ found: [{ to: 18, exact: false }], spent: true });
    const none = prober([(v) => v >= 17], { budget: 1 });
    expect(searchValue(latticeFor(count(), 10), 1, none.probe)).toEqual({ found: [null], spent: true });
  });
});
