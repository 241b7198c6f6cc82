/** Summary rows, hand mappings and the sheet's edge (issue 11). */
import type { Rubric } from "../../src/core/rubric/model";
import { grid } from "../helpers/grid";
import { assessed, rubricOf } from "../helpers/rubric";
import { locateTable } from "../../src/core/table/layout";
import { assess } from "../../src/core/assess";
import { buildWritePlan } from "../../src/core/plan/write-plan";
import { texts, catalog } from "../../src/i18n";

let r: Rubric;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => (r = rubricOf({
  indicators: [{ name: "计划生育率", type: "percent" }, { name: "群众满意率", type: "percent" }],
  items: [
    { name: "计生", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
    { name: "满意", max: 10, rules: [{ type: "target", indicator: "群众满意率", target: 90, points: 1 }] },
  ],
})));

describe("summary rows", () => {
  it("units named Summerhill, Sumner Village, 全镇村 and 小计村 with full rows are scored, not dropped", () => {
    const names = ["Summerhill", "Sumner Village", "全镇村", "小计村", "Totalville", "平均村"];
    const a = assessed(grid([["单位", "计划生育率", "群众满意率"], ...names.map((n) => [n, 90, 95])]), r);
    expect(a.units.map((u) => u.unit)).toEqual(names);
    expect(a.problems.filter((p) => p.code === "table.summarySkipped")).toEqual([]);
  });

  it("exact summary labels are skipped and each skipped row is listed in the problems", () => {
    const rows = [["阳光社区", 90, 95], ["合计", 180, 190], ["全镇合计", 180, 190], ["城区小计", 90, 95], ["Grand Total", 1, 1], ["平均", 90, 95], ["全镇", 1, 1], ["总计（万元）", 1, 1]];
    const a = assessed(grid([["单位", "计划生育率", "群众满意率"], ...rows]), r);
    expect(a.units.map((u) => u.unit)).toEqual(["阳光社区"]);
    const skipped = a.problems.filter((p) => p.code === "table.summarySkipped");
    expect(skipped.map((p) => [p.params.unit, p.cell, p.severity])).toEqual([
      ["合计", "A3", "warning"], ["全镇合计", "A4", "warning"], ["城区小计", "A5", "warning"], ["Grand Total", "A6", "warning"],
      ["平均", "A7", "warning"], ["全镇", "A8", "warning"], ["总计（万元）", "A9", "warning"],
    ]);
  });

  it("a summary-like name on a row with no data is skipped (and listed)", () => {
    const a = assessed(grid([["单位", "计划生育率", "群众满意率"], ["阳光社区", 90, 95], ["合计数据见附表"]]), r);
    expect(a.units.map((u) => u.unit)).toEqual(["阳光社区"]);
    expect(a.problems).toContainEqual(expect.objectContaining({ code: "table.summarySkipped", cell: "A3" }));
  });
});

describe("--map that cannot be honoured is an error naming the indicator and the column", () => {
  const g = grid([["单位", "计划生育率", "群众满意率", "备注"], ["甲", 90, 95, ""]]);
  const errors = (mapping: Record<string, string>) => locateTable(g, r, mapping).issues.filter((i) => i.severity === "error").map((i) => [i.code, i.params]);

  it("an indicator the rubric lacks", () => {
    expect(errors({ 不存在的指标: "B" })).toEqual([["map.unknownIndicator", { name: "不存在的指标", column: "B" }]]);
  });
  it("B=C where B is not an indicator", () => {
    expect(errors({ B: "C" })).toEqual([["map.unknownIndicator", { name: "B", column: "C" }]]);
  });
  it("a header that does not exist, and =ZZZZ", () => {
    expect(errors({ 计划生育率: "计生率" })).toEqual([["map.noColumn", { name: "计划生育率", column: "计生率", why: "missing" }]]);
    expect(errors({ 计划生育率: "ZZZZ" })).toEqual([["map.noColumn", { name: "计划生育率", column: "ZZZZ", why: "missing" }]]);
  });
  it("a column outside the table", () => {
    expect(errors({ 计划生育率: "Q" })).toEqual([["map.noColumn", { name: "计划生育率", column: "Q", why: "outside", first: "A", last: "D" }]]);
  });
  it("a good mapping still works, by letter, by header and by alias-free name", () => {
    const { layout, issues } = locateTable(g, r, { 计划生育率: "c", 群众满意率: "计划生育率" });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect([...(layout?.columns.entries() ?? [])]).toEqual([["计划生育率", 2], ["群众满意率", 1]]);
  });
});

describe("the sheet's edge", () => {
  it("a table 16,384 columns wide: 'no room right of the table', not an internal error", () => {
    const header = ["单位", "计划生育率", "群众满意率", ...Array.from({ length: 16384 - 3 }, (_, i) => `备注${i}`)];
    const row = ["甲", 90, 95, ...Array.from({ length: 16384 - 3 }, () => null)];
    const g = grid([header, row]);
    const assessed = assess(g, r);
    if (!assessed.ok) throw new Error("not assessed");
    const plan = buildWritePlan(g, assessed.value, texts(catalog("zh-CN")), { resultsSheet: "考核结果" });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.issues.map((i) => [i.code, i.params.last])).toEqual([["output.sheetEdge", "XFD"]]);
  });

  it("a table ending two columns before the edge: still no room for three result columns", () => {
    const width = 16384 - 2;
    const g = grid([["单位", "计划生育率", "群众满意率", ...Array.from({ length: width - 3 }, (_, i) => `备注${i}`)], ["甲", 90, 95]]);
    const assessed = assess(g, r);
    if (!assessed.ok) throw new Error("not assessed");
    const plan = buildWritePlan(g, assessed.value, texts(catalog("zh-CN")), { resultsSheet: "考核结果" });
    expect(plan.ok ? "planned" : plan.issues[0]?.code).toBe("output.sheetEdge");
  });
});
