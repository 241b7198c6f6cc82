/**
 * How the engine finds the table in a sheet: header rows (below titles, one or two rows, merged
 * groups), the unit column, which rows are units (never 合计/总计, blank or note rows), which column
 * answers each indicator, and the issue (code, cell, params) for each problem. Grids and rubrics are
 * built inside each test (docs/mutation.md).
 */
import type { CellRange, Grid, GridCell } from "../../src/core/grid";
import type { Issue } from "../../src/core/issue";
import type { Rubric } from "../../src/core/rubric/model";
import { fractionWarnings } from "../../src/core/table/fractions";
import { type TableLayout, locateTable } from "../../src/core/table/layout";
import { MergedView } from "../../src/core/table/merged";
import { unusedColumnWarnings } from "../../src/core/table/unused-columns";
import { type Raw, grid } from "../helpers/grid";
import { rubricOf } from "../helpers/rubric";

const HEAD = ["单位", "计划生育率", "群众满意率", "成立领导小组"];

/** Three indicators (one with an alias), as in the 2009 community table. */
function community(extra: Record<string, unknown> = {}): Rubric {
  return rubricOf({
    indicators: [
      { name: "计划生育率", type: "percent" },
      { name: "群众满意率", type: "percent", aliases: ["满意率"] },
      { name: "成立领导小组", type: "boolean" },
    ],
    items: [
      { name: "计生", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
      { name: "满意", max: 5, rules: [{ type: "target", indicator: "群众满意率", target: 90, points: 0.2 }] },
      { name: "领导", max: 3, rules: [{ type: "check", indicator: "成立领导小组", points: 1 }] },
    ],
    ...extra,
  });
}

/** One indicator; nothing else in the header names an indicator. */
function single(name = "完成率"): Rubric {
  return rubricOf({ indicators: [{ name, type: "number" }], items: [{ name: "完成", max: 10, rules: [{ type: "target", indicator: name, target: 90, points: 1 }] }] });
}

function located(g: Grid, r: Rubric, mapping: Record<string, string> = {}, owned?: CellRange) {
  const out = locateTable(g, r, mapping, owned);
  const errors = out.issues.filter((i) => i.severity === "error");
  return { ...out, errors };
}

function layoutOf(g: Grid, r: Rubric, mapping: Record<string, string> = {}, owned?: CellRange): { layout: TableLayout; issues: Issue[] } {
  const { layout, issues, errors } = located(g, r, mapping, owned);
  expect(errors).toEqual([]);
  if (!layout) throw new Error("no layout");
  return { layout, issues };
}

const unitNames = (l: TableLayout) => l.units.map((u) => u.unit);
const codes = (issues: Issue[]) => issues.map((i) => i.code);
const blankRows = (n: number): Raw[][] => Array.from({ length: n }, () => []);

describe("the header row", () => {
  it("is searched in the first 40 rows only, with or without a rubric match", () => {
    const r = community();
    const at39 = layoutOf(grid([...blankRows(39), HEAD, ["甲", 90, 95, "是"]]), r).layout;
    expect([at39.headerRow, at39.units[0]?.row]).toEqual([39, 40]);
    const at40 = located(grid([...blankRows(40), HEAD, ["甲", 90, 95, "是"]]), r);
    expect(at40.issues).toEqual([{ code: "table.noHeader", severity: "error", params: { rows: 40 }, sheet: "Sheet1" }]);
    expect(at40.layout).toBeUndefined();
    // No indicator named: the first text row followed by numbers, still within 40 rows.
    const plain = located(grid([...blankRows(40), ["名单", "金额"], ["甲", 5]]), r);
    expect(codes(plain.issues)).toEqual(["table.noHeader"]);
    expect(located(grid([...blankRows(39), ["名单", "金额"], ["甲", 5]]), r).partial?.headerRow).toBe(39);
  });

  it("is the lower of two rows that read the same (headings merged down over both)", () => {
    const merges = [0, 1, 2, 3].map((c) => ({ top: 1, left: c, bottom: 2, right: c }));
    const g = grid([["2024年考核表"], HEAD, [], ["甲", 90, 95, "是"]], { merges });
    const { layout } = layoutOf(g, community());
    expect([layout.headerTop, layout.headerRow]).toEqual([1, 2]);
    expect(layout.headers.map((h) => h.text)).toEqual(HEAD);
    expect(unitNames(layout)).toEqual(["甲"]);
  });

  it("is never a data row, even one with as many text cells as the header has matches", () => {
    const g = grid([["单位", "完成率", "评价", "备注"], ["甲村", 90, "好", "优"], ["乙村", 80, "中", "良"]]);
    const { layout } = layoutOf(g, single());
    expect(layout.headerRow).toBe(0);
    expect(unitNames(layout)).toEqual(["甲村", "乙村"]);
  });

  it("is the row with the unit heading when the indicator names come again lower down (a second block)", () => {
    const g = grid([HEAD, ["甲", 90, 95, "是"], [], ["上年", ...HEAD.slice(1)], ["甲", 80, 85, "否"]]);
    expect(located(g, community()).partial?.headerRow).toBe(0);
  });

  it("needs more than a lone unit heading: a 填报单位 line above the table is no header", () => {
    const { partial } = located(grid([["单位", null, "2024年"], ["名单", "金额"], ["甲", 5]]), community());
    expect(partial?.headerRow).toBe(1);
  });

  it("without a rubric match, skips rows of numbers (years, serial numbers) above the labels", () => {
    const { partial } = located(grid([[2019, 2020], [1, 2], ["名称", "金额"], ["甲", 6]]), community());
    expect(partial?.headerRow).toBe(2);
  });

  it("without a rubric match, takes labels ending or starting with digits, and needs numbers below", () => {
    const { partial } = located(grid([["月度统计", "单位：元"], ["1月", "指标2"], [5, 6]]), community());
    expect(partial?.headerRow).toBe(1);
    expect(partial?.headers.map((h) => h.text)).toEqual(["月度统计 / 1月", "单位：元 / 指标2"]);
  });
});

describe("two header rows", () => {
  it("read a single merged group heading narrower than the table, and a heading merged down once", () => {
    const merges = [{ top: 0, left: 1, bottom: 0, right: 2 }, { top: 0, left: 0, bottom: 1, right: 0 }];
    const g = grid([["单位", "人口指标", null, null], HEAD, ["甲", 90, 95, "是"]], { merges });
    const { layout } = layoutOf(g, community());
    expect([layout.headerTop, layout.headerRow, layout.unitCol]).toEqual([0, 1, 0]);
    expect(layout.headers).toEqual([
      { col: 0, text: "单位", keys: ["单位"] },
      { col: 1, text: "人口指标 / 计划生育率", keys: ["计划生育率", "人口指标计划生育率"] },
      { col: 2, text: "人口指标 / 群众满意率", keys: ["群众满意率", "人口指标群众满意率"] },
      { col: 3, text: "成立领导小组", keys: ["成立领导小组"] },
    ]);
  });

  it("read a group row of one heading merged over two of four columns", () => {
    const g = grid([[null, "人口指标", null, null], HEAD, ["甲", 90, 95, "是"]], { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] });
    const { layout } = layoutOf(g, community());
    expect(layout.headerTop).toBe(0);
    expect(layout.headers[1]?.text).toBe("人口指标 / 计划生育率");
    expect(layout.headers[0]?.text).toBe("单位");
  });

  it("read a group row of exactly two unmerged headings", () => {
    const g = grid([[null, "人口指标", null, "基础工作"], HEAD, ["甲", 90, 95, "是"]]);
    const { layout } = layoutOf(g, community());
    expect(layout.headerTop).toBe(0);
    expect(layout.headers[3]?.text).toBe("基础工作 / 成立领导小组");
  });

  it.each<[string, CellRange[]]>([
    ["merged over the whole table", [{ top: 0, left: 0, bottom: 0, right: 3 }]],
    ["unmerged", []],
    ["merged over all columns but the first", [{ top: 0, left: 1, bottom: 0, right: 3 }]],
  ])("a title right above a one-row header is no group row (%s)", (_, merges) => {
    const title: Raw[] = merges[0]?.left === 1 ? [null, "2024年考核表"] : ["2024年考核表"];
    const { layout } = layoutOf(grid([title, HEAD, ["甲", 90, 95, "是"]], { merges }), community());
    expect([layout.headerTop, layout.headerRow]).toEqual([1, 1]);
    expect(layout.headers.map((h) => h.text)).toEqual(HEAD);
  });

  it("a title beside an empty merged area right of the table is no group row", () => {
    const g = grid([["表一", null, null, null, null, null], HEAD, ["甲", 90, 95, "是"]], { merges: [{ top: 0, left: 4, bottom: 0, right: 5 }] });
    expect(layoutOf(g, community()).layout.headerTop).toBe(1);
  });

  it("a blank row above the header is no group row, even with an empty merged area in it", () => {
    const g = grid([[null, null, null, null], HEAD, ["甲", 90, 95, "是"]], { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] });
    expect(layoutOf(g, community()).layout.headerTop).toBe(1);
  });

  it("match an indicator by group and leaf together (人口 / 出生率 answers 人口出生率)", () => {
    const merges = [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 2 }];
    const g = grid([["单位", "人口", null], [null, "出生率", "死亡率"], ["甲", 9.5, 6.1]], { merges });
    const { layout } = layoutOf(g, single("人口出生率"));
    expect(layout.columns.get("人口出生率")).toBe(1);
    expect([layout.headerTop, layout.headerRow]).toEqual([0, 1]);
  });

  it("match a heading written in the upper row only (not merged down)", () => {
    const g = grid([["单位", "计划生育率", "人口指标", null], [null, null, "群众满意率", "成立领导小组"], ["甲", 90, 95, "是"]], {
      merges: [{ top: 0, left: 2, bottom: 0, right: 3 }],
    });
    const { layout } = layoutOf(g, community());
    expect([...layout.columns.entries()]).toEqual([["计划生育率", 1], ["群众满意率", 2], ["成立领导小组", 3]]);
    expect(layout.unitCol).toBe(0);
    expect(layout.headers[1]).toEqual({ col: 1, text: "计划生育率", keys: ["计划生育率"] });
  });

  it("a group heading does not make its sub-columns answer it (群众满意率 over 满意率 and 抽样户数)", () => {
    const merges = [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 2 }, { top: 0, left: 3, bottom: 1, right: 3 }, { top: 0, left: 4, bottom: 1, right: 4 }];
    const g = grid([["单位", "群众满意率", null, "计划生育率", "成立领导小组"], [null, "满意率", "抽样户数"], ["甲", 95, 200, 90, "是"]], { merges });
    const { layout, issues } = layoutOf(g, community());
    expect(layout.headerRow).toBe(1);
    expect(layout.columns.get("群众满意率")).toBe(1);
    expect(codes(issues)).toEqual([]);
  });

  it("the table ends at its last heading, whatever is written further right", () => {
    const g = grid([HEAD, ["甲", 90, 95, "是", null, "补报"], ["乙", 91, 96, "否"]]);
    const { layout } = layoutOf(g, community());
    expect(layout.lastCol).toBe(3);
    expect(layout.headers.map((h) => h.col)).toEqual([0, 1, 2, 3]);
  });
});

describe("which rows are units", () => {
  it.each([
    ["合计", 1], ["总 计", 2], ["全镇合计", 3], ["城区小计", 1], ["Grand Total", 2], ["TOTAL", 3], ["Subtotal", 1],
    ["平均值", 2], ["全县（合计）", 3], ["汇总", 0], ["第一片区汇总", 2],
  ])("never %s (at position %i), each skip reported on its cell", (label, at) => {
    const rows: Raw[][] = [["甲", 90, 95, "是"], ["乙", 91, 96, "否"], ["丙", 92, 97, "是"]];
    rows.splice(at, 0, [label, 100, 100, null]);
    const { layout, issues } = layoutOf(grid([HEAD, ...rows]), community());
    expect(unitNames(layout)).toEqual(["甲", "乙", "丙"]);
    expect(issues).toEqual([{ code: "table.summarySkipped", severity: "warning", params: { unit: label }, sheet: "Sheet1", cell: `A${at + 2}`, unit: label }]);
  });

  it("a summary-like name with no data is skipped; with data it is a unit", () => {
    const rows: Raw[][] = [["全镇", null, null, null], ["Total", null, null, null], ["全镇村", 90, 95, "是"], ["上小计村", 90, 95, "是"], ["合计村", 90, 95, "否"], ["Summerhill", 1, 2, "是"]];
    const { layout, issues } = layoutOf(grid([HEAD, ...rows]), community());
    expect(unitNames(layout)).toEqual(["全镇村", "上小计村", "合计村", "Summerhill"]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["table.summarySkipped", "A2"], ["table.summarySkipped", "A3"]]);
  });

  it("blank and whitespace-only rows are no units and raise nothing, and do not extend the table", () => {
    const rows: Raw[][] = [[], ["甲", 90, 95, "是"], ["  ", null, " ", null], ["\u3000", "", "\t", null], [], ["乙", 91, 96, "否"], [null, "  "], []];
    const { layout, issues } = layoutOf(grid([HEAD, ...rows]), community());
    expect(layout.units).toEqual([{ row: 2, unit: "甲" }, { row: 6, unit: "乙" }]);
    expect(layout.lastRow).toBe(6);
    expect(issues).toEqual([]);
  });

  it("a row with data but no unit name is no unit: a warning on its name cell", () => {
    const g = grid([["序号", "单位", ...HEAD.slice(1)], [1, "甲", 90, 95, "是"], [2, "  ", 88, null, null], [3, "乙", 91, 96, "否"]]);
    const { layout, issues } = layoutOf(g, community());
    expect(unitNames(layout)).toEqual(["甲", "乙"]);
    expect(issues).toEqual([{ code: "value.missing", severity: "warning", params: { what: "unit" }, sheet: "Sheet1", cell: "B3" }]);
  });

  it("a row whose name is only invisible characters is a blank row, or an unnamed one when it holds data", () => {
    const g = grid([HEAD, ["甲", 90, 95, "是"], ["\u200b", null, null, null], ["\u200b\ufeff", 88, 90, "是"], ["乙", 91, 96, "否"]]);
    const { layout, issues } = layoutOf(g, community());
    expect(unitNames(layout)).toEqual(["甲", "乙"]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["value.missing", "A4"]]);
  });

  it("a notes row (说明, Note, or a long sentence) with no data is skipped silently", () => {
    const long = "本表数据由各村（社区）于每季度末上报镇统计站汇总后报县考核办审核备案存档"; // 36 characters
    const rows: Raw[][] = [["甲", 90, 95, "是"], ["注：满意率为抽样调查结果"], ["Note: rates in %"], ["填表人：张三"], [long]];
    const { layout, issues } = layoutOf(grid([HEAD, ...rows]), community());
    expect(unitNames(layout)).toEqual(["甲"]);
    expect(issues).toEqual([]);
  });

  it("a unit that has not reported yet is still a unit, even if its name holds a notes word or is 30 characters long", () => {
    const thirty = "某某县某某镇某某村第一村民小组某某县某某镇某某村第二村民小组".slice(0, 30);
    expect(thirty).toHaveLength(30);
    const rows: Raw[][] = [["甲", 90, 95, "是"], ["城南审核中心"], ["东风村说明屯"], [thirty]];
    const { layout } = layoutOf(grid([HEAD, ...rows]), community());
    expect(unitNames(layout)).toEqual(["甲", "城南审核中心", "东风村说明屯", thirty]);
    const long = layoutOf(grid([HEAD, ["甲", 90, 95, "是"], [`${thirty}组`]]), community()).layout;
    expect(unitNames(long)).toEqual(["甲"]);
  });

  it("duplicate names (full-width, spaced) are kept as written, each later one warned with the first's cell", () => {
    const rows: Raw[][] = [["  红旗　村 ", 90, 95, "是"], ["ＲＥＤ", 90, 95, "是"], ["红旗村", 91, 96, "否"], ["RED", 1, 1, "是"], ["red", 1, 1, "是"]];
    const { layout, issues } = layoutOf(grid([HEAD, ...rows]), community());
    expect(unitNames(layout)).toEqual(["红旗 村", "ＲＥＤ", "红旗村", "RED", "red"]);
    expect(issues).toEqual([
      { code: "unit.duplicate", severity: "warning", params: { unit: "红旗村", first: "A2" }, sheet: "Sheet1", cell: "A4", unit: "红旗村" },
      { code: "unit.duplicate", severity: "warning", params: { unit: "RED", first: "A3" }, sheet: "Sheet1", cell: "A5", unit: "RED" },
    ]);
  });

  it("numbers as unit names and numbers stored as text are read", () => {
    const { layout } = layoutOf(grid([HEAD, [101, "90", "95", "是"], ["102", "", "95", null]]), community());
    expect(layout.units).toEqual([{ row: 1, unit: "101" }, { row: 2, unit: "102" }]);
  });

  it("missing rows and cells in the middle of the sheet are read as blank", () => {
    const cell = (value: GridCell["value"]): GridCell => ({ value });
    const g: Grid = {
      sheet: "表",
      rows: [[cell("单位"), cell("计划生育率"), cell("群众满意率"), cell("成立领导小组"), cell("类别")], [cell("甲"), cell(90), cell(95), cell("是"), cell(" 一类 ")], undefined, [cell("乙"), undefined, cell(96)], [undefined, cell(91)]],
      merges: [],
    };
    const { layout, issues } = layoutOf(g, community({ ranking: { categoryColumn: "类别" } }));
    expect(layout.units).toEqual([{ row: 1, unit: "甲", category: "一类" }, { row: 3, unit: "乙" }]);
    expect(layout.categoryCol).toBe(4);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["value.missing", "A5"]]);
  });

  it("when every row is a summary, says there are no units, on the header's unit cell", () => {
    const { layout, issues } = located(grid([["标题"], ["序号", ...HEAD], [null, "合计", 1, 1, "是"]]), community());
    expect(layout?.units).toEqual([]);
    // row: the header's row as the user counts it ("no units below row 2").
    expect(issues).toContainEqual({ code: "table.noUnits", severity: "error", params: { row: 2 }, sheet: "Sheet1", cell: "B2" });
  });
});

describe("the unit column", () => {
  it.each(["单位", "单位名称", "名称", "被考核单位", "考核单位", "社区", "社区名称", "村", "村名", "村居", "村(居)", "村（社区）", "镇", "乡镇", "镇街", "镇(街道)", "街道", "区", "区县", "县", "县区", "地区", "Unit", "NAME", "单位："])(
    "is found by the heading %s even after a column of text",
    (heading) => {
      const g = grid([["评语", heading, ...HEAD.slice(1)], ["较好", "甲", 90, 95, "是"], ["一般", "乙", 91, 96, "否"]]);
      const { layout } = layoutOf(g, community());
      expect(layout.unitCol).toBe(1);
      expect(unitNames(layout)).toEqual(["甲", "乙"]);
    },
  );

  it("is found by its heading under a group heading", () => {
    const merges = [{ top: 0, left: 0, bottom: 0, right: 1 }, { top: 0, left: 2, bottom: 0, right: 3 }, { top: 0, left: 4, bottom: 1, right: 4 }];
    const g = grid([["基本情况", null, "人口指标", null, "成立领导小组"], ["评语", "单位名称", "计划生育率", "群众满意率"], ["较好", "甲", 90, 95, "是"]], { merges });
    expect(layoutOf(g, community()).layout.unitCol).toBe(1);
  });

  it("without a heading, is the first unmapped column of mostly text: not an indicator's 是/否, not numbers stored as text", () => {
    const g = grid([["成立领导小组", "序号", "编号", "名单", "计划生育率", "群众满意率"], ["是", "10", "1,000", "甲", 90, 95], ["否", "11", "5%", "乙", 91, 96], ["是", "12", "-", "丙", 92, 97]]);
    const { layout } = layoutOf(g, community());
    expect(layout.unitCol).toBe(3);
    expect(unitNames(layout)).toEqual(["甲", "乙", "丙"]);
  });

  it("without a heading, needs more than half its cells to be text", () => {
    const g = grid([["备注", "名单", ...HEAD.slice(1)], ["甲组", "甲", 90, 95, "是"], [2, "乙", 91, 96, "否"]]);
    expect(layoutOf(g, community()).layout.unitCol).toBe(1);
  });

  it.each([[["1组", "2组", "3组"]], [["社区1", "社区2", "社区3"]]])("without a heading, takes names starting or ending with digits: %j", (names) => {
    const g = grid([["序号", "名单", ...HEAD.slice(1)], ...names.map((n, i) => [i + 1, n, 90, 95, "是"])]);
    const { layout } = layoutOf(g, community());
    expect(layout.unitCol).toBe(1);
    expect(unitNames(layout)).toEqual(names);
  });

  it("without a heading, is not hidden by blank rows between the units", () => {
    const g = grid([["序号", "名单", ...HEAD.slice(1)], [1, "甲", 90, 95, "是"], [], [], [], [2, "乙", 91, 96, "否"]]);
    expect(layoutOf(g, community()).layout.unitCol).toBe(1);
  });

  it("without a heading, samples the data only, not the header or the title above it", () => {
    const g = grid([["2024年考核表"], ["序号", "名单", ...HEAD.slice(1)], [1, "甲", 90, 95, "是"]]);
    expect(layoutOf(g, community()).layout.unitCol).toBe(1);
  });

  it("when no column holds names, is reported with the row below the header", () => {
    const { layout, partial, issues } = located(grid([["标题"], ["序号", ...HEAD.slice(1)], [1, 90, 95, "是"]]), community());
    expect(layout).toBeUndefined();
    expect(partial?.headerRow).toBe(1);
    expect(issues).toEqual([{ code: "table.noUnitColumn", severity: "error", params: { row: 2 }, sheet: "Sheet1", cell: "A2" }]);
  });
});

describe("indicator columns", () => {
  it("the first of several matching columns is used, the others named in one warning", () => {
    const g = grid([[...HEAD, "计划生育率", "计划生育率（%）"], ["甲", 90, 95, "是", 80, 70]]);
    const { layout, issues } = layoutOf(g, community());
    expect(layout.columns.get("计划生育率")).toBe(1);
    expect(issues).toEqual([{ code: "column.duplicate", severity: "warning", params: { name: "计划生育率", used: "B", ignored: "E, F" }, sheet: "Sheet1" }]);
  });

  it("a missing required column is an error on the closest header's cell, or on the header's first cell", () => {
    const near = located(grid([["标题"], ["单位", "计划生育率达标率", "群众满意率", "成立领导小组"], ["甲", 90, 95, "是"]]), community());
    expect(near.issues).toEqual([{ code: "column.missing", severity: "error", params: { name: "计划生育率", closest: "计划生育率达标率", sheet: "Sheet1" }, sheet: "Sheet1", cell: "B2" }]);
    expect(near.partial?.status.get("计划生育率")).toBe("missing");
    const far = located(grid([["标题"], ["单位", "人口", "群众满意率", "成立领导小组"], ["甲", 90, 95, "是"]]), community());
    expect(far.issues).toEqual([{ code: "column.missing", severity: "error", params: { name: "计划生育率", closest: "", sheet: "Sheet1" }, sheet: "Sheet1", cell: "A2" }]);
  });

  it("a missing optional column is a warning, placed on the closest header only when there is one", () => {
    const r = rubricOf({
      indicators: [{ name: "计划生育率", type: "percent" }, { name: "群众满意率", type: "percent", required: false }],
      items: [{ name: "计生", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }, { type: "target", indicator: "群众满意率", target: 90, points: 1 }] }],
    });
    const near = layoutOf(grid([["单位", "计划生育率", "群众满意度"], ["甲", 90, 95]]), r).issues;
    expect(near).toEqual([{ code: "column.optionalMissing", severity: "warning", params: { name: "群众满意率", closest: "群众满意度", sheet: "Sheet1" }, sheet: "Sheet1", cell: "C1" }]);
    const far = layoutOf(grid([["单位", "计划生育率"], ["甲", 90]]), r).issues;
    expect(far).toEqual([{ code: "column.optionalMissing", severity: "warning", params: { name: "群众满意率", closest: "", sheet: "Sheet1" }, sheet: "Sheet1" }]);
  });

  it("a suggestion shows the invisible character that makes it differ", () => {
    const { issues } = located(grid([["单位", "计划\u200b生育\u200b率x", "群众满意率", "成立领导小组"], ["甲", 90, 95, "是"]]), community());
    expect(issues[0]?.params).toEqual({ name: "计划生育率", closest: "计划\\u200b生育\\u200b率x", sheet: "Sheet1" });
  });
});

describe("derived indicators (派生指标)", () => {
  const rubric = (doneRequired = true) =>
    rubricOf({
      indicators: [
        { name: "完成数", type: "number", required: doneRequired },
        { name: "任务数", type: "number", required: false, aliases: ["任务"] },
        { name: "完成率", type: "number", derive: "完成数 / 任务数 * 100" },
      ],
      items: [{ name: "完成", max: 10, rules: [{ type: "target", indicator: "完成率", target: 90, points: 1 }] }],
    });

  it("an optional input is not needed when the derived indicator has its own column", () => {
    const { partial, issues } = located(grid([["单位", "完成数", "完成率"], ["甲", 9, 90]]), rubric());
    expect([...(partial?.status.entries() ?? [])]).toEqual([["完成数", "column"], ["任务数", "unneeded"], ["完成率", "column"]]);
    expect(issues).toEqual([]);
  });

  it("a required input is still missing when the derived indicator has its own column", () => {
    const { partial, errors } = located(grid([["单位", "完成率"], ["甲", 90]]), rubric());
    expect(partial?.status.get("完成数")).toBe("missing");
    expect(partial?.status.get("任务数")).toBe("unneeded");
    expect(codes(errors)).toEqual(["column.missing"]);
  });

  it("is derived only when every input has a column; otherwise it and its optional input are missing", () => {
    const derived = located(grid([["单位", "完成数", "任务"], ["甲", 9, 10]]), rubric());
    expect([...(derived.partial?.status.entries() ?? [])]).toEqual([["完成数", "column"], ["任务数", "column"], ["完成率", "derived"]]);
    expect(derived.issues).toEqual([]);
    const short = located(grid([["单位", "完成数"], ["甲", 9]]), rubric(false));
    expect([...(short.partial?.status.entries() ?? [])]).toEqual([["完成数", "column"], ["任务数", "missing"], ["完成率", "missing"]]);
    expect(short.issues.map((i) => [i.code, i.params.name])).toEqual([["column.optionalMissing", "任务数"], ["column.missing", "完成率"]]);
  });
});

describe("a column chosen by hand", () => {
  it("is a column letter (padded, any case, up to three letters) or a header text, matched normalised", () => {
    const g = grid([["单位", "计生率", "群众满意率", "领导小组"], ["甲", 90, 95, "是"]]);
    const { layout } = layoutOf(g, community(), { 计划生育率: "计生率（%）", 成立领导小组: " d " });
    expect([...layout.columns.entries()]).toEqual([["计划生育率", 1], ["群众满意率", 2], ["成立领导小组", 3]]);
    const wide = grid([["单位", ...Array.from({ length: 25 }, (_, i) => `备用${i + 1}`), "计生率", "群众满意率", "成立领导小组"], ["甲", ...Array.from({ length: 25 }, () => null), 90, 95, "是"]]);
    expect(layoutOf(wide, community(), { 计划生育率: "aa" }).layout.columns.get("计划生育率")).toBe(26);
  });

  it("names the indicator and the column when it cannot be honoured", () => {
    const g = grid([[null, "计生率", "单位", "群众满意率", "成立领导小组", "（%）"], [null, 90, "甲", 95, "是", 1]]);
    const mapped = (mapping: Record<string, string>) => located(g, community(), mapping).errors.filter((i) => i.code.startsWith("map.")).map((i) => i.params);
    expect(mapped({ 计划生育率: "B" })).toEqual([]);
    expect(layoutOf(g, community(), { 计划生育率: "B" }).layout.unitCol).toBe(2);
    expect(mapped({ 计划生育率: "A" })).toEqual([{ name: "计划生育率", column: "A", why: "outside", first: "B", last: "F" }]);
    expect(mapped({ 计划生育率: "G" })).toEqual([{ name: "计划生育率", column: "G", why: "outside", first: "B", last: "F" }]);
    for (const column of ["没有这列", "B1", "1B", "$D", "(%)"]) expect(mapped({ 计划生育率: column })).toEqual([{ name: "计划生育率", column, why: "missing" }]);
    expect(located(g, community(), { 不存在: " B " }).issues).toContainEqual({ code: "map.unknownIndicator", severity: "error", params: { name: "不存在", column: "B" }, sheet: "Sheet1" });
  });

  it("refuses a letter when the sheet holds only Kaohe's own columns", () => {
    const g = grid([HEAD, ["甲", 90, 95, "是"]]);
    const { layout, errors } = located(g, community(), { 计划生育率: "B" }, { top: 0, left: 0, bottom: 5, right: 3 });
    expect(layout).toBeUndefined();
    expect(errors[0]).toEqual({ code: "map.noColumn", severity: "error", params: { name: "计划生育率", column: "B", why: "outside", first: "A", last: "A" }, sheet: "Sheet1" });
  });
});

describe("Kaohe's own columns (the record's area)", () => {
  it("are neither matched nor part of the table, while the user's columns on both sides are", () => {
    const g = grid([["单位", "计划生育率", "群众满意率", "计划生育率", "排名", "成立领导小组"], ["甲", 90, 95, 10, 1, "是"]]);
    const { layout, issues } = layoutOf(g, community(), {}, { top: 0, left: 3, bottom: 1, right: 4 });
    expect([...layout.columns.entries()]).toEqual([["计划生育率", 1], ["群众满意率", 2], ["成立领导小组", 5]]);
    expect(layout.headers.map((h) => h.col)).toEqual([0, 1, 2, 5]);
    expect(layout.lastCol).toBe(5);
    expect(issues).toEqual([]);
  });
});

describe("an empty or headerless sheet", () => {
  it("is empty when every cell is blank, whitespace or missing", () => {
    const g: Grid = { sheet: "空表", rows: [undefined, [undefined, { value: null }, { value: "  " }], [{ value: "\u3000" }]], merges: [] };
    expect(locateTable(g, community())).toEqual({ issues: [{ code: "table.empty", severity: "error", params: {}, sheet: "空表" }] });
    expect(locateTable(grid([[null]], { sheet: "空表" }), community()).issues[0]?.code).toBe("table.empty");
  });

  it("has no header when one cell holds text", () => {
    expect(locateTable(grid([["随便写点什么", null]], { sheet: "说明" }), community())).toEqual({
      issues: [{ code: "table.noHeader", severity: "error", params: { rows: 40 }, sheet: "说明" }],
    });
  });

  it("a layout without a category column has no categoryCol at all", () => {
    const { layout } = layoutOf(grid([HEAD, ["甲", 90, 95, "是"]]), community());
    expect(Object.keys(layout)).not.toContain("categoryCol");
    expect(layout.units[0]).toEqual({ row: 1, unit: "甲" });
  });
});

describe("the category column (分类考核)", () => {
  it("reads each unit's category trimmed, and leaves a blank one out", () => {
    const g = grid([[...HEAD, "类别"], ["甲", 90, 95, "是", "  街道 "], ["乙", 91, 96, "否", " "]]);
    const { layout, issues } = layoutOf(g, community({ ranking: { categoryColumn: "类别" } }));
    expect(layout.categoryCol).toBe(4);
    expect(layout.units).toEqual([{ row: 1, unit: "甲", category: "街道" }, { row: 2, unit: "乙" }]);
    expect(issues).toEqual([]);
  });

  it("is a warning when the sheet lacks it", () => {
    const { layout, issues } = layoutOf(grid([HEAD, ["甲", 90, 95, "是"]]), community({ ranking: { categoryColumn: "类别" } }));
    expect(layout.categoryCol).toBeUndefined();
    expect(issues).toEqual([{ code: "column.optionalMissing", severity: "warning", params: { name: "类别", closest: "", sheet: "Sheet1" }, sheet: "Sheet1" }]);
  });
});

describe("a percent column read as fractions", () => {
  const rubric = () =>
    rubricOf({
      indicators: [{ name: "计划生育率", type: "percent" }, { name: "人数", type: "number" }],
      items: [{ name: "计生", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }, { type: "target", indicator: "人数", target: 1, points: 1 }] }],
    });
  const warnings = (rates: Raw[], counts: Raw[] = rates.map(() => 5)) => {
    const r = rubric();
    const g = grid([["标题"], ["单位", "人数", "计划生育率"], ...rates.map((v, i) => [`村${i + 1}`, counts[i] ?? null, v])]);
    const { layout } = layoutOf(g, r);
    return fractionWarnings(g, layout, r);
  };

  it("is one warning for the column, with its first fraction as the example", () => {
    expect(warnings([0, 0.88, null, 1, 0.92])).toEqual([
      { code: "column.looksLikeFractions", severity: "warning", params: { name: "计划生育率", column: "C", example: 0.88, percent: 88 }, sheet: "Sheet1", cell: "C2" },
    ]);
  });

  it.each<[string, Raw[]]>([
    ["a value above 1", [0.9, 88]],
    ["a negative value", [-0.5, 0.5]],
    ["text", [0.9, "88%"]],
    ["a percent-formatted cell", [0.9, { value: 0.92, numFmt: "0.00%" }]],
    ["only 0 and 1", [0, 1, null]],
  ])("is no warning with %s", (_, rates) => {
    expect(warnings(rates)).toEqual([]);
  });

  it("is never raised for a number column", () => {
    expect(warnings([88, 90], [0.5, 0.7])).toEqual([]);
  });
});

describe("a mapped column nothing reads", () => {
  it("is a warning naming its header, only for the column no rule reads", () => {
    const r = rubricOf({
      indicators: [{ name: "计划生育率", type: "percent" }, { name: "备注分", type: "number" }],
      items: [{ name: "计生", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }],
    });
    const { layout } = layoutOf(grid([["标题"], ["单位", "计划生育率", "备注分（分）"], ["甲", 90, 1]]), r);
    expect(unusedColumnWarnings("表1", layout, r)).toEqual([
      { code: "column.unused", severity: "warning", params: { name: "备注分", column: "C", header: "备注分（分）" }, sheet: "表1", cell: "C2" },
    ]);
    const bare = { headerRow: 0, columns: new Map([["计划生育率", 1], ["备注分", 4]]), headers: [{ col: 1, text: "计划生育率", keys: ["计划生育率"] }] };
    expect(unusedColumnWarnings("表1", bare, r).map((i) => i.params)).toEqual([{ name: "备注分", column: "E", header: "备注分" }]);
  });
});

describe("the merged view", () => {
  it("shows a merged area's value in every cell of it and nowhere around it", () => {
    const g = grid([["a", "b", "c", "d"], ["e", "M", "f", "g"], ["h", null, null, "i"], ["j", "k", "l", "m"]], { merges: [{ top: 1, left: 1, bottom: 2, right: 2 }] });
    const v = new MergedView(g);
    expect([v.value(1, 1), v.value(1, 2), v.value(2, 1), v.value(2, 2)]).toEqual(["M", "M", "M", "M"]);
    expect([v.value(0, 1), v.value(3, 2), v.value(2, 0), v.value(2, 3), v.value(1, 3), v.value(0, 0)]).toEqual(["b", "l", "h", "i", "g", "a"]);
    expect(v.merge(2, 2)).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(v.merge(0, 0)).toBeUndefined();
    expect(v.merge(3, 3)).toBeUndefined();
  });

  it("finds merges in any 32×32 block, across block edges, and two merges sharing a block", () => {
    const rows: Raw[][] = Array.from({ length: 70 }, () => Array.from({ length: 70 }, () => null));
    const put = (r: number, c: number, s: string) => ((rows[r] as Raw[])[c] = s);
    put(20, 20, "A");
    put(30, 30, "B");
    put(32, 0, "C");
    put(0, 33, "D");
    put(22, 2, "E");
    const merges = [
      { top: 20, left: 20, bottom: 21, right: 21 },
      { top: 30, left: 30, bottom: 32, right: 32 },
      { top: 32, left: 0, bottom: 32, right: 1 },
      { top: 0, left: 33, bottom: 40, right: 33 },
      { top: 22, left: 2, bottom: 22, right: 3 },
    ];
    const v = new MergedView(grid(rows, { merges }));
    expect([v.value(21, 21), v.value(20, 21)]).toEqual(["A", "A"]);
    expect([v.value(31, 31), v.value(32, 32), v.value(32, 30), v.value(30, 32)]).toEqual(["B", "B", "B", "B"]);
    expect(v.value(32, 1)).toBe("C");
    expect([v.value(40, 33), v.value(31, 33), v.value(32, 33)]).toEqual(["D", "D", "D"]);
    expect(v.value(22, 3)).toBe("E");
    expect([v.value(22, 4), v.value(33, 34), v.value(41, 33), v.value(33, 32)]).toEqual([null, null, null, null]);
  });

  it("ignores merges outside the cells present, and clips one that runs past them", () => {
    const g = grid([["x", null], [null, "y"]], { merges: [{ top: 5, left: 0, bottom: 9, right: 1 }, { top: 0, left: 4, bottom: 1, right: 5 }, { top: 1, left: 1, bottom: 1_048_575, right: 16_383 }] });
    const v = new MergedView(g);
    expect([v.value(0, 0), v.value(0, 1), v.value(1, 0), v.value(1, 1)]).toEqual(["x", null, null, "y"]);
    expect(v.width).toBe(2);
  });

  it("reads text trimmed, numbers as written, and anything else as no text", () => {
    const v = new MergedView(grid([["  甲村 ", 2020, true, { value: { error: "#N/A" } }, null, 0.5]]));
    expect([0, 1, 2, 3, 4, 5].map((c) => v.text(0, c))).toEqual(["甲村", "2020", "", "", "", "0.5"]);
  });

  it("lists a row's distinct non-blank values, a merged title once", () => {
    const v = new MergedView(grid([["标题", null, null, "  ", 3, "标题", false]], { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] }));
    expect(v.distinct(0)).toEqual(["标题", "3", "false"]);
    expect(v.distinct(1)).toEqual([]);
  });
});
