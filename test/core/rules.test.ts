import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";
import { catalog, formatReason } from "../../src/i18n";

const one = (rule: Record<string, unknown>, indicators: Record<string, unknown>[], max = 10, extra: Record<string, unknown> = {}) =>
  rubricOf({ indicators, items: [{ name: "项目", max, rules: [rule] }], ...extra });

function rubricItemsMet(r: ReturnType<typeof rubricOf>, value: number): boolean | null {
  return unit(assessed(grid([["单位", "出生率"], ["甲", value]]), r), "甲").items[0]?.met ?? null;
}

function scoreOf(r: ReturnType<typeof rubricOf>, header: string[], row: (string | number | null)[]) {
  const a = assessed(grid([["单位", ...header], ["甲", ...row]]), r);
  return unit(a, "甲");
}

describe("target rules (每低一个百分点扣k分)", () => {
  const rate = [{ name: "计划生育率", type: "percent" }];
  it("deducts linearly by default: 2.5 points short at 1 per point is 2.5", () => {
    const u = scoreOf(one({ type: "target", indicator: "计划生育率", target: 88, points: 1 }, rate), ["计划生育率(%)"], [85.5]);
    expect(u.items[0]?.score).toBe(7.5);
    expect(u.items[0]?.deductions[0]).toMatchObject({ points: 2.5, cell: "B2" });
    expect(u.items[0]?.deductions[0]?.reason.code).toBe("target.low");
    expect(u.shortfallCells).toEqual(["B2"]);
  });

  it("rounds the shortfall up or down when the rubric says so", () => {
    const ceil = one({ type: "target", indicator: "计划生育率", target: 88, points: 1, rounding: "ceil" }, rate);
    const floor = one({ type: "target", indicator: "计划生育率", target: 88, points: 1, rounding: "floor" }, rate);
    expect(scoreOf(ceil, ["计划生育率"], [85.5]).total).toBe(7);
    expect(scoreOf(floor, ["计划生育率"], [85.5]).total).toBe(8);
  });

  it("supports steps other than one point, and exact decimals", () => {
    const r = one({ type: "target", indicator: "知晓率", target: 80, points: 0.1, step: 1 }, [{ name: "知晓率", type: "percent" }], 3);
    expect(scoreOf(r, ["知晓率"], [76.3]).total).toBe(2.63);
    const half = one({ type: "target", indicator: "知晓率", target: 80, points: 1, step: 0.5 }, [{ name: "知晓率", type: "percent" }]);
    expect(scoreOf(half, ["知晓率"], [79]).total).toBe(8);
  });

  it("never goes below zero (扣完为止) and marks the item floored", () => {
    const u = scoreOf(one({ type: "target", indicator: "计划生育率", target: 88, points: 1 }, rate), ["计划生育率"], [50]);
    expect(u.items[0]).toMatchObject({ score: 0, floored: true, met: false });
  });

  it("meets a target exactly on the line and deducts nothing above it", () => {
    const r = one({ type: "target", indicator: "计划生育率", target: 88, points: 1 }, rate);
    expect(scoreOf(r, ["计划生育率"], [88]).items[0]).toMatchObject({ score: 10, met: true, deductions: [] });
    expect(scoreOf(r, ["计划生育率"], [99]).total).toBe(10);
  });

  it("misses an exclusive target (超过/低于) exactly on the line, at no cost but with a finding", () => {
    const over = one({ type: "target", indicator: "计划生育率", target: 88, points: 1, inclusive: false }, rate);
    expect(scoreOf(over, ["计划生育率"], [88]).items[0]).toMatchObject({ score: 10, met: false, deductions: [] });
    expect(scoreOf(over, ["计划生育率"], [88]).items[0]?.findings[0]?.reason).toMatchObject({ code: "target.low", params: { inclusive: 0, points: 0 } });
    expect(scoreOf(over, ["计划生育率"], [88.01]).items[0]).toMatchObject({ met: true, findings: [] });
    const reason = scoreOf(over, ["计划生育率(%)"], [88]).items[0]?.findings[0]?.reason;
    expect(reason && formatReason(reason, catalog("zh-CN"))).toBe("计划生育率 88% 未达到目标：须超过88%（不含88%）");
    expect(reason && formatReason(reason, catalog("en-US"))).toBe("计划生育率 88% does not exceed the target 88% (超过88%（不含88%）)");
    expect(scoreOf(over, ["计划生育率"], [87]).total).toBe(9);
    const under = one({ type: "target", indicator: "出生率", target: 11, direction: "atMost", inclusive: false }, [{ name: "出生率", type: "permille" }], 10, { mode: "attainment" });
    const items = (v: number) => rubricItemsMet(under, v);
    expect([items(11), items(10.99)]).toEqual([false, true]);
  });

  it("handles lower-is-better targets", () => {
    const r = one({ type: "target", indicator: "出生率", target: 11, direction: "atMost", points: 2 }, [{ name: "出生率", type: "permille" }]);
    expect(scoreOf(r, ["出生率(‰)"], ["11.5‰"]).total).toBe(9);
    expect(scoreOf(r, ["出生率(‰)"], [10.2]).total).toBe(10);
  });

  it("takes targets from another column of the sheet", () => {
    const r = one({ type: "target", indicator: "完成数", target: { column: "任务数" }, points: 1 }, [
      { name: "完成数", type: "number" },
      { name: "任务数", type: "number" },
    ]);
    expect(scoreOf(r, ["完成数", "任务数"], [7, 10]).total).toBe(7);
  });
});

describe("count, checklist, range, improvement, entered score and formula rules", () => {
  it("deducts per occurrence", () => {
    const r = one({ type: "perCount", indicator: "帐册差错项数", points: 0.2 }, [{ name: "帐册差错项数", type: "count" }]);
    const u = scoreOf(r, ["帐册差错项数"], [3]);
    expect(u.total).toBe(9.4);
    expect(u.items[0]?.deductions[0]?.reason).toMatchObject({ code: "count", params: { value: 3, per: 0.2, points: 0.6 } });
  });

  it("deducts a fixed amount for 否 on a positive checklist item, or for 是 on a negative one", () => {
    const pos = one({ type: "check", indicator: "成立领导小组", points: 1 }, [{ name: "成立领导小组", type: "boolean" }], 3);
    expect(scoreOf(pos, ["成立领导小组"], ["否"]).total).toBe(2);
    expect(scoreOf(pos, ["成立领导小组"], ["√"]).total).toBe(3);
    const neg = one({ type: "check", indicator: "出现差错", points: 2, when: true }, [{ name: "出现差错", type: "boolean" }], 3);
    expect(scoreOf(neg, ["出现差错"], ["是"]).total).toBe(1);
    expect(scoreOf(neg, ["出现差错"], ["否"]).total).toBe(3);
  });

  it("meets a range inside its bounds or when lower than last year", () => {
    const r = one({ type: "range", indicator: "性别比", min: 103, max: 107, orLowerThan: "上年性别比", points: 5 }, [
      { name: "性别比", type: "number" },
      { name: "上年性别比", type: "number", required: false },
    ]);
    expect(scoreOf(r, ["性别比", "上年性别比"], [105, 120]).total).toBe(10);
    expect(scoreOf(r, ["性别比", "上年性别比"], [109, 110]).total).toBe(10);
    expect(scoreOf(r, ["性别比", "上年性别比"], [109, 108]).total).toBe(5);
    expect(scoreOf(r, ["性别比", "上年性别比"], [109, null]).total).toBe(5);
  });

  it("meets a range when the value moved toward it by at least minChange (趋向正常)", () => {
    const r = one({ type: "range", indicator: "性别比", min: 103, max: 107, orToward: { previous: "上年性别比", minChange: 1 }, points: 5 }, [
      { name: "性别比", type: "number" },
      { name: "上年性别比", type: "number", required: false },
    ]);
    const total = (now: number, before: number | null) => scoreOf(r, ["性别比", "上年性别比"], [now, before]).total;
    expect(total(107, 120)).toBe(10); // inside, bounds included
    expect(total(103, 100)).toBe(10);
    expect(total(110, 111)).toBe(10); // gap 4 → 3: by exactly 1
    expect(total(110, 110.5)).toBe(5); // by 0.5: not 明显
    expect(total(101, 102)).toBe(5); // a fall away from the range
    expect(total(100, 98)).toBe(10); // below the range, rising toward it by 2
    expect(total(95, 115)).toBe(5); // overshoot: gap 8 → 8
    expect(total(110, null)).toBe(5); // no last year: only the range counts
    const any = one({ type: "range", indicator: "性别比", min: 103, max: 107, orToward: { previous: "上年性别比" }, points: 5 }, [
      { name: "性别比", type: "number" },
      { name: "上年性别比", type: "number" },
    ]);
    expect(scoreOf(any, ["性别比", "上年性别比"], [110, 110.1]).total).toBe(10); // minChange 0: any narrowing
    expect(scoreOf(any, ["性别比", "上年性别比"], [110, 110]).total).toBe(5); // but not standing still
  });

  it("checks improvement against a previous-year column", () => {
    const r = one({ type: "improvement", indicator: "满意率", previous: "上年满意率", points: 2 }, [
      { name: "满意率", type: "percent" },
      { name: "上年满意率", type: "percent" },
    ]);
    expect(scoreOf(r, ["满意率", "上年满意率"], [90, 85]).total).toBe(10);
    expect(scoreOf(r, ["满意率", "上年满意率"], [85, 90]).total).toBe(8);
  });

  it("a rule that fires is not met and moves its points; one that does not is met and moves none", () => {
    const cases: [Record<string, unknown>, Record<string, unknown>[], string[], (string | number)[], (string | number)[], number][] = [
      [{ type: "perCount", indicator: "差错", points: 0.5 }, [{ name: "差错", type: "count" }], ["差错"], [2], [0], 1],
      [{ type: "check", indicator: "成立", points: 1.5 }, [{ name: "成立", type: "boolean" }], ["成立"], ["否"], ["是"], 1.5],
      [{ type: "range", indicator: "比", min: 1, max: 2, points: 3 }, [{ name: "比", type: "number" }], ["比"], [5], [1.5], 3],
      [{ type: "improvement", indicator: "率", previous: "上年率", points: 2 }, [{ name: "率", type: "number" }, { name: "上年率", type: "number" }], ["率", "上年率"], [1, 2], [3, 2], 2],
    ];
    for (const [rule, indicators, header, fires, quiet, points] of cases) {
      const r = one(rule, indicators);
      const hit = scoreOf(r, header, fires).items[0];
      expect(hit).toMatchObject({ met: false, score: 10 - points });
      expect(hit?.deductions.map((d) => d.points)).toEqual([points]);
      expect(scoreOf(r, header, quiet).items[0]).toMatchObject({ met: true, score: 10, deductions: [] });
    }
  });

  it("takes entered scores as they are and refuses scores outside 0–max", () => {
    const r = one({ type: "enteredScore", indicator: "第一条" }, [{ name: "第一条", type: "score" }], 15);
    expect(scoreOf(r, ["第一条"], [13.5]).total).toBe(13.5);
    const bad = scoreOf(r, ["第一条"], [16]);
    expect(bad.status).toBe("incomplete");
    expect(bad.total).toBeNull();
    expect(bad.problems[0]).toMatchObject({ code: "value.scoreOutOfRange", cell: "B2", params: { value: 16, max: 15 } });
  });

  it("deducts what a formula rule computes", () => {
    const r = one({ type: "formula", points: "MAX(0, 3 - 会议次数) * 0.5", reason: "会议不足三次" }, [{ name: "会议次数", type: "count" }], 3);
    expect(scoreOf(r, ["会议次数"], [1]).total).toBe(2);
    expect(scoreOf(r, ["会议次数"], [5]).total).toBe(3);
  });
});

describe("items, bonus, derived indicators", () => {
  it("sums several rules in an item, rounding once at the end", () => {
    const r = rubricOf({
      indicators: [{ name: "a", type: "percent" }, { name: "b", type: "percent" }],
      items: [{ name: "项目", max: 10, rules: [
        { type: "target", indicator: "a", target: 80, points: 0.1 },
        { type: "target", indicator: "b", target: 80, points: 0.1 },
      ] }],
    });
    // 0.1 × 0.35 + 0.1 × 0.35 = 0.07 → 9.93, not 9.929999…
    expect(scoreOf(r, ["a", "b"], [79.65, 79.65]).total).toBe(9.93);
  });

  it("adds bonus items up to their own cap and the rubric's bonus cap", () => {
    const r = rubricOf({
      bonusCap: 3,
      indicators: [{ name: "基础", type: "score" }, { name: "表彰次数", type: "count" }, { name: "创新", type: "boolean" }],
      items: [
        { name: "基础", max: 100, rules: [{ type: "enteredScore", indicator: "基础" }] },
        { name: "表彰加分", max: 2, bonus: true, rules: [{ type: "perCount", indicator: "表彰次数", points: 1 }] },
        { name: "创新加分", max: 2, bonus: true, rules: [{ type: "check", indicator: "创新", points: 2, when: true }] },
      ],
    });
    expect(scoreOf(r, ["基础", "表彰次数", "创新"], [90, 1, "否"]).total).toBe(91);
    expect(scoreOf(r, ["基础", "表彰次数", "创新"], [90, 5, "否"]).total).toBe(92);
    expect(scoreOf(r, ["基础", "表彰次数", "创新"], [90, 5, "是"]).total).toBe(93);
  });

  it("derives an indicator from other columns when its own column is absent", () => {
    const r = rubricOf({
      indicators: [
        { name: "政策兑现率", type: "percent", derive: "IF(人数 * 标准 = 0, 100, 金额 / (人数 * 标准) * 100)" },
        { name: "人数", type: "count", required: false },
        { name: "标准", type: "number", required: false },
        { name: "金额", type: "number", required: false },
      ],
      items: [{ name: "政策兑现率", max: 10, rules: [{ type: "target", indicator: "政策兑现率", target: 75, points: 1 }] }],
    });
    expect(scoreOf(r, ["人数", "标准", "金额"], [2, 1000, 1400]).total).toBe(5);
    expect(scoreOf(r, ["人数", "标准", "金额"], [0, 1000, 0]).total).toBe(10);
    // The column wins when present.
    expect(scoreOf(r, ["政策兑现率", "人数", "标准", "金额"], [74, 2, 1000, 2000]).total).toBe(9);
    // Exactly on the target although binary arithmetic gives 56.99999999999999 for 57 / 100 × 100.
    const at57 = rubricOf({ ...r.doc, items: [{ name: "政策兑现率", max: 10, rules: [{ type: "target", indicator: "政策兑现率", target: 57, points: 1 }] }] });
    expect(scoreOf(at57, ["人数", "标准", "金额"], [1, 100, 57]).items[0]).toMatchObject({ score: 10, met: true });
  });

  it("makes a unit incomplete, with the cell and value, when an input is bad; others still score", () => {
    const r = one({ type: "target", indicator: "计划生育率", target: 88, points: 1 }, [{ name: "计划生育率", type: "percent" }]);
    const a = assessed(grid([["单位", "计划生育率"], ["甲", "九十"], ["乙", { error: "#N/A" }], ["丙", 150], ["丁", null], ["戊", 90]]), r);
    expect(a.units.map((u) => [u.unit, u.status, u.total, u.rank])).toEqual([
      ["甲", "incomplete", null, null],
      ["乙", "incomplete", null, null],
      ["丙", "incomplete", null, null],
      ["丁", "incomplete", null, null],
      ["戊", "scored", 10, 1],
    ]);
    expect(a.problems.map((p) => [p.code, p.cell, p.params.value ?? ""])).toEqual([
      ["value.notNumber", "B2", "九十"],
      ["value.excelError", "B3", "#N/A"],
      ["value.rateOutOfRange", "B4", "150"],
      ["value.missing", "B5", ""],
    ]);
    expect(a.units[0]?.items[0]?.score).toBeNull();
  });
});
