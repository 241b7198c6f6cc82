/**
 * The checker's findings beyond the schema, each with its exact code, path and params: reach (rules that
 * never deduct, vetoes that never or always fire), the clearer schema messages (check-schema.ts), rule
 * shapes, 以上/以下 wording, the schema's own refinements, the published JSON Schema and the rubric hash.
 * Rubrics are built inside each test (docs/mutation.md: no static mutants).
 */
import { compileRubric } from "../../src/core/rubric/compile";
import type { Issue } from "../../src/core/issue";
import { rubricJsonSchema } from "../../src/core/rubric/json-schema";
import { canonicalJson, rubricChange, rubricStamp, RUBRIC_PARTS, type RubricPart } from "../../src/core/rubric/hash";
import { rubricSchema } from "../../src/core/rubric/schema";
import { sha256Hex } from "../../src/core/rubric/sha256";
import { brief, compileErrors, rubricDoc, testIndicators } from "../helpers/rubric";

type Doc = Record<string, unknown>;

function warningsOf(d: unknown): Issue[] {
  const c = compileRubric(d);
  if (!c.ok) throw new Error(`expected no errors: ${JSON.stringify(c.issues)}`);
  return c.value.warnings;
}

describe("reach: a rule that can never cost a point", () => {
  it("shows an open end of the indicator's range as ∞ or −∞, and a finite one as the figure", () => {
    // A count is ≥ 0 with no top: a target of 0 (inclusive) is met by every value.
    const count = warningsOf(rubricDoc([{ type: "target", indicator: "违法生育数", target: 0, points: 1 }]));
    expect(brief(count)).toEqual([
      {
        code: "rubric.ruleNeverDeducts", severity: "warning", path: ["items", 0, "rules", 0],
        params: { item: "甲项", path: "items.0.rules.0", bonus: 0, why: "unreachable", indicator: "违法生育数", min: 0, max: "∞", target: 0 },
      },
    ]);
    // A number with only a top (max 50) reaches down to −∞; "at most 50" is then always met.
    const capped = rubricDoc([{ type: "target", indicator: "上限数", target: 50, direction: "atMost", points: 1 }]);
    capped.indicators = [...testIndicators(), { name: "上限数", type: "number", max: 50 }];
    expect(warningsOf(capped).map((w) => w.params)).toEqual([
      { item: "甲项", path: "items.0.rules.0", bonus: 0, why: "unreachable", indicator: "上限数", min: "−∞", max: 50, target: 50 },
    ]);
  });

  it("judges each direction with and without the figure itself", () => {
    const floor = (target: number, inclusive: boolean) => {
      const d = rubricDoc([{ type: "target", indicator: "基数", target, inclusive, points: 1 }]);
      d.indicators = [...testIndicators(), { name: "基数", type: "number", min: 10 }];
      return warningsOf(d).map((w) => w.params.target);
    };
    // Values are ≥ 10: "above 5" (exclusive) and "at least 10" always hold; "above 10" does not.
    expect(floor(5, false)).toEqual([5]);
    expect(floor(10, true)).toEqual([10]);
    expect(floor(10, false)).toEqual([]);
    expect(floor(11, true)).toEqual([]);
    const ceiling = (target: number, inclusive: boolean) =>
      warningsOf(rubricDoc([{ type: "target", indicator: "计划生育率", target, direction: "atMost", inclusive, points: 1 }])).map((w) => w.params.target);
    // A percent is ≤ 100: "below 101" always holds, "below 100" and "at most 50" do not.
    expect(ceiling(101, false)).toEqual([101]);
    expect(ceiling(100, false)).toEqual([]);
    expect(ceiling(100, true)).toEqual([100]);
    expect(ceiling(50, true)).toEqual([]);
  });

  it("judges a range against both of the indicator's bounds, the bounds themselves included", () => {
    const range = (min: unknown, max: unknown) => {
      const d = rubricDoc([{ type: "range", indicator: "性别比", min, max, points: 5 }]);
      d.indicators = [...testIndicators(), { name: "性别比", type: "number", min: 90, max: 120 }];
      return warningsOf(d).map((w) => [w.params.why, w.params.target]);
    };
    expect(range(80, 130)).toEqual([["unreachable", "80–130"]]);
    expect(range(90, 120)).toEqual([["unreachable", "90–120"]]);
    expect(range(95, 130)).toEqual([]);
    expect(range(80, 110)).toEqual([]);
    expect(range(91, 119)).toEqual([]);
  });

  it("does not judge a target or a range read from a column, nor a target rule a range would cover", () => {
    const d = rubricDoc([
      { type: "target", indicator: "计划生育率", target: { column: "目标" }, points: 1 },
      { type: "range", indicator: "计划生育率", min: { column: "目标" }, max: 100, points: 1 },
      { type: "range", indicator: "计划生育率", min: 0, max: { column: "目标" }, points: 1 },
    ]);
    d.indicators = [...testIndicators(), { name: "目标", type: "percent" }];
    expect(warningsOf(d)).toEqual([]);
  });

  it("does not judge a yes/no indicator's range even with bounds, nor 民主测评 (no single indicator)", () => {
    const d = rubricDoc([
      { type: "target", indicator: "是否", target: 0, points: 1 },
      { type: "raters", indicators: ["评1", "评2", "评3"], outOf: 100 },
    ]);
    d.indicators = [...testIndicators(), { name: "是否", type: "boolean", min: 0, max: 1 }, ...["评1", "评2", "评3"].map((name) => ({ name, type: "number", min: 0, max: 100 }))];
    expect(warningsOf(d)).toEqual([]);
  });

  it("a formula rule: only a constant of 0 or less never deducts; one that reads a column is not judged", () => {
    const formula = (points: string) => warningsOf(rubricDoc([{ type: "formula", points, reason: "r" }]));
    expect(formula("2")).toEqual([]);
    expect(formula("违法生育数 * 0.5")).toEqual([]);
    // Reads a column though this IF never evaluates it: not a constant.
    expect(formula("IF(1 > 2, 违法生育数, 0)")).toEqual([]);
    expect(brief(formula("0 - 1"))).toEqual([
      {
        code: "rubric.ruleNeverDeducts", severity: "warning", path: ["items", 0, "rules", 0],
        params: { item: "甲项", path: "items.0.rules.0", bonus: 0, why: "constant", formula: "0 - 1", value: -1 },
      },
    ]);
  });

  it("a rule worth 0 points in an attainment rubric reports a miss, so it is no warning there", () => {
    const att = { ...rubricDoc(), mode: "attainment", items: [{ name: "甲项", rules: [{ type: "perCount", indicator: "违法生育数", points: 0 }] }] };
    expect(warningsOf(att)).toEqual([]);
    const pts = rubricDoc([{ type: "perCount", indicator: "违法生育数", points: 0 }]);
    expect(warningsOf(pts).map((w) => w.params.why)).toEqual(["zeroPoints"]);
  });

  it("names a rule of an item in a section by its section's path, and a bonus item as such", () => {
    const d = rubricDoc();
    delete d.items;
    d.sections = [
      { name: "一", items: [{ name: "甲项", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }] },
      {
        name: "二",
        items: [
          { name: "乙项", max: 5, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
          { name: "加分", max: 2, bonus: true, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }, { type: "check", indicator: "领导小组", when: true, points: 0 }] },
        ],
      },
    ];
    expect(brief(warningsOf(d))).toEqual([
      { code: "rubric.ruleNeverDeducts", severity: "warning", path: ["sections", 1, "items", 1, "rules", 1], params: { item: "加分", path: "sections.1.items.1.rules.1", bonus: 1, why: "zeroPoints" } },
    ]);
  });
});

describe("reach: vetoes", () => {
  it("a total line below 0 including the figure still never fires", () => {
    expect(brief(warningsOf(rubricDoc(undefined, { vetoes: [{ type: "totalBelow", value: -1, inclusive: true }] })))).toEqual([
      { code: "rubric.vetoNeverFires", severity: "warning", path: ["vetoes", 0], params: { path: "vetoes.0", why: "belowZero", value: -1, inclusive: 1 } },
    ]);
  });

  it("a 否决 on missed targets is never judged constant", () => {
    expect(warningsOf(rubricDoc(undefined, { vetoes: [{ type: "anyMissed" }, { type: "fact", when: "违法生育数 > 0", reason: "违法" }] }))).toEqual([]);
  });
});

describe("clearer schema messages", () => {
  it("a range's lower bound written as text, and a target written as yes/no", () => {
    const min = compileErrors(rubricDoc([{ type: "range", indicator: "计划生育率", min: "八十", max: 90, points: 1 }]));
    expect(brief(min)).toEqual([
      { code: "rubric.notNumber", severity: "error", path: ["items", 0, "rules", 0, "min"], params: { value: "八十", key: "min", path: "items.0.rules.0.min" } },
    ]);
    const yes = compileErrors(rubricDoc([{ type: "target", indicator: "计划生育率", target: true, points: 1 }]));
    expect(brief(yes)).toEqual([
      { code: "rubric.notNumber", severity: "error", path: ["items", 0, "rules", 0, "target"], params: { value: "true", key: "target", path: "items.0.rules.0.target" } },
    ]);
  });

  it("keeps the generic message for text outside a target, a target that is an unknown object, and text where a plain number belongs", () => {
    // A veto's grade written as text: a failed union, but not a target.
    const grade = compileErrors(rubricDoc(undefined, { vetoes: [{ type: "totalBelow", value: 60, grade: "不合格" }] }));
    expect(brief(grade)).toEqual([
      { code: "rubric.schema", severity: "error", path: ["vetoes", 0, "grade"], params: { path: "vetoes.0.grade", kind: "invalid_union", detail: "Invalid input" } },
    ]);
    const obj = compileErrors(rubricDoc([{ type: "target", indicator: "计划生育率", target: { col: "目标" }, points: 1 }]));
    expect(obj.map((i) => [i.code, i.params.path])).toEqual([["rubric.schema", "items.0.rules.0.target"]]);
    // An indicator's min is a plain number, not a union: text there is an ordinary type error.
    const bound = compileErrors({ ...rubricDoc(), indicators: [{ name: "计划生育率", type: "percent", min: "0" }] });
    expect(brief(bound)).toEqual([
      {
        code: "rubric.schema", severity: "error", path: ["indicators", 0, "min"],
        params: { path: "indicators.0.min", kind: "invalid_type", detail: "Invalid input: expected number, received string", expected: "number" },
      },
    ]);
  });

  it("a rule without a type is an unknown rule type with an empty name", () => {
    const e = compileErrors(rubricDoc([{ indicator: "计划生育率", target: 88 }]));
    expect(e.map((i) => [i.code, i.path, i.params.path, "type" in i.params && i.params.type])).toEqual([["rubric.unknownRuleType", ["items", 0, "rules", 0, "type"], "items.0.rules.0.type", ""]]);
  });
});

describe("rule shapes", () => {
  it("功效系数法: a base equal to the full marks is allowed, above it is not; equal bounds name the 不允许值", () => {
    const efficacy = (more: Doc) => rubricDoc([{ type: "efficacy", indicator: "计划生育率", satisfactory: 95, unacceptable: 60, base: 6, ...more }]);
    expect(warningsOf(efficacy({ base: 10 }))).toEqual([]);
    expect(brief(compileErrors(efficacy({ base: 10.5 })))).toEqual([
      { code: "rubric.ruleShape", severity: "error", path: ["items", 0, "rules", 0, "base"], params: { problem: "baseAboveFull", path: "items.0.rules.0.base", base: 10.5, full: 10 } },
    ]);
    expect(brief(compileErrors(efficacy({ unacceptable: 95 })))).toEqual([
      { code: "rubric.ruleShape", severity: "error", path: ["items", 0, "rules", 0, "unacceptable"], params: { problem: "sameBounds", path: "items.0.rules.0.unacceptable", value: 95 } },
    ]);
  });
});

describe("以上/以下 wording", () => {
  it("an exclusive atMost target in a section's item whose description says 以下", () => {
    const d = rubricDoc();
    delete d.items;
    d.sections = [
      { name: "一", items: [{ name: "甲项", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }] },
      { name: "二", items: [{ name: "出生率", max: 5, description: "出生率11‰以下", rules: [{ type: "target", indicator: "出生率", target: 11, direction: "atMost", inclusive: false, points: 1 }] }] },
    ];
    d.indicators = [...testIndicators(), { name: "出生率", type: "permille" }];
    expect(brief(warningsOf(d))).toEqual([
      { code: "rubric.exclusiveWording", severity: "warning", path: ["sections", 1, "items", 0, "rules", 0], params: { figure: 11, word: "以下", path: "sections.1.items.0.rules.0" } },
    ]);
    // The same rule where the text says 以上 (the other word) is no finding.
    const items = d.sections as Doc[];
    ((items[1] as { items: Doc[] }).items[0] as Doc).description = "出生率11‰以上";
    expect(warningsOf(d)).toEqual([]);
  });

  it("a fact veto is no comparison, whatever the description says", () => {
    expect(warningsOf(rubricDoc(undefined, { description: "0分以下否决", vetoes: [{ type: "fact", when: "违法生育数 > 0", reason: "违法" }, { type: "anyMissed" }] }))).toEqual([]);
  });
});

describe("the schema's own rules", () => {
  it("a name of spaces only is empty; a name longer than 100 is too long (each with its limit)", () => {
    const empty = compileErrors({ ...rubricDoc(), indicators: [{ name: "   ", type: "percent" }] });
    expect(brief(empty)[0]).toEqual({
      code: "rubric.schema", severity: "error", path: ["indicators", 0, "name"],
      params: { path: "indicators.0.name", kind: "too_small", detail: expect.any(String), limit: "1" },
    });
    const long = compileErrors({ ...rubricDoc(), indicators: [{ name: "长".repeat(101), type: "percent" }] });
    expect(brief(long)[0]).toEqual({
      code: "rubric.schema", severity: "error", path: ["indicators", 0, "name"],
      params: { path: "indicators.0.name", kind: "too_big", detail: expect.any(String), limit: "100" },
    });
  });

  it("an indicator's min may equal its max but not exceed it", () => {
    const d = rubricDoc([{ type: "target", indicator: "定值", target: 5, points: 1 }]);
    d.indicators = [...testIndicators(), { name: "定值", type: "number", min: 5, max: 5 }];
    expect(compileRubric(d).ok).toBe(true);
    d.indicators = [...testIndicators(), { name: "定值", type: "number", min: 6, max: 5 }];
    expect(brief(compileErrors(d))).toEqual([
      { code: "rubric.schema", severity: "error", path: ["indicators", 3, "min"], params: { path: "indicators.3.min", kind: "custom", detail: "min must not exceed max" } },
    ]);
  });

  it("an id outside the allowed letters says which are allowed; a rubric with no items says it needs some", () => {
    expect(brief(compileErrors({ ...rubricDoc(), id: "Bad ID" }))).toEqual([
      { code: "rubric.schema", severity: "error", path: ["id"], params: { path: "id", kind: "invalid_format", detail: "lowercase letters, digits, . _ -" } },
    ]);
    expect(brief(compileErrors({ ...rubricDoc(), items: [] }))).toEqual([
      { code: "rubric.schema", severity: "error", path: ["items"], params: { path: "items", kind: "custom", detail: "a rubric needs `items` or `sections`" } },
    ]);
  });
});

describe("the published JSON Schema", () => {
  it("starts with $schema, title and description, and carries the schema once", () => {
    const s = rubricJsonSchema();
    expect(Object.keys(s).slice(0, 3)).toEqual(["$schema", "title", "description"]);
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s.description).toMatch(/^A Kaohe rubric/);
    // The generated schema follows: the rubric object with its required keys.
    expect([s.type, s.required]).toEqual(["object", ["id", "name", "version", "indicators"]]);
  });
});

describe("the rubric hash", () => {
  it("writes an undefined array element as null", () => {
    expect(canonicalJson([1, undefined, "a"])).toBe('[1,null,"a"]');
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("sorts many keys (a unit-target table of a whole county) into one order, whatever order they came in", () => {
    const keys = Array.from({ length: 200 }, (_, i) => `单位${String(i).padStart(3, "0")}`);
    // A fixed shuffle: runs up and down, so the sort merges and gallops rather than only inserting.
    const shuffled = keys.map((k, i) => [k, (i * 7919) % 200] as const).sort((a, b) => a[1] - b[1]).map(([k]) => k);
    const text = canonicalJson(Object.fromEntries(shuffled.map((k) => [k, 1])));
    expect(text).toBe(`{${keys.map((k) => `"${k}":1`).join(",")}}`);
    expect(canonicalJson(Object.fromEntries([...keys].reverse().map((k) => [k, 1])))).toBe(text);
  });

  it("an item's hash is the first 16 hex digits of its canonical form with its section", () => {
    const parsed = rubricSchema.parse(rubricDoc());
    const stamp = rubricStamp(parsed);
    const item = parsed.items?.[0];
    expect(stamp.items).toEqual([["甲项", sha256Hex(canonicalJson({ section: "", item })).slice(0, 16)]]);
  });

  it("lists a rubric written in sections by its items alone", () => {
    const d = rubricDoc();
    delete d.items;
    d.sections = [{ name: "一", items: [{ name: "甲项", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }] }];
    expect(rubricStamp(rubricSchema.parse(d)).items.map(([name]) => name)).toEqual(["甲项"]);
  });

  it("names each part that changed, alone", () => {
    const before = rubricStamp(rubricSchema.parse(rubricDoc()));
    const changes: [RubricPart, Doc][] = [
      ["indicators", { indicators: [...testIndicators(), { name: "新指标", type: "count" }] }],
      ["composites", { composites: [{ name: "综合", parts: [{ total: true, weight: 1 }] }] }],
      ["unitTargets", { unitTargets: { 甲村: { 目标: 1 } } }],
      ["description", { description: "新的说明" }],
      ["vetoes", { vetoes: [{ type: "anyMissed" }] }],
      ["settings", { maxTotal: 10 }],
      ["outcomes", { outcomes: { commendation: { top: 1 } } }],
    ];
    for (const [part, more] of changes) {
      const after = rubricStamp(rubricSchema.parse(rubricDoc(undefined, more)));
      expect([part, rubricChange(before, after)?.parts]).toEqual([part, [part]]);
    }
    expect([...RUBRIC_PARTS].sort()).toEqual(changes.map(([p]) => p).sort());
  });

  it("no unit targets and an empty table are the same part", () => {
    const none = rubricStamp(rubricSchema.parse(rubricDoc()));
    const empty = rubricStamp(rubricSchema.parse(rubricDoc(undefined, { unitTargets: {} })));
    expect(empty.parts.unitTargets).toBe(none.parts.unitTargets);
  });

  it("an earlier record without parts, or with only some, says only what it can", () => {
    const before = rubricStamp(rubricSchema.parse(rubricDoc()));
    const after = rubricStamp(rubricSchema.parse(rubricDoc(undefined, { description: "改", vetoes: [{ type: "anyMissed" }] })));
    const noParts = rubricChange({ id: before.id, version: before.version, hash: before.hash, items: before.items }, after);
    expect(noParts).toMatchObject({ detailsUnknown: true, parts: [], changed: [] });
    // An older record that hashed only the vetoes: the description's change cannot be told.
    const some = rubricChange({ ...before, parts: { vetoes: before.parts.vetoes } }, after);
    expect(some).toMatchObject({ detailsUnknown: false, parts: ["vetoes"] });
  });
});
