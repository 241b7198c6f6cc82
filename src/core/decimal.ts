/**
 * Scores are exact to 2 decimals. Arithmetic runs in binary floating point, so every item is
 * rounded once (half-up, away from zero) and totals are summed as integer hundredths.
 */

/** Strip binary noise (0.1*3 = 0.30000000000000004) before deciding which way .5 goes. */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}

export function toCents(x: number): number {
  const c = Math.abs(x) * 100;
  const r = Math.round(c);
  // Already a whole number of hundredths up to float noise (the common case). (Its `<=` mutant is
  // equivalent: c − r is exactly 10⁻⁶ only for c = 10⁻⁶, where both ways give 0.)
  if (Math.abs(c - r) < 1e-6) return x < 0 ? -r : r;
  // A fast path only: so far from a half that stripping the noise (at least 12 significant digits: a shift of
  // at most c × 5·10⁻¹²) cannot change the rounding. Its mutants that take it less often (`false`, `>=`,
  // `c / 1e-11`) fall through to the same answer below: equivalent.
  if (Math.abs(c - Math.floor(c) - 0.5) > c * 1e-11) return x < 0 ? -r : r;
  return Math.sign(x) * Math.round(cleanHundredths(c));
}

/**
 * A number of hundredths (> 0) stripped of binary noise: 12 significant digits, but never fewer than 3
 * below the point, so that from 10¹⁰ on a value keeps its last cent (12 digits of 1000347548646.0001 would
 * make it …650); at most the 15 a double holds.
 */
function cleanHundredths(c: number): number {
  return Number(c.toPrecision(Math.min(15, Math.max(12, Math.floor(Math.log10(c)) + 4))));
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

/**
 * A finite number as the decimal it stands for: digits × 10^−scale. Read at 15 significant digits,
 * as Excel does, so a sheet's 0.1 + 0.2 is 0.3 and not 0.30000000000000004.
 */
function decimalOf(x: number): { digits: bigint; scale: number } {
  // (The anchors' mutants are equivalent: String of a finite number is all of this shape, and a non-finite one has no digit.)
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Number(x.toPrecision(15))));
  if (!m) throw new RangeError(`not a finite number: ${x}`);
  const frac = m[3] ?? "";
  const exp = Number(m[4] ?? 0);
  const digits = BigInt(`${m[1]}${m[2]}${frac}`);
  // Negative for 1e21 (digits 1, scale −21): weightedSum2 brings every term up to a scale of at least 2.
  return { digits, scale: frac.length - exp };
}

/**
 * Σ weight × value, worked exactly in decimal and rounded once, half-up away from zero, to 2
 * places: 0.3 × 99.45 + 0.7 × 88.85 = 29.835 + 62.195 = 92.03 (rounding each part first gives 92.04).
 */
export function weightedSum2(parts: ReadonlyArray<readonly [weight: number, value: number]>): number {
  const terms = parts.map(([w, v]) => {
    const a = decimalOf(w);
    const b = decimalOf(v);
    return { digits: a.digits * b.digits, scale: a.scale + b.scale };
  });
  const scale = Math.max(2, ...terms.map((t) => t.scale));
  let sum = 0n;
  for (const t of terms) sum += t.digits * 10n ** BigInt(scale - t.scale);
  const unit = 10n ** BigInt(scale - 2);
  // (Its `<=` mutant is equivalent: a sum of 0 rounds to 0 either way; a bigint has no −0.)
  const negative = sum < 0n;
  const abs = negative ? -sum : sum;
  const cents = (abs + unit / 2n) / unit; // unit is a power of 10 ≥ 1; unit / 2n is 0 when unit = 1
  return Number(negative ? -cents : cents) / 100;
}
