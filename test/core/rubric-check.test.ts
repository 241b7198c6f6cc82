/**
 * The checker: every error (blocks scoring) and every warning (does not), each with its code, its
 * path in the rubric and its zh-CN message.
 */
import { compileRubric } from "../../src/core/rubric/compile";
import type { Issue } from "../../src/core/issue";
import { assess } from "../../src/core/assess";
import { catalog, formatIssue } from "../../src/i18n";
import { builtinRubrics } from "../../src/app/rubrics";
import { rubricSchema } from "../../src/core/rubric/schema";
import { compileRubricSheet, rubricToSheet } from "../../src/core/rubric/sheet";
import { sheetGrid } from "./rubric-sheet/helpers";
import { grid as gridOf } from "../helpers/grid";

const ZH = catalog("zh-CN");
const EN = catalog("en-US");

const indicators = [
  { name: "计划生育率", type: "percent" },
  { name: "违法生育数", type: "count" },
  { name: "领导小组", type: "boolean" },
];
const rule = { type: "target", indicator: "计划生育率", target: 88, points: 1 };
const base = { id: "t", name: "测试细则", version: "1", indicators, items: [{ name: "计划生育率", max: 10, rules: [rule] }] };
const withItem = (item: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ ...base, items: [{ name: "计划生育率", max: 10, rules: [rule], ...item }], ...more });

function errorsOf(doc: unknown): Issue[] {
  const c = compileRubric(doc);
  if (c.ok) throw new Error("expected errors");
  return c.issues.filter((i) => i.severity === "error");
}

function warningsOf(doc: unknown): Issue[] {
  const c = compileRubric(doc);
  if (!c.ok) throw new Error(`expected no errors: ${JSON.stringify(c.issues)}`);
  return c.value.warnings;
}

const only = (issues: Issue[]) => {
  expect(issues).toHaveLength(1);
  return issues[0] as Issue;
};

describe("errors block scoring", () => {
  it("an indicator no one declared", () => {
    const e = only(errorsOf(withItem({ rules: [{ ...rule, indicator: "出生率" }] })));
    expect(e).toMatchObject({ code: "rubric.unknownIndicator", path: ["items", 0, "rules", 0, "indicator"] });
    expect(formatIssue(e, ZH)).toBe("考核细则引用了未声明的指标“出生率”（位置 items.0.rules.0.indicator）：请在 indicators 中声明");
  });

  it("a rule type Kaohe does not know, listing the ones it does", () => {
    const e = only(errorsOf(withItem({ rules: [{ type: "targt", indicator: "计划生育率", target: 88, points: 1 }] })));
    expect(e).toMatchObject({ code: "rubric.unknownRuleType", path: ["items", 0, "rules", 0, "type"], params: { type: "targt", what: "rule" } });
    expect(formatIssue(e, ZH)).toMatch(/^考核细则位置 items\.0\.rules\.0\.type：不认识的规则类型“targt”；可用的类型：target, perCount, check, range, improvement, enteredScore, formula/);
  });

  it("a veto type Kaohe does not know", () => {
    const e = only(errorsOf({ ...base, vetoes: [{ type: "totalUnder", value: 60 }] }));
    expect(e).toMatchObject({ code: "rubric.unknownRuleType", path: ["vetoes", 0, "type"] });
    expect(formatIssue(e, ZH)).toBe("考核细则位置 vetoes.0.type：不认识的一票否决类型“totalUnder”；可用的类型：fact, totalBelow, anyMissed");
  });

  it("a target, or a range's bound, that is not a number", () => {
    const e = only(errorsOf(withItem({ rules: [{ ...rule, target: "88%" }] })));
    expect(e).toMatchObject({ code: "rubric.notNumber", path: ["items", 0, "rules", 0, "target"] });
    expect(formatIssue(e, ZH)).toBe("考核细则位置 items.0.rules.0.target：目标值“88%”不是数字；请填写数字（如 88，不加引号、不带 % 号），或写 {column: 列名}、{unitTable: 目标表名}");
    const range = only(errorsOf(withItem({ rules: [{ type: "range", indicator: "计划生育率", min: 80, max: "九十", points: 1 }] })));
    expect(range).toMatchObject({ code: "rubric.notNumber", path: ["items", 0, "rules", 0, "max"] });
    expect(formatIssue(range, ZH)).toContain("上限“九十”不是数字");
  });

  it("two items of the same name", () => {
    const doc = { ...base, items: [base.items[0], { name: "计划生育率", max: 5, rules: [rule] }] };
    const e = only(errorsOf(doc));
    expect(e).toMatchObject({ code: "rubric.duplicateName", path: ["items", 1] });
    expect(formatIssue(e, ZH)).toBe("考核细则中名称“计划生育率”重复（位置 items.1）");
  });

  it("derived indicators that go round in a circle", () => {
    const doc = { ...base, indicators: [...indicators, { name: "甲", type: "number", derive: "乙 + 1" }, { name: "乙", type: "number", derive: "甲 * 2" }] };
    const e = errorsOf(doc);
    expect(e[0]).toMatchObject({ code: "rubric.cycle", path: ["indicators", 3, "derive"] });
    expect(formatIssue(e[0] as Issue, ZH)).toBe("指标“甲”的计算公式循环引用（甲 → 乙 → 甲，位置 indicators.3.derive）：计算公式不能直接或间接引用自身");
  });
});

describe("warnings do not block scoring", () => {
  it("sub-items worth more than their item", () => {
    const w = only(warningsOf(withItem({ parts: [{ name: "甲", max: 6 }, { name: "乙", max: 6 }] })));
    expect(w).toMatchObject({ code: "rubric.partsExceedMax", severity: "warning", path: ["items", 0] });
    expect(formatIssue(w, ZH)).toBe("“计划生育率”的细项分值合计 12 分，超过该项分值 10 分");
  });

  it("items that do not add up to the stated full marks", () => {
    const w = only(warningsOf({ ...base, maxTotal: 100 }));
    expect(w).toMatchObject({ code: "rubric.totalMismatch", path: ["maxTotal"] });
    expect(formatIssue(w, ZH)).toBe("各项分值合计 10 分，与满分 100 分不一致");
  });

  it("a veto below a total of 0, which can never fire", () => {
    const w = only(warningsOf({ ...base, vetoes: [{ type: "totalBelow", value: 0 }] }));
    expect(w).toMatchObject({ code: "rubric.vetoNeverFires", path: ["vetoes", 0], params: { why: "belowZero" } });
    expect(formatIssue(w, ZH)).toBe("一票否决（位置 vetoes.0）永远不会生效：总分最低为 0 分，不可能0分以下");
    // 0分以下（含0分） can fire: a unit that lost every point.
    expect(warningsOf({ ...base, vetoes: [{ type: "totalBelow", value: 0, inclusive: true }] })).toEqual([]);
  });

  it("a total line in an attainment rubric, which has no total", () => {
    const doc = { ...base, mode: "attainment", items: [{ name: "计划生育率", rules: [{ ...rule, points: undefined }] }], vetoes: [{ type: "totalBelow", value: 60 }] };
    const w = only(warningsOf(doc));
    expect(w).toMatchObject({ code: "rubric.vetoNeverFires", path: ["vetoes", 0], params: { why: "noTotal" } });
    expect(formatIssue(w, ZH)).toBe("一票否决（位置 vetoes.0）永远不会生效：达标制细则没有总分，“总分低于60分”无从判断");
  });

  it("outcomes an attainment rubric never decides (no total, no rank): each named where it is written", () => {
    const items = [{ name: "计划生育率", rules: [{ ...rule, points: undefined }] }];
    const outcomes = { commendation: { top: 3 }, laggard: { bottom: 1 }, progress: { top: 1, previous: "计划生育率" }, grades: [{ min: 0, label: "合格" }], vetoGrade: { label: "不合格" } };
    const w = warningsOf({ ...base, mode: "attainment", items, outcomes });
    expect(w.map((x) => [x.code, x.path, x.severity])).toEqual(
      ["commendation", "laggard", "progress", "grades", "vetoGrade"].map((k) => ["rubric.outcomeNeverApplies", ["outcomes", k], "warning"]),
    );
    expect(formatIssue(w[2]!, ZH)).toBe("达标制细则没有总分和排名，“进步奖”（位置 outcomes.progress）不会评定：达标制只判定各单位是否达标；如需评定，请改为计分制（mode: points）");
    expect(formatIssue(w[0]!, EN)).toContain("so commendation (表彰) (at outcomes.commendation) is never decided");
    // The same outcomes in a points rubric are decided: no warning; an attainment rubric without them: none either.
    expect(warningsOf({ ...base, outcomes }).filter((x) => x.code === "rubric.outcomeNeverApplies")).toEqual([]);
    expect(warningsOf({ ...base, mode: "attainment", items })).toEqual([]);
  });

  it("a veto condition that is constant false, and one that is constant true", () => {
    const never = only(warningsOf({ ...base, vetoes: [{ type: "fact", when: "1 > 2", reason: "从不" }] }));
    expect(never).toMatchObject({ code: "rubric.vetoNeverFires", path: ["vetoes", 0], params: { why: "constant" } });
    expect(formatIssue(never, ZH)).toBe("一票否决（位置 vetoes.0）永远不会生效：条件“1 > 2”不读取任何指标，结果恒为“否”");
    const always = only(warningsOf({ ...base, vetoes: [{ type: "fact", when: "2 > 1", reason: "总是" }] }));
    expect(always).toMatchObject({ code: "rubric.vetoAlwaysFires", path: ["vetoes", 0], params: { why: "constant" } });
    expect(formatIssue(always, ZH)).toBe("一票否决（位置 vetoes.0）对所有单位都会生效：条件“2 > 1”不读取任何指标，结果恒为“是”");
    // A condition that reads a column is not judged.
    expect(warningsOf({ ...base, vetoes: [{ type: "fact", when: "违法生育数 > 0", reason: "违法生育" }] })).toEqual([]);
  });

  it("a total line above the highest possible total, which vetoes every unit", () => {
    const w = only(warningsOf({ ...base, vetoes: [{ type: "totalBelow", value: 11 }] }));
    expect(w).toMatchObject({ code: "rubric.vetoAlwaysFires", path: ["vetoes", 0], params: { why: "aboveMax", max: 10 } });
    expect(formatIssue(w, ZH)).toBe("一票否决（位置 vetoes.0）对所有单位都会生效：总分最高只有 10 分，总是低于 11 分");
    // 10分以下（含10分） with 10 the most: also every unit.
    expect(only(warningsOf({ ...base, vetoes: [{ type: "totalBelow", value: 10, inclusive: true }] }))).toMatchObject({ code: "rubric.vetoAlwaysFires" });
    // Below 10 (not included) can be escaped with full marks; a bonus item raises the ceiling.
    expect(warningsOf({ ...base, vetoes: [{ type: "totalBelow", value: 10 }] })).toEqual([]);
    const bonus = { name: "加分", max: 5, bonus: true, rules: [{ type: "check", indicator: "领导小组", when: true, points: 5 }] };
    expect(warningsOf({ ...base, items: [...base.items, bonus], vetoes: [{ type: "totalBelow", value: 12 }] })).toEqual([]);
    expect(only(warningsOf({ ...base, items: [...base.items, bonus], bonusCap: 1, vetoes: [{ type: "totalBelow", value: 12 }] }))).toMatchObject({ code: "rubric.vetoAlwaysFires", params: { max: 11 } });
  });

  it("a rule worth 0 points", () => {
    const w = only(warningsOf(withItem({ rules: [{ type: "perCount", indicator: "违法生育数", points: 0 }] })));
    expect(w).toMatchObject({ code: "rubric.ruleNeverDeducts", path: ["items", 0, "rules", 0], params: { why: "zeroPoints" } });
    expect(formatIssue(w, ZH)).toBe("“计划生育率”的规则（位置 items.0.rules.0）永远不会扣分：分值为 0");
  });

  it("a target every value in the indicator's range meets", () => {
    const w = only(warningsOf(withItem({ rules: [{ ...rule, target: 100, direction: "atMost" }] })));
    expect(w).toMatchObject({ code: "rubric.ruleNeverDeducts", path: ["items", 0, "rules", 0], params: { why: "unreachable", min: 0, max: 100 } });
    expect(formatIssue(w, ZH)).toBe("“计划生育率”的规则（位置 items.0.rules.0）永远不会扣分：“计划生育率”的取值范围是 0–100，任何取值都达到目标 100");
    // ≥ 0 for a count never misses; > 0 (exclusive) can.
    expect(only(warningsOf(withItem({ rules: [{ type: "target", indicator: "违法生育数", target: 0, points: 1 }] })))).toMatchObject({ code: "rubric.ruleNeverDeducts" });
    expect(warningsOf(withItem({ rules: [{ type: "target", indicator: "违法生育数", target: 0, inclusive: false, points: 1 }] }))).toEqual([]);
    // The indicator's own bounds count: 性别比 kept in 90–120 always lies in 80–130.
    const ratio = { ...base, indicators: [...indicators, { name: "性别比", type: "number", min: 90, max: 120 }] };
    const range = only(warningsOf({ ...ratio, items: [{ name: "性别比", max: 5, rules: [{ type: "range", indicator: "性别比", min: 80, max: 130, points: 5 }] }] }));
    expect(range).toMatchObject({ code: "rubric.ruleNeverDeducts", path: ["items", 0, "rules", 0], params: { target: "80–130" } });
  });

  it("a formula rule that reads nothing and is always 0", () => {
    const w = only(warningsOf(withItem({ rules: [{ type: "formula", points: "MAX(0, 1 - 2)", reason: "从不扣分" }] })));
    expect(w).toMatchObject({ code: "rubric.ruleNeverDeducts", path: ["items", 0, "rules", 0], params: { why: "constant" } });
    expect(formatIssue(w, ZH)).toBe("“计划生育率”的规则（位置 items.0.rules.0）永远不会扣分：公式“MAX(0, 1 - 2)”不读取任何指标，结果恒为 0");
  });

  it("every warning has an English sentence too", () => {
    const w = warningsOf({ ...base, maxTotal: 100, vetoes: [{ type: "totalBelow", value: 0 }, { type: "totalBelow", value: 11 }] });
    for (const x of w) expect(formatIssue(x, EN)).not.toMatch(/[\u4e00-\u9fff]/u);
    expect(w.map((x) => x.code)).toEqual(["rubric.totalMismatch", "rubric.vetoNeverFires", "rubric.vetoAlwaysFires"]);
  });

  it("the built-ins have no warnings but village-2006's 第四条", () => {
    expect(builtinRubrics().flatMap((c) => c.warnings.map((w) => `${c.rubric.id} ${w.code}`))).toEqual(["village-2006 rubric.partsExceedMax"]);
  });
});

describe("a mapped column no rule reads", () => {
  it("is a warning on its header cell, and the unit is scored all the same", () => {
    const doc = { ...base, indicators: [{ name: "计划生育率", type: "percent" }, { name: "备注分", type: "number", required: false }] };
    const c = compileRubric(doc);
    if (!c.ok) throw new Error("compiles");
    const grid = gridOf([["单位", "计划生育率", "说明", "备注分"], ["甲村", 90, "无", 3]]);
    const assessed = assess(grid, c.value.rubric);
    const assessment = assessed.ok ? assessed.value : undefined;
    const unused = assessment?.problems.filter((p) => p.code === "column.unused") ?? [];
    expect(unused).toEqual([expect.objectContaining({ severity: "warning", cell: "D1", params: { name: "备注分", column: "D", header: "备注分" } })]);
    expect(formatIssue(unused[0] as Issue, ZH)).toBe("D 列“备注分”对应指标“备注分”，但考核细则中没有任何规则读取它（不影响评分）");
    expect(assessment?.units[0]).toMatchObject({ status: "scored", total: 10 });
  });

  it("counts what derivations, vetoes and other rules read as read", () => {
    const doc = {
      ...base,
      indicators: [...indicators, { name: "出生数", type: "count" }, { name: "人口", type: "count" }, { name: "出生率", type: "permille", derive: "出生数 / 人口 * 1000" }],
      items: [{ ...base.items[0], rules: [rule, { type: "target", indicator: "出生率", target: 11, direction: "atMost", points: 1 }] }],
      vetoes: [{ type: "fact", when: "违法生育数 > 0", reason: "违法生育" }, { type: "fact", when: "NOT(领导小组)", reason: "无领导小组" }],
    };
    const c = compileRubric(doc);
    if (!c.ok) throw new Error(JSON.stringify(c.issues));
    const grid = gridOf([["单位", "计划生育率", "违法生育数", "领导小组", "出生数", "人口"], ["甲村", 90, 0, "是", 10, 1000]]);
    const assessed = assess(grid, c.value.rubric);
    expect(assessed.ok && assessed.value.problems.filter((p) => p.code === "column.unused")).toEqual([]);
  });

  it("counts a grade quota's tie-break column and 民主测评's rater columns as read", () => {
    const doc = {
      ...base,
      indicators: [indicators[0], { name: "加分", type: "number" }, { name: "评委1", type: "number" }, { name: "评委2", type: "number" }, { name: "评委3", type: "number" }],
      items: [...base.items, { name: "测评", max: 10, rules: [{ type: "raters", indicators: ["评委1", "评委2", "评委3"], outOf: 100 }] }],
      outcomes: { grades: [{ min: 90, label: "优秀", quota: { percent: 50, tieBreak: "加分" } }, { min: 0, label: "合格" }] },
    };
    const c = compileRubric(doc);
    if (!c.ok) throw new Error(JSON.stringify(c.issues));
    const grid = gridOf([["单位", "计划生育率", "加分", "评委1", "评委2", "评委3"], ["甲村", 90, 1, 90, 80, 70]]);
    const assessed = assess(grid, c.value.rubric);
    if (!assessed.ok) throw new Error(JSON.stringify(assessed.issues));
    expect(assessed.value.problems.filter((p) => p.code === "column.unused")).toEqual([]);
  });
});

describe("a rubric written as a 评分细则 sheet", () => {
  it("puts the new warnings on the cells they come from", () => {
    const doc = rubricSchema.parse({ ...base, vetoes: [{ type: "totalBelow", value: 0 }], items: [{ name: "计划生育率", max: 10, rules: [{ type: "perCount", indicator: "违法生育数", points: 0 }] }] });
    const sheet = rubricToSheet(doc);
    const c = compileRubricSheet(sheetGrid(sheet));
    if (!c.ok) throw new Error(JSON.stringify(c.issues));
    // The rule's row is the one naming 违法生育数, the veto's the next; E is their 计分方式 column.
    const ruleRow = sheet.rows.findIndex((r) => r.includes("违法生育数") && r.includes("计划生育率")) + 1;
    expect(ruleRow).toBeGreaterThan(1);
    expect(sheet.rows[ruleRow]?.[4]).toEqual(expect.stringContaining("否决"));
    expect(c.value.warnings.map((w) => [w.code, w.sheet, w.cell])).toEqual([["rubric.ruleNeverDeducts", "评分细则", `E${ruleRow}`], ["rubric.vetoNeverFires", "评分细则", `E${ruleRow + 1}`]]);
  });
});
