/** What every rule evaluator shares: its outcome, the shared outcomes, and how figures are shown. */
import type { Issue } from "../issue";
import type { Indicator } from "../rubric/model";
import { clamp, round2 } from "../decimal";
import type { Reason } from "./types";

interface VerdictBase {
  /** A required input is missing or invalid: the item has no score. */
  missing?: boolean;
  points: number;
  cell?: string;
  problem?: Issue;
}

/**
 * What one rule found for one unit: not applied (`met: null`, its input is missing or optional and
 * absent), met, or missed — a miss always says why.
 */
export type RuleVerdict = (VerdictBase & { met: null }) | (VerdictBase & { met: true; reason?: Reason }) | (VerdictBase & { met: false; reason: Reason });

export const NOT_APPLICABLE: RuleVerdict = { met: null, points: 0 };
export const MISSING: RuleVerdict = { met: null, points: 0, missing: true };
/** Most rules of most units are met: share one outcome instead of building a reason nobody reads. */
export const MET: RuleVerdict = { met: true, points: 0 };

export function unitSymbol(ind: Indicator): string {
  return ind.kind === "percent" ? "%" : ind.kind === "permille" ? "‰" : "";
}

export function steps(shortfall: number, step: number, rounding: "none" | "ceil" | "floor"): number {
  const n = step === 1 ? shortfall : Number((shortfall / step).toPrecision(12));
  return rounding === "ceil" ? Math.ceil(n) : rounding === "floor" ? Math.floor(n) : n;
}

/** Points for messages, to 2 decimals (the item itself is rounded once, at its end). */
/** At or better than `ref`, by direction (differences below 10⁻⁹ are binary noise). */
export function reaches(value: number, ref: number, direction: "atLeast" | "atMost" = "atLeast"): boolean {
  return (direction === "atLeast" ? value - ref : ref - value) > -1e-9;
}

export const shown = (x: number): number => (Number.isInteger(x) ? x : round2(x));

/**
 * A rule that earns points out of its full marks: a deduction item loses what it did not earn, a
 * bonus item gains what it earned. Earned points are kept within [0, full] and not rounded here.
 */
export function earned(full: number, raw: number, bonus: boolean, reason: Reason, cell?: string): RuleVerdict {
  const got = clamp(raw, 0, full);
  const points = bonus ? got : full - got;
  // Below 10⁻⁹ is binary noise (10 × 96 / 96), not a point lost.
  if (points < 1e-9) return MET;
  reason.params.earned = shown(got);
  reason.params.full = full;
  reason.params.points = shown(points);
  reason.params.bonus = bonus ? 1 : 0;
  // The same shape as the other rules' outcomes (cell present, maybe undefined): one hidden class for the engine.
  return { met: false, points, reason, cell };
}
