/**
 * Run-level figures for the relative rules (与最优单位比、与平均值比、名次计分、功效系数法): per
 * indicator, over the units of the run whose rows read without error — within each category when the
 * rubric ranks by category. Worked out once, before any unit is scored.
 */
import { clean } from "../decimal";
import type { Rubric, Rule } from "../rubric/model";
import type { ParsedRows } from "./unit-values";

export interface IndicatorStats {
  /** The units' values, ascending. */
  sorted: Float64Array;
  /** Their arithmetic mean at 12 significant digits (not rounded to 2 decimals before use). */
  average: number;
}

/** Category ("" when the rubric does not rank by category) → indicator key → its figures. */
export type RunStats = ReadonlyMap<string, ReadonlyMap<string, IndicatorStats>>;

const RELATIVE = new Set(["relativeBest", "relativeAverage", "rank"]);

/** The rule compares the unit with the run (its best, worst, average or order), not with fixed figures. */
export function readsRun(rule: Rule): boolean {
  if (rule.type !== "efficacy") return RELATIVE.has(rule.type);
  return rule.satisfactory === "best" || rule.unacceptable === "worst";
}

/** The indicators whose run figures some rule reads (none: the run needs no extra pass). */
export function relativeIndicators(rubric: Rubric): Set<string> {
  const keys = new Set<string>();
  for (const item of rubric.items) {
    for (const rule of item.rules) {
      const ind = rule.resolved.ind;
      // Stryker disable next-line LogicalOperator: an indicator no relative rule reads only sends the run down its general path, which scores alike
      if (ind && readsRun(rule)) keys.add(ind.key);
    }
  }
  return keys;
}

/** Collects the values unit by unit (nothing of a unit is kept but these numbers), then sorts once. */
export class RunStatsBuilder {
  private readonly lists = new Map<string, Map<string, number[]>>();

  constructor(private readonly keys: ReadonlySet<string>) {}

  /** A unit's figures (row `r` of the parsed rows) for the keys the run compares. */
  add(category: string, rows: ParsedRows, r: number): void {
    for (const key of this.keys) {
      const v = rows.figure(r, key);
      if (v !== undefined) this.push(category, key, v);
    }
  }

  private push(category: string, key: string, value: number): void {
    let group = this.lists.get(category);
    if (!group) this.lists.set(category, (group = new Map()));
    const list = group.get(key);
    if (list) list.push(value);
    else group.set(key, [value]);
  }

  build(): RunStats {
    const out = new Map<string, Map<string, IndicatorStats>>();
    for (const [cat, group] of this.lists) {
      const m = new Map<string, IndicatorStats>();
      for (const [k, list] of group) {
        const sorted = Float64Array.from(list).sort();
        let sum = 0;
        for (const v of sorted) sum += v;
        m.set(k, { sorted, average: sorted.length ? clean(sum / sorted.length) : 0 });
      }
      out.set(cat, m);
    }
    return out;
  }
}

/** The best value: the highest when higher is better (atLeast), else the lowest. */
export function bestOf(s: IndicatorStats, direction: "atLeast" | "atMost"): number {
  return (direction === "atLeast" ? s.sorted[s.sorted.length - 1] : s.sorted[0]) ?? 0;
}

/** The worst value: the lowest when higher is better (atLeast), else the highest. */
export function worstOf(s: IndicatorStats, direction: "atLeast" | "atMost"): number {
  return (direction === "atLeast" ? s.sorted[0] : s.sorted[s.sorted.length - 1]) ?? 0;
}

/** Index of the first element > x (upper bound) or ≥ x (lower bound) in an ascending array. */
function bound(a: Float64Array, x: number, upper: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid] as number;
    if (upper ? v <= x : v < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Competition rank (1, 2, 2, 4): one more than the number of units strictly better. */
export function rankOf(s: IndicatorStats, value: number, direction: "atLeast" | "atMost"): number {
  // Cells read the same way give the same number; derived values are already at 12 significant digits.
  const better = direction === "atLeast" ? s.sorted.length - bound(s.sorted, value, true) : bound(s.sorted, value, false);
  return better + 1;
}
