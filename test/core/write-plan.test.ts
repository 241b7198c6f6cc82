/**
 * The write plan (core/plan/write-plan): where outputs go, what each cell gets, which cells are
 * highlighted and which get a note — pinned in the engine's own suite, not only through the hosts.
 */
import type { Rubric } from "../../src/core/rubric/model";
import type { Grid } from "../../src/core/grid";
import { buildWritePlan, isKaoheRule, type PlanOptions } from "../../src/core/plan/write-plan";
import { explainUnit } from "../../src/core/plan/explain";
import { catalog, texts } from "../../src/i18n";
import { grid, type Raw } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";

const t = () => texts(catalog("zh-CN"));
let points: Rubric;
let attainment: Rubric;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => {
  const indicators = [{ name: "计划生育率", type: "percent" }, { name: "群众满意率", type: "percent" }];
  points = rubricOf({
    indicators,
    items: [
      { name: "计生", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
      { name: "满意", max: 10, rules: [{ type: "target", indicator: "群众满意率", target: 90, points: 1 }] },
    ],
  });
  attainment = rubricOf({
    mode: "attainment", indicators,
    items: [
      { name: "计生", rules: [{ type: "target", indicator: "计划生育率", target: 88 }] },
      { name: "满意", rules: [{ type: "target", indicator: "群众满意率", target: 90 }] },
    ],
  });
});

const HEAD = ["单位", "计划生育率", "群众满意率"];
/** Title row, header on row 2, units 甲 (full marks), 乙 (short on 计生), 丙 (满意 not a number). */
const sheet = (extra: Raw[][] = [[], [], [], []]): Grid => grid([
  ["考核表", ...(extra[0] ?? [])],
  [...HEAD, ...(extra[1] ?? [])],
  ["甲", 90, 95, ...(extra[2] ?? [])],
  ["乙", 85, 95, ...(extra[3] ?? [])],
  ["丙", 90, "abc"],
], { sheet: "考核" });

function planOf(g: Grid, r: Rubric, opts: Partial<PlanOptions> = {}) {
  return buildWritePlan(g, assessed(g, r), t(), { resultsSheet: "考核明细", ...opts });
}
function planned(g: Grid, r: Rubric, opts: Partial<PlanOptions> = {}) {
  const p = planOf(g, r, opts);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}
const errorOf = (p: ReturnType<typeof planOf>) => (p.ok ? null : p.issues.map((i) => [i.code, i.params, i.sheet, i.cell]));

describe("where the outputs go", () => {
  it("right beside the table, over the header row to the last unit", () => {
    const p = planned(sheet(), points);
    expect([p.sheet, p.headerRow, p.firstCol]).toEqual(["考核", 1, 3]);
    expect(p.headers).toEqual(["总分", "排名", "考核结果"]);
    expect(p.owned).toEqual({ top: 1, left: 3, bottom: 4, right: 5 });
  });

  it("past the user's columns: a column with anything of theirs in the table's rows is skipped", () => {
    // D has a remark on 乙's row; E is free from the header to the last unit (E1, above the header, does not count).
    expect(planned(sheet([[null, "标题旁"], [], [], ["备注"]]), points).firstCol).toBe(4);
    expect(planned(sheet([[null, "标题旁"]]), points).firstCol).toBe(3);
  });

  it("strict (the live workbook): the user's cell beside the table is named instead", () => {
    const p = planOf(sheet([[], [], [], [null, "我的"]]), points, { strict: true });
    expect(errorOf(p)).toEqual([["output.occupied", { cell: "E4", value: "我的", range: "D2:F5", count: 3 }, "考核", "E4"]]);
    const top = planOf(sheet([[], [], [0], ["备注"]]), points, { strict: true });
    expect(errorOf(top)).toEqual([["output.occupied", { cell: "D3", value: "0", range: "D2:F5", count: 3 }, "考核", "D3"]]);
  });

  it("cells Kaohe's record owns count as free, and only those", () => {
    const g = sheet([[], [], [100], [95]]);
    expect(planned(g, points, { ownedArea: { top: 1, left: 3, bottom: 4, right: 5 } }).firstCol).toBe(3);
    expect(planned(g, points, { ownedArea: { top: 1, left: 3, bottom: 2, right: 5 } }).firstCol).toBe(4);
    expect(planned(g, points, { ownedArea: { top: 3, left: 3, bottom: 4, right: 5 } }).firstCol).toBe(4);
    expect(planned(g, points, { ownedArea: { top: 1, left: 4, bottom: 4, right: 5 } }).firstCol).toBe(4);
  });

  it("gives up after the search limit with where it looked from", () => {
    const g = sheet([[], [], ["a", "b", "c"]]);
    expect(planned(g, points, { searchLimit: 4 }).firstCol).toBe(6);
    expect(errorOf(planOf(g, points, { searchLimit: 3 }))).toEqual([["output.noRoom", { from: "D" }, "考核", undefined]]);
  });

  it("attainment mode writes two columns: the count attained and the result", () => {
    const p = planned(sheet(), attainment);
    expect(p.headers).toEqual(["达标项数", "考核结果"]);
    expect(p.owned).toEqual({ top: 1, left: 3, bottom: 4, right: 4 });
  });
});

describe("what each cell gets", () => {
  it("points: total, rank and result on each unit's row", () => {
    const g = sheet();
    const a = assessed(g, points);
    const p = planned(g, points);
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(p.rows.map((r) => r.values.slice(0, 2))).toEqual(a.units.map((u) => [u.total, u.rank]));
    expect(p.rows[0]?.values).toEqual([20, 1, "已评分"]);
    expect(p.rows[1]?.values.slice(0, 2)).toEqual([17, 2]);
  });

  it("highlights the shortfall and the problem cell once each, on this sheet", () => {
    const p = planned(sheet(), points);
    expect(p.highlights).toEqual([{ row: 4, col: 2, kind: "problem" }, { row: 3, col: 1, kind: "shortfall" }]);
  });

  it("notes: by default on units with something to explain, at the result cell; all; or none", () => {
    const g = sheet();
    const a = assessed(g, points);
    const explained = planned(g, points).notes;
    expect(explained.map((n) => [n.row, n.col])).toEqual([[3, 5], [4, 5]]);
    expect(explained[0]?.text).toBe(explainUnit(unit(a, "乙"), t()));
    expect(planned(g, points, { notes: "all" }).notes.map((n) => n.row)).toEqual([2, 3, 4]);
    expect(planned(g, points, { notes: "none" }).notes).toEqual([]);
    expect(planned(g, attainment, { notes: "all" }).notes.map((n) => n.col)).toEqual([4, 4, 4]);
  });
});

describe("the results sheet", () => {
  it("names the rubric and the run, then one row per unit with every item", () => {
    const g = sheet();
    const a = assessed(g, points);
    const rows = planned(g, points, { at: "2026-11-23T10:00:00Z" }).results.rows;
    expect(rows[0]).toEqual(["Kaohe 考核明细", `测试细则（t 1）`]);
    expect(rows[1]).toEqual(["考核细则", "t", "考核", "版本", "1", "校验码（SHA-256）", a.rubric.hash, "评分时间", "2026-11-23T10:00:00Z"]);
    expect(rows[3]).toEqual(["单位", "行", "状态", "总分", "排名", "考核结果", "计生（10）", "满意（10）", "扣分明细"]);
    expect(rows[4]?.slice(0, 8)).toEqual(["甲", 3, "已评分", 20, 1, "已评分", 10, 10]);
    expect(rows[5]?.slice(0, 8)).toEqual(["乙", 4, "已评分", 17, 2, "已评分", 7, 10]);
    expect(planned(g, points).results.rows[1]).toHaveLength(7);
  });

  it("attainment: 是/否 per item and the count attained", () => {
    const rows = planned(sheet(), attainment).results.rows;
    expect(rows[3]?.slice(3, 8)).toEqual(["达标项数", "排名", "考核结果", "计生", "满意"]);
    expect(rows[5]?.slice(6, 8)).toEqual(["否", "是"]);
  });
});

describe("Kaohe's highlight rules", () => {
  it("are known by their marker, with or without '=' and spaces, in any case", () => {
    expect(['ISTEXT("kaohe-shortfall")', '=istext("KAOHE-problem")', '  =ISTEXT("kaohe-problem") '].map(isKaoheRule)).toEqual([true, true, true]);
    expect(['ISTEXT("kaohe-other")', 'AND(ISTEXT("kaohe-problem"))', 'ISTEXT("kaohe-problem")+1', 7, null].map(isKaoheRule)).toEqual([false, false, false, false, false]);
  });
});
