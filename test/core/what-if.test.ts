import { assess } from "../../src/core/assess";
import { assignOutcomes } from "../../src/core/outcomes";
import { rankUnits } from "../../src/core/rank";
import type { Grid } from "../../src/core/grid";
import type { Rubric } from "../../src/core/rubric/model";
import { whatIf, type WhatIf } from "../../src/core/what-if/what-if";
import { latticeFor } from "../../src/core/what-if/lattice";
import { grid, type Raw } from "../helpers/grid";
import { assessed, rubricOf } from "../helpers/rubric";

/** 计划生育率 20 points (每低1个百分点扣1分 below 90%), 工作得分 entered out of 80, 案件数 vetoes. */
const doc = {
  indicators: [
    { name: "计划生育率", type: "percent" },
    { name: "工作得分", type: "score" },
    { name: "案件数", type: "count" },
    { name: "成立领导小组", type: "boolean" },
  ],
  items: [
    { name: "计划生育", max: 20, rules: [{ type: "target", indicator: "计划生育率", target: 90, points: 1 }] },
    { name: "其他工作", max: 75, rules: [{ type: "enteredScore", indicator: "工作得分" }] },
    { name: "组织领导", max: 5, rules: [{ type: "check", indicator: "成立领导小组", points: 5 }] },
  ],
  vetoes: [{ type: "fact", when: "案件数 > 0", reason: "发生案件" }],
  outcomes: {
    commendation: { top: 1 },
    laggard: { bottom: 1, below: 85 },
    grades: [{ min: 90, label: "优秀" }, { min: 80, label: "良好" }, { min: 0, label: "一般" }],
  },
};

const HEAD = ["单位", "计划生育率", "工作得分", "案件数", "成立领导小组"];

function run(rows: Raw[][], rubric: Rubric = rubricOf(doc), opts = {}): { g: Grid; analyse: (unit: string) => WhatIf } {
  const g = grid([HEAD, ...rows]);
  const base = assessed(g, rubric);
  return {
    g,
    analyse: (name) => {
      const u = base.units.find((x) => x.unit === name);
      const r = u && whatIf(g, rubric, base, u.row, opts);
      if (!r) throw new Error(`no what-if for ${name}`);
      return r;
    },
  };
}

const goal = (w: WhatIf, kind: string) => {
  const a = w.goals.find((x) => x.goal.kind === kind);
  if (!a) throw new Error(`no goal ${kind} in ${JSON.stringify(w.goals.map((x) => x.goal))}`);
  return a;
};
const moves = (w: WhatIf, kind: string) => goal(w, kind).changes.map((c) => [c.indicator, c.from, c.to]);

describe("what-if: hand-worked examples", () => {
  // 甲: 20 − (90 − 86) = 16, + 72, + 5 = 93 … see each case.
  it("a unit 2 points short of 优秀 because of 计划生育率 86% (每低1个百分点扣1分) needs 88%, or 2 more points of 工作得分", () => {
    const { analyse } = run([["甲", 86, 67, 0, "是"], ["乙", 90, 75, 0, "是"]]);
    const w = analyse("甲");
    expect(w.before).toMatchObject({ total: 88, grade: "良好", status: "scored" });
    expect(goal(w, "grade").goal).toEqual({ kind: "grade", label: "优秀", min: 90 });
    expect(moves(w, "grade")).toEqual([["计划生育率", 86, 88], ["工作得分", 67, 69]]);
    const c = goal(w, "grade").changes[0];
    expect(c?.after).toMatchObject({ total: 90, grade: "优秀", rank: 2 });
    expect(c?.cell).toBe("B2");
    expect(c?.exact).toBe(true);
  });

  it("entering the 表彰 place means tying the leader (ties at N are commended), a whole-run question", () => {
    const { analyse } = run([["甲", 88, 75, 0, "是"], ["乙", 90, 75, 0, "是"]]);
    const w = analyse("甲");
    expect(w.before).toMatchObject({ total: 98, rank: 2 });
    expect(moves(w, "commended")).toEqual([["计划生育率", 88, 90]]);
    expect(goal(w, "commended").changes[0]?.after).toMatchObject({ total: 100, rank: 1, outcomes: ["commended"] });
    // The leader's 工作得分 is already full: 甲's own cannot pass it (75 is the item's max).
    expect(moves(w, "rankUp")).toEqual([["计划生育率", 88, 90]]);
  });

  it("leaving 后进单位 means passing the unit above (a tie shares the last place) or reaching the 85 line", () => {
    // 丙: 10 + 55 + 5 = 70; 丁: 20 + 50 + 5 = 75; both below 85, 丙 last.
    const { analyse } = run([["甲", 90, 75, 0, "是"], ["丙", 80, 55, 0, "是"], ["丁", 90, 50, 0, "是"]]);
    const w = analyse("丙");
    expect(w.before.outcomes).toContain("laggard");
    expect(moves(w, "notLaggard")).toEqual([["计划生育率", 80, 85.01], ["工作得分", 55, 60.01]]);
    expect(goal(w, "notLaggard").changes[0]?.after).toMatchObject({ total: 75.01, rank: 2, outcomes: [] });
  });

  it("a vetoed unit: which veto blocks and what lifts it (案件数 back to 0)", () => {
    const { analyse } = run([["甲", 90, 75, 2, "是"], ["乙", 85, 75, 0, "是"]]);
    const w = analyse("甲");
    expect(w.vetoes).toEqual([{ code: "veto.fact", params: { reason: "发生案件", when: "案件数 > 0" } }]);
    expect(moves(w, "liftVeto")).toEqual([["案件数", 2, 0]]);
    expect(goal(w, "liftVeto").changes[0]?.after).toMatchObject({ status: "scored", total: 100, rank: 1, grade: "优秀" });
    // Lifting the veto is the only single change that gets it anywhere.
    expect(moves(w, "grade")).toEqual([["案件数", 2, 0]]);
    expect(moves(w, "commended")).toEqual([["案件数", 2, 0]]);
  });

  it("a 是/否 indicator is flipped", () => {
    const { analyse } = run([["甲", 90, 75, 0, "否"], ["乙", 90, 75, 0, "是"]]);
    const w = analyse("甲");
    expect(moves(w, "commended")).toEqual([["成立领导小组", 0, 1]]);
  });

  it("says when no single indicator reaches a goal", () => {
    // 甲 (0 + 50 + 0) needs 30 points for 良好: 计划生育率 gives at most 20, 工作得分 25, 成立领导小组 5.
    const { analyse } = run([["甲", 70, 50, 0, "否"], ["乙", 90, 75, 0, "是"]]);
    const w = analyse("甲");
    expect(w.before).toMatchObject({ total: 50, grade: "一般" });
    expect(goal(w, "grade").goal).toMatchObject({ label: "良好" });
    expect(moves(w, "grade")).toEqual([]);
    // Nor does any pass 乙 (a tie at 100 would do).
    expect(moves(w, "rankUp")).toEqual([]);
  });

  it("moves toward a range from either side (性别比 103–107) and leaves yardstick columns alone", () => {
    const r = rubricOf({
      indicators: [{ name: "性别比", type: "number" }, { name: "上年性别比", type: "number" }],
      items: [{ name: "性别比", max: 10, rules: [{ type: "range", indicator: "性别比", min: 103, max: 107, points: 10, orToward: { previous: "上年性别比", minChange: 1 } }] }],
      outcomes: { grades: [{ min: 10, label: "达标" }] },
    });
    const g = grid([["单位", "性别比", "上年性别比"], ["高", 112, 111.5], ["低", 100, 99.5]]);
    const base = assessed(g, r);
    const high = whatIf(g, r, base, 1);
    const low = whatIf(g, r, base, 2);
    // 111.5 → 110.5 narrows the gap by 1 (趋向正常); 99.5 → 100.5 likewise.
    expect(high?.goals[0]?.changes.map((c) => [c.indicator, c.to])).toEqual([["性别比", 110.5]]);
    expect(low?.goals[0]?.changes.map((c) => [c.indicator, c.to])).toEqual([["性别比", 100.5]]);
  });

  it("has nothing to search for an incomplete unit, and knows nothing of a row that is no unit", () => {
    const rubric = rubricOf(doc);
    const g = grid([HEAD, ["甲", "很多", 70, 0, "是"], ["乙", 90, 75, 0, "是"]]);
    const base = assessed(g, rubric);
    expect(whatIf(g, rubric, base, 1)).toMatchObject({ before: { status: "incomplete" }, goals: [], assessments: 0 });
    expect(whatIf(g, rubric, base, 0)).toBeUndefined();
  });

  it("stops at its budget of re-assessments and names the indicators it did not search (to the end)", () => {
    // 2 units: 50 units scored are 25 re-assessments.
    const { analyse } = run([["甲", 86, 67, 0, "是"], ["乙", 90, 75, 0, "是"]], rubricOf(doc), { maxUnitsScored: 50 });
    const w = analyse("甲");
    expect([w.assessments, w.budget]).toEqual([25, 25]);
    // The indicator the unit lost points on was searched first, and to the end.
    expect(moves(w, "grade")[0]).toEqual(["计划生育率", 86, 88]);
    expect(w.untried).not.toContain("计划生育率");
    expect(w.untried).toContain("工作得分");
    const starved = run([["甲", 86, 67, 0, "是"], ["乙", 90, 75, 0, "是"]], rubricOf(doc), { maxUnitsScored: 6 }).analyse("甲");
    // In search order: where it lost points (计划生育率, 工作得分), then 是/否, then the rest.
    expect([starved.assessments, starved.untried]).toEqual([3, ["计划生育率", "工作得分", "成立领导小组", "案件数"]]);
  });

  it("never changes the grid it was given", () => {
    const { g, analyse } = run([["甲", 86, 67, 0, "是"], ["乙", 90, 75, 0, "是"]]);
    const before = JSON.stringify(g);
    analyse("甲");
    expect(JSON.stringify(g)).toBe(before);
    const again = assess(g, rubricOf(doc));
    expect(again.ok && again.value.units[0]?.total).toBe(88);
  });
});

describe("what-if in an attainment rubric", () => {
  it("meets every target with the one indicator it missed; two misses need two changes", () => {
    const r = rubricOf({
      mode: "attainment",
      indicators: [{ name: "出生率", type: "permille" }, { name: "计划生育率", type: "percent" }],
      items: [
        { name: "出生率", rules: [{ type: "target", indicator: "出生率", target: 11, direction: "atMost" }] },
        { name: "计划生育率", rules: [{ type: "target", indicator: "计划生育率", target: 95 }] },
      ],
      vetoes: [{ type: "anyMissed" }],
    });
    const g = grid([["单位", "出生率", "计划生育率"], ["甲", 12.5, 96], ["乙", 12, 90]]);
    const base = assessed(g, r);
    const one = whatIf(g, r, base, 1);
    expect(one?.goals.map((a) => [a.goal.kind, a.changes.map((c) => [c.indicator, c.from, c.to])])).toEqual([
      ["liftVeto", [["出生率", 12.5, 11]]],
      ["attained", [["出生率", 12.5, 11]]],
    ]);
    expect(whatIf(g, r, base, 2)?.goals.map((a) => [a.goal.kind, a.changes])).toEqual([["liftVeto", []], ["attained", []]]);
  });
});

describe("what-if lattice", () => {
  const ind = (kind: "percent" | "count" | "number", extra = {}) => ({ name: "x", key: "x", kind, required: true, keys: ["x"], ...extra });
  it("counts display steps from the value, to the kind's or the indicator's bounds", () => {
    const p = latticeFor(ind("percent"), 86.1);
    expect([p.at(1, 1), p.at(1, 2), p.at(-1, 1), p.up, p.down]).toEqual([86.11, 86.12, 86.09, 1390, 8610]);
    const off = latticeFor(ind("percent"), 86.456);
    expect([off.at(1, 1), off.at(-1, 1)]).toEqual([86.46, 86.45]);
    const c = latticeFor(ind("count"), 3);
    expect([c.at(1, 1), c.at(-1, 3), c.down, c.up]).toEqual([4, 0, 3, 100]);
    const b = latticeFor(ind("number", { bounds: { min: -100 } }), 5);
    expect([b.down, b.at(-1, b.down)]).toEqual([10500, -100]);
  });
});

describe("what-if with a rule that compares units", () => {
  // A stand-in for a relative rule (每低于平均值1个百分点扣1分): the run's average moves with the unit's own value.
  let rubric: Rubric;
  // Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
  beforeEach(() => (rubric = rubricOf({
    indicators: [{ name: "计划生育率", type: "percent" }, { name: "工作得分", type: "score" }],
    items: [{ name: "工作", max: 100, rules: [{ type: "enteredScore", indicator: "工作得分" }] }],
    outcomes: { grades: [{ min: 95, label: "优秀" }, { min: 0, label: "合格" }] },
  })));
  const belowAverage: typeof assess = (g, r, o) => {
    const out = assess(g, r, o);
    if (!out.ok) return out;
    const a = out.value;
    const rates = a.units.map((u) => Number(g.rows[u.row]?.[1]?.value));
    const average = rates.reduce((s, x) => s + x, 0) / rates.length;
    a.units.forEach((u, i) => {
      // Not rounded: 83.99% would round to 95.00 and blur the boundary this test is about.
      if (u.total !== null) u.total = u.total - Math.max(0, average - (rates[i] ?? 0));
      u.rank = null;
      u.outcomes = [];
      delete u.grade;
    });
    rankUnits(a.units);
    assignOutcomes(a.units, r.outcomes, r.mode);
    return out;
  };

  it("re-runs the whole sheet: raising the unit's rate raises the average it is measured against", () => {
    // 甲 80% against an average of 85: 98 − 5 = 93. For 优秀 (95) it may lose 3: (90 − x) / 2 ≤ 3, x ≥ 84
    // — not 82, which a fixed average of 85 would give.
    const g = grid([["单位", "计划生育率", "工作得分"], ["甲", 80, 98], ["乙", 90, 100]]);
    const assessed = belowAverage(g, rubric, {});
    if (!assessed.ok) throw new Error("not assessed");
    const base = assessed.value;
    expect(base.units.map((u) => [u.total, u.grade])).toEqual([[93, "合格"], [100, "优秀"]]);
    const w = whatIf(g, rubric, base, 1, { engine: belowAverage });
    expect(w?.goals[0]?.changes.map((c) => [c.indicator, c.from, c.to, c.after.total, c.after.grade])).toEqual([
      ["计划生育率", 80, 84, 95, "优秀"],
      ["工作得分", 98, 100, 95, "优秀"],
    ]);
  });
});
