/**
 * The rule shapes of issue 9 (分档, 与最优单位比, 与平均值比, 名次计分, 功效系数法, 民主测评, 折算),
 * each against figures worked by hand; the arithmetic is in the comment beside each expectation.
 * Items are rounded once, half-up to 0.01, at their end (src/core/decimal.ts).
 */
import { grid, type Raw } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";
import { catalog, formatReason } from "../../src/i18n";
import type { UnitResult } from "../../src/core/score/types";

type Row = Raw[];

function run(rule: Record<string, unknown>, indicators: Record<string, unknown>[], header: string[], rows: Row[], max = 10, extra: Record<string, unknown> = {}) {
  const r = rubricOf({ indicators, items: [{ name: "项目", max, rules: [rule] }], ...extra });
  return assessed(grid([["单位", ...header], ...rows]), r);
}
const scores = (a: ReturnType<typeof assessed>) => Object.fromEntries(a.units.map((u) => [u.unit, u.items[0]?.score ?? null]));
const zh = (u: UnitResult) => u.items[0]?.deductions.map((d) => formatReason(d.reason, catalog("zh-CN")));
const en = (u: UnitResult) => u.items[0]?.deductions.map((d) => formatReason(d.reason, catalog("en-US")));

describe("分档计分 (bands): the highest band whose lower bound the value reaches, the bound included", () => {
  const rate = [{ name: "完成率", type: "percent" }];
  const bands = { type: "bands", indicator: "完成率", bands: [{ min: 95, share: 1 }, { min: 90, share: 0.5 }] };

  it("95–100% full marks, 90–95% half, below 90% nothing", () => {
    const a = run(bands, rate, ["完成率(%)"], [["甲", 97], ["乙", 95], ["丙", 92.5], ["丁", 90], ["戊", 89.99]]);
    // 97 ≥ 95: 10; 95 ≥ 95 (included): 10; 92.5 and 90 in [90, 95): 0.5 × 10 = 5; 89.99 < 90: 0
    expect(scores(a)).toEqual({ 甲: 10, 乙: 10, 丙: 5, 丁: 5, 戊: 0 });
    expect(zh(unit(a, "丙"))).toEqual(["完成率 92.5%，在90%以上（含90%）一档，得5分（满分10分）"]);
    expect(zh(unit(a, "戊"))).toEqual(["完成率 89.99%，低于最低一档 90%，得0分（满分10分）"]);
    expect(en(unit(a, "丙"))).toEqual(["完成率 92.5% is in the band from 90% up (90%以上（含90%）): 5 points (full marks 10)"]);
    expect(unit(a, "丙").items[0]?.deductions[0]).toMatchObject({ points: 5, cell: "B4" });
  });

  it("bands in points, listed in any order, with the rule's own full marks; in a bonus item they award", () => {
    const pts = { type: "bands", indicator: "完成率", bands: [{ min: 90, points: 2.5 }, { min: 98, points: 4 }], points: 4 };
    const a = run(pts, rate, ["完成率"], [["甲", 99], ["乙", 91], ["丙", 80]], 6);
    // item 6, the rule's full marks 4: 99 → 4 earned, lost 0 → 6; 91 → 2.5, lost 1.5 → 4.5; 80 → 0, lost 4 → 2
    expect(scores(a)).toEqual({ 甲: 6, 乙: 4.5, 丙: 2 });
    const bonus = rubricOf({ indicators: rate, items: [{ name: "加分", max: 3, bonus: true, rules: [pts] }] });
    const b = assessed(grid([["单位", "完成率"], ["甲", 99], ["乙", 91], ["丙", 80]]), bonus);
    // bonus: earned points, capped at the item's 3: 4 → 3; 2.5; 0
    expect(scores(b)).toEqual({ 甲: 3, 乙: 2.5, 丙: 0 });
  });
});

describe("按与最优单位的比例得分 (relativeBest)", () => {
  const rate = [{ name: "满意率", type: "percent" }, { name: "其他", type: "number" }];

  it("a derived indicator compares too; a unit whose derivation fails is left out of the best, its problem said once", () => {
    const inds = [
      { name: "完成数", type: "number" }, { name: "任务数", type: "number" }, { name: "其他", type: "number" },
      { name: "完成率", type: "number", derive: "完成数 / 任务数 * 100" },
    ];
    const rows: Row[] = [["甲", 48, 50, 1], ["乙", 45, 50, 1], ["丙", 30, 0, 1], ["丁", 40, 50, 1], ["戊", 49, 50, "无数据"]];
    const a = run({ type: "relativeBest", indicator: "完成率" }, inds, ["完成数", "任务数", "其他"], rows);
    // 完成率: 甲 96, 乙 90, 丙 30 / 0 fails (not the run's, or its 'best' would be Infinity), 丁 80;
    // 戊's 98 is derived but its row does not read (其他): not the run's either. Best = 96.
    // 乙 10 × 90 / 96 = 9.375 → 9.38; 丁 10 × 80 / 96 = 8.3333… → 8.33
    expect(scores(a)).toMatchObject({ 甲: 10, 乙: 9.38, 丁: 8.33 });
    expect(unit(a, "丙").status).toBe("incomplete");
    expect(unit(a, "戊").status).toBe("incomplete");
    expect(unit(a, "丙").problems.map((p) => p.code)).toEqual(["value.formula"]);
    expect(a.problems.filter((p) => p.code === "value.formula")).toHaveLength(1);
  });

  it("higher is better: full × value / best, best over the units whose rows read", () => {
    const rows: Row[] = [["甲", 96, 1], ["乙", 92.8, 1], ["丙", 80, 1], ["丁", 100, "无数据"]];
    const a = run({ type: "relativeBest", indicator: "满意率" }, rate, ["满意率(%)", "其他"], rows);
    // 丁's row does not read (其他 is not a number): it is incomplete and not the best; best = 96.
    // 甲 96 → 10; 乙 10 × 92.8 / 96 = 9.6666… → 9.67; 丙 10 × 80 / 96 = 8.3333… → 8.33
    expect(scores(a)).toMatchObject({ 甲: 10, 乙: 9.67, 丙: 8.33 });
    expect(unit(a, "丁").status).toBe("incomplete");
    expect(zh(unit(a, "乙"))).toEqual(["满意率 92.8%，低于最优单位（96%）3.2个百分点，按比例得9.67分（满分10分）"]);
    expect(en(unit(a, "乙"))).toEqual(["满意率 92.8% is 3.2 percentage points below the best unit (96%): 9.67 points in proportion (full marks 10)"]);
    expect(unit(a, "乙").items[0]?.deductions[0]?.points).toBe(0.33);
  });

  it("lower is better: full × best / value; within each category when the rubric ranks by category", () => {
    const inds = [{ name: "发生率", type: "permille" }];
    const rows: Row[] = [["甲", "镇", 2], ["乙", "镇", 2.5], ["丙", "镇", 4], ["丁", "街道", 5], ["戊", "街道", 8]];
    const a = run({ type: "relativeBest", indicator: "发生率", direction: "atMost" }, inds, ["类别", "发生率"], rows, 10, { ranking: { categoryColumn: "类别" } });
    // 镇: best 2 → 甲 10; 乙 10 × 2 / 2.5 = 8; 丙 10 × 2 / 4 = 5. 街道: best 5 → 丁 10; 戊 10 × 5 / 8 = 6.25
    expect(scores(a)).toEqual({ 甲: 10, 乙: 8, 丙: 5, 丁: 10, 戊: 6.25 });
    expect(zh(unit(a, "戊"))).toEqual(["发生率 8‰，高于最优单位（5‰）3个千分点，按比例得6.25分（满分10分）"]);
  });
});

describe("每低于平均值1个百分点扣0.5分 (relativeAverage)", () => {
  const rate = [{ name: "知晓率", type: "percent" }];
  const rule = { type: "relativeAverage", indicator: "知晓率", points: 0.5 };

  it("deducts per step below the run's average, not rounded before use", () => {
    const a = run(rule, rate, ["知晓率(%)"], [["甲", 90], ["乙", 94], ["丙", 98]]);
    // average (90 + 94 + 98) / 3 = 94: 甲 4 below × 0.5 = 2 → 8; 乙 at the average and 丙 above: 10
    expect(scores(a)).toEqual({ 甲: 8, 乙: 10, 丙: 10 });
    expect(zh(unit(a, "甲"))).toEqual(["知晓率 90%，低于平均值 94% 4个百分点，每低1个百分点扣0.5分，扣2分"]);
    expect(en(unit(a, "甲"))).toEqual(["知晓率 90% is 4 percentage points below the average 94%; 0.5 per 1 percentage point below: −2"]);
    const b = run(rule, rate, ["知晓率"], [["甲", 90], ["乙", 95], ["丙", 96.5]]);
    // average 281.5 / 3 = 93.8333…: 甲 3.8333… × 0.5 = 1.91666… → 10 − 1.91666… = 8.08333… → 8.08
    // (an average first rounded to 93.83 would give 3.83 × 0.5 = 1.915 → 8.085 → 8.09)
    expect(scores(b)).toEqual({ 甲: 8.08, 乙: 10, 丙: 10 });
  });

  it("above the average for lower-is-better indicators, in whole started steps when asked", () => {
    const r = { type: "relativeAverage", indicator: "出生率", direction: "atMost", points: 1, step: 0.5, rounding: "ceil" };
    const a = run(r, [{ name: "出生率", type: "permille" }], ["出生率"], [["甲", 10], ["乙", 11.2], ["丙", 9.8]]);
    // average (10 + 11.2 + 9.8) / 3 = 10.333…: 乙 0.8666… above = 1.7333… steps of 0.5 → 2 (ceil) × 1 = 2 → 8
    expect(scores(a)).toEqual({ 甲: 10, 乙: 8, 丙: 10 });
  });
});

describe("第1名6分，依次递减0.5分 (rank)", () => {
  const rate = [{ name: "完成率", type: "percent" }];

  it("competition ranks within the run: ties share a rank and its points", () => {
    const rows: Row[] = [["甲", 98], ["乙", 97], ["丙", 97], ["丁", 95], ["戊", 90], ["己", 80]];
    const a = run({ type: "rank", indicator: "完成率", step: 0.5 }, rate, ["完成率"], rows, 6);
    // ranks 1, 2, 2, 4, 5, 6 → 6 − (rank − 1) × 0.5 = 6, 5.5, 5.5, 4.5, 4, 3.5
    expect(scores(a)).toEqual({ 甲: 6, 乙: 5.5, 丙: 5.5, 丁: 4.5, 戊: 4, 己: 3.5 });
    expect(zh(unit(a, "丁"))).toEqual(["完成率 95%，在6个单位中排第4名，得4.5分（第1名6分，依次递减0.5分）"]);
    expect(en(unit(a, "丁"))).toEqual(["完成率 95% ranks 4 of 6: 4.5 points (first place 6, 0.5 less per place)"]);
  });

  it("never below the stated minimum; lower-is-better ranks the lowest first", () => {
    const rows: Row[] = [["甲", 1], ["乙", 2], ["丙", 3], ["丁", 4]];
    const a = run({ type: "rank", indicator: "案件数", direction: "atMost", step: 2, floor: 1 }, [{ name: "案件数", type: "count" }], ["案件数"], rows, 6);
    // ranks 1–4 → 6, 4, 2, max(1, 6 − 3 × 2 = 0) = 1
    expect(scores(a)).toEqual({ 甲: 6, 乙: 4, 丙: 2, 丁: 1 });
  });
});

describe("功效系数法 (efficacy)", () => {
  const rate = [{ name: "达标率", type: "percent" }];

  it("constant 满意值 and 不允许值: base + (x − 不允许值) / (满意值 − 不允许值) × (full − base), within [0, full]", () => {
    const rule = { type: "efficacy", indicator: "达标率", satisfactory: 100, unacceptable: 60, base: 6 };
    const a = run(rule, rate, ["达标率"], [["甲", 90], ["乙", 50], ["丙", 100], ["丁", 0]]);
    // 甲 6 + 30/40 × 4 = 9; 乙 6 + (−10/40) × 4 = 5; 丙 10; 丁 6 + (−60/40) × 4 = 0
    expect(scores(a)).toEqual({ 甲: 9, 乙: 5, 丙: 10, 丁: 0 });
    expect(zh(unit(a, "甲"))).toEqual(["达标率 90%，满意值 100%、不允许值 60%，按功效系数法得9分（基础分6分，满分10分）"]);
  });

  it("满意值 and 不允许值 from the run's best and worst units", () => {
    const rule = { type: "efficacy", indicator: "达标率", satisfactory: "best", unacceptable: "worst", base: 6 };
    const a = run(rule, rate, ["达标率"], [["甲", 80], ["乙", 90], ["丙", 100], ["丁", 87.5]]);
    // worst 80, best 100: 甲 6; 乙 6 + 10/20 × 4 = 8; 丙 10; 丁 6 + 7.5/20 × 4 = 7.5
    expect(scores(a)).toEqual({ 甲: 6, 乙: 8, 丙: 10, 丁: 7.5 });
  });
});

describe("民主测评 (raters): drop the highest and lowest, average the rest, scale to the item", () => {
  const raters = ["评委1", "评委2", "评委3", "评委4", "评委5"];
  const inds = raters.map((name) => ({ name, type: "number", min: 0, max: 100 }));

  it("five raters, one dropped at each end", () => {
    const a = run({ type: "raters", indicators: raters, outOf: 100 }, inds, raters, [["甲", 90, 80, 85, 70, 95], ["乙", 88, 92, 90, 60, 100], ["丙", 90, 91, 90, 100, 50]]);
    // 甲: drop 95 and 70 → (90 + 80 + 85) / 3 = 85 → 85 / 100 × 10 = 8.5
    // 乙: drop 100 and 60 → 90 → 9;  丙: drop 100 and 50 → (90 + 91 + 90) / 3 = 90.333… → 9.0333… → 9.03
    expect(scores(a)).toEqual({ 甲: 8.5, 乙: 9, 丙: 9.03 });
    expect(zh(unit(a, "甲"))).toEqual(["民主测评 5 个评分，去掉最高、最低各 1 个，其余 3 个平均 85 分（满分 100 分），折合8.5分（满分10分）"]);
  });

  it("a unit left with no rating to average is a problem on its row, not a score", () => {
    const opt = inds.map((i) => ({ ...i, required: false }));
    const a = run({ type: "raters", indicators: raters, outOf: 100, drop: 2 }, opt, raters, [["甲", 90, 80, null, null, 95], ["乙", 90, 80, 85, 70, 95]]);
    // 甲 has 3 ratings; dropping 2 + 2 leaves none. 乙: drop 95, 90 and 70, 80 → 85 → 8.5
    expect(unit(a, "甲")).toMatchObject({ status: "incomplete", total: null });
    expect(unit(a, "甲").problems[0]).toMatchObject({ code: "value.tooFewRaters", cell: "A2", params: { count: 3, drop: 2 } });
    expect(unit(a, "乙").total).toBe(8.5);
  });
});

describe("折算 (converted): a score from another assessment, value × item max / source full marks", () => {
  it("85 of 100 in a 15-point item is 12.75; above the source's full marks stays at 15", () => {
    const a = run({ type: "converted", indicator: "上级考核得分", outOf: 100 }, [{ name: "上级考核得分", type: "number" }], ["上级考核得分"], [["甲", 85], ["乙", 120], ["丙", 92.5]], 15);
    // 85 × 15 / 100 = 12.75; 120 × 15 / 100 = 18 → 15; 92.5 × 15 / 100 = 13.875 → 13.88 (half-up)
    expect(scores(a)).toEqual({ 甲: 12.75, 乙: 15, 丙: 13.88 });
    expect(zh(unit(a, "甲"))).toEqual(["上级考核得分 85 分（原满分 100 分），折算为12.75分（满分15分）"]);
    expect(en(unit(a, "甲"))).toEqual(["上级考核得分 85 of 100 converts to 12.75 points (full marks 15)"]);
  });
});
