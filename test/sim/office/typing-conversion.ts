/**
 * What Excel does with a value written through `Range.values` (or typed by the user): the same parsing
 * as typing into the cell. Documented in @types/office-js (Range.values): "If the returned value starts
 * with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula", and
 * locale-shaped date strings become dates. Modelled here (en-US / zh-CN input rules):
 * - a cell formatted "@" (Text) keeps any string as text: nothing below happens;
 * - a leading apostrophe makes the rest text;
 * - "=…" becomes a formula; "+…", "-…" that are not numbers become formulas "=+…", "=-…";
 *   "@…" becomes the formula "=…" (Excel's Lotus-style entry);
 * - number-like text ("12", "-1.5", "1e3", "1,234", "50%") becomes a number ("%" sets a percent format);
 * - date-like text ("4/5", "4/5/2024", "2024-01-02", "2024/1/2", "3月5日", "2024年3月5日") becomes a date
 *   serial and, on a General cell, a date number format;
 * - "TRUE"/"FALSE" (any case) become booleans.
 * Formulas are evaluated only trivially (see formula-value.ts).
 */
import { dateSerial } from "./dates";

export type Scalar = string | number | boolean;

export interface Entered {
  value: Scalar;
  formula: string | null;
  /** A number format the entry implies (dates, percentages), applied only when the cell is General. */
  impliedFormat?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

function asNumber(text: string): number | null {
  const t = text.trim();
  if (t === "" || !/\d/.test(t) || !NUMBER.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

function asDate(text: string, year: number): { serial: number; format: string } | null {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t))) {
    const s = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    return s === null ? null : { serial: s, format: "yyyy-mm-dd" };
  }
  if ((m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(t))) {
    const y = m[3] === undefined ? year : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const s = dateSerial(y, Number(m[1]), Number(m[2]));
    return s === null ? null : { serial: s, format: m[3] === undefined ? "d-mmm" : "m/d/yyyy" };
  }
  if ((m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/.exec(t))) {
    const s = dateSerial(m[1] === undefined ? year : Number(m[1]), Number(m[2]), Number(m[3]));
    return s === null ? null : { serial: s, format: m[1] === undefined ? 'm"月"d"日"' : 'yyyy"年"m"月"d"日"' };
  }
  return null;
}

/** The cell content that results from entering `input` into a cell whose number format is `format`. */
export function enterValue(input: Scalar, format: string, year: number): Entered {
  if (typeof input !== "string") return { value: input, formula: null };
  if (format === "@" || input === "") return { value: input, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  const n = asNumber(input.replace(/%$/, ""));
  if (n !== null) {
    if (input.trim().endsWith("%")) return { value: n / 100, formula: null, impliedFormat: /\./.test(input) ? "0.00%" : "0%" };
    return { value: n, formula: null, ...(/\d,\d{3}/.test(input) ? { impliedFormat: "#,##0" } : {}) };
  }
  if (input.length > 1 && input.startsWith("=")) return { value: input, formula: input };
  if (input.length > 1 && (input.startsWith("+") || input.startsWith("-"))) return { value: input, formula: `=${input}` };
  if (input.length > 1 && input.startsWith("@")) return { value: input, formula: `=${input.slice(1)}` };
  const d = asDate(input, year);
  if (d) return { value: d.serial, formula: null, impliedFormat: d.format };
  if (/^(true|false)$/i.test(input)) return { value: input.toUpperCase() === "TRUE", formula: null };
  return { value: input, formula: null };
}

/** `Range.formulas`: "=…" strings are always formulas; anything else is entered like a value. */
export function enterFormula(input: Scalar, format: string, year: number): Entered {
  if (typeof input === "string" && input.length > 1 && input.startsWith("=")) return { value: input, formula: input };
  return enterValue(input, format, year);
}
