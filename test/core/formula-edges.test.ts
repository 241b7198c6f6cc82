/**
 * Formula edges a mutation run found loose (core/formula.ts): what an overflow names, ROUND's digits
 * known when compiling or only when evaluating, bracketed names beside look-alike identifiers, and an
 * error that is not the formula's own passing through.
 */
import { compileFormula, evaluate } from "../../src/core/formula";

function compiled(src: string) {
  const c = compileFormula(src);
  if (!c.ok) throw new Error(`${src}: ${c.error.code} ${c.error.detail}`);
  return c.value;
}
const run = (src: string, vars: Record<string, number> = {}) => evaluate(compiled(src), (n) => vars[n]);

describe("formula edges", () => {
  it("an overflow names the operation that overflowed", () => {
    expect(run("1e308 + 1e308")).toEqual({ ok: false, error: { code: "overflow", detail: "+" } });
    expect(run("-1e308 - 1e308")).toEqual({ ok: false, error: { code: "overflow", detail: "-" } });
    expect(run("1e308 / 1e-308")).toEqual({ ok: false, error: { code: "overflow", detail: "/" } });
    expect(run("ROUND(1e308, 5)")).toEqual({ ok: false, error: { code: "overflow", detail: "ROUND" } });
  });

  it("ROUND's digits: a constant out of range is refused when compiling, a cell's when evaluating", () => {
    expect(compileFormula("ROUND(1, -30)")).toEqual({ ok: false, error: { code: "precision", detail: "ROUND(…, -30)" } });
    expect(run("ROUND(1, x)", { x: 20 })).toEqual({ ok: false, error: { code: "precision", detail: "ROUND(…, 20)" } });
    // Not constants when compiling, fine when evaluated: a negated cell, a unary plus, TRUE (1).
    expect(run("ROUND(1234.5, -a)", { a: 2 })).toEqual({ ok: true, value: 1200 });
    expect(run("ROUND(2.345, TRUE)")).toEqual({ ok: true, value: 2.3 });
    expect(run("ROUND(1, +30)")).toEqual({ ok: false, error: { code: "precision", detail: "ROUND(…, 30)" } });
  });

  it("bracketed names are placeholders only by their exact form; identifiers that look like one are names", () => {
    expect(compiled("[甲] + x__ref0 + __ref0x").names).toEqual(["甲", "x__ref0", "__ref0x"]);
    expect(compiled("__ref1 + [甲]").names).toEqual(["__ref1", "甲"]);
    const eleven = Array.from({ length: 11 }, (_, i) => `[指标${i}]`).join(" + ");
    expect(compiled(eleven).names).toEqual(Array.from({ length: 11 }, (_, i) => `指标${i}`));
    expect(run(eleven, Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`指标${i}`, i])))).toEqual({ ok: true, value: 55 });
  });

  it("a value that is not finite (a cell read as 1e999) is an overflow of the whole formula", () => {
    expect(run("ABS(x)", { x: Infinity })).toEqual({ ok: false, error: { code: "overflow", detail: "ABS(x)" } });
    expect(run("IF(y > 0, x, 0)", { x: -Infinity, y: 1 })).toEqual({ ok: false, error: { code: "overflow", detail: "IF(y > 0, x, 0)" } });
  });

  it("an error that is not the formula's (a failing lookup) is not turned into a formula result", () => {
    const f = compiled("a + 1");
    expect(() => evaluate(f, () => { throw new RangeError("lookup broke"); })).toThrow("lookup broke");
  });
});
