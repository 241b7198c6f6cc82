/** The rule shapes of issue 9 on a 评分细则 sheet: their cells as officials write them, read back, and their errors on their cells. */
import { rubricSchema, type RubricDoc } from "../../../src/core/rubric/schema";
import { compileRubricSheet, rubricToSheet, sheetToRubric, type RubricSheet } from "../../../src/core/rubric/sheet";
import { BLOCKS, KINDS, RULE_COLUMNS, choiceLabels } from "../../../src/core/rubric/sheet/layout";
import { a1 } from "../../../src/core/grid";
import { catalog, formatIssueWithPlace } from "../../../src/i18n";
import { edited, rowWhere, sheetGrid } from "./helpers";

const C = Object.keys(RULE_COLUMNS) as (keyof typeof RULE_COLUMNS)[];
const col = (k: keyof typeof RULE_COLUMNS) => C.indexOf(k);
const raters = ["评委1", "评委2", "评委3"];

let doc: RubricDoc;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => (doc = rubricSchema.parse({
  id: "shapes", name: "规则形状", version: "2026",
  indicators: [
    { name: "完成率", type: "percent" }, { name: "满意率", type: "percent" }, { name: "发生率", type: "permille" },
    { name: "上级考核得分", type: "number" }, ...raters.map((name) => ({ name, type: "number", max: 100 })),
  ],
  sections: [{
    name: "一、工作实绩",
    items: [
      { name: "完成率", max: 10, rules: [{ type: "bands", indicator: "完成率", bands: [{ min: 95, share: 1 }, { min: 90, share: 0.5 }] }] },
      { name: "满意率", max: 10, rules: [{ type: "relativeBest", indicator: "满意率" }, { type: "relativeAverage", indicator: "满意率", points: 0.5 }] },
      { name: "发生率", max: 6, rules: [{ type: "rank", indicator: "发生率", direction: "atMost", step: 0.5, floor: 2 }] },
      { name: "达标", max: 10, rules: [{ type: "efficacy", indicator: "完成率", satisfactory: "best", unacceptable: 60, base: 6 }] },
      { name: "民主测评", max: 10, rules: [{ type: "raters", indicators: raters, outOf: 100 }] },
      { name: "上级考核", max: 15, rules: [{ type: "converted", indicator: "上级考核得分", outOf: 100, label: "按15分折算" }] },
    ],
  }],
})));
let sheet: RubricSheet;
let top: number;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => {
  sheet = rubricToSheet(doc);
  top = rowWhere(sheet, 0, BLOCKS.rules);
});
const rowOf = (item: string) => rowWhere(sheet, col("item"), item, top);

describe("rule shapes on a 评分细则 sheet", () => {
  it("are written in officials' words and read back identical", () => {
    expect(sheet.rows[rowOf("完成率")]?.[col("kind")]).toBe("分档计分");
    expect(sheet.rows[rowOf("完成率")]?.[col("bands")]).toBe("95:100%；90:50%");
    expect(sheet.rows[rowOf("发生率")]?.slice(col("decrement"), col("rankFloor") + 1)).toEqual([0.5, 2]);
    expect(sheet.rows[rowOf("发生率")]?.[col("direction")]).toBe("越低越好");
    expect(sheet.rows[rowOf("达标")]?.slice(col("satisfactory"), col("base") + 1)).toEqual(["最优", 60, 6]);
    expect(sheet.rows[rowOf("民主测评")]?.[col("indicator")]).toBe("评委1、评委2、评委3");
    const back = sheetToRubric(sheetGrid(sheet));
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value.doc).toStrictEqual(doc);
  });

  it("the 计分方式 drop-down offers the new shapes", () => {
    const list = sheet.validations.find((v) => v.ref.startsWith(`${String.fromCharCode(65 + col("kind"))}`))?.list;
    expect(list).toEqual(choiceLabels(KINDS));
    expect(list).toEqual(expect.arrayContaining(["分档计分", "与最优单位比", "与平均值比", "名次计分", "功效系数法", "民主测评", "折算"]));
  });

  it("bands typed the way people type them: full-width colons, points, 95%", () => {
    const r = rowOf("完成率");
    const back = sheetToRubric(sheetGrid(edited(sheet, r, col("bands"), "95%：10; 90：6")));
    expect(back.ok && back.value.doc.sections?.[0]?.items[0]?.rules[0]).toMatchObject({ bands: [{ min: 95, points: 10 }, { min: 90, points: 6 }] });
  });
});

describe("rule shape errors point at their cells", () => {
  const zh = catalog("zh-CN");
  const issuesOf = (s: typeof sheet) => {
    const res = compileRubricSheet(sheetGrid(s));
    if (res.ok) throw new Error("expected errors");
    return res.issues;
  };

  it("分档 that cannot be read", () => {
    const r = rowOf("完成率");
    const [i] = issuesOf(edited(sheet, r, col("bands"), "95以上满分"));
    expect(i).toMatchObject({ code: "rubricSheet.badBands", cell: a1(r, col("bands")) });
    expect(formatIssueWithPlace(i!, zh)).toBe(`工作表“评分细则”单元格 ${a1(r, col("bands"))}：分档“95以上满分”无法读取：应写成“下限:得分”，多档用“；”分隔，得分写分数或占满分的百分比，如“95:10；90:50%”`);
  });

  it("a band bound given twice, a 基础分 above the full marks, too few raters: the checker's errors on the cells", () => {
    const dup = issuesOf(edited(sheet, rowOf("完成率"), col("bands"), "95:10；95:5"));
    expect(dup).toEqual([expect.objectContaining({ code: "rubric.ruleShape", cell: a1(rowOf("完成率"), col("bands")), params: expect.objectContaining({ problem: "bandDuplicate" }) })]);
    const base = issuesOf(edited(sheet, rowOf("达标"), col("base"), 12));
    expect(base).toEqual([expect.objectContaining({ code: "rubric.ruleShape", cell: a1(rowOf("达标"), col("base")) })]);
    expect(formatIssueWithPlace(base[0]!, zh)).toContain("功效系数法的基础分 12 分超过满分 10 分");
    const few = issuesOf(edited(sheet, rowOf("民主测评"), col("indicator"), "评委1、评委2"));
    expect(few).toEqual([expect.objectContaining({ code: "rubric.ruleShape", cell: a1(rowOf("民主测评"), col("indicator")) })]);
    const unknown = issuesOf(edited(sheet, rowOf("民主测评"), col("indicator"), "评委1、评委9、评委3"));
    expect(unknown).toEqual([expect.objectContaining({ code: "rubric.unknownIndicator", cell: a1(rowOf("民主测评"), col("indicator")) })]);
  });

  it("a 满意值 that is neither a number nor 最优, a missing 依次递减, a cell its 计分方式 does not use", () => {
    const r = rowOf("达标");
    expect(issuesOf(edited(sheet, r, col("satisfactory"), "很好"))).toEqual([expect.objectContaining({ code: "rubricSheet.notNumber", cell: a1(r, col("satisfactory")) })]);
    const rank = rowOf("发生率");
    expect(issuesOf(edited(sheet, rank, col("decrement"), null))).toEqual([expect.objectContaining({ code: "rubricSheet.required", cell: a1(rank, col("decrement")) })]);
    const conv = rowOf("上级考核");
    expect(issuesOf(edited(sheet, conv, col("bands"), "95:10"))).toEqual([
      expect.objectContaining({ code: "rubricSheet.notApplicable", cell: a1(conv, col("bands")), params: { kind: "折算", label: "分档" } }),
    ]);
  });
});
