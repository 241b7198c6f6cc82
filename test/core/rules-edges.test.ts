/**
 * The paths of a rule that mutation testing found untested: a target or range bound read from a column
 * that is blank on the unit's row, a per-unit target table without the unit, a formula rule that
 * fails, 上升/下降 without last year's figure, entered scores at their limits, and what each reason
 * says (its unit sign, last year's value). Each changes a status, a score or an explanation.
 */
import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";

const one = (rule: Record<string, unknown>, indicators: Record<string, unknown>[], max = 10, extra: Record<string, unknown> = {}) =>
  rubricOf({ indicators, items: [{ name: "项目", max, rules: [rule] }], ...extra });

function run(r: ReturnType<typeof rubricOf>, header: string[], row: (string | number | null)[]) {
  return unit(assessed(grid([["单位", ...header], ["甲", ...row]]), r), "甲");
}

describe("targets and bounds read from the sheet", () => {
  let byColumn: ReturnType<typeof one>;
  // Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
  beforeEach(() => (byColumn = one({ type: "target", indicator: "完成数", target: { column: "任务数" }, points: 1 }, [
    { name: "完成数", type: "number" },
    { name: "任务数", type: "number", required: false },
  ])));

  it("a target column blank on the unit's row leaves the unit unscored, naming the column at the unit's cell", () => {
    const u = run(byColumn, ["完成数", "任务数"], [7, null]);
    expect(u.status).toBe("incomplete");
    expect(u.total).toBeNull();
    expect(u.problems).toEqual([expect.objectContaining({ code: "value.missing", severity: "error", sheet: "Sheet1", cell: "A2", unit: "甲", params: { indicator: "任务数" } })]);
  });

  it("a range bound from a column: blank → unscored; present → the bound it states", () => {
    const r = one({ type: "range", indicator: "性别比", min: { column: "下限" }, max: { column: "上限" }, points: 5 }, [
      { name: "性别比", type: "number" }, { name: "下限", type: "number", required: false }, { name: "上限", type: "number", required: false },
    ]);
    expect(run(r, ["性别比", "下限", "上限"], [105, 103, 107]).total).toBe(10);
    expect(run(r, ["性别比", "下限", "上限"], [108, 103, 107]).total).toBe(5);
    const noLow = run(r, ["性别比", "下限", "上限"], [105, null, 107]);
    expect([noLow.status, noLow.problems.map((p) => [p.code, p.params.indicator])]).toEqual(["incomplete", [["value.missing", "下限"]]]);
    const noHigh = run(r, ["性别比", "下限", "上限"], [105, 103, null]);
    expect([noHigh.status, noHigh.problems.map((p) => [p.code, p.params.indicator])]).toEqual(["incomplete", [["value.missing", "上限"]]]);
  });

  it("a per-unit target table without the unit names the table and the indicator", () => {
    const r = one({ type: "target", indicator: "完成率", target: { unitTable: "完成率目标" }, points: 1 }, [{ name: "完成率", type: "percent" }], 10, {
      unitTargets: { 乙: { 完成率目标: 90 } },
    });
    const u = run(r, ["完成率"], [80]);
    expect(u.status).toBe("incomplete");
    expect(u.problems).toEqual([expect.objectContaining({ code: "target.missingForUnit", cell: "A2", unit: "甲", params: { indicator: "完成率", table: "完成率目标" } })]);
  });
});

describe("formula rules that cannot be worked out", () => {
  it("a division by zero is a problem on the unit's row, and the unit is not scored as if it had met the rule", () => {
    const r = one({ type: "formula", points: "10 / 会议次数", reason: "会议太少" }, [{ name: "会议次数", type: "count" }], 10);
    const u = run(r, ["会议次数"], [0]);
    expect(u.problems).toEqual([expect.objectContaining({ code: "value.formula", cell: "A2", params: { indicator: "会议太少", formula: "10 / 会议次数", reason: "divideByZero" } })]);
    expect(u.status).toBe("incomplete");
    expect(run(r, ["会议次数"], [4]).total).toBe(7.5);
  });

  it("a formula reading an optional column that is absent does not apply (the item keeps its points)", () => {
    const r = one({ type: "formula", points: "其他扣分", reason: "其他" }, [{ name: "其他扣分", type: "number", required: false }, { name: "会议次数", type: "count" }], 10);
    const u = run(r, ["会议次数"], [3]);
    expect(u.status).toBe("scored");
    expect(u.total).toBe(10);
    expect(u.items[0]?.met).toBeNull();
  });

  it("a negative formula result takes nothing away (and says nothing)", () => {
    const r = one({ type: "formula", points: "会议次数 - 5", reason: "会议" }, [{ name: "会议次数", type: "count" }], 10);
    expect(run(r, ["会议次数"], [2]).items[0]).toMatchObject({ score: 10, met: true, deductions: [], findings: [] });
    expect(run(r, ["会议次数"], [7]).items[0]).toMatchObject({ score: 8, met: false });
    expect(run(r, ["会议次数"], [7]).items[0]?.deductions[0]?.reason).toEqual({ code: "formula", params: { reason: "会议", points: 2 } });
  });
});

describe("上升/下降 without last year's figure, and entered scores at their limits", () => {
  it("an improvement rule without last year's value does not apply: no deduction, no finding", () => {
    const r = one({ type: "improvement", indicator: "满意率", previous: "上年满意率", points: 2 }, [
      { name: "满意率", type: "percent" }, { name: "上年满意率", type: "percent", required: false },
    ]);
    expect(run(r, ["满意率", "上年满意率"], [90, null]).items[0]).toMatchObject({ score: 10, met: null, deductions: [], findings: [] });
    // Equal is not an improvement (上升 means higher), and says so with both figures.
    const same = run(r, ["满意率", "上年满意率"], [90, 90]).items[0];
    expect(same?.score).toBe(8);
    expect(same?.deductions[0]?.reason).toEqual({ code: "improvement", params: { indicator: "满意率", value: 90, previous: 90, direction: "higher", points: 2 } });
  });

  it("entered scores: 0 and the full marks are accepted, just outside either is refused", () => {
    const r = one({ type: "enteredScore", indicator: "得分" }, [{ name: "得分", type: "score" }], 15);
    expect(run(r, ["得分"], [0]).total).toBe(0);
    expect(run(r, ["得分"], [0]).items[0]?.deductions[0]?.reason).toEqual({ code: "enteredScore", params: { indicator: "得分", score: 0, max: 15, points: 15 } });
    expect(run(r, ["得分"], [15]).items[0]).toMatchObject({ score: 15, met: true, deductions: [], findings: [] });
    const below = run(r, ["得分"], [-0.5]);
    expect([below.status, below.problems[0]?.code, below.problems[0]?.cell]).toEqual(["incomplete", "value.scoreOutOfRange", "B2"]);
    expect(run(r, ["得分"], [15.01]).status).toBe("incomplete");
  });
});

describe("what the reasons say", () => {
  it("the unit sign follows the indicator: % for percent, ‰ for per mille, nothing for numbers", () => {
    const sign = (type: string) => {
      const r = one({ type: "target", indicator: "率", target: 50, points: 1 }, [{ name: "率", type }]);
      return run(r, ["率"], [40]).items[0]?.deductions[0]?.reason.params.unit;
    };
    expect([sign("percent"), sign("permille"), sign("number")]).toEqual(["%", "‰", ""]);
  });

  it("a range missed says last year's figure when the rubric compares with it, and not otherwise", () => {
    const r = one({ type: "range", indicator: "性别比", min: 103, max: 107, orLowerThan: "上年性别比", points: 5 }, [
      { name: "性别比", type: "number" }, { name: "上年性别比", type: "number", required: false },
    ]);
    expect(run(r, ["性别比", "上年性别比"], [109, 108]).items[0]?.deductions[0]?.reason.params).toEqual({ indicator: "性别比", value: 109, min: 103, max: 107, points: 5, previous: 108 });
    expect(run(r, ["性别比", "上年性别比"], [109, null]).items[0]?.deductions[0]?.reason.params).toEqual({ indicator: "性别比", value: 109, min: 103, max: 107, points: 5 });
    // On a bound is inside the range.
    expect(run(r, ["性别比", "上年性别比"], [103, null]).total).toBe(10);
    expect(run(r, ["性别比", "上年性别比"], [107, null]).total).toBe(10);
  });

  it("a check that fires says the answer it read", () => {
    const r = one({ type: "check", indicator: "成立领导小组", points: 2 }, [{ name: "成立领导小组", type: "boolean" }]);
    expect(run(r, ["成立领导小组"], ["否"]).items[0]?.deductions[0]?.reason).toEqual({ code: "check", params: { indicator: "成立领导小组", answer: "no", points: 2 } });
    const when = one({ type: "check", indicator: "出现差错", points: 2, when: true }, [{ name: "出现差错", type: "boolean" }]);
    expect(run(when, ["出现差错"], ["是"]).items[0]?.deductions[0]?.reason).toEqual({ code: "check", params: { indicator: "出现差错", answer: "yes", points: 2 } });
  });
});

describe("edges a mutation run found loose (score/rules.ts, score/rule-kit.ts)", () => {
  it("a derived indicator that misses its target marks no cell: it has no cell of its own", () => {
    const r = one({ type: "target", indicator: "完成率", target: 90, points: 1 }, [
      { name: "完成数", type: "number" },
      { name: "任务数", type: "number" },
      { name: "完成率", type: "number", derive: "完成数 / 任务数 * 100" },
    ]);
    const u = run(r, ["完成数", "任务数"], [40, 50]);
    // 80 against 90: 10 points short at 1 each → 0
    expect(u.items[0]?.deductions[0]).toMatchObject({ points: 10 });
    expect(u.items[0]?.deductions[0]?.cell).toBeUndefined();
    expect(u.shortfallCells).toStrictEqual([]);
  });

  it("an attainment rubric's missed target costs no points: its finding says 0, not NaN", () => {
    const r = rubricOf({ mode: "attainment", indicators: [{ name: "甲率", type: "percent" }], items: [{ name: "甲", rules: [{ type: "target", indicator: "甲率", target: 90 }] }] });
    const u = run(r, ["甲率"], [85]);
    expect(u.items[0]?.met).toBe(false);
    expect(u.items[0]?.findings.map((f) => f.points)).toStrictEqual([0]);
    expect(u.items[0]?.findings[0]?.reason.params.points).toBe(0);
  });

  it("or lower than last year (orLowerThan): strictly lower; the same figure as last year is still a miss", () => {
    const r = one({ type: "range", indicator: "性别比", min: 103, max: 107, orLowerThan: "上年性别比", points: 2 }, [
      { name: "性别比", type: "number" },
      { name: "上年性别比", type: "number" },
    ]);
    expect(run(r, ["性别比", "上年性别比"], [112, 115]).total).toBe(10);
    expect(run(r, ["性别比", "上年性别比"], [112, 112]).total).toBe(8);
  });

  it("the best unit of a relative rule has met it: no deduction and no finding", () => {
    const r = one({ type: "relativeBest", indicator: "满意率" }, [{ name: "满意率", type: "percent" }]);
    const a = assessed(grid([["单位", "满意率"], ["甲", 96], ["乙", 90]]), r);
    expect(unit(a, "甲").items[0]).toMatchObject({ met: true, score: 10, deductions: [], findings: [] });
    expect(unit(a, "乙").items[0]).toMatchObject({ met: false, score: 9.38 });
  });
});
