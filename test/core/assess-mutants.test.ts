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

describe("进步奖 in attainment mode (达标制): there is no total to improve on", () => {
  it("last year's total is kept, but no improvement is made up from a missing total", () => {
    const r = rubricOf({
      mode: "attainment",
      indicators: [{ name: "完成率", type: "number" }, { name: "上年总分", type: "number" }],
      items: [{ name: "完成", max: 10, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] }],
      outcomes: { progress: { top: 1, previous: "上年总分" } },
    });
    const a = assessed(grid([["单位", "完成率", "上年总分"], ["甲", 100, 80]]), r);
    expect(unit(a, "甲")).toMatchObject({ status: "scored", total: null, previousTotal: 80 });
    expect(unit(a, "甲").improvement).toBeUndefined();
    expect(jsonReport(a, zh).units[0]).not.toHaveProperty("improvement");
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

describe("功效系数法 with one end taken from the run", () => {
  const efficacy = (rule: Record<string, unknown>) =>
    rubricOf({ indicators: [{ name: "完成率", type: "number" }], items: [{ name: "完成", max: 10, rules: [{ type: "efficacy", indicator: "完成率", base: 6, ...rule }] }] });
  const scores = (r: ReturnType<typeof efficacy>, values: number[]) =>
    assessed(grid([["单位", "完成率"], ...values.map((v, i) => [`单位${i + 1}`, v])]), r).units.map((u) => u.total);

  it("满意值 the run's best, 不允许值 a figure", () => {
    // best 80; 40: 6 + (40 − 0) / (80 − 0) × 4 = 8
    expect(scores(efficacy({ satisfactory: "best", unacceptable: 0 }), [80, 40])).toEqual([10, 8]);
  });

  it("不允许值 the run's worst, higher is better: the lowest unit", () => {
    // worst 50; 70: 6 + 20 / 50 × 4 = 7.6; 90: 6 + 40 / 50 × 4 = 9.2
    expect(scores(efficacy({ satisfactory: 100, unacceptable: "worst" }), [50, 70, 90])).toEqual([6, 7.6, 9.2]);
  });

  it("不允许值 the run's worst, lower is better: the highest unit", () => {
    // worst 30; 10: 6 + (10 − 30) / (0 − 30) × 4 = 8.67; 20: 6 + 10 / 30 × 4 = 7.33
    expect(scores(efficacy({ satisfactory: 0, unacceptable: "worst", direction: "atMost" }), [10, 30, 20])).toEqual([8.67, 6, 7.33]);
  });

  it("every unit alike: best and worst coincide and each unit has met the rule with full marks", () => {
    const a = assessed(grid([["单位", "完成率"], ["甲", 80], ["乙", 80]]), efficacy({ satisfactory: "best", unacceptable: "worst" }));
    for (const u of a.units) expect(u.items[0]).toMatchObject({ met: true, score: 10, deductions: [], findings: [] });
  });
});

describe("与最优单位比 below zero: no ratio of negative figures", () => {
  const best = (direction: string) =>
    rubricOf({ indicators: [{ name: "增长率", type: "number" }], items: [{ name: "增长", max: 10, rules: [{ type: "relativeBest", indicator: "增长率", direction }] }] });
  const scores = (r: ReturnType<typeof best>, values: number[]) =>
    assessed(grid([["单位", "增长率"], ...values.map((v, i) => [`单位${i + 1}`, v])]), r).units.map((u) => u.total);

  it("higher is better with a best at or below zero: a unit short of it earns nothing", () => {
    expect(scores(best("atLeast"), [-2, -5])).toEqual([10, 0]);
  });

  it("lower is better with a unit at or below zero short of the best: it earns nothing", () => {
    expect(scores(best("atMost"), [-5, -2])).toEqual([10, 0]);
  });

  it("lower is better: full × best / value", () => {
    expect(scores(best("atMost"), [10, 20])).toEqual([10, 5]);
  });
});

describe("与平均值比: the run's average", () => {
  const avg = (rule: Record<string, unknown> = {}) =>
    rubricOf({
      indicators: [{ name: "满意率", type: "number", required: false }],
      items: [{ name: "满意", max: 20, rules: [{ type: "relativeAverage", indicator: "满意率", points: 1, ...rule }] }],
    });

  it("a blank optional figure is not part of the average", () => {
    // average of 90 and 70 = 80: 70 is 10 below → −10
    const a = assessed(grid([["单位", "满意率"], ["甲", 90], ["乙", 70], ["丙", null]]), avg());
    expect(a.units.map((u) => u.total)).toEqual([20, 10, 20]);
    expect(unit(a, "乙").items[0]?.deductions[0]?.reason.params).toMatchObject({ average: 80, gap: 10 });
  });

  it("above the average, or below it by less than a whole step, is met with nothing to say", () => {
    // average 79; 78 is 1 below: floor(1 / 5) = 0 steps
    const a = assessed(grid([["单位", "满意率"], ["甲", 80], ["乙", 78]]), avg({ step: 5, rounding: "floor" }));
    for (const u of a.units) expect(u.items[0]).toMatchObject({ met: true, score: 20, deductions: [], findings: [] });
  });
});

describe("a relative rule with its category's figures", () => {
  it("with 难度系数 every category is compared together", () => {
    const r = rubricOf({
      indicators: [{ name: "完成率", type: "number" }],
      items: [{ name: "完成", max: 10, rules: [{ type: "relativeBest", indicator: "完成率" }] }],
      ranking: { categoryColumn: "类别", coefficients: { 街道: 1, 乡镇: 1 } },
    });
    const a = assessed(grid([["单位", "类别", "完成率"], ["甲", "街道", 80], ["乙", "乡镇", 40]]), r);
    expect(a.units.map((u) => u.total)).toEqual([10, 5]);
  });

  it("a unit whose row does not read has no run figures to compare with: only its rules against the run are left unscored", () => {
    const r = rubricOf({
      indicators: [{ name: "完成率", type: "number" }, { name: "满意率", type: "number" }, { name: "核查", type: "number" }],
      items: [
        { name: "完成", max: 10, rules: [{ type: "relativeBest", indicator: "完成率" }] },
        { name: "满意", max: 10, rules: [{ type: "efficacy", indicator: "满意率", satisfactory: 100, unacceptable: 0, base: 6 }] },
        { name: "核查", max: 10, rules: [{ type: "target", indicator: "核查", target: 1, points: 1 }] },
      ],
    });
    // 核查 does not read: 甲 is left out of the run's figures, and there are no others.
    const a = assessed(grid([["单位", "完成率", "满意率", "核查"], ["甲", 90, 50, "坏"]]), r);
    const u = unit(a, "甲");
    expect(u.status).toBe("incomplete");
    // 满意: 6 + 50 / 100 × 4 = 8, fixed figures need no run
    expect(u.items.map((i) => [i.name, i.score])).toEqual([["完成", null], ["满意", 8], ["核查", null]]);
  });
});

describe("derived indicators (派生指标)", () => {
  it("a formula with one input blank says so once, as the input's problem", () => {
    const r = rubricOf({
      indicators: [{ name: "完成数", type: "number" }, { name: "任务数", type: "number" }, { name: "完成率", type: "number", derive: "完成数 / 任务数 * 100" }],
      items: [{ name: "完成", max: 10, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] }],
    });
    const a = assessed(grid([["单位", "完成数", "任务数"], ["甲", 9, null], ["乙", 9, 10]]), r);
    expect(unit(a, "甲").problems.map((p) => [p.code, p.cell])).toEqual([["value.missing", "C2"]]);
    expect(unit(a, "乙").total).toBe(0);
  });

  it("a formula that fails is a problem at the unit's cell, naming the indicator and the formula", () => {
    const r = rubricOf({
      indicators: [{ name: "完成数", type: "number" }, { name: "任务数", type: "number" }, { name: "完成率", type: "number", derive: "完成数 / 任务数 * 100" }],
      items: [{ name: "完成", max: 10, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] }],
    });
    const a = assessed(grid([["单位", "完成数", "任务数"], ["甲", 9, 0]], { sheet: "考核表" }), r);
    expect(unit(a, "甲").problems).toMatchObject([
      { code: "value.formula", sheet: "考核表", cell: "A2", unit: "甲", params: { indicator: "完成率", formula: "完成数 / 任务数 * 100", reason: "divideByZero" } },
    ]);
  });

  it("an optional indicator the sheet has no column for reads as blank, beside a derived one", () => {
    const r = rubricOf({
      indicators: [{ name: "完成数", type: "number" }, { name: "备注分", type: "number", required: false }, { name: "完成率", type: "number", derive: "完成数 * 10" }],
      items: [
        { name: "完成", max: 10, rules: [{ type: "target", indicator: "完成率", target: 100, points: 1 }] },
        { name: "备注", max: 5, rules: [{ type: "target", indicator: "备注分", target: 1, points: 1 }] },
      ],
    });
    const a = assessed(grid([["单位", "完成数"], ["甲", 9], ["乙", 10]]), r);
    expect(a.units.map((u) => [u.unit, u.status, u.total])).toEqual([["甲", "scored", 15 - 10], ["乙", "scored", 15]]);
  });
});
