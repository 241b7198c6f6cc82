/**
 * User-written formulas in rubrics (derived indicators, veto conditions). Workbooks and rubrics are
 * untrusted: jsep only parses; this file evaluates an allow-list of node types, operators and
 * functions. Nothing reaches eval/new Function, and there is no member access or call on values.
 *
 * Syntax: numbers, + - * / (also × ÷), comparisons (= == <> != < > <= >= ≤ ≥ ≠), && || !,
 * MAX MIN IF ROUND ABS AND OR NOT, and names: plain (违法生育人数) or in brackets ([实际上缴金额(元)]).
 */
import jsepModule from "jsep";
import { normalizeName } from "./text";

type Jsep = typeof jsepModule;
// The CJS build may arrive as a namespace object with a default export.
const jsep: Jsep = ((jsepModule as unknown as { default?: Jsep }).default ?? jsepModule) as Jsep;

export interface Formula {
  readonly source: string;
  readonly ast: unknown;
  /** Normalised names the formula reads. */
  readonly names: ReadonlyArray<string>;
}

export type FormulaError = {
  /** overflow: a number beyond ±1.8e308 (a literal like 1e999, or a result); precision: ROUND to more than 15 digits. */
  code: "syntax" | "notAllowed" | "unknownFunction" | "unknownName" | "divideByZero" | "arity" | "overflow" | "precision";
  detail: string;
};

/** ROUND's digits: Excel keeps 15 significant digits, so more (or fewer than -15) means nothing. */
const MAX_ROUND_DIGITS = 15;

export type Evaluated = { ok: true; value: number } | { ok: false; error: FormulaError };

const FUNCTIONS = new Set(["MAX", "MIN", "IF", "ROUND", "ABS", "AND", "OR", "NOT"]);
const BINARY = new Set(["+", "-", "*", "/", "<", ">", "<=", ">=", "==", "!=", "&&", "||"]);
const UNARY = new Set(["-", "+", "!"]);

interface Node {
  type: string;
  [key: string]: unknown;
}

class FormulaFailure extends Error {
  constructor(readonly info: FormulaError) {
    super(info.detail);
  }
}

/** Rewrite spreadsheet-style syntax into the subset jsep reads; bracketed names become placeholders. */
function preprocess(source: string): { text: string; refs: string[] } {
  const refs: string[] = [];
  let text = source
    .replace(/[[［【]([^\]］】]+)[\]］】]/gu, (_m, name: string) => {
      refs.push(name);
      return ` __ref${refs.length - 1} `;
    })
    .normalize("NFKC")
    .replace(/×/g, "*")
    .replace(/÷/g, "/")
    .replace(/≤/g, "<=")
    .replace(/≥/g, ">=")
    .replace(/≠/g, "!=")
    .replace(/<>/g, "!=");
  // A lone "=" is equality, as in Excel.
  text = text.replace(/(^|[^<>=!])=(?!=)/g, "$1==");
  return { text, refs };
}

function check(node: Node, refs: string[], names: Set<string>): Node {
  switch (node.type) {
    case "Literal":
      if (typeof node.value !== "number" && typeof node.value !== "boolean") {
        throw new FormulaFailure({ code: "notAllowed", detail: String(node.raw) });
      }
      if (typeof node.value === "number" && !Number.isFinite(node.value)) throw new FormulaFailure({ code: "overflow", detail: String(node.raw) });
      return node;
    case "Identifier": {
      const raw = String(node.name);
      const ref = /^__ref(\d+)$/.exec(raw);
      const name = ref ? (refs[Number(ref[1])] ?? raw) : raw;
      const upper = name.toUpperCase();
      if (upper === "TRUE" || upper === "FALSE") return { type: "Literal", value: upper === "TRUE" };
      const n = normalizeName(name);
      names.add(n);
      return { type: "Identifier", name: n };
    }
    case "BinaryExpression":
      if (!BINARY.has(String(node.operator))) throw new FormulaFailure({ code: "notAllowed", detail: String(node.operator) });
      return { ...node, left: check(node.left as Node, refs, names), right: check(node.right as Node, refs, names) };
    case "UnaryExpression":
      if (!UNARY.has(String(node.operator))) throw new FormulaFailure({ code: "notAllowed", detail: String(node.operator) });
      return { ...node, argument: check(node.argument as Node, refs, names) };
    case "ConditionalExpression":
      return {
        ...node,
        test: check(node.test as Node, refs, names),
        consequent: check(node.consequent as Node, refs, names),
        alternate: check(node.alternate as Node, refs, names),
      };
    case "CallExpression": {
      const callee = node.callee as Node;
      const fn = callee.type === "Identifier" ? String(callee.name).toUpperCase() : "";
      if (!FUNCTIONS.has(fn)) throw new FormulaFailure({ code: "unknownFunction", detail: fn || callee.type });
      const args = (node.arguments as Node[]).map((a) => check(a, refs, names));
      const arity: Record<string, [number, number]> = { IF: [3, 3], ROUND: [1, 2], ABS: [1, 1], NOT: [1, 1] };
      const [lo, hi] = arity[fn] ?? [1, 255];
      if (args.length < lo || args.length > hi) throw new FormulaFailure({ code: "arity", detail: fn });
      const digits = fn === "ROUND" ? constantOf(args[1]) : undefined;
      if (digits !== undefined && !validDigits(digits)) throw new FormulaFailure({ code: "precision", detail: `ROUND(…, ${digits})` });
      return { type: "CallExpression", fn, arguments: args };
    }
    default:
      throw new FormulaFailure({ code: "notAllowed", detail: node.type });
  }
}

/** A literal number, also negated (-2): what the checker can know before any unit is read. */
function constantOf(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === "Literal" && typeof node.value === "number") return node.value;
  if (node.type === "UnaryExpression" && node.operator === "-") {
    const v = constantOf(node.argument as Node);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

const validDigits = (d: number) => Number.isInteger(d) && Math.abs(d) <= MAX_ROUND_DIGITS;

export function compileFormula(source: string): { ok: true; formula: Formula } | { ok: false; error: FormulaError } {
  const { text, refs } = preprocess(source);
  let ast: Node;
  try {
    ast = jsep(text) as unknown as Node;
  } catch (e) {
    return { ok: false, error: { code: "syntax", detail: e instanceof Error ? e.message : String(e) } };
  }
  const names = new Set<string>();
  try {
    const checked = check(ast, refs, names);
    return { ok: true, formula: { source, ast: checked, names: [...names] } };
  } catch (e) {
    if (e instanceof FormulaFailure) return { ok: false, error: e.info };
    throw e;
  }
}

const num = (b: boolean): number => (b ? 1 : 0);

/** An arithmetic result beyond the finite numbers is an overflow, named as such. */
function finite(x: number, op: string): number {
  if (!Number.isFinite(x)) throw new FormulaFailure({ code: "overflow", detail: op });
  return x;
}
const tidy = (x: number): number => Number(x.toPrecision(12));

function run(node: Node, lookup: (name: string) => number | undefined): number {
  switch (node.type) {
    case "Literal":
      return typeof node.value === "boolean" ? num(node.value) : (node.value as number);
    case "Identifier": {
      const v = lookup(String(node.name));
      if (v === undefined) throw new FormulaFailure({ code: "unknownName", detail: String(node.name) });
      return v;
    }
    case "UnaryExpression": {
      const a = run(node.argument as Node, lookup);
      return node.operator === "-" ? -a : node.operator === "!" ? num(a === 0) : a;
    }
    case "ConditionalExpression":
      return run(node.test as Node, lookup) !== 0 ? run(node.consequent as Node, lookup) : run(node.alternate as Node, lookup);
    case "BinaryExpression": {
      const op = node.operator;
      const l = run(node.left as Node, lookup);
      if (op === "&&") return num(l !== 0 && run(node.right as Node, lookup) !== 0);
      if (op === "||") return num(l !== 0 || run(node.right as Node, lookup) !== 0);
      const r = run(node.right as Node, lookup);
      switch (op) {
        case "+": return finite(l + r, "+");
        case "-": return finite(l - r, "-");
        case "*": return finite(l * r, "*");
        case "/":
          if (r === 0) throw new FormulaFailure({ code: "divideByZero", detail: "/" });
          return finite(l / r, "/");
        case "<": return num(tidy(l) < tidy(r));
        case ">": return num(tidy(l) > tidy(r));
        case "<=": return num(tidy(l) <= tidy(r));
        case ">=": return num(tidy(l) >= tidy(r));
        case "==": return num(tidy(l) === tidy(r));
        default: return num(tidy(l) !== tidy(r));
      }
    }
    case "CallExpression": {
      const args = node.arguments as Node[];
      const at = (i: number): number => run(args[i] as Node, lookup);
      switch (node.fn) {
        case "IF": return at(0) !== 0 ? at(1) : at(2); // lazy: IF(x=0, 100, y/x) never divides by zero
        case "MAX": return Math.max(...args.map((_, i) => at(i)));
        case "MIN": return Math.min(...args.map((_, i) => at(i)));
        case "ABS": return Math.abs(at(0));
        case "ROUND": {
          const d = args.length > 1 ? at(1) : 0;
          if (!validDigits(d)) throw new FormulaFailure({ code: "precision", detail: `ROUND(…, ${d})` });
          const f = 10 ** d;
          return finite((Math.sign(at(0)) * Math.round(tidy(Math.abs(at(0)) * f))) / f, "ROUND");
        }
        case "AND": return num(args.every((_, i) => at(i) !== 0));
        case "OR": return num(args.some((_, i) => at(i) !== 0));
        default: return num(at(0) === 0); // NOT
      }
    }
    default:
      throw new FormulaFailure({ code: "notAllowed", detail: node.type });
  }
}

export function evaluate(formula: Formula, lookup: (name: string) => number | undefined): Evaluated {
  try {
    const value = run(formula.ast as Node, lookup);
    if (!Number.isFinite(value)) return { ok: false, error: { code: "overflow", detail: formula.source } };
    return { ok: true, value: tidy(value) };
  } catch (e) {
    if (e instanceof FormulaFailure) return { ok: false, error: e.info };
    throw e;
  }
}
