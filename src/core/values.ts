import { type CellValue, type GridCell, isErrorValue, isBlank, displayValue, isUncalculated } from "./grid";
import type { Fallible, IssueParamsByCode } from "./issue";

/** What an indicator column holds. Rates are expressed in their unit: 88 means 88% (or 88‰). */
export type ValueKind = "percent" | "permille" | "number" | "count" | "boolean" | "score";

type ValueCode =
  | "value.missing" | "value.uncalculated" | "value.excelError" | "value.notNumber" | "value.notBoolean"
  | "value.rateOutOfRange" | "value.negative" | "value.fractionalCount";

/** A cell's problem before the caller names its indicator (it adds `indicator` to the params). */
export type ValueProblem = {
  [C in ValueCode]: { code: C; params: C extends "value.missing" ? Record<string, never> : Omit<IssueParamsByCode[C], "indicator"> };
}[ValueCode];

/** A failure is one problem without its indicator and cell, which the caller adds. */
export type Parsed = Fallible<number, ValueProblem>;

const TRUE_WORDS = new Set(["是", "有", "√", "✓", "✔", "y", "yes", "true", "1", "对", "已", "完成"]);
const FALSE_WORDS = new Set(["否", "无", "×", "✗", "✘", "x", "n", "no", "false", "0", "错", "未", "未完成", "没有"]);

const EXCEL_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;

const percentFormats = new Map<string, boolean>();

export function isPercentFormat(numFmt: string | undefined): boolean {
  // A percent sign outside quoted literals and escapes: 0%, 0.00%, #,##0.0%
  if (!numFmt) return false;
  let known = percentFormats.get(numFmt);
  // A cache: one mutant (always working the answer out again) survives, as it gives the same answer.
  if (known === undefined) {
    known = numFmt.replace(/"[^"]*"/g, "").replace(/\\./g, "").includes("%");
    // Stryker disable next-line ConditionalExpression,EqualityOperator: only bounds the cache's size.
    if (percentFormats.size < 1000) percentFormats.set(numFmt, known);
  }
  return known;
}

/** Longest value echoed back in an issue, in characters: a 32 KB cell is cut with "…". */
export const ECHO_CHARS = 80;

/** A value as quoted in an issue: at most ECHO_CHARS characters. */
export function echo(text: string): string {
  // A fast path: the general one below returns such text unchanged too (so its `false` and `<` mutants survive).
  if (text.length <= ECHO_CHARS) return text;
  // Stryker disable next-line MethodExpression: only bounds the work; 2 × ECHO_CHARS UTF-16 units hold more than ECHO_CHARS characters.
  const chars = Array.from(text.slice(0, ECHO_CHARS * 2));
  return chars.length > ECHO_CHARS || text.length > ECHO_CHARS * 2 ? `${chars.slice(0, ECHO_CHARS - 1).join("")}…` : text;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The decimal at the whole of `s`: [+-] digits [. digits] [e [+-] digits] [% or ‰]. One forward
 * pass (no regular expression, no backtracking): time linear in the length whatever the text.
 * `meter` counts characters visited, for tests.
 */
export function scanDecimal(s: string, meter?: { steps: number }): { text: string; suffix: "" | "%" | "‰" } | null {
  let i = 0;
  const n = s.length;
  const at = (k: number) => {
    if (meter) meter.steps++;
    return s.charCodeAt(k);
  };
  // Each position is read once. No bounds checks: charCodeAt past the end is NaN, which equals no
  // character and is no digit.
  let c = at(i);
  if (c === 43 || c === 45) c = at(++i); // + -
  let digits = 0;
  while (isDigit(c)) { digits++; c = at(++i); }
  if (c === 46) { // .
    c = at(++i);
    while (isDigit(c)) { digits++; c = at(++i); }
  }
  if (digits === 0) return null;
  if (c === 101 || c === 69) { // e E
    c = at(++i);
    if (c === 43 || c === 45) c = at(++i);
    let exp = 0;
    // Stryker disable next-line UpdateOperator: `exp` is only compared with 0, so counting down says the same.
    while (isDigit(c)) { exp++; c = at(++i); }
    if (exp === 0) return null;
  }
  const text = s.slice(0, i);
  if (i === n) return { text, suffix: "" };
  if (i === n - 1 && (s[i] === "%" || s[i] === "‰")) return { text, suffix: s[i] as "%" | "‰" };
  return null;
}

/** Parse a decimal written by a person: full-width digits, thousands separators, a trailing % or ‰. */
function parseNumberText(raw: string): { n: number; suffix: "" | "%" | "‰" } | null {
  const s = raw.normalize("NFKC").replace(/[\s\u3000]/g, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const m = scanDecimal(s);
  if (!m) return null;
  const n = Number(m.text);
  if (!Number.isFinite(n)) return null;
  return { n, suffix: m.suffix };
}

/** Convert a number with its written unit into the indicator's own unit. */
function inUnit(n: number, suffix: "" | "%" | "‰", kind: ValueKind): number {
  if (kind === "percent" && suffix === "‰") return n / 10;
  if (kind === "permille" && suffix === "%") return n * 10;
  return n;
}

const YES: Parsed = { ok: true, value: 1 };
const NO: Parsed = { ok: true, value: 0 };

function parseBoolean(v: CellValue): Parsed {
  if (typeof v === "boolean") return v ? YES : NO;
  if (v === 0 || v === 1) return v ? YES : NO;
  if (typeof v === "string") {
    // Most answers are exactly 是/否: look them up before trimming, lower-casing or NFKC.
    // Stryker disable next-line ConditionalExpression: a fast path; the trimmed lookup below answers the same.
    if (TRUE_WORDS.has(v)) return YES;
    // Stryker disable next-line ConditionalExpression: as above.
    if (FALSE_WORDS.has(v)) return NO;
    // Every listed word is its own NFKC form, so one lookup after normalising answers for all spellings.
    const w = v.trim().toLowerCase().normalize("NFKC");
    if (TRUE_WORDS.has(w)) return YES;
    if (FALSE_WORDS.has(w)) return NO;
  }
  return { ok: false, error: { code: "value.notBoolean", params: { value: echo(displayValue(v)) } } };
}

/** An indicator's own plausible values (the rubric's `min`/`max`), replacing its kind's checks. */
export interface Bounds {
  min?: number;
  max?: number;
}

/**
 * The values a cell of this kind may hold: the indicator's own bounds where it has them, else its kind's
 * (0–100 for %, 0–1000 for ‰, ≥ 0 for counts, anything for other numbers).
 */
export function acceptedRange(kind: ValueKind, bounds?: Bounds): { min: number; max: number } {
  const min = bounds?.min ?? (kind === "percent" || kind === "permille" || kind === "count" ? 0 : -Infinity);
  const max = bounds?.max ?? (kind === "percent" ? 100 : kind === "permille" ? 1000 : Infinity);
  return { min, max };
}

/**
 * Read one cell as a number for an indicator of the given kind. Range checks that depend on the
 * rubric (0–max for scores) are the caller's; rates must lie in 0–100 (0–1000 for ‰) unless the
 * indicator has bounds of its own.
 */
export function parseCell(cell: GridCell | undefined, kind: ValueKind, bounds?: Bounds): Parsed {
  if (!cell || isBlank(cell.value)) return { ok: false, error: { code: "value.missing", params: {} } };
  const v = cell.value;
  if (isUncalculated(v)) return { ok: false, error: { code: "value.uncalculated", params: {} } };
  if (isErrorValue(v)) return { ok: false, error: { code: "value.excelError", params: { value: v.error } } };
  if (typeof v === "string" && EXCEL_ERRORS.test(v.trim())) {
    return { ok: false, error: { code: "value.excelError", params: { value: v.trim() } } };
  }
  if (kind === "boolean") return parseBoolean(v);

  let n: number;
  if (typeof v === "number") {
    // A hand-made file can hold what no spreadsheet stores (<v>1e999</v>, <v>NaN</v>): not a number.
    if (!Number.isFinite(v)) return { ok: false, error: { code: "value.notNumber", params: { value: echo(displayValue(v)) } } };
    // 0.885 * 100 → 88.5, not 88.50000000000001
    n = isPercentFormat(cell.numFmt) ? Number(inUnit(v * 100, "%", kind).toPrecision(12)) : v;
  } else if (typeof v === "string") {
    const p = parseNumberText(v);
    if (!p) return { ok: false, error: { code: "value.notNumber", params: { value: echo(v) } } };
    n = p.suffix ? Number(inUnit(p.n, p.suffix, kind).toPrecision(12)) : p.n;
  } else {
    return { ok: false, error: { code: "value.notNumber", params: { value: echo(displayValue(v)) } } };
  }

  if (bounds && (bounds.min !== undefined || bounds.max !== undefined)) {
    // A side the indicator leaves open keeps its kind's limit.
    const { min, max } = acceptedRange(kind, bounds);
    if (n >= min && n <= max) return { ok: true, value: n };
    return { ok: false, error: { code: "value.rateOutOfRange", params: { value: displayValue(v), min: Number.isFinite(min) ? min : "−∞", max: Number.isFinite(max) ? max : "∞" } } };
  }
  if (kind === "percent" && (n < 0 || n > 100)) {
    return { ok: false, error: { code: "value.rateOutOfRange", params: { value: echo(displayValue(v)), min: 0, max: 100 } } };
  }
  if (kind === "permille" && (n < 0 || n > 1000)) {
    return { ok: false, error: { code: "value.rateOutOfRange", params: { value: echo(displayValue(v)), min: 0, max: 1000 } } };
  }
  if (kind === "count" && n < 0) return { ok: false, error: { code: "value.negative", params: { value: echo(displayValue(v)) } } };
  // 1.5 次, 0.01 件: a count is a whole number.
  if (kind === "count" && !Number.isInteger(n)) return { ok: false, error: { code: "value.fractionalCount", params: { value: echo(displayValue(v)) } } };
  return { ok: true, value: n };
}
