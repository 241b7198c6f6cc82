/**
 * The values a what-if tries for one indicator: multiples of its display step (0.01 for rates and
 * figures, 1 for counts) within its plausible range, counted in steps away from the current value.
 */
import type { Indicator } from "../rubric/model";
import { acceptedRange } from "../values";

export interface Lattice {
  step: number;
  /** Decimals of the step: values are rounded to them (0.1 + 0.2 is 0.3, not 0.30000000000000004). */
  decimals: number;
  /** How many steps the value can move up and down from where it is (0: that way is closed). */
  up: number;
  down: number;
  /** The value `offset` steps away in direction `dir` (+1 up, −1 down). */
  at(dir: 1 | -1, offset: number): number;
}

/** How far an open side is searched: 10 times the value's size, at least 100. */
const OPEN_SPAN = (v: number) => Math.max(100, Math.abs(v) * 10);

/** What a cell may hold; an entered score is searched from 0 up (a negative score is refused when scored). */
function range(ind: Indicator): { min: number; max: number } {
  const r = acceptedRange(ind.kind, ind.bounds);
  return ind.kind === "score" && ind.bounds?.min === undefined ? { ...r, min: 0 } : r;
}

export function stepOf(ind: Indicator): number {
  return ind.kind === "count" || ind.kind === "boolean" ? 1 : 0.01;
}

export function latticeFor(ind: Indicator, from: number): Lattice {
  const step = stepOf(ind);
  const decimals = step === 1 ? 0 : 2;
  const scale = 10 ** decimals;
  const { min, max } = range(ind);
  const hi = Number.isFinite(max) ? max : from + OPEN_SPAN(from);
  const lo = Number.isFinite(min) ? min : from - OPEN_SPAN(from);
  // Lattice indexes (value × scale); 1e-7 absorbs binary noise (86.1 × 100 = 8609.999999999999).
  const here = from * scale;
  const firstUp = Math.floor(here + 1e-7) + 1;
  const firstDown = Math.ceil(here - 1e-7) - 1;
  const round = (k: number) => Number((k / scale).toFixed(decimals));
  return {
    step,
    decimals,
    up: Math.max(0, Math.floor(hi * scale + 1e-7) - firstUp + 1),
    down: Math.max(0, firstDown - Math.ceil(lo * scale - 1e-7) + 1),
    at: (dir, offset) => round(dir === 1 ? firstUp + offset - 1 : firstDown - offset + 1),
  };
}
