import type { Rubric } from "../../src/core/rubric/model";
import { grid } from "../helpers/grid";
import { rubricOf } from "../helpers/rubric";
import { locateTable } from "../../src/core/table/layout";
import { builtinRubric } from "../../src/app/rubrics";

let r: Rubric;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => (r = rubricOf({
  indicators: [
    { name: "计划生育率", type: "percent" },
    { name: "群众满意率", type: "percent", aliases: ["满意率"] },
    { name: "成立领导小组", type: "boolean" },
  ],
  items: [
    { name: "计划生育率", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
    { name: "满意", max: 5, rules: [{ type: "target", indicator: "群众满意率", target: 90, points: 0.2 }] },
    { name: "领导", max: 3, rules: [{ type: "check", indicator: "成立领导小组", points: 1 }] },
  ],
})));

describe("finding the table", () => {
  it("skips a merged title, a notes row and blank rows, and reads two header rows with merged groups", () => {
    const g = grid(
      [
        ["2009年社区考核表"],
        ["填表说明：比率单位为%"],
        [],
        ["社区", "人口指标", null, "基础工作"],
        [null, "计划生育率（%）", "群众满意率 ", "成立领导小组"],
        ["阳光社区", 90, 95, "是"],
        [],
        ["城东社区", 85, 88, "否"],
        ["合计", 175, null, null],
        ["注：满意率为抽样调查结果，样本量不少于30户，由镇计生办统一组织。"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 0, right: 3 }, { top: 1, left: 0, bottom: 1, right: 3 }, { top: 3, left: 0, bottom: 4, right: 0 }, { top: 3, left: 1, bottom: 3, right: 2 }] },
    );
    const { layout, issues } = locateTable(g, r);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(layout).toMatchObject({ headerTop: 3, headerRow: 4, unitCol: 0 });
    expect(layout?.units.map((u) => [u.unit, u.row])).toEqual([["阳光社区", 5], ["城东社区", 7]]);
    expect([...(layout?.columns.entries() ?? [])]).toEqual([["计划生育率", 1], ["群众满意率", 2], ["成立领导小组", 3]]);
    expect(layout?.headers.find((h) => h.col === 1)?.text).toBe("人口指标 / 计划生育率（%）");
  });

  it("matches aliases and group+leaf headers", () => {
    const g = grid([["单位名称", "计划生育率", "满意率", "成立领导小组"], ["甲", 90, 95, "是"]]);
    expect(locateTable(g, r).layout?.columns.get("群众满意率")).toBe(2);
  });

  it("finds the unit column by its header anywhere, or as the first text column", () => {
    const byHeader = grid([["序号", "计划生育率", "村", "群众满意率", "成立领导小组"], [1, 90, "红旗村", 95, "是"]]);
    expect(locateTable(byHeader, r).layout?.unitCol).toBe(2);
    const byText = grid([["序号", "名单", "计划生育率", "群众满意率", "成立领导小组"], [1, "红旗村", 90, 95, "是"], [2, "青山村", 91, 96, "是"]]);
    expect(locateTable(byText, r).layout?.unitCol).toBe(1);
  });

  it.each(["合计", "总计", "小计", "平均", "全县", "全区合计", "全镇平均", "本页小计"])("never treats %s as a unit", (name) => {
    const g = grid([["单位", "计划生育率", "群众满意率", "成立领导小组"], ["甲", 90, 95, "是"], [name, 90, 95, "是"]]);
    expect(locateTable(g, r).layout?.units.map((u) => u.unit)).toEqual(["甲"]);
  });

  it("names a missing required column and the closest existing header", () => {
    const g = grid([["单位", "计划生育率达标率", "群众满意率", "成立领导小组"], ["甲", 90, 95, "是"]]);
    const { layout, issues } = locateTable(g, r);
    expect(layout).toBeUndefined();
    expect(issues).toContainEqual(expect.objectContaining({ code: "column.missing", params: expect.objectContaining({ name: "计划生育率", closest: "计划生育率达标率" }) }));
  });

  it("accepts a manual mapping by header text or column letter", () => {
    const g = grid([["单位", "计生率", "群众满意率", "领导小组"], ["甲", 90, 95, "是"]]);
    const { layout, issues } = locateTable(g, r, { 计划生育率: "计生率", 成立领导小组: "D" });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(layout?.columns.get("计划生育率")).toBe(1);
    expect(layout?.columns.get("成立领导小组")).toBe(3);
  });

  it("reports an empty sheet and a sheet with no header", () => {
    expect(locateTable(grid([]), r).issues[0]?.code).toBe("table.empty");
    expect(locateTable(grid([["随便写点什么"]]), r).issues[0]?.code).toBe("table.noHeader");
  });

  it("warns about duplicate unit names", () => {
    const g = grid([["单位", "计划生育率", "群众满意率", "成立领导小组"], ["甲", 90, 95, "是"], ["甲", 90, 95, "是"]]);
    expect(locateTable(g, r).issues).toContainEqual(expect.objectContaining({ code: "unit.duplicate", cell: "A3", severity: "warning" }));
  });

  it("finds the community-2009 table below a title even when columns come in another order", () => {
    const c = builtinRubric("community-2009");
    if (!c.ok) throw new Error("no rubric");
    const headers = c.value.rubric.indicators.filter((i) => i.required).map((i) => i.name).reverse();
    const g = grid([["标题"], ["社区", ...headers], ["甲", ...headers.map(() => 1)]]);
    const { layout } = locateTable(g, c.value.rubric);
    expect(layout?.headerRow).toBe(1);
    expect(layout?.columns.size).toBe(headers.length);
  });
});

describe("unit names", () => {
  it("are shown as written but matched folded", () => {
    const g = grid([["单位", "计划生育率", "群众满意率", "成立领导小组"], ["  Red  Flag Village ", 90, 95, "是"], ["合 计", 1, 1, "是"], ["ＲＥＤ ＦＬＡＧ", 90, 95, "是"]]);
    expect(locateTable(g, r).layout?.units.map((u) => u.unit)).toEqual(["Red Flag Village", "ＲＥＤ ＦＬＡＧ"]);
  });
});

