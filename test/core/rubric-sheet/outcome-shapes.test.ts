/** 难度系数, 适用类别, 【等次】 with 名额 and 否决后等次 on a 评分细则 sheet: written, read back, edited, and wrong. */
import { rubricSchema, type RubricDoc } from "../../../src/core/rubric/schema";
import { compileRubricSheet, rubricToSheet, sheetToRubric, type RubricSheet } from "../../../src/core/rubric/sheet";
import { BLOCKS, GRADE_COLUMNS, INFO, RULE_COLUMNS } from "../../../src/core/rubric/sheet/layout";
import { effectText, parseEffect } from "../../../src/core/rubric/sheet/grade-effect";
import { a1 } from "../../../src/core/grid";
import { catalog, formatIssueWithPlace } from "../../../src/i18n";
import { edited, rowWhere, sheetGrid } from "./helpers";

const C = Object.keys(RULE_COLUMNS) as (keyof typeof RULE_COLUMNS)[];
const col = (k: keyof typeof RULE_COLUMNS) => C.indexOf(k);
const G = Object.keys(GRADE_COLUMNS) as (keyof typeof GRADE_COLUMNS)[];
const gcol = (k: keyof typeof GRADE_COLUMNS) => G.indexOf(k);

let doc: RubricDoc;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => (doc = rubricSchema.parse({
  id: "county-cat", name: "分类考核", version: "2026",
  indicators: [{ name: "计划生育率", type: "percent" }, { name: "耕地保护率", type: "percent" }, { name: "加分", type: "number" }, { name: "案件", type: "count" }],
  items: [
    { name: "计划生育", max: 60, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
    { name: "耕地保护", max: 40, categories: ["乡镇", "社区"], rules: [{ type: "target", indicator: "耕地保护率", target: 95, points: 2 }, { type: "perCount", indicator: "案件", points: 1 }] },
  ],
  vetoes: [{ type: "fact", when: "案件 > 2", reason: "案件多", grade: { down: 1 } }, { type: "totalBelow", value: 60, grade: { label: "不合格" } }],
  ranking: { categoryColumn: "类别", coefficients: { 街道: 1, 乡镇: 1.05, 社区: 1.1 } },
  outcomes: {
    grades: [{ min: 90, label: "优秀", quota: { percent: 15, tieBreak: "加分" } }, { min: 80, label: "良好", quota: { percent: 40, rounding: "round", ties: "allIn" } }, { min: 0, label: "一般" }],
    vetoGrade: { label: "不合格" },
  },
})));
let sheet: RubricSheet;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => (sheet = rubricToSheet(doc)));
const read = (s: RubricSheet) => {
  const r = sheetToRubric(sheetGrid(s));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.doc;
};
const issuesOf = (s: RubricSheet) => {
  const r = compileRubricSheet(sheetGrid(s));
  return r.ok ? [] : r.issues;
};
const zh = catalog("zh-CN");
const en = catalog("en-US");

describe("the new fields on a 评分细则 sheet", () => {
  it("are written in the officials' words and read back identical", () => {
    expect(sheet.rows.filter((r) => r[0] === INFO.coefficient)).toEqual([[INFO.coefficient, "街道", 1], [INFO.coefficient, "乡镇", 1.05], [INFO.coefficient, "社区", 1.1]]);
    expect(sheet.rows.find((r) => r[0] === INFO.vetoGrade)).toEqual([INFO.vetoGrade, "不合格"]);
    const g = rowWhere(sheet, 0, BLOCKS.grades);
    expect(sheet.rows.slice(g + 1, g + 5)).toEqual([
      ["等次", "最低分", "名额比例(%)", "名额取整", "同分处理", "同分比较列"],
      ["优秀", 90, 15, "向下取整", "同分均不计入", "加分"],
      ["良好", 80, 40, "四舍五入", "同分均计入", null],
      ["一般", 0, null, null, null, null],
    ]);
    // Grades with 名额 are in 【等次】 only (its header row starts with 等次), not also as 等次 rows of 【基本信息】.
    expect(sheet.rows.filter((r) => r[0] === INFO.grade).map((r) => r[1])).toEqual(["最低分"]);
    const item = rowWhere(sheet, col("item"), "耕地保护");
    expect(sheet.rows[item]?.[col("categories")]).toBe("乡镇、社区");
    expect(sheet.rows[item + 1]?.[col("categories")]).toBeNull();
    const veto = rowWhere(sheet, col("kind"), "一票否决");
    expect(sheet.rows[veto]?.[col("vetoGrade")]).toBe("降一等次");
    expect(sheet.validations).toEqual(expect.arrayContaining([{ ref: `D${g + 3}:D${g + 5}`, list: ["向下取整", "四舍五入", "向上取整"] }]));
    expect(read(sheet)).toStrictEqual(doc);
  });

  it("one edited cell changes one field: a coefficient, a quota, a category list", () => {
    const coef = rowWhere(sheet, 1, "乡镇");
    expect(read(edited(sheet, coef, 2, 1.2)).ranking.coefficients).toEqual({ 街道: 1, 乡镇: 1.2, 社区: 1.1 });
    const g = rowWhere(sheet, 0, "优秀");
    expect(read(edited(sheet, g, gcol("percent"), "20%")).outcomes.grades?.[0]?.quota).toEqual({ percent: 20, rounding: "floor", ties: "allOut", tieBreak: "加分" });
    const item = rowWhere(sheet, col("item"), "耕地保护");
    // also , and ； between names
    expect(read(edited(sheet, item, col("categories"), "乡镇,街道；社区")).items?.[1]?.categories).toEqual(["乡镇", "街道", "社区"]);
  });

  it("plain grades stay 等次 rows of 【基本信息】, and an old sheet without the new rows reads as before", () => {
    const plain = rubricSchema.parse({ ...doc, ranking: {}, items: [doc.items?.[0]], vetoes: [], outcomes: { grades: [{ min: 90, label: "优秀" }] } });
    const s = rubricToSheet(plain);
    expect(s.rows.some((r) => r[0] === BLOCKS.grades)).toBe(false);
    expect(s.rows.filter((r) => r[0] === INFO.grade)).toEqual([[INFO.grade, "优秀", 90]]);
    const old = { ...s, rows: s.rows.filter((r) => r[0] !== INFO.coefficient && r[0] !== INFO.vetoGrade) };
    expect(read(old)).toStrictEqual(plain);
  });

  it("否决后等次 reads 降一等次, 降1等, 降两等次 as steps down and anything else as a grade", () => {
    expect(["降一等次", "降1等", "降 两 等次", "降低一个等次"].map(parseEffect)).toEqual([{ down: 1 }, { down: 1 }, { down: 2 }, { down: 1 }]);
    expect(parseEffect("不合格")).toEqual({ label: "不合格" });
    expect([effectText({ down: 3 }), effectText({ label: "较差" })]).toEqual(["降三等次", "较差"]);
  });
});

describe("bad new values are errors on their cells", () => {
  it("a coefficient that is not a number, or not above 0", () => {
    const coef = rowWhere(sheet, 1, "乡镇");
    const text = issuesOf(edited(sheet, coef, 2, "一点零五"));
    expect(text).toEqual([expect.objectContaining({ code: "rubricSheet.notNumber", cell: a1(coef, 2) })]);
    expect(formatIssueWithPlace(text[0]!, zh)).toBe(`工作表“评分细则”单元格 ${a1(coef, 2)}：难度系数“一点零五”不是数字`);
    const zero = issuesOf(edited(sheet, coef, 2, 0));
    expect(zero).toEqual([expect.objectContaining({ code: "rubric.schema", cell: a1(coef, 2) })]);
    expect(issuesOf(edited(sheet, coef, 2, null))).toEqual([expect.objectContaining({ code: "rubricSheet.required", cell: a1(coef, 2) })]);
  });

  it("a 名额取整 or 同分处理 not in the list, a 同分比较列 not declared, a 名额 over 100%", () => {
    const g = rowWhere(sheet, 0, "优秀");
    const bad = issuesOf(edited(sheet, g, gcol("rounding"), "随便"));
    expect(bad).toEqual([expect.objectContaining({ code: "rubricSheet.badChoice", cell: a1(g, gcol("rounding")) })]);
    expect(formatIssueWithPlace(bad[0]!, en)).toContain(`名额取整 "随便" is not one of the choices: 向下取整、四舍五入、向上取整`);
    expect(issuesOf(edited(sheet, g, gcol("ties"), "抽签"))).toEqual([expect.objectContaining({ code: "rubricSheet.badChoice", cell: a1(g, gcol("ties")) })]);
    const unknown = issuesOf(edited(sheet, g, gcol("tieBreak"), "未声明列"));
    expect(unknown).toEqual([expect.objectContaining({ code: "rubric.unknownIndicator", cell: a1(g, gcol("tieBreak")) })]);
    expect(issuesOf(edited(sheet, g, gcol("percent"), 150))).toEqual([expect.objectContaining({ code: "rubric.schema", cell: a1(g, gcol("percent")) })]);
    // 名额取整 without a 名额比例
    const noPercent = issuesOf(edited(sheet, g, gcol("percent"), null));
    expect(noPercent).toEqual([expect.objectContaining({ code: "rubricSheet.required", cell: a1(g, gcol("percent")) })]);
  });

  it("适用类别 without 分类排名列, and different on an item's later row", () => {
    const cat = rowWhere(sheet, 0, INFO.categoryColumn);
    const noColumn = edited(sheet, cat, 1, null);
    const withoutCoefficients = { ...noColumn, rows: noColumn.rows.filter((r) => r[0] !== INFO.coefficient) };
    const item = rowWhere(sheet, col("item"), "耕地保护");
    const res = issuesOf(withoutCoefficients);
    expect(res).toEqual([expect.objectContaining({ code: "rubric.noCategoryColumn" })]);
    const shifted = withoutCoefficients.rows.findIndex((r) => r[col("item")] === "耕地保护");
    expect(res[0]?.cell).toBe(a1(shifted, col("categories")));
    expect(formatIssueWithPlace(res[0]!, zh)).toContain("按类别考核（难度系数或项目的适用类别）需要单位类别所在的列");
    const later = issuesOf(edited(sheet, item + 1, col("categories"), "街道"));
    expect(later).toEqual([expect.objectContaining({ code: "rubricSheet.inconsistent", cell: a1(item + 1, col("categories")) })]);
    // the same list written again on the later row is fine
    expect(issuesOf(edited(sheet, item + 1, col("categories"), "乡镇，社区"))).toEqual([]);
  });

  it("否决后等次 beyond nine steps, on a rule that is not a veto, and 【等次】 with 等次 rows at once", () => {
    const veto = rowWhere(sheet, col("kind"), "一票否决");
    expect(issuesOf(edited(sheet, veto, col("vetoGrade"), "降10等次"))).toEqual([expect.objectContaining({ code: "rubric.schema", cell: a1(veto, col("vetoGrade")) })]);
    const rule = rowWhere(sheet, col("item"), "计划生育");
    expect(issuesOf(edited(sheet, rule, col("vetoGrade"), "不合格"))).toEqual([expect.objectContaining({ code: "rubricSheet.notApplicable", cell: a1(rule, col("vetoGrade")) })]);
    const both = { ...sheet, rows: [sheet.rows[0] ?? [], [INFO.grade, "优秀", 95], ...sheet.rows.slice(1)] };
    const g = rowWhere(both, 0, BLOCKS.grades);
    expect(issuesOf(both)).toEqual([expect.objectContaining({ code: "rubricSheet.duplicateLabel", cell: a1(g, 0) })]);
  });
});
