import fc from "fast-check";
import { compileFormula, evaluate } from "../../src/core/formula";

function run(src: string, vars: Record<string, number> = {}) {
  const c = compileFormula(src);
  if (!c.ok) throw new Error(`${src}: ${c.error.code} ${c.error.detail}`);
  return evaluate(c.value, (n) => vars[n]);
}

describe("formula evaluator", () => {
  it("computes the community-2009 policy rate, 100 when nothing was due", () => {
    const f = "IF([违法生育人数] × [最低征收标准(元)] = 0, 100, [实际上缴金额(元)] ÷ ([违法生育人数] × [最低征收标准]) × 100)";
    expect(run(f, { 违法生育人数: 3, 最低征收标准: 20000, 实际上缴金额: 42000 })).toEqual({ ok: true, value: 70 });
    // IF is lazy: the division by zero in the other branch never runs.
    expect(run(f, { 违法生育人数: 0, 最低征收标准: 20000, 实际上缴金额: 0 })).toEqual({ ok: true, value: 100 });
  });

  it("supports comparisons, logic and the allowed functions", () => {
    expect(run("恶性案件数 > 0", { 恶性案件数: 1 })).toEqual({ ok: true, value: 1 });
    expect(run("a <> b", { a: 1, b: 1 })).toEqual({ ok: true, value: 0 });
    expect(run("a ≥ 2 && b ≤ 3", { a: 2, b: 3 })).toEqual({ ok: true, value: 1 });
    expect(run("AND(1, OR(0, NOT(0)))")).toEqual({ ok: true, value: 1 });
    expect(run("MAX(1, 5, 3) + MIN(4, 2) + ABS(-1)")).toEqual({ ok: true, value: 8 });
    expect(run("ROUND(2.345, 2)")).toEqual({ ok: true, value: 2.35 });
    expect(run("0.1 + 0.2")).toEqual({ ok: true, value: 0.3 });
    expect(run("x = TRUE", { x: 1 })).toEqual({ ok: true, value: 1 });
  });

  it("reports division by zero and unknown names as data", () => {
    expect(run("1 / x", { x: 0 })).toEqual({ ok: false, error: { code: "divideByZero", detail: "/" } });
    const r = run("缺失的列 + 1");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("unknownName");
  });

  it.each([
    ["constructor.constructor('alert(1)')()", "unknownFunction"],
    ["this", "notAllowed"],
    ["a.b", "notAllowed"],
    ["{ a: 1 }", "syntax"],
    ["x => 1", "syntax"],
    ["'text'", "notAllowed"],
    ["eval(1)", "unknownFunction"],
    ["Function('x')", "unknownFunction"],
    ["a = ", "syntax"],
    ["a ** 2", "notAllowed"],
    ["a | b", "notAllowed"],
    ["IF(1, 2)", "arity"],
  ])("refuses %s", (src, expected) => {
    const c = compileFormula(src);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error.code).toBe(expected);
  });

  it("evaluates every operator and function branch", () => {
    expect(run("a ? 2 : 3", { a: 0 })).toEqual({ ok: true, value: 3 });
    expect(run("a ? 2 : 3", { a: -1 })).toEqual({ ok: true, value: 2 });
    expect(run("!a + +b", { a: 0, b: 4 })).toEqual({ ok: true, value: 5 });
    expect(run("!a", { a: 2 })).toEqual({ ok: true, value: 0 });
    expect(run("a || b", { a: 0, b: 0 })).toEqual({ ok: true, value: 0 });
    expect(run("a || b", { a: 0, b: 3 })).toEqual({ ok: true, value: 1 });
    // && and || do not read their right side when the left decides.
    expect(run("a && 缺失", { a: 0 })).toEqual({ ok: true, value: 0 });
    expect(run("a || 缺失", { a: 1 })).toEqual({ ok: true, value: 1 });
    expect(["1 < 2", "2 < 1", "1 > 2", "2 > 1", "2 <= 2", "3 <= 2", "2 >= 2", "1 >= 2", "1 == 1", "1 != 1", "1 ≠ 2"].map((f) => run(f))).toEqual(
      [1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1].map((value) => ({ ok: true, value })),
    );
    expect(run("0.1 + 0.2 == 0.3")).toEqual({ ok: true, value: 1 });
    expect(run("7 - 10 / 4")).toEqual({ ok: true, value: 4.5 });
    expect(run("ROUND(-2.5)")).toEqual({ ok: true, value: -3 });
    expect(run("ROUND(1250, -2)")).toEqual({ ok: true, value: 1300 });
    expect(run("AND(1, 0)")).toEqual({ ok: true, value: 0 });
    expect(run("OR(0, 0)")).toEqual({ ok: true, value: 0 });
    expect(run("NOT(3)")).toEqual({ ok: true, value: 0 });
    expect(run("x = true", { x: 1 })).toEqual({ ok: true, value: 1 });
    expect(run("false + 2")).toEqual({ ok: true, value: 2 });
  });

  it.each([
    ["NOT(1, 2)", "arity", "NOT"],
    ["ABS()", "arity", "ABS"],
    ["MAX()", "arity", "MAX"],
    ["ROUND(1, 2, 3)", "arity", "ROUND"],
    ["Math.max(1)", "unknownFunction", "MemberExpression"],
    ["'text' + 1", "notAllowed", "'text'"],
    ["a ** 2", "notAllowed", "**"],
    ["~a", "notAllowed", "~"],
    ["a, b", "notAllowed", "Compound"],
    ["1e999", "overflow", "1e999"],
    ["ROUND(1, -(16))", "precision", "ROUND(…, -16)"],
  ])("refuses %s as %s (%s)", (src, code, detail) => {
    expect(compileFormula(src)).toEqual({ ok: false, error: { code, detail } });
  });

  it("reads [brackets] as a name, never as an array", () => {
    const c = compileFormula("[1, 2]");
    expect(c.ok && c.value.names).toEqual(["1,2"]);
  });

  it("lists the names a formula reads, normalised", () => {
    const c = compileFormula("[实际上缴金额(元)] / [ 违法生育人数 ]");
    expect(c.ok && c.value.names).toEqual(["实际上缴金额", "违法生育人数"]);
  });

  it("agrees with plain arithmetic on random integer expressions", () => {
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.integer({ min: -50, max: 50 }).map(String),
        fc.tuple(tie("e"), fc.constantFrom("+", "-", "*"), tie("e")).map(([a, op, b]) => `(${a} ${op} ${b})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (src) => {
        const js = src.replace(/--/g, "- -");
        // Reference value from integer arithmetic done by hand (no eval).
        const r = run(src);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value === reference(js)).toBe(true); // === so that -0 equals 0
      }),
      { numRuns: 300 },
    );
  });
});

/** A tiny independent evaluator of (a op b) integer expressions, for the property above. */
function reference(src: string): number {
  let i = 0;
  const s = src.replace(/\s+/g, "");
  function parse(): number {
    if (s[i] === "(") {
      i++;
      const a = parse();
      const op = s[i++];
      const b = parse();
      i++; // ")"
      return op === "+" ? a + b : op === "-" ? a - b : a * b;
    }
    const m = /^-?\d+/.exec(s.slice(i));
    if (!m) throw new Error(`bad ${s.slice(i)}`);
    i += m[0].length;
    return Number(m[0]);
  }
  return parse();
}
