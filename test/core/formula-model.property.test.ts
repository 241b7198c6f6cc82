/**
 * Formulas (derived indicators, veto conditions, formula rules) against a small reference evaluator:
 * random expression trees are written out in every spelling officials use (× ÷ ≤ ≥ ≠ <> =, 【】 names,
 * TRUE/FALSE, lower-case functions) and must evaluate to what the reference says, errors included.
 * A wrong operator, a lost short-circuit or an off-by-one in ROUND changes a score or a veto.
 */
import fc from "fast-check";
import { compileFormula, evaluate } from "../../src/core/formula";
import { normalizeName } from "../../src/core/text";

type Expr =
  | { k: "num"; v: number }
  | { k: "bool"; v: boolean }
  | { k: "name"; n: string }
  | { k: "un"; op: "-" | "+" | "!"; a: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr }
  | { k: "if"; c: Expr; t: Expr; e: Expr; ternary: boolean }
  | { k: "call"; fn: "MAX" | "MIN" | "ABS" | "ROUND" | "AND" | "OR" | "NOT"; args: Expr[] };

const NAMES: Record<string, number> = { 甲: 3, 乙: -2, "实际(元)": 0, 完成率: 88.5 };

class Fail extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
const tidy = (x: number) => Number(x.toPrecision(12));
const b2n = (b: boolean) => (b ? 1 : 0);
const fin = (x: number) => {
  if (!Number.isFinite(x)) throw new Fail("overflow");
  return x;
};

function ref(e: Expr): number {
  switch (e.k) {
    case "num": return e.v;
    case "bool": return b2n(e.v);
    case "name": return NAMES[e.n] as number;
    case "un": { const a = ref(e.a); return e.op === "-" ? -a : e.op === "!" ? b2n(a === 0) : a; }
    case "if": return ref(e.c) !== 0 ? ref(e.t) : ref(e.e);
    case "bin": {
      const l = ref(e.a);
      if (e.op === "&&") return b2n(l !== 0 && ref(e.b) !== 0);
      if (e.op === "||") return b2n(l !== 0 || ref(e.b) !== 0);
      const r = ref(e.b);
      switch (e.op) {
        case "+": return fin(l + r);
        case "-": return fin(l - r);
        case "*": return fin(l * r);
        case "/": if (r === 0) throw new Fail("divideByZero"); return fin(l / r);
        case "<": return b2n(tidy(l) < tidy(r));
        case ">": return b2n(tidy(l) > tidy(r));
        case "<=": return b2n(tidy(l) <= tidy(r));
        case ">=": return b2n(tidy(l) >= tidy(r));
        case "==": return b2n(tidy(l) === tidy(r));
        default: return b2n(tidy(l) !== tidy(r));
      }
    }
    case "call": {
      const v = (i: number) => ref(e.args[i] as Expr);
      switch (e.fn) {
        case "MAX": return Math.max(...e.args.map((_, i) => v(i)));
        case "MIN": return Math.min(...e.args.map((_, i) => v(i)));
        case "ABS": return Math.abs(v(0));
        case "NOT": return b2n(v(0) === 0);
        case "AND": { for (let i = 0; i < e.args.length; i++) if (v(i) === 0) return 0; return 1; }
        case "OR": { for (let i = 0; i < e.args.length; i++) if (v(i) !== 0) return 1; return 0; }
        case "ROUND": {
          const d = e.args.length > 1 ? v(1) : 0;
          if (!Number.isInteger(d) || Math.abs(d) > 15) throw new Fail("precision");
          const x = v(0);
          // Half away from zero, as Excel: ROUND(-2.5) = -3, ROUND(2.345, 2) = 2.35.
          return fin((Math.sign(x) * Math.round(tidy(Math.abs(x) * 10 ** d))) / 10 ** d);
        }
      }
    }
  }
}

/** The reference's answer: a number (tidied, as results are) or an error code. */
function expected(e: Expr): number | string {
  try {
    const v = ref(e);
    return Number.isFinite(v) ? tidy(v) : "overflow";
  } catch (err) {
    if (err instanceof Fail) return err.code;
    throw err;
  }
}

const SPELL: Record<string, string[]> = {
  "*": ["*", "×"], "/": ["/", "÷"], "<=": ["<=", "≤"], ">=": [">=", "≥"], "==": ["=", "=="], "!=": ["!=", "<>", "≠"],
  "+": ["+"], "-": ["-"], "<": ["<"], ">": [">"], "&&": ["&&"], "||": ["||"],
};

function write(e: Expr, pick: () => number): string {
  const choose = <T>(xs: T[]): T => xs[pick() % xs.length] as T;
  switch (e.k) {
    case "num": return e.v < 0 ? `(${e.v})` : String(e.v);
    case "bool": return choose([e.v ? "TRUE" : "FALSE", e.v ? "true" : "false"]);
    case "name": return /[()]/.test(e.n) ? choose([`[${e.n}]`, `【${e.n}】`]) : choose([e.n, `[${e.n}]`]);
    case "un": return `${e.op}(${write(e.a, pick)})`;
    case "bin": return `(${write(e.a, pick)} ${choose(SPELL[e.op] as string[])} ${write(e.b, pick)})`;
    case "if": return e.ternary ? `(${write(e.c, pick)} ? ${write(e.t, pick)} : ${write(e.e, pick)})` : `${choose(["IF", "if"])}(${write(e.c, pick)}, ${write(e.t, pick)}, ${write(e.e, pick)})`;
    case "call": return `${choose([e.fn, e.fn.toLowerCase()])}(${e.args.map((a) => write(a, pick)).join(", ")})`;
  }
}

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.constantFrom(0.5, 2.345, 88.5, 1e-7, 1e200)).map((v): Expr => ({ k: "num", v })) },
  { weight: 1, arbitrary: fc.boolean().map((v): Expr => ({ k: "bool", v })) },
  { weight: 3, arbitrary: fc.constantFrom(...Object.keys(NAMES)).map((n): Expr => ({ k: "name", n })) },
);

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ k: fc.constant("un" as const), op: fc.constantFrom("-" as const, "+" as const, "!" as const), a: tie("expr") }),
    fc.record({ k: fc.constant("bin" as const), op: fc.constantFrom(...Object.keys(SPELL)), a: tie("expr"), b: tie("expr") }),
    fc.record({ k: fc.constant("if" as const), c: tie("expr"), t: tie("expr"), e: tie("expr"), ternary: fc.boolean() }),
    fc.record({ k: fc.constant("call" as const), fn: fc.constantFrom("MAX" as const, "MIN" as const, "AND" as const, "OR" as const), args: fc.array(tie("expr"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ k: fc.constant("call" as const), fn: fc.constantFrom("ABS" as const, "NOT" as const), args: fc.tuple(tie("expr")).map((a) => [...a]) }),
    fc.record({ k: fc.constant("call" as const), fn: fc.constant("ROUND" as const), args: fc.tuple(tie("expr"), fc.integer({ min: -2, max: 3 }).map((v): Expr => ({ k: "num", v }))).map((a) => [...a]) }),
  ),
}));

const lookup = (name: string) => {
  for (const [k, v] of Object.entries(NAMES)) if (normalizeName(k) === name) return v;
  return undefined;
};

describe("formulas against a reference evaluator", () => {
  it("property: every spelling of every operator and function evaluates as the reference says", () => {
    fc.assert(
      fc.property(expr, fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (e, picks) => {
        let i = 0;
        const source = write(e, () => picks[i++ % picks.length] as number);
        const c = compileFormula(source);
        if (!c.ok) throw new Error(`${source} does not compile: ${c.error.code} ${c.error.detail}`);
        const r = evaluate(c.value, lookup);
        expect([source, r.ok ? r.value : r.error.code]).toEqual([source, expected(e)]);
      }),
      { numRuns: 1500 },
    );
  });

  it("names a formula reads are listed once each, normalised", () => {
    const c = compileFormula("[实际(元)] + 甲 * 甲 - 【实际(元)】");
    expect(c.ok && [...c.value.names].sort()).toEqual([normalizeName("实际(元)"), normalizeName("甲")].sort());
  });

  it("worked cases at the edges: ROUND halves away from zero, comparisons ignore binary noise", () => {
    const val = (s: string) => {
      const c = compileFormula(s);
      if (!c.ok) throw new Error(c.error.code);
      const r = evaluate(c.value, lookup);
      return r.ok ? r.value : r.error.code;
    };
    expect(val("ROUND(2.5)")).toBe(3);
    expect(val("ROUND(-2.5)")).toBe(-3);
    expect(val("ROUND(2.345, 2)")).toBe(2.35);
    expect(val("ROUND(1234, -2)")).toBe(1200);
    expect(val("0.1 + 0.2 = 0.3")).toBe(1);
    expect(val("57 / 100 * 100 >= 57")).toBe(1);
    expect(val("IF([实际(元)] = 0, 100, 甲 / [实际(元)])")).toBe(100);
    // Unbracketed, a name with brackets reads as a call: refused, not guessed.
    expect(compileFormula("实际(元) = 0")).toMatchObject({ ok: false, error: { code: "unknownFunction" } });
    expect(val("甲 / [实际(元)]")).toBe("divideByZero");
    expect(val("1e200 * 1e200")).toBe("overflow");
    // Digits known when the rubric is read are refused then; digits from a unit's values, when evaluated.
    expect(compileFormula("ROUND(甲, 16)")).toMatchObject({ ok: false, error: { code: "precision" } });
    expect(compileFormula("ROUND(甲, -16)")).toMatchObject({ ok: false, error: { code: "precision" } });
    expect(val("ROUND(甲, 甲 * 6)")).toBe("precision");
    expect(val("ROUND(完成率, 甲 * 5)")).toBe(88.5);
  });
});
