import { compileRubric } from "../../src/core/rubric/compile";
import { builtinRubrics } from "../../src/app/rubrics";
import { BUILTIN_IDS } from "../../src/rubrics";
import { catalog, formatIssue } from "../../src/i18n";

const ok = {
  id: "x",
  name: "细则",
  version: "1",
  indicators: [{ name: "计划生育率", type: "percent" }],
  items: [{ name: "计划生育率", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }],
};

function errors(doc: unknown) {
  const c = compileRubric(doc);
  return c.ok ? [] : c.issues.filter((i) => i.severity === "error");
}

describe("rubric checker", () => {
  it("compiles the four built-ins with their ids", () => {
    expect(builtinRubrics().map((c) => c.rubric.id)).toEqual([...BUILTIN_IDS]);
    for (const c of builtinRubrics()) expect(c.rubric.items.length).toBeGreaterThan(0);
  });

  it("warns that village-2006 第四条's sub-items add up to 7 while the article is worth 5", () => {
    const v = builtinRubrics().find((c) => c.rubric.id === "village-2006");
    expect(v?.warnings).toEqual([expect.objectContaining({ code: "rubric.partsExceedMax", severity: "warning", params: expect.objectContaining({ item: "第四条", parts: 7, max: 5 }) })]);
  });

  it("keeps community-2009 at 100 points and village-2006 at 100", () => {
    for (const id of ["community-2009", "village-2006"]) {
      const r = builtinRubrics().find((c) => c.rubric.id === id)?.rubric;
      expect(r?.items.reduce((s, i) => s + (i.max ?? 0), 0)).toBe(100);
    }
  });

  it("reports schema errors with their path", () => {
    const e = errors({ ...ok, items: [{ ...ok.items[0], rules: [{ type: "target", indicator: "计划生育率", target: "88", points: 1 }] }] });
    // A target written as text has its own message (check-schema.ts).
    expect(e[0]).toMatchObject({ code: "rubric.notNumber", path: ["items", 0, "rules", 0, "target"] });
    const typo = errors({ ...ok, itemz: [] });
    expect(typo[0]).toMatchObject({ code: "rubric.schema", params: expect.objectContaining({ kind: "unrecognized_keys", keys: "itemz" }) });
    expect(errors({ ...ok, items: [{ ...ok.items[0], rules: [{ type: "guess", indicator: "计划生育率" }] }] })[0]?.path).toEqual(["items", 0, "rules", 0, "type"]);
  });

  it("reports undeclared indicators, bad formulas, duplicates and missing points", () => {
    expect(errors({ ...ok, items: [{ name: "a", max: 1, rules: [{ type: "perCount", indicator: "没有", points: 1 }] }] })[0]).toMatchObject({
      code: "rubric.unknownIndicator",
      path: ["items", 0, "rules", 0, "indicator"],
    });
    expect(errors({ ...ok, vetoes: [{ type: "fact", when: "计划生育率 >", reason: "r" }] })[0]?.code).toBe("rubric.formula");
    expect(errors({ ...ok, vetoes: [{ type: "fact", when: "foo.bar > 1", reason: "r" }] })[0]?.code).toBe("rubric.formula");
    expect(errors({ ...ok, items: [ok.items[0], ok.items[0]] })[0]?.code).toBe("rubric.duplicateName");
    expect(errors({ ...ok, items: [{ name: "a", max: 1, rules: [{ type: "target", indicator: "计划生育率", target: 1 }] }] })[0]).toMatchObject({ path: ["items", 0, "rules", 0, "points"] });
    expect(errors({ ...ok, items: [{ name: "a", rules: ok.items[0]?.rules }] })[0]).toMatchObject({ path: ["items", 0, "max"] });
  });

  it("warns when a description says 以下/以上 and the comparison leaves the figure out", () => {
    const warnings = (doc: Record<string, unknown>) => {
      const c = compileRubric({ ...ok, ...doc });
      if (!c.ok) throw new Error(JSON.stringify(c.issues));
      return c.value.warnings.filter((w) => w.code === "rubric.exclusiveWording").map((w) => [w.params.figure, w.params.word, w.path?.join(".")]);
    };
    const description = "综合考核评分在80分以下的实行一票否决；排位倒数三位且总分在85分以下的为后进单位";
    const vetoes = [{ type: "totalBelow", value: 80 }];
    expect(warnings({ description, vetoes, outcomes: { laggard: { bottom: 3, below: 85 } } })).toEqual([
      [80, "以下", "vetoes.0"],
      [85, "以下", "outcomes.laggard"],
    ]);
    expect(warnings({ description, vetoes: [{ ...vetoes[0], inclusive: true }], outcomes: { laggard: { bottom: 3, below: 85, inclusive: true } } })).toEqual([]);
    // Exclusive wording, or another figure, is not a contradiction.
    expect(warnings({ description: "综合考核评分不满80分的实行一票否决", vetoes })).toEqual([]);
    expect(warnings({ description: "70分以下一票否决", vetoes })).toEqual([]);
    // A target rule: the item's own description says 88%以上 but the rule needs more than 88.
    const item = { ...ok.items[0], description: "当年出生计划生育率达88%以上", rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1, inclusive: false }] };
    expect(warnings({ items: [item] })).toEqual([[88, "以上", "items.0.rules.0"]]);
  });

  it("keeps old rubrics' meaning: totalBelow and laggard exclusive, targets inclusive, unless told", () => {
    const c = compileRubric({ ...ok, vetoes: [{ type: "totalBelow", value: 80 }], outcomes: { laggard: { bottom: 3, below: 85 } } });
    if (!c.ok) throw new Error("does not compile");
    expect(c.value.rubric.vetoes[0]).toMatchObject({ type: "totalBelow", inclusive: false });
    expect(c.value.rubric.outcomes.laggard).toMatchObject({ inclusive: false });
    expect(c.value.rubric.items[0]?.rules[0]).toMatchObject({ type: "target", inclusive: true });
  });

  it("checks an indicator's own range", () => {
    expect(errors({ ...ok, indicators: [{ name: "计划生育率", type: "percent", min: 5, max: 1 }] })[0]).toMatchObject({ code: "rubric.schema", path: ["indicators", 0, "min"] });
    const c = compileRubric({ ...ok, indicators: [{ name: "计划生育率", type: "permille", min: -100 }] });
    expect(c.ok && c.value.rubric.indicators[0]?.bounds).toEqual({ min: -100 });
  });

  it("compiles the built-ins without wording warnings", () => {
    for (const c of builtinRubrics()) expect(c.warnings.filter((w) => w.code === "rubric.exclusiveWording")).toEqual([]);
  });

  it("warns when items do not add up to the stated full marks", () => {
    const c = compileRubric({ ...ok, maxTotal: 100 });
    expect(c.ok && c.value.warnings[0]?.code).toBe("rubric.totalMismatch");
  });
});

describe("rubric checker: rule shapes", () => {
  const rate = [{ name: "完成率", type: "percent" }, { name: "评委1", type: "number" }, { name: "评委2", type: "number" }];
  const withRule = (rule: Record<string, unknown>) => ({ ...ok, indicators: rate, items: [{ name: "项目", max: 10, rules: [rule] }] });
  const zh = catalog("zh-CN");
  const en = catalog("en-US");

  it("a band with both points and share, or neither, and a repeated lower bound", () => {
    const both = errors(withRule({ type: "bands", indicator: "完成率", bands: [{ min: 95, points: 10, share: 1 }, { min: 90 }] }));
    expect(both.map((i) => [i.code, i.params.problem, i.params.path])).toEqual([
      ["rubric.ruleShape", "bandPoints", "items.0.rules.0.bands.0.points"],
      ["rubric.ruleShape", "bandPoints", "items.0.rules.0.bands.1.points"],
    ]);
    expect(formatIssue(both[0]!, zh)).toBe("分档“95以上”应写得分或占满分的比例，二者只写一个（位置 items.0.rules.0.bands.0.points）");
    const dup = errors(withRule({ type: "bands", indicator: "完成率", bands: [{ min: 95, share: 1 }, { min: 95, share: 0.5 }] }));
    expect(formatIssue(dup[0]!, en)).toBe("the band lower bound 95 appears twice (at items.0.rules.0.bands.1.min)");
  });

  it("功效系数法 with 满意值 = 不允许值 or a 基础分 above the rule's full marks", () => {
    const same = errors(withRule({ type: "efficacy", indicator: "完成率", satisfactory: 80, unacceptable: 80, base: 6 }));
    expect(same.map((i) => i.params.problem)).toEqual(["sameBounds"]);
    const base = errors(withRule({ type: "efficacy", indicator: "完成率", satisfactory: "best", unacceptable: 60, base: 6, points: 5 }));
    expect(formatIssue(base[0]!, zh)).toBe("功效系数法的基础分 6 分超过满分 5 分（位置 items.0.rules.0.base）");
    expect(errors(withRule({ type: "efficacy", indicator: "完成率", satisfactory: "best", unacceptable: "worst", base: 6 }))).toEqual([]);
  });

  it("民主测评 with too few raters for what it drops, or a rater not declared", () => {
    const few = errors(withRule({ type: "raters", indicators: ["评委1", "评委2"], outOf: 100 }));
    expect(formatIssue(few[0]!, en)).toBe("only 2 rater columns: dropping 1 highest and 1 lowest leaves none (at items.0.rules.0.indicators)");
    expect(errors(withRule({ type: "raters", indicators: ["评委1", "评委2"], outOf: 100, drop: 0 }))).toEqual([]);
    const unknown = errors(withRule({ type: "raters", indicators: ["评委1", "评委3"], outOf: 100, drop: 0 }));
    expect(unknown.map((i) => [i.code, i.params.path])).toEqual([["rubric.unknownIndicator", "items.0.rules.0.indicators.1"]]);
  });
});
