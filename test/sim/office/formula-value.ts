/**
 * The simulator does not calculate. A formula's value is evaluated only when trivial (a number, a
 * quoted string, TRUE/FALSE); otherwise the cell's value is the formula text itself unless a seed gave a
 * cached value. Tests that must tell formulas from text read `formulas`/the model's `formula` field.
 */
import type { Scalar } from "./typing-conversion";

export function formulaValue(formula: string): Scalar {
  const body = formula.slice(1).trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return Number(body);
  const s = /^"((?:[^"]|"")*)"$/.exec(body);
  if (s) return (s[1] ?? "").replace(/""/g, '"');
  if (/^(true|false)$/i.test(body)) return body.toUpperCase() === "TRUE";
  return formula;
}
