/** Numeric safety in formulas and rubrics (issue 11): overflow, precision, vetoes, derivations, weights. */
import type { Rubric } from "../../src/core/rubric/model";
import { compileFormula, evaluate } from "../../src/core/formula";
import { compileRubric } from "../../src/core/rubric/compile";
import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";
import { catalog, formatIssue } from "../../src/i18n";

const base = { id: "t", name: "测试", version: "1" };
const codes = (doc: Record<string, unknown>) => {
  const c = compileRubric({ ...base, ...doc });
  return c.ok ? [] : c.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.params.reason ?? i.params.kind ?? ""]);
};

describe("formulas name overflow and precision errors as what they are", () => {
  it("points: 1e999 is refused by the checker as an overflow, not 'division by zero'", () => {
    const doc = { indicators: [{ name: "x", type: "number" }], items: [{ name: "i", max: 10, rules: [{ type: "formula", points: "1e999", reason: "r" }] }] };
    expect(codes(doc)).toEqual([["rubric.formula", "overflow"]]);
    const c = compileRubric({ ...base, ...doc });
    if (!c.ok) expect(formatIssue(c.issues[0]!, catalog("en-US"))).toMatch(/numeric overflow/);
  });

  it("ROUND(1.5, 400) is refused by the checker as a precision error", () => {
    expect(compileFormula("ROUND(1.5, 400)")).toMatchObject({ ok: false, error: { code: "precision" } });
    expect(compileFormula("ROUND(1.5, -16)")).toMatchObject({ ok: false, error: { code: "precision" } });
    expect(compileFormula("ROUND(1.25, 1)")).toMatchObject({ ok: true });
  });

  it("the evaluator names a runtime overflow and an out-of-range ROUND", () => {
    const big = compileFormula("x * x");
    const round = compileFormula("ROUND(1.5, x)");
    if (!big.ok || !round.ok) throw new Error("does not compile");
    expect(evaluate(big.value, () => 1e200)).toEqual({ ok: false, error: { code: "overflow", detail: "*" } });
    expect(evaluate(round.value, () => 400)).toMatchObject({ ok: false, error: { code: "precision" } });
    expect(evaluate(round.value, () => 0)).toEqual({ ok: true, value: 2 });
  });
});

describe("a veto whose condition cannot be evaluated", () => {
  let r: Rubric;
  // Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
  beforeEach(() => (r = rubricOf({
    indicators: [{ name: "案件数", type: "count" }, { name: "人口", type: "count" }],
    items: [{ name: "i", max: 10, rules: [{ type: "perCount", indicator: "案件数", points: 1 }] }],
    vetoes: [{ type: "fact", when: "案件数 / 人口 > 0.01", reason: "案件率过高" }],
  })));

  it("division by zero is a problem for that unit, never 'no veto'", () => {
    const a = assessed(grid([["单位", "案件数", "人口"], ["甲", 3, 0], ["乙", 0, 100], ["丙", 5, 100]]), r);
    expect(unit(a, "甲").status).toBe("incomplete");
    expect(unit(a, "甲").total).toBeNull();
    expect(a.problems).toContainEqual(expect.objectContaining({ code: "veto.notEvaluated", unit: "甲", cell: "A2", params: { reason: "案件率过高", formula: "案件数 / 人口 > 0.01", error: "divideByZero" } }));
    expect(unit(a, "乙").status).toBe("scored");
    expect(unit(a, "丙").status).toBe("vetoed");
    const msg = formatIssue(a.problems.find((p) => p.code === "veto.notEvaluated")!, catalog("zh-CN"));
    expect(msg).toContain("除数为零");
  });
});

describe("derivations found circular or chained by the checker", () => {
  const items = [{ name: "i", max: 10, rules: [{ type: "target", indicator: "a", target: 1, points: 1 }] }];
  it("self-reference", () => {
    expect(codes({ indicators: [{ name: "a", type: "number", derive: "a + 1" }], items })).toEqual([["rubric.cycle", ""]]);
  });
  it("a circle of two", () => {
    const c = compileRubric({ ...base, indicators: [{ name: "a", type: "number", derive: "b + 1" }, { name: "b", type: "number", derive: "a * 2" }], items });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.issues.map((i) => i.params.chain)).toEqual(["a → b → a", "b → a → b"]);
  });
  it("a chain (derived from a derived indicator)", () => {
    const c = compileRubric({ ...base, indicators: [{ name: "a", type: "number", derive: "b + 1" }, { name: "b", type: "number", derive: "c * 2" }, { name: "c", type: "number" }], items });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.issues.map((i) => [i.code, i.params.chain])).toEqual([["rubric.cycle", "a → b"]]);
  });
});

describe("composite weights", () => {
  const doc = (weights: number[]) => ({
    indicators: [{ name: "x", type: "number" }],
    items: [{ name: "i", max: 10, rules: [{ type: "target", indicator: "x", target: 1, points: 1 }] }],
    composites: [{ name: "综合", parts: weights.map((w, i) => (i === 0 ? { total: true, weight: w } : { indicator: "x", weight: w })) }],
  });
  it("weights that do not add up to 1 are an error", () => {
    expect(codes(doc([0.3, 0.6]))).toEqual([["rubric.weights", "sum"]]);
    expect(codes(doc([1e300, 1e300]))).toEqual([["rubric.weights", "sum"]]);
  });
  it("zero or negative weights are an error", () => {
    expect(codes(doc([1.5, -0.5]))).toEqual([["rubric.weights", "weight"]]);
  });
  it("0.1 + 0.2 + 0.7 adds up to 1 within 1e-9", () => {
    expect(codes(doc([0.1, 0.2, 0.7]))).toEqual([]);
    expect(codes(doc([0.3, 0.7]))).toEqual([]);
  });
});
