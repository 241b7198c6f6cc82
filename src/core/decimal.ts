/**
 * Scores are exact to 2 decimals. Arithmetic runs in binary floating point, so every item is
 * rounded once (half-up, away from zero) and totals are summed as integer hundredths.
 */

/** Strip binary noise (0.1*3 = 0.30000000000000004) before deciding which way .5 goes. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

export function toCents(x: number): number {
  const c = Math.abs(x) * 100;
  const r = Math.round(c);
  // Fast path: already a whole number of hundredths up to float noise (the common case).
  if (Math.abs(c - r) < 1e-6) return x < 0 ? -r : r;
  return Math.sign(x) * Math.round(clean(c));
}

export function fromCents(c: number): number {
  return c / 100;
}

export function round2(x: number): number {
  return fromCents(toCents(x));
}

export function sum2(values: ReadonlyArray<number>): number {
  let cents = 0;
  for (const v of values) cents += toCents(v);
  return fromCents(cents);
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Figures for messages: at most 2 decimals, no trailing zeros (85.5, 2.5, 0.2). */
export function fmt(x: number): string {
  return String(round2(x));
}
