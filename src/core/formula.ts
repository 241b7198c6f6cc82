/**
 * User-written formulas in rubrics (derived indicators, veto conditions). Workbooks and rubrics are
 * untrusted: jsep only parses; this file evaluates an allow-list of node types, operators and
 * functions. Nothing reaches eval/new Function, and there is no member access or call on values.
 *
 * Syntax: numbers, + - * / (also × ÷), comparisons (= == <> != < > <= >= ≤ ≥ ≠), && || !,
 * MAX MIN IF ROUND ABS AND OR NOT, and names: plain (违法生育人数) or in brackets ([实际上缴金额(元)]).
 */
import jsepModule from "jsep";
import type { Fallible } from "./issue";
import { normalizeName } from "./text";

type Jsep = typeof jsepModule;
type Parsed = jsepModule.Expression;
// The CJS build may arrive as a namespace object with a default export.
const jsep: Jsep = ((jsepModule as unknown as { default?: Jsep }).default ?? jsepModule) as Jsep;

const FUNCTIONS = ["MAX", "MIN", "IF", "ROUND", "ABS", "AND", "OR", "NOT"] as const;
const BINARY = ["+", "-", "*", "/", "<", ">", "<=", ">=", "==", "!=", "&&", "||"] as const;
const UNARY = ["-", "+", "!"] as const;
type FunctionName = (typeof FUNCTIONS)[number];
type BinaryOperator = (typeof BINARY)[number];
type UnaryOperator = (typeof UNARY)[number];

/** A checked formula: only the node types, operators and functions the evaluator knows. */
export type FormulaNode =
  | { readonly type: "Literal"; readonly value: number | boolean }
  | { readonly type: "Identifier"; readonly name: string }
  | { readonly type: "UnaryExpression"; readonly operator: UnaryOperator; readonly argument: FormulaNode }
  | { readonly type: "BinaryExpression"; readonly operator: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly type: "ConditionalExpression"; readonly test: FormulaNode; readonly consequent: FormulaNode; readonly alternate: FormulaNode }
  | { readonly type: "CallExpression"; readonly fn: FunctionName; readonly arguments: ReadonlyArray<FormulaNode> };

export interface Formula {
  readonly source: string;
  readonly ast: FormulaNode;
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

export type Evaluated = Fallible<number, FormulaError>;

const ARITY: Partial<Record<FunctionName, [number, number]>> = { IF: [3, 3], ROUND: [1, 2], ABS: [1, 1], NOT: [1, 1] };

const isOneOf = <T extends string>(list: ReadonlyArray<T>, x: unknown): x is T => list.some((v) => v === x);

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

const isParsed = (x: unknown): x is Parsed =>
  typeof x === "object" && x !== null && !Array.isArray(x) && "type" in x && typeof x.type === "string";

/** A sub-expression of jsep's output: jsep's types allow any value under any key, so this checks. */
function child(node: Parsed, key: string): Parsed {
  const c = node[key];
  if (isParsed(c)) return c;
  throw new FormulaFailure({ code: "notAllowed", detail: `${node.type}.${key}` });
}

function children(node: Parsed, key: string): Parsed[] {
  const list: unknown = node[key];
  const parsed = Array.isArray(list) ? list.filter(isParsed) : [];
  if (Array.isArray(list) && parsed.length === list.length) return parsed;
  throw new FormulaFailure({ code: "notAllowed", detail: `${node.type}.${key}` });
}

function check(node: Parsed, refs: string[], names: Set<string>): FormulaNode {
  switch (node.type) {
    case "Literal": {
      const value = node.value;
      if (typeof value !== "number" && typeof value !== "boolean") {
        throw new FormulaFailure({ code: "notAllowed", detail: String(node.raw) });
      }
      if (typeof value === "number" && !Number.isFinite(value)) throw new FormulaFailure({ code: "overflow", detail: String(node.raw) });
      return { type: "Literal", value };
    }
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
    case "BinaryExpression": {
      const operator = node.operator;
      if (!isOneOf(BINARY, operator)) throw new FormulaFailure({ code: "notAllowed", detail: String(operator) });
      const left = check(child(node, "left"), refs, names);
      return { type: "BinaryExpression", operator, left, right: check(child(node, "right"), refs, names) };
    }
    case "UnaryExpression": {
      const operator = node.operator;
      if (!isOneOf(UNARY, operator)) throw new FormulaFailure({ code: "notAllowed", detail: String(operator) });
      return { type: "UnaryExpression", operator, argument: check(child(node, "argument"), refs, names) };
    }
    case "ConditionalExpression": {
      const test = check(child(node, "test"), refs, names);
      const consequent = check(child(node, "consequent"), refs, names);
      return { type: "ConditionalExpression", test, consequent, alternate: check(child(node, "alternate"), refs, names) };
    }
    case "CallExpression": {
      const callee = child(node, "callee");
      const fn = callee.type === "Identifier" ? String(callee.name).toUpperCase() : "";
      if (!isOneOf(FUNCTIONS, fn)) throw new FormulaFailure({ code: "unknownFunction", detail: fn || callee.type });
      const args = children(node, "arguments").map((a) => check(a, refs, names));
      const [lo, hi] = ARITY[fn] ?? [1, 255];
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
function constantOf(node: FormulaNode | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === "Literal" && typeof node.value === "number") return node.value;
  if (node.type === "UnaryExpression" && node.operator === "-") {
    const v = constantOf(node.argument);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

const validDigits = (d: number) => Number.isInteger(d) && Math.abs(d) <= MAX_ROUND_DIGITS;

export function compileFormula(source: string): Fallible<Formula, FormulaError> {
  const { text, refs } = preprocess(source);
  let ast: Parsed;
  try {
    ast = jsep(text);
  } catch (e) {
    return { ok: false, error: { code: "syntax", detail: e instanceof Error ? e.message : String(e) } };
  }
  const names = new Set<string>();
  try {
    const checked = check(ast, refs, names);
    return { ok: true, value: { source, ast: checked, names: [...names] } };
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

function run(node: FormulaNode, lookup: (name: string) => number | undefined): number {
  switch (node.type) {
    case "Literal":
      return typeof node.value === "boolean" ? num(node.value) : node.value;
    case "Identifier": {
      const v = lookup(node.name);
      if (v === undefined) throw new FormulaFailure({ code: "unknownName", detail: node.name });
      return v;
    }
    case "UnaryExpression": {
      const a = run(node.argument, lookup);
      return node.operator === "-" ? -a : node.operator === "!" ? num(a === 0) : a;
    }
    case "ConditionalExpression":
      return run(node.test, lookup) !== 0 ? run(node.consequent, lookup) : run(node.alternate, lookup);
    case "BinaryExpression": {
      const op = node.operator;
      const l = run(node.left, lookup);
      if (op === "&&") return num(l !== 0 && run(node.right, lookup) !== 0);
      if (op === "||") return num(l !== 0 || run(node.right, lookup) !== 0);
      const r = run(node.right, lookup);
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
        case "!=": return num(tidy(l) !== tidy(r));
      }
    }
    case "CallExpression": {
      const args = node.arguments;
      const at = (i: number): number => {
        const a = args[i];
        if (a === undefined) throw new FormulaFailure({ code: "arity", detail: node.fn });
        return run(a, lookup);
      };
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
        case "NOT": return num(at(0) === 0);
      }
    }
  }
}

export function evaluate(formula: Formula, lookup: (name: string) => number | undefined): Evaluated {
  try {
    const value = run(formula.ast, lookup);
    if (!Number.isFinite(value)) return { ok: false, error: { code: "overflow", detail: formula.source } };
    return { ok: true, value: tidy(value) };
  } catch (e) {
    if (e instanceof FormulaFailure) return { ok: false, error: e.info };
    throw e;
  }
}
