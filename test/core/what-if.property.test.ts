/**
 * Every change a what-if reports does what it says when applied and the sheet is re-assessed, and the
 * value one display step back towards where it was does not (the boundary is the least change).
 */
import fc from "fast-check";
import { assess } from "../../src/core/assess";
import type { Grid } from "../../src/core/grid";
import { achieves } from "../../src/core/what-if/goals";
import { standing, whatIf } from "../../src/core/what-if/what-if";
import { grid } from "../helpers/grid";
import { assessed, rubricOf } from "../helpers/rubric";

// Compiled in the test, not at load: mutation testing maps each mutant to the tests that reach it.
const compileRubric = () => rubricOf({
  indicators: [
    { name: "计划生育率", type: "percent" },
    { name: "工作得分", type: "score" },
    { name: "差错数", type: "count" },
    { name: "案件数", type: "count" },
    { name: "成立领导小组", type: "boolean" },
    { name: "性别比", type: "number" },
  ],
  items: [
    { name: "计划生育", max: 20, rules: [{ type: "target", indicator: "计划生育率", target: 90, points: 1.5, step: 1, rounding: "ceil" }] },
    { name: "其他工作", max: 60, rules: [{ type: "enteredScore", indicator: "工作得分" }] },
    { name: "差错", max: 5, rules: [{ type: "perCount", indicator: "差错数", points: 0.5 }] },
    { name: "组织领导", max: 5, rules: [{ type: "check", indicator: "成立领导小组", points: 5 }] },
    { name: "性别比", max: 10, rules: [{ type: "range", indicator: "性别比", min: 103, max: 107, points: 10 }] },
  ],
  vetoes: [{ type: "fact", when: "案件数 > 0", reason: "发生案件" }, { type: "totalBelow", value: 60, inclusive: true }],
  outcomes: {
    commendation: { top: 2 },
    laggard: { bottom: 2, below: 85 },
    grades: [{ min: 95, label: "优秀" }, { min: 85, label: "良好" }, { min: 70, label: "合格" }, { min: 0, label: "不合格" }],
  },
});

const HEAD = ["单位", "计划生育率", "工作得分", "差错数", "案件数", "成立领导小组", "性别比"];

const row = fc.tuple(
  fc.integer({ min: 7000, max: 10000 }).map((n) => n / 100),
  fc.integer({ min: 0, max: 120 }).map((n) => n / 2),
  fc.integer({ min: 0, max: 12 }),
  fc.constantFrom(0, 0, 0, 1),
  fc.constantFrom("是", "是", "否"),
  fc.integer({ min: 980, max: 1150 }).map((n) => n / 10),
);

const COL: Record<string, number> = Object.fromEntries(HEAD.map((h, i) => [h, i]));

function changed(g: Grid, r: number, col: number, value: number | boolean): Grid {
  const rows = g.rows.slice();
  const cells = (rows[r] ?? []).slice();
  cells[col] = { value };
  rows[r] = cells;
  return { ...g, rows };
}

describe("what-if property", () => {
  it("a reported change meets its goal when applied; one display step less does not", () => {
    // Not vacuous: changes were reported and one-step-back values were tried.
    const seen = { changes: 0, backs: 0 };
    const rubric = compileRubric();
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: 6 }), fc.nat(), (rows, pick) => {
        const g = grid([HEAD, ...rows.map((r, i) => [`单位${i + 1}`, ...r])]);
        const base = assessed(g, rubric);
        const unit = base.units[pick % base.units.length];
        if (!unit) return;
        const w = whatIf(g, rubric, base, unit.row);
        if (!w) throw new Error("no what-if");
        for (const answer of w.goals) {
          for (const c of answer.changes) {
            const col = COL[c.indicator] ?? -1;
            const apply = (v: number) => {
              const after = assess(changed(g, unit.row, col, c.kind === "boolean" ? v === 1 : v), rubric);
              const u = after.ok ? after.value.units.find((x) => x.row === unit.row) : undefined;
              if (!u) throw new Error("unit gone");
              return u;
            };
            seen.changes++;
            const after = apply(c.to);
            expect([answer.goal, c.indicator, c.to, achieves(answer.goal, after, rubric)]).toEqual([answer.goal, c.indicator, c.to, true]);
            expect(standing(after)).toEqual(c.after);
            expect(c.exact).toBe(true);
            if (c.kind === "boolean") continue;
            const step = c.kind === "count" ? 1 : 0.01;
            const back = Number((c.to - Math.sign(c.to - c.from) * step).toFixed(2));
            // One step back is the value itself, or lies between it and the change.
            if ((back - c.from) * (c.to - c.from) > 0) {
              seen.backs++;
              expect([answer.goal, c.indicator, back, achieves(answer.goal, apply(back), rubric)]).toEqual([answer.goal, c.indicator, back, false]);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(seen.changes).toBeGreaterThan(20);
    expect(seen.backs).toBeGreaterThan(10);
  });
});
