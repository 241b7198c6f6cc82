/**
 * Golden tests for the outcome shapes real 细则 use (issue #9): 分类考核 with 难度系数 and items for
 * some categories, 等次 with 名额 (quotas, rounding, ties), and what a veto does to the grade. Every
 * expected figure is worked by hand in the comments; docs/rubrics.md walks through the same examples.
 */
import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";
import { catalog, formatIssue, formatReason } from "../../src/i18n";
import { jsonReport } from "../../src/app/report";
import { explainUnit } from "../../src/core/plan/explain";
import { texts } from "../../src/i18n";
import { compileRubric } from "../../src/core/rubric/compile";
import { buildWritePlan } from "../../src/core/plan/write-plan";

const zh = catalog("zh-CN");
const en = catalog("en-US");

describe("分类考核: an item for some categories reads its columns only for them", () => {
  it("a 民主测评 item for 街道: a 乡镇's blank rater cells are not its problem", () => {
    const raters = ["评委1", "评委2", "评委3"];
    const a = assessed(
      grid([
        ["单位", "类别", "计划生育率", ...raters],
        // 街道: 计生 full 60; 测评 (90, 80, 70) → drop 90 and 70 → 80 of 100 → 40 × 0.8 = 32. 92
        ["东街道", "街道", 90, 90, 80, 70],
        // 乡镇: 测评 is not its item; 计生 full 60 of 60
        ["南镇", "乡镇", 90, null, null, null],
      ]),
      rubricOf({
        indicators: [{ name: "计划生育率", type: "percent" }, ...raters.map((name) => ({ name, type: "number", min: 0, max: 100 }))],
        items: [
          { name: "计划生育", max: 60, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
          { name: "测评", max: 40, categories: ["街道"], rules: [{ type: "raters", indicators: raters, outOf: 100 }] },
        ],
        ranking: { categoryColumn: "类别", coefficients: { 街道: 1, 乡镇: 1 } },
      }),
    );
    expect(a.units.map((u) => [u.unit, u.status, u.total, u.problems.map((p) => p.code)])).toEqual([["东街道", "scored", 92, []], ["南镇", "scored", 60, []]]);
  });
});

describe("分类考核: 难度系数 and items for some categories", () => {
  const doc = {
    indicators: [
      { name: "计划生育率", type: "percent" },
      { name: "耕地保护率", type: "percent" },
      { name: "社区服务满意率", type: "percent" },
    ],
    items: [
      { name: "计划生育", max: 60, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
      { name: "耕地保护", max: 40, categories: ["乡镇"], rules: [{ type: "target", indicator: "耕地保护率", target: 95, points: 2 }] },
      { name: "社区服务", max: 40, categories: ["街道"], rules: [{ type: "target", indicator: "社区服务满意率", target: 90, points: 1 }] },
    ],
    ranking: { categoryColumn: "类别", coefficients: { 街道: 1, 乡镇: 1.05 } },
    outcomes: { grades: [{ min: 95, label: "优秀" }, { min: 85, label: "良好" }, { min: 0, label: "一般" }] },
  };
  const head = ["单位", "类别", "计划生育率", "耕地保护率", "社区服务满意率"];
  // Assessed inside each test, not once here: mutation testing maps each mutant to the tests that reach it.
  const assessedSheet = () => assessed(
    grid([
      head,
      // 计生 86 → 2 short × 1 = −2 → 58; 社区服务 85 → 5 × 1 = −5 → 35; 耕地 blank (not its item). 93 × 1 = 93
      ["东街道", "街道", 86, null, 85],
      // full marks: 60 + 40 = 100 × 1 = 100
      ["西街道", "街道", 90, null, 90],
      // 计生 87.5 → −0.5 → 59.5; 耕地 93 → 2 × 2 = −4 → 36; raw 95.5 × 1.05 = 100.275 → 100.28 (half-up)
      ["南镇", "乡镇", 87.5, 93, null],
      // 计生 80 → −8 → 52; 耕地 90 → 5 × 2 = −10 → 30; raw 82 × 1.05 = 86.1
      ["北镇", "乡镇", 80, 90, null],
      ["无类别村", null, 90, 95, 90],
      ["开发区", "开发区", 90, 95, 90],
    ]),
    rubricOf(doc),
  );

  it("multiplies a category's totals by its coefficient and ranks everyone together on the adjusted totals", () => {
    const a = assessedSheet();
    expect(unit(a, "东街道")).toMatchObject({ total: 93, rawTotal: 93, coefficient: 1, rank: 3, grade: "良好" });
    expect(unit(a, "西街道")).toMatchObject({ total: 100, rank: 2, grade: "优秀" });
    expect(unit(a, "南镇")).toMatchObject({ total: 100.28, rawTotal: 95.5, coefficient: 1.05, rank: 1, grade: "优秀" });
    // 86.1 ≥ 85: 良好 on the adjusted total (82 raw would be 一般)
    expect(unit(a, "北镇")).toMatchObject({ total: 86.1, rawTotal: 82, rank: 4, grade: "良好" });
  });

  it("does not score an item outside the unit's category nor count its 分值, and reads no value for it", () => {
    const a = assessedSheet();
    const east = unit(a, "东街道");
    expect(east.items.map((i) => [i.name, i.score, i.max])).toEqual([["计划生育", 58, 60], ["耕地保护", null, null], ["社区服务", 35, 40]]);
    expect(east.items[1]?.notApplicable).toBe(true);
    expect(east.problems).toEqual([]); // 耕地保护率 is blank on a 街道's row: not its item
    expect(unit(a, "南镇").items.map((i) => i.max)).toEqual([60, 40, null]);
  });

  it("explains the raw total, the coefficient and the adjusted total", () => {
    const a = assessedSheet();
    const south = unit(a, "南镇");
    expect(south.outcomeReasons?.map((r) => formatReason(r, zh))).toEqual(["难度系数：乡镇 原始总分 95.5 × 1.05 = 100.28"]);
    expect(formatReason(south.outcomeReasons?.[0] ?? { code: "coefficient", params: {} }, en)).toBe("Difficulty coefficient (难度系数) of 乡镇: raw total 95.5 × 1.05 = 100.28");
    const note = explainUnit(south, texts(zh)).split("\n");
    expect(note[0]).toBe("南镇；总分 100.28；排名 1；优秀");
    expect(note[1]).toBe("难度系数：乡镇 原始总分 95.5 × 1.05 = 100.28");
    const json = jsonReport(a, zh).units.find((u) => u.unit === "南镇");
    expect(json).toMatchObject({ rawTotal: 95.5, coefficient: 1.05, outcomeReasons: ["难度系数：乡镇 原始总分 95.5 × 1.05 = 100.28"] });
    expect(json?.items[2]).toMatchObject({ name: "社区服务", notApplicable: true, score: null, max: null });
    // The results sheet: 不适用 in the item's column, the coefficient line among the reasons.
    const plan = buildWritePlan(grid([head, ["南镇", "乡镇", 87.5, 93, null]]), a, texts(zh), { resultsSheet: "考核明细" });
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const row = plan.value.results.rows.find((r) => r[0] === "南镇");
    expect(row?.slice(3, 9)).toEqual([100.28, 1, "优秀", 59.5, 36, "不适用"]);
    expect(String(row?.[row.length - 1])).toContain("难度系数：乡镇 原始总分 95.5 × 1.05 = 100.28");
  });

  it("leaves a unit without a category, or with one the rubric has no coefficient for, unscored with the cell named", () => {
    const a = assessedSheet();
    const none = unit(a, "无类别村");
    expect(none).toMatchObject({ status: "incomplete", total: null, rank: null });
    expect(none.problems).toMatchObject([{ code: "category.missing", cell: "B6", severity: "error" }]);
    expect(formatIssue(none.problems[0] ?? ({} as never), zh)).toBe("单位类别（“类别”列）没有填写：本考核细则按类别考核");
    const zone = unit(a, "开发区");
    expect(zone.problems).toMatchObject([{ code: "category.unknown", cell: "B7", severity: "error" }]);
    expect(formatIssue(zone.problems[0] ?? ({} as never), zh)).toBe("单位类别“开发区”不是考核细则中的类别（街道、乡镇），无法确定难度系数");
    expect(formatIssue(zone.problems[0] ?? ({} as never), en)).toBe(`the unit's category "开发区" is not one of the rubric's (街道、乡镇), so it has no difficulty coefficient`);
  });

  it("without coefficients ranks within categories as before, and an unknown category only warns", () => {
    const b = assessed(
      grid([head, ["东街道", "街道", 86, null, 85], ["西街道", "街道", 90, null, 90], ["南镇", "乡镇", 87.5, 93, null], ["北镇", "乡镇", 80, 90, null], ["开发区", "开发区", 90, 95, 90]]),
      rubricOf({ ...doc, ranking: { categoryColumn: "类别" } }),
    );
    // 街道: 西 100 (1), 东 93 (2); 乡镇: 南 95.5 (1), 北 82 (2); no coefficient, no rawTotal
    expect(b.units.map((u) => [u.unit, u.total, u.rank])).toEqual([["东街道", 93, 2], ["西街道", 100, 1], ["南镇", 95.5, 1], ["北镇", 82, 2], ["开发区", 60, 1]]);
    expect(unit(b, "南镇").rawTotal).toBeUndefined();
    // 开发区: only 计划生育 applies (60/60); both category items are not its own
    expect(unit(b, "开发区").problems).toMatchObject([{ code: "category.unknown", severity: "warning" }]);
    expect(unit(b, "开发区").items.map((i) => i.score)).toEqual([60, null, null]);
  });

  it("checks 满分 per category: 60 + 40 for 街道 and for 乡镇 is 100 each, not 140", () => {
    const ok = compileRubric({ id: "t", name: "t", version: "1", ...doc, maxTotal: 100 });
    expect(ok.ok && ok.value.warnings).toEqual([]);
    const items = [doc.items[0], doc.items[1], { ...doc.items[2], max: 30 }];
    const off = compileRubric({ id: "t", name: "t", version: "1", ...doc, items, maxTotal: 100 });
    // 乡镇 60 + 40 = 100 agrees; 街道 60 + 30 = 90 does not
    expect(off.ok && off.value.warnings.map((w) => formatIssue(w, zh))).toEqual(["适用于“街道”类单位的各项分值合计 90 分，与满分 100 分不一致"]);
  });

  it("refuses categories without a category column, and 降等次 without grades", () => {
    const paths = (ranking: Record<string, unknown>) => {
      const r = compileRubric({ id: "t", name: "t", version: "1", ...doc, ranking });
      return r.ok ? [] : r.issues.map((i) => [i.code, i.params.path]);
    };
    expect(paths({ coefficients: { 街道: 1, 乡镇: 1.05 } })).toEqual([["rubric.noCategoryColumn", "ranking.coefficients"]]);
    expect(paths({})).toEqual([["rubric.noCategoryColumn", "items.1.categories"]]);
    // 社区服务 is for 街道, which has no coefficient here; and 乡镇 twice (乡 镇) is one category
    expect(paths({ categoryColumn: "类别", coefficients: { 乡镇: 1.05, "乡 镇": 1.1 } })).toEqual([
      ["rubric.duplicateName", "ranking.coefficients.乡 镇"],
      ["rubric.noCoefficient", "items.2.categories"],
    ]);
    const noGrades = compileRubric({ id: "t", name: "t", version: "1", ...doc, outcomes: { vetoGrade: { down: 1 } } });
    expect(noGrades.ok ? [] : noGrades.issues.map((i) => [i.code, i.params.path])).toEqual([["rubric.noGrades", "outcomes.vetoGrade"]]);
    expect(formatIssue(noGrades.ok ? ({} as never) : (noGrades.issues[0] as never), zh)).toContain("“降等次”需要等次");
  });
});

/** Ten units scored by an entered 得分 (so the totals are the figures typed), with 加分 as a tie-break column. */
function graded(totals: [string, number, number?, number?][], outcomes: Record<string, unknown>, vetoes: unknown[] = []) {
  const r = rubricOf({
    indicators: [{ name: "得分", type: "score" }, { name: "加分", type: "number", required: false }, { name: "案件", type: "count", required: false }],
    items: [{ name: "得分", max: 100, rules: [{ type: "enteredScore", indicator: "得分" }] }],
    vetoes,
    outcomes,
  });
  const a = assessed(grid([["单位", "得分", "加分", "案件"], ...totals.map(([u, s, b, c]) => [u, s, b ?? null, c ?? null])]), r);
  return { a, g: Object.fromEntries(a.units.map((u) => [u.unit, u.grade ?? null])), reasons: (name: string) => (unit(a, name).outcomeReasons ?? []).map((x) => formatReason(x, zh)) };
}

const TEN: [string, number][] = [["甲", 98], ["乙", 95], ["丙", 93], ["丁", 91], ["戊", 88], ["己", 85], ["庚", 80], ["辛", 79], ["壬", 70], ["癸", 60]];
const bands = (quota: Record<string, unknown>) => [{ min: 90, label: "优秀", quota }, { min: 80, label: "良好" }, { min: 0, label: "一般" }];

describe("等次名额: quotas, rounding and ties", () => {
  it("优秀 ≥ 90 and at most 15% of 10 units: 1.5 rounded down is 1; the others fall to 良好, saying why", () => {
    const { g, reasons } = graded(TEN, { grades: bands({ percent: 15 }) });
    // 甲乙丙丁 reach 90; 15% × 10 = 1.5 → ⌊1.5⌋ = 1 place: 甲 (98). 乙丙丁 → 良好 with 戊己庚 (≥ 80)
    expect(g).toEqual({ 甲: "优秀", 乙: "良好", 丙: "良好", 丁: "良好", 戊: "良好", 己: "良好", 庚: "良好", 辛: "一般", 壬: "一般", 癸: "一般" });
    expect(reasons("乙")).toEqual(["分数达到优秀但超出优秀名额（15%，共1名），定为良好"]);
    expect(reasons("甲")).toEqual([]);
    expect(reasons("戊")).toEqual([]);
  });

  it("the results sheet, the unit's note and the JSON report carry the reason", () => {
    const { a } = graded(TEN, { grades: bands({ percent: 15 }) });
    const g = grid([["单位", "得分", "加分", "案件"], ...TEN.map(([u, x]) => [u, x, null, null])]);
    const plan = buildWritePlan(g, a, texts(zh), { resultsSheet: "考核明细", notes: "all" });
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const row = plan.value.results.rows.find((r) => r[0] === "乙");
    expect(row?.[5]).toBe("良好");
    expect(row?.[row.length - 1]).toBe("B3 得分 得分 95（满分 100），失5分\n分数达到优秀但超出优秀名额（15%，共1名），定为良好");
    expect(plan.value.notes.find((n) => n.row === 2)?.text).toBe("乙；总分 95；排名 2；良好\n分数达到优秀但超出优秀名额（15%，共1名），定为良好\n得分 95/100：\n  · 得分 得分 95（满分 100），失5分（B3）");
    // With notes only for units that have something to explain, a unit held back by a quota has one even at full marks.
    const full = graded([["甲", 100], ["乙", 100]], { grades: bands({ percent: 50, tieBreak: "加分" }) });
    const fullPlan = buildWritePlan(grid([["单位", "得分"], ["甲", 100], ["乙", 100]]), full.a, texts(zh), { resultsSheet: "考核明细" });
    expect(fullPlan.ok && fullPlan.value.notes.map((n) => n.text)).toEqual([
      "甲；总分 100；排名 1；良好\n分数达到优秀但超出优秀名额（50%，共1名），名额边界同分的单位均不计入，定为良好",
      "乙；总分 100；排名 1；良好\n分数达到优秀但超出优秀名额（50%，共1名），名额边界同分的单位均不计入，定为良好",
    ]);
    expect(jsonReport(a, en).units[1]?.outcomeReasons).toEqual(["The total reaches 优秀 but the 优秀 places (15%, 1 in all) are taken: graded 良好"]);
  });

  it("rounds the number of places as stated: 15% × 10 = 1.5 → round 2, ceil 2; 12% × 10 = 1.2 → round 1, ceil 2", () => {
    const excellent = (q: Record<string, unknown>) => Object.entries(graded(TEN, { grades: bands(q) }).g).filter(([, v]) => v === "优秀").map(([k]) => k);
    expect(excellent({ percent: 15, rounding: "round" })).toEqual(["甲", "乙"]);
    expect(excellent({ percent: 15, rounding: "ceil" })).toEqual(["甲", "乙"]);
    expect(excellent({ percent: 12, rounding: "round" })).toEqual(["甲"]);
    expect(excellent({ percent: 12, rounding: "ceil" })).toEqual(["甲", "乙"]);
    // 20% × 10 is 2 exactly (not 2.0000000000000004 → ceil 3)
    expect(excellent({ percent: 20, rounding: "ceil" })).toEqual(["甲", "乙"]);
  });

  const TIED: [string, number, number?][] = [["甲", 98, 1], ["乙", 95, 2], ["丙", 95, 3], ["丁", 91], ["戊", 88], ["己", 85], ["庚", 80], ["辛", 79], ["壬", 70], ["癸", 60]];

  it("a tie across the boundary: all out (the default) or all in, explained per unit", () => {
    // 20% × 10 = 2 places; 乙 and 丙 tie at 95 for the second place
    const out = graded(TIED, { grades: bands({ percent: 20 }) });
    expect([out.g.甲, out.g.乙, out.g.丙]).toEqual(["优秀", "良好", "良好"]);
    expect(out.reasons("丙")).toEqual(["分数达到优秀但超出优秀名额（20%，共2名），名额边界同分的单位均不计入，定为良好"]);
    // 丁 (91) is not tied: over the quota in the plain way
    expect(out.reasons("丁")).toEqual(["分数达到优秀但超出优秀名额（20%，共2名），定为良好"]);
    const inn = graded(TIED, { grades: bands({ percent: 20, ties: "allIn" }) });
    expect([inn.g.甲, inn.g.乙, inn.g.丙, inn.g.丁]).toEqual(["优秀", "优秀", "优秀", "良好"]);
    expect(inn.reasons("乙")).toEqual(["优秀名额 20%，共2名；名额边界同分的单位均计入"]);
    expect(inn.reasons("甲")).toEqual([]);
  });

  it("a tie-break column decides first (higher wins); 丙 (加分 3) takes the place before 乙 (加分 2)", () => {
    const t = graded(TIED, { grades: bands({ percent: 20, tieBreak: "加分" }) });
    expect([t.g.甲, t.g.乙, t.g.丙]).toEqual(["优秀", "良好", "优秀"]);
    expect(t.reasons("乙")).toEqual(["分数达到优秀但超出优秀名额（20%，共2名），同分按“加分”比较（本单位 2）在名额之外，定为良好"]);
    expect(formatReason(unit(t.a, "乙").outcomeReasons?.[0] ?? { code: "grade.quota", params: {} }, en)).toBe(
      `The total reaches 优秀 but the 优秀 places (20%, 2 in all) are taken; the tie was broken on "加分" (this unit 2): graded 良好`,
    );
  });

  it("a unit may fall through two quotas; the sentence names the grade it ends with", () => {
    // 优秀 10% × 10 = 1 (甲); 良好 ≥ 80 at most 30% = 3: 乙丙丁 (95, 93, 91), so 戊己庚 fall to 一般
    const { g, reasons } = graded(TEN, { grades: [{ min: 90, label: "优秀", quota: { percent: 10 } }, { min: 80, label: "良好", quota: { percent: 30 } }, { min: 0, label: "一般" }] });
    expect(Object.values(g)).toEqual(["优秀", "良好", "良好", "良好", "一般", "一般", "一般", "一般", "一般", "一般"]);
    expect(reasons("戊")).toEqual(["分数达到良好但超出良好名额（30%，共3名），定为一般"]);
  });
});

describe("否决后等次: what a veto does to the grade", () => {
  const withVeto: [string, number, number?, number?][] = [...TEN.slice(0, 9), ["癸", 96, undefined, 1]];
  const fact = { type: "fact", when: "案件 > 0", reason: "发生案件" };

  it("without an effect a vetoed unit gets no grade (as before)", () => {
    expect(graded(withVeto, { grades: bands({ percent: 15 }) }, [fact]).g.癸).toBeNull();
  });

  it("定为不合格 (rubric-wide) and a vetoed unit takes no quota place but counts among the units", () => {
    const { g, reasons, a } = graded(withVeto, { grades: bands({ percent: 15 }), vetoGrade: { label: "不合格" } }, [fact]);
    // 癸 96 vetoed → 不合格; 10 units with a total → 1 place, 甲 (98) keeps it
    expect([g.癸, g.甲, g.乙]).toEqual(["不合格", "优秀", "良好"]);
    expect(reasons("癸")).toEqual(["一票否决，定为不合格"]);
    expect(unit(a, "癸")).toMatchObject({ status: "vetoed", rank: 10 });
  });

  it("降一等次 per veto: 96 earns 优秀 by score, one band down is 良好; never below the lowest band", () => {
    const down = { ...fact, grade: { down: 1 } };
    const { g, reasons } = graded(withVeto, { grades: bands({ percent: 15 }), vetoGrade: { label: "不合格" } }, [down]);
    expect(g.癸).toBe("良好");
    expect(reasons("癸")).toEqual(["一票否决，由优秀降一等次为良好"]);
    const low = graded([...TEN.slice(0, 9), ["癸", 50, undefined, 1]], { grades: bands({ percent: 15 }) }, [down]);
    expect(low.g.癸).toBe("一般"); // 一般 is already the lowest band
    expect(formatReason(unit(low.a, "癸").outcomeReasons?.[0] ?? { code: "grade.vetoDown", params: {} }, en)).toBe("Vetoed: lowered 1 grade(s) from 一般 to 一般");
  });

  it("a stated grade wins over 降等次 when two vetoes apply", () => {
    const vetoes = [{ ...fact, grade: { down: 2 } }, { ...fact, reason: "另一案件", grade: { label: "不合格" } }];
    expect(graded(withVeto, { grades: bands({ percent: 15 }) }, vetoes).g.癸).toBe("不合格");
    // two 降等次: the larger (2) applies: 优秀 → 一般
    const downs = [{ ...fact, grade: { down: 2 } }, { ...fact, reason: "另一案件", grade: { down: 1 } }];
    expect(graded(withVeto, { grades: bands({ percent: 15 }) }, downs).g.癸).toBe("一般");
  });
});
