/**
 * The engine's entry point and the run-level figures of relative rules, at the edges mutation testing
 * found untested (docs/mutation.md): what an undecided unit must not get, blanks in a run's figures,
 * 功效系数法 with one end from the run, and problems' places. Every rubric and sheet is made inside
 * its test (mutation coverage per test).
 */
import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";
import { assess } from "../../src/core/assess";
import { catalog } from "../../src/i18n";
import { jsonReport } from "../../src/app/report";

const zh = catalog("zh-CN");

describe("难度系数 and the veto grade: only a decided unit gets them", () => {
  const doc = () => ({
    indicators: [{ name: "完成率", type: "number" }, { name: "案件数", type: "number" }, { name: "人口", type: "number" }],
    items: [{ name: "完成", max: 100, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] }],
    vetoes: [
      { type: "fact", when: "案件数 / 人口 > 1", reason: "案件过多" },
      { type: "totalBelow", value: 95, grade: { label: "不合格" } },
    ],
    ranking: { categoryColumn: "类别", coefficients: { 街道: 1.1 } },
  });

  it("a complete unit whose veto cannot be evaluated has no coefficient reason, no raw total and no veto grade", () => {
    // 甲: 完成率 90 → 90, × 1.1 = 99; 人口 0: the fact veto divides by zero → undecided.
    const a = assessed(grid([["单位", "类别", "完成率", "案件数", "人口"], ["甲", "街道", 80, 1, 0], ["乙", "街道", 90, 1, 10]]), rubricOf(doc()));
    const u = unit(a, "甲");
    expect(u.problems.map((p) => p.code)).toEqual(["veto.notEvaluated"]);
    expect(u).toMatchObject({ status: "incomplete", total: null });
    expect(u.outcomeReasons).toBeUndefined();
    expect(u.rawTotal).toBeUndefined();
    expect(u.vetoGrade).toBeUndefined();
    const json = jsonReport(a, zh).units.find((x) => x.unit === "甲");
    expect(json).not.toHaveProperty("coefficient");
    expect(json?.outcomeReasons ?? []).toEqual([]);
    // 乙 is decided: 90 × 1.1 = 99, its coefficient explained.
    expect(unit(a, "乙")).toMatchObject({ status: "scored", total: 99, rawTotal: 90, coefficient: 1.1 });
    expect(unit(a, "乙").outcomeReasons?.map((r) => r.code)).toEqual(["coefficient"]);
  });

  it("a rubric without coefficients gives no coefficient reason", () => {
    const d = { ...doc(), ranking: {}, vetoes: [] };
    const a = assessed(grid([["单位", "完成率", "案件数", "人口"], ["甲", 90, 1, 10]]), rubricOf(d));
    expect(unit(a, "甲")).toMatchObject({ status: "scored", total: 90 });
    expect(unit(a, "甲").outcomeReasons).toBeUndefined();
    expect(jsonReport(a, zh).units[0]).not.toHaveProperty("coefficient");
  });
});

describe("进步奖: the improvement needs a decided total and last year's figure", () => {
  const doc = () => ({
    indicators: [{ name: "完成率", type: "number" }, { name: "上年总分", type: "number", required: false }, { name: "核查", type: "number", required: false }],
    items: [{ name: "完成", max: 100, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] }],
    vetoes: [{ type: "fact", when: "1 / 核查 > 1", reason: "核查不过" }],
    outcomes: { progress: { top: 1, previous: "上年总分" } },
  });

  it("no improvement without last year's total, nor for an undecided unit", () => {
    const a = assessed(
      grid([["单位", "完成率", "上年总分", "核查"], ["甲", 90, null, 1], ["乙", 95, 80, 0], ["丙", 92, 85, 1]]),
      rubricOf(doc()),
    );
    expect(unit(a, "甲").improvement).toBeUndefined();
    expect(unit(a, "甲").previousTotal).toBeUndefined();
    // 乙: 1 / 0 cannot be evaluated → undecided, no improvement though last year is known.
    expect(unit(a, "乙")).toMatchObject({ status: "incomplete", previousTotal: 80 });
    expect(unit(a, "乙").improvement).toBeUndefined();
    expect(unit(a, "丙")).toMatchObject({ status: "scored", total: 92, previousTotal: 85, improvement: 7 });
    expect(jsonReport(a, zh).units.map((u) => u.improvement)).toEqual([undefined, undefined, 7]);
  });
});

describe("a composite needs every part", () => {
  it("a part whose indicator is blank leaves the composite empty", () => {
    const r = rubricOf({
      indicators: [{ name: "完成率", type: "number" }, { name: "满意度", type: "number", required: false }],
      items: [{ name: "完成", max: 100, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] }],
      composites: [{ name: "综合", parts: [{ total: true, weight: 0.6 }, { indicator: "满意度", weight: 0.4 }] }],
    });
    const a = assessed(grid([["单位", "完成率", "满意度"], ["甲", 90, null], ["乙", 90, 80]]), r);
    expect(unit(a, "甲").composites).toEqual([{ name: "综合", value: null }]);
    // 0.6 × 90 + 0.4 × 80 = 86
    expect(unit(a, "乙").composites).toEqual([{ name: "综合", value: 86 }]);
  });
});

describe("assess with a table already located, or one that cannot be", () => {
  it("a given layout adds no problems of its own", () => {
    const r = rubricOf({ indicators: [{ name: "完成率", type: "number" }], items: [{ name: "完成", max: 10, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] }] });
    const g = grid([["单位", "完成率"], ["甲", 95], ["乙", 100]]);
    const first = assessed(g, r);
    const again = assess(g, r, { layout: first.layout });
    expect(again.ok && again.value.problems).toEqual(first.problems);
    expect(again.ok && again.value.units.map((u) => u.total)).toEqual([5, 10]);
  });

  it("a table without a required column is not scored: the located table's error is the result", () => {
    const r = rubricOf({
      indicators: [{ name: "完成率", type: "number" }, { name: "满意率", type: "number" }],
      items: [{ name: "完成", max: 10, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }, { type: "target", indicator: "满意率", target: 100, points: 1 }] }],
    });
    const a = assess(grid([["单位", "完成率"], ["甲", 95]]), r);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.issues.some((i) => i.severity === "error")).toBe(true);
  });

  it("a table with a header but no unit rows is not scored: its located layout carries an error", () => {
    const r = rubricOf({ indicators: [{ name: "完成率", type: "number" }], items: [{ name: "完成", max: 10, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] }] });
    const a = assess(grid([["单位", "完成率"]]), r);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.issues.map((i) => i.code)).toContain("table.noUnits");
  });
});
