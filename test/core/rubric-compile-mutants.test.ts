/**
 * compileRubric: every error at its exact path with its params (schema, names, formulas, derivations,
 * composites, rules, outcomes), the compiled rubric the scorer runs (bounds, sections, unit targets,
 * optional fields), and reads.ts — which indicators each rule and the rest of a rubric read, exactly.
 * Rubrics are built inside each test (docs/mutation.md: no static mutants).
 */
import { compileRubric } from "../../src/core/rubric/compile";
import type { Rubric } from "../../src/core/rubric/model";
import { indicatorsRead, readsOutsideItems, ruleReads, ruleYardsticks } from "../../src/core/rubric/reads";
import { assess } from "../../src/core/assess";
import { grid } from "../helpers/grid";
import { brief, compileErrors, rubricDoc, rubricOf, testIndicators } from "../helpers/rubric";

type Doc = Record<string, unknown>;

/** The one unknown-indicator error expected for `name` at `path`. */
const unknown = (name: string, path: (string | number)[]) => ({ code: "rubric.unknownIndicator", severity: "error", path, params: { name, path: path.join(".") } });

describe("schema errors", () => {
  it("a document that is not an object is named at the root", () => {
    expect(brief(compileErrors("细则"))).toEqual([
      { code: "rubric.schema", severity: "error", path: [], params: { path: "(root)", kind: "invalid_type", detail: expect.any(String), expected: "object" } },
    ]);
  });

  it("unknown keys are listed; a value outside a list names the list", () => {
    expect(brief(compileErrors({ ...rubricDoc(), itemz: [], notes: "" }))).toEqual([
      { code: "rubric.schema", severity: "error", path: [], params: { path: "(root)", kind: "unrecognized_keys", detail: expect.any(String), keys: "itemz, notes" } },
    ]);
    expect(brief(compileErrors({ ...rubricDoc(), indicators: [{ name: "计划生育率", type: "percentage" }] }))).toEqual([
      {
        code: "rubric.schema", severity: "error", path: ["indicators", 0, "type"],
        params: { path: "indicators.0.type", kind: "invalid_value", detail: expect.any(String), expected: "percent | permille | number | count | boolean | score" },
      },
    ]);
  });

  it("too small and too big carry their limit and nothing else", () => {
    expect(brief(compileErrors({ ...rubricDoc(), items: [{ name: "甲项", max: 1001, rules: [{ type: "perCount", indicator: "违法生育数", points: -1 }] }] }))).toEqual([
      { code: "rubric.schema", severity: "error", path: ["items", 0, "max"], params: { path: "items.0.max", kind: "too_big", detail: expect.any(String), limit: "1000" } },
      { code: "rubric.schema", severity: "error", path: ["items", 0, "rules", 0, "points"], params: { path: "items.0.rules.0.points", kind: "too_small", detail: expect.any(String), limit: "0" } },
    ]);
  });

  it("points missing from a target rule and 分值 missing from an item of a points rubric", () => {
    expect(brief(compileErrors({ ...rubricDoc(), items: [{ name: "甲项", rules: [{ type: "target", indicator: "计划生育率", target: 88 }] }] }))).toEqual([
      { code: "rubric.schema", severity: "error", path: ["items", 0, "max"], params: { path: "items.0.max", kind: "required", detail: "max" } },
      { code: "rubric.schema", severity: "error", path: ["items", 0, "rules", 0, "points"], params: { path: "items.0.rules.0.points", kind: "required", detail: "points" } },
    ]);
  });
});

describe("names that must refer to declared indicators", () => {
  it("every place a rule names an indicator, each at its own path", () => {
    const rules = [
      { type: "target", indicator: "计划生育率", target: { column: "无1" }, points: 1 },
      { type: "range", indicator: "计划生育率", min: { column: "无2" }, max: { column: "无3" }, orLowerThan: "无4", orToward: { previous: "无5" }, points: 1 },
      { type: "improvement", indicator: "计划生育率", previous: "无6", points: 1 },
      { type: "raters", indicators: ["无7", "计划生育率", "违法生育数"], drop: 0, outOf: 100 },
    ];
    const r = ["items", 0, "rules"];
    expect(brief(compileErrors(rubricDoc(rules)))).toEqual([
      unknown("无1", [...r, 0, "target", "column"]),
      unknown("无2", [...r, 1, "min", "column"]),
      unknown("无3", [...r, 1, "max", "column"]),
      unknown("无4", [...r, 1, "orLowerThan"]),
      unknown("无5", [...r, 1, "orToward", "previous"]),
      unknown("无6", [...r, 2, "previous"]),
      unknown("无7", [...r, 3, "indicators", 0]),
    ]);
  });

  it("a per-unit target table must exist in unitTargets, matched as names are", () => {
    const rule = (unitTable: string) => [{ type: "target", indicator: "计划生育率", target: { unitTable }, points: 1 }];
    const tables = { unitTargets: { 甲村: { "Rate Target": 90 }, 乙村: { 其他: 1 } } };
    expect(compileRubric(rubricDoc(rule("rate target"), tables)).ok).toBe(true);
    expect(brief(compileErrors(rubricDoc(rule("出生率目标"), tables)))).toEqual([unknown("出生率目标", ["items", 0, "rules", 0, "target", "unitTable"])]);
  });

  it("the 进步奖 basis and a composite's indicator part", () => {
    const more = { outcomes: { progress: { top: 1, previous: "上年" } }, composites: [{ name: "综合", parts: [{ total: true, weight: 0.5 }, { indicator: "无", weight: 0.5 }] }] };
    expect(brief(compileErrors(rubricDoc(undefined, more)))).toEqual([unknown("上年", ["outcomes", "progress", "previous"]), unknown("无", ["composites", 0, "parts", 1, "indicator"])]);
  });

  it("two indicators answering to one name (an alias included)", () => {
    const d = { ...rubricDoc(), indicators: [...testIndicators(), { name: "合格率", type: "percent", aliases: ["计划 生育率"] }] };
    expect(brief(compileErrors(d))[0]).toEqual({ code: "rubric.duplicateName", severity: "error", path: ["indicators", 3], params: { name: "计划生育率", path: "indicators.3" } });
  });
});

describe("formulas", () => {
  it("a formula that does not parse, at the derivation, the rule's points and the veto's condition", () => {
    const d = rubricDoc([{ type: "formula", points: "违法生育数 *", reason: "r" }], { vetoes: [{ type: "fact", when: "违法生育数 >", reason: "r" }] });
    d.indicators = [...testIndicators(), { name: "派生", type: "number", derive: "计划生育率 +" }];
    expect(compileErrors(d).map((i) => [i.code, i.path, i.params.path])).toEqual([
      ["rubric.formula", ["indicators", 3, "derive"], "indicators.3.derive"],
      ["rubric.formula", ["items", 0, "rules", 0, "points"], "items.0.rules.0.points"],
      ["rubric.formula", ["vetoes", 0, "when"], "vetoes.0.when"],
    ]);
  });

  it("a derivation reading an undeclared name is that error alone; a chain through one ends where it leaves derived names", () => {
    const d = rubricDoc();
    d.indicators = [...testIndicators(), { name: "甲", type: "number", derive: "乙 + 1" }, { name: "乙", type: "number", derive: "没有 * 2" }];
    expect(compileErrors(d).map((i) => [i.code, i.params.path, "chain" in i.params ? i.params.chain : ""])).toEqual([
      ["rubric.unknownIndicator", "indicators.4.derive", ""],
      ["rubric.cycle", "indicators.3.derive", "甲 → 乙"],
    ]);
  });

  it("a loop of three, and a chain into a loop, each said up to where it closes", () => {
    const d = rubricDoc();
    d.indicators = [
      ...testIndicators(),
      { name: "甲", type: "number", derive: "乙 + 1" },
      { name: "乙", type: "number", derive: "丙 + 1" },
      { name: "丙", type: "number", derive: "甲 + 1" },
      { name: "丁", type: "number", derive: "戊 + 1" },
      { name: "戊", type: "number", derive: "己 + 1" },
      { name: "己", type: "number", derive: "戊 + 计划生育率" },
    ];
    expect(compileErrors(d).map((i) => [i.path, "chain" in i.params ? i.params.chain : ""])).toEqual([
      [["indicators", 3, "derive"], "甲 → 乙 → 丙 → 甲"],
      [["indicators", 4, "derive"], "乙 → 丙 → 甲 → 乙"],
      [["indicators", 5, "derive"], "丙 → 甲 → 乙 → 丙"],
      [["indicators", 6, "derive"], "丁 → 戊 → 己 → 戊"],
      [["indicators", 7, "derive"], "戊 → 己 → 戊"],
      [["indicators", 8, "derive"], "己 → 戊 → 己"],
    ]);
  });
});

describe("composite weights", () => {
  it("a weight of 0 or below (the first part too) is named with its path; a sum other than 1 with the composite's", () => {
    const comp = (weights: number[]) => rubricDoc(undefined, { composites: [{ name: "综合", parts: weights.map((weight) => ({ total: true, weight })) }] });
    expect(brief(compileErrors(comp([0.5, 0, 0.5])))).toEqual([
      { code: "rubric.weights", severity: "error", path: ["composites", 0, "parts", 1, "weight"], params: { name: "综合", kind: "weight", weight: "0", path: "composites.0.parts.1.weight" } },
    ]);
    expect(compileErrors(comp([-1, 2])).map((i) => [i.path, i.params.path])).toEqual([[["composites", 0, "parts", 0, "weight"], "composites.0.parts.0.weight"]]);
    expect(brief(compileErrors(comp([0.5, 0.4])))).toEqual([
      { code: "rubric.weights", severity: "error", path: ["composites", 0], params: { name: "综合", kind: "sum", sum: 0.9, path: "composites.0" } },
    ]);
  });
});

describe("outcome shapes", () => {
  it("two coefficients for one category, and an item's category without one, in a section", () => {
    const d = rubricDoc();
    delete d.items;
    d.sections = [{ name: "一", items: [{ name: "甲项", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }, { name: "乙项", max: 5, categories: ["村"], rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }] }];
    d.ranking = { categoryColumn: "类别", coefficients: { Town: 1.05, town: 1 } };
    expect(brief(compileErrors(d))).toEqual([
      { code: "rubric.duplicateName", severity: "error", path: ["ranking", "coefficients", "town"], params: { name: "town", path: "ranking.coefficients.town" } },
      { code: "rubric.noCoefficient", severity: "error", path: ["sections", 0, "items", 1, "categories"], params: { category: "村", path: "sections.0.items.1.categories" } },
    ]);
  });

  it("categories without a category column, named at the first item in a section that has them", () => {
    const d = rubricDoc();
    delete d.items;
    d.sections = [{ name: "一", items: [{ name: "甲项", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }, { name: "乙项", max: 5, categories: ["村"], rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }] }];
    expect(brief(compileErrors(d))).toEqual([{ code: "rubric.noCategoryColumn", severity: "error", path: ["sections", 0, "items", 1, "categories"], params: { path: "sections.0.items.1.categories" } }]);
  });

  it("降等次 without grades, at the outcome and at the veto; a stated grade needs none", () => {
    const more = { outcomes: { vetoGrade: { down: 1 } }, vetoes: [{ type: "anyMissed", grade: { label: "不合格" } }, { type: "totalBelow", value: 5, grade: { down: 2 } }] };
    expect(brief(compileErrors(rubricDoc(undefined, more)))).toEqual([
      { code: "rubric.noGrades", severity: "error", path: ["outcomes", "vetoGrade"], params: { path: "outcomes.vetoGrade" } },
      { code: "rubric.noGrades", severity: "error", path: ["vetoes", 1, "grade"], params: { path: "vetoes.1.grade" } },
    ]);
  });

  it("the categories a rubric names, as first written (a coefficient's spelling over an item's)", () => {
    const d = rubricDoc(undefined, { ranking: { categoryColumn: "类别", coefficients: { Town: 1.05, City: 1 } } });
    d.items = [
      { name: "甲项", max: 10, categories: ["town"], rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
      { name: "乙项", max: 10, categories: ["city", "Town"], rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
    ];
    const r = rubricOf(d);
    expect(r.categories).toEqual(["Town", "City"]);
    expect(r.items.map((i) => i.categories)).toEqual([["town"], ["city", "town"]]);
    expect(r.categoryColumn).toBe("类别");
    expect([...(r.coefficients ?? [])]).toEqual([["town", 1.05], ["city", 1]]);
  });
});

describe("warnings beside errors", () => {
  it("full marks: the mismatch with its path, and with the category whose sum differs", () => {
    const c = compileRubric(rubricDoc(undefined, { maxTotal: 12 }));
    expect(c.ok && brief(c.value.warnings)).toEqual([{ code: "rubric.totalMismatch", severity: "warning", path: ["maxTotal"], params: { items: 10, max: 12, path: "maxTotal" } }]);
    expect(c.ok && Object.keys(c.value.warnings[0]?.params ?? {})).toEqual(["items", "max", "path"]);
    // 分类考核: 村 units have both items (15 points) against the stated 10.
    const byCategory = rubricDoc(undefined, { maxTotal: 10, ranking: { categoryColumn: "类别" } });
    byCategory.items = [...(byCategory.items as Doc[]), { name: "乙项", max: 5, categories: ["村"], rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }];
    const cat = compileRubric(byCategory);
    expect(cat.ok && cat.value.warnings.map((w) => w.params)).toEqual([{ items: 15, max: 10, path: "maxTotal", category: "村" }]);
    // A bonus item's points are on top of the full marks, not part of them.
    const bonus = rubricDoc(undefined, { maxTotal: 10 });
    bonus.items = [...(bonus.items as Doc[]), { name: "加分", max: 3, bonus: true, rules: [{ type: "check", indicator: "领导小组", when: true, points: 3 }] }];
    const withBonus = compileRubric(bonus);
    expect(withBonus.ok && withBonus.value.warnings).toEqual([]);
    // An attainment rubric has no points to add up.
    const att = compileRubric({ ...rubricDoc(), mode: "attainment", maxTotal: 100, items: [{ name: "甲项", rules: [{ type: "target", indicator: "计划生育率", target: 88 }] }] });
    expect(att.ok && att.value.warnings).toEqual([]);
  });

  it("parts worth more than the item name the item's path", () => {
    const c = compileRubric({ ...rubricDoc(), items: [{ name: "甲项", max: 5, parts: [{ name: "一", max: 3 }, { name: "二", max: 3 }], rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }] });
    expect(c.ok && brief(c.value.warnings)).toEqual([{ code: "rubric.partsExceedMax", severity: "warning", path: ["items", 0], params: { item: "甲项", parts: 6, max: 5, path: "items.0" } }]);
  });

  it("a rubric with errors gets no reach warnings (they would reason about a broken rubric)", () => {
    const d = rubricDoc([{ type: "perCount", indicator: "违法生育数", points: 0 }, { type: "perCount", indicator: "没有", points: 1 }]);
    expect(compileErrors(d).map((i) => i.code)).toEqual(["rubric.unknownIndicator"]);
  });
});

describe("the compiled rubric", () => {
  it("keeps an indicator's own bounds, only those it states", () => {
    const d = rubricDoc();
    d.indicators = [
      { name: "计划生育率", type: "percent" },
      { name: "低", type: "number", min: -100 },
      { name: "高", type: "number", max: 50 },
      { name: "两端", type: "number", min: 1, max: 2 },
    ];
    const r = rubricOf(d);
    expect(r.indicators.map((i) => i.bounds)).toEqual([undefined, { min: -100 }, { max: 50 }, { min: 1, max: 2 }]);
    expect(r.indicators.map((i) => (i.bounds ? Object.keys(i.bounds) : "none"))).toEqual(["none", ["min"], ["max"], ["min", "max"]]);
  });

  it("top-level items have no section, section items their section's name; no parts is an empty list", () => {
    const d = rubricDoc();
    d.sections = [{ name: "二", items: [{ name: "乙项", max: 5, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }] }];
    const r = rubricOf(d);
    expect(r.items.map((i) => [i.name, i.section, i.parts])).toEqual([["甲项", "", []], ["乙项", "二", []]]);
  });

  it("carries source, maxTotal, bonusCap, the category column and categories only when the document has them", () => {
    const bare = rubricOf(rubricDoc());
    for (const k of ["source", "maxTotal", "bonusCap", "categoryColumn", "coefficients", "categories"]) expect([k, k in bare]).toEqual([k, false]);
    const full = rubricOf(rubricDoc(undefined, { source: "某县2009年细则", maxTotal: 10, bonusCap: 3 }));
    expect([full.source, full.maxTotal, full.bonusCap]).toEqual(["某县2009年细则", 10, 3]);
    const zero = rubricOf(rubricDoc(undefined, { maxTotal: 0, items: [{ name: "甲项", max: 0, rules: [{ type: "check", indicator: "领导小组", points: 0 }] }] }));
    expect(zero.maxTotal).toBe(0);
  });

  it("unit targets by normalised unit and indicator, used in scoring", () => {
    const d = rubricDoc([{ type: "target", indicator: "计划生育率", target: { unitTable: "目标" }, points: 1 }], { unitTargets: { 甲村: { 目标: 90 }, "乙 村": { 目标: 80 } } });
    const r = rubricOf(d);
    expect([...r.unitTargets].map(([u, m]) => [u, [...m]])).toEqual([["甲村", [["目标", 90]]], ["乙村", [["目标", 80]]]]);
    const a = assess(grid([["单位", "计划生育率", "违法生育数", "领导小组"], ["甲村", 85, 0, "是"], ["乙村", 85, 0, "是"]]), r);
    if (!a.ok) throw new Error(JSON.stringify(a.issues));
    // 甲村 is 5 points short of its 90 (1 point each); 乙村 meets its 80.
    expect(a.value.units.map((u) => [u.unit, u.total])).toEqual([["甲村", 5], ["乙村", 10]]);
  });
});

describe("what a rubric reads (reads.ts)", () => {
  function readsRubric(): Rubric {
    const d = rubricDoc(
      [
        { type: "target", indicator: "计划生育率", target: { column: "目标列" }, points: 1, label: "说明文字" },
        { type: "range", indicator: "性别比", min: 100, max: { column: "上限" }, orLowerThan: "上年性别比", orToward: { previous: "前年性别比" }, points: 1 },
        { type: "raters", indicators: ["评1", "评2", "评3"], outOf: 100 },
        { type: "formula", points: "MAX(0, 3 - 会议)", reason: "会议不足" },
        { type: "improvement", indicator: "违法生育数", previous: "上年违法", direction: "lower", points: 1 },
        { type: "perCount", indicator: "违法 生育数", points: 1 },
      ],
      {
        vetoes: [{ type: "fact", when: "否决项 > 0", reason: "r" }, { type: "anyMissed" }],
        composites: [{ name: "综合", parts: [{ total: true, weight: 0.5 }, { indicator: "综合项", weight: 0.5 }] }],
        outcomes: { progress: { top: 1, previous: "上年总分" }, grades: [{ min: 90, label: "优", quota: { percent: 50, tieBreak: "加时" } }, { min: 0, label: "合格" }] },
        ranking: { categoryColumn: "类别" },
      },
    );
    const names = ["目标列", "性别比", "上限", "上年性别比", "前年性别比", "评1", "评2", "评3", "会议", "上年违法", "否决项", "综合项", "上年总分", "加时", "出生数", "人口"];
    d.indicators = [...testIndicators(), ...names.map((name) => ({ name, type: "number" })), { name: "出生率", type: "permille", derive: "出生数 / 人口 * 1000" }];
    return rubricOf(d);
  }

  it("each rule reads its indicator and every name in it (aliases and spacing folded), nothing else", () => {
    const r = readsRubric();
    const rules = r.items[0]?.rules ?? [];
    expect(rules.map((rule) => [...ruleReads(r, rule)].sort())).toStrictEqual([
      ["目标列", "计划生育率"].sort(),
      ["上年性别比", "上限", "前年性别比", "性别比"].sort(),
      ["评1", "评2", "评3"],
      ["会议"],
      ["上年违法", "违法生育数"].sort(),
      ["违法生育数"],
    ]);
  });

  it("outside the items: derivations, fact vetoes, composites, the 进步奖 basis and quota tie-breaks; an undeclared category column is no read", () => {
    const r = readsRubric();
    expect([...readsOutsideItems(r)].sort()).toStrictEqual(["人口", "出生数", "否决项", "综合项", "上年总分", "加时"].sort());
    const all = indicatorsRead(r);
    expect(["计划生育率", "评2", "会议", "加时", "人口"].map((k) => all.has(k))).toStrictEqual([true, true, true, true, true]);
    // 领导小组 and 出生率 (derived, read by nothing) are the only ones not read; the category column is no indicator.
    expect(r.indicators.filter((i) => !all.has(i.key)).map((i) => i.name)).toStrictEqual(["领导小组", "出生率"]);
  });

  it("a declared category column is read; grades without a quota read nothing", () => {
    const d = rubricDoc(undefined, { ranking: { categoryColumn: "类别" }, outcomes: { grades: [{ min: 0, label: "合格" }] } });
    d.indicators = [...testIndicators(), { name: "类别", type: "number" }];
    expect([...readsOutsideItems(rubricOf(d))]).toStrictEqual(["类别"]);
    expect([...readsOutsideItems(rubricOf(rubricDoc()))]).toStrictEqual([]);
  });

  it("yardsticks: target and bound columns and 上年 figures, not the rule's own indicator", () => {
    const r = readsRubric();
    const rules = r.items[0]?.rules ?? [];
    expect(rules.map((rule) => [...ruleYardsticks(rule)].sort())).toStrictEqual([["目标列"], ["上年性别比", "上限", "前年性别比"].sort(), [], [], ["上年违法"], []]);
  });
});
