/**
 * Rules against the run (run-stats.ts): 按与最优单位的比例得分, 每低于平均值1个百分点扣0.5分,
 * 第1名6分依次递减0.5分, 功效系数法 with the run's best or worst. docs/rubrics.md has the formulas.
 */
import type { Rule } from "../rubric/model";
import type { Reason } from "./types";
import { MET, MISSING, earned, reaches, shown, steps, type RuleVerdict } from "./rule-kit";
import { bestOf, rankOf, readsRun, worstOf, type IndicatorStats } from "./run-stats";
import type { RuleContext } from "./rules";

export type RelativeRule = Extract<Rule, { type: "relativeBest" | "relativeAverage" | "rank" | "efficacy" }>;

// Stryker disable next-line ObjectLiteral: read only by efficacy with both ends fixed, which reads no run figure (the other rules return MISSING without them)
const NONE: IndicatorStats = { sorted: new Float64Array(0), average: 0 };

interface Input {
  value: number;
  cell: string | undefined;
  params: { indicator: string; value: number; unit: string };
  key: string;
}

export function evaluateRelativeRule(rule: RelativeRule, ctx: RuleContext, full: number, bonus: boolean, input: Input): RuleVerdict {
  const { value, cell } = input;
  const found = ctx.stats?.get(input.key);
  // Only a unit whose row could not be read is left out of the run's figures; it is not scored anyway.
  if (readsRun(rule) && !found) return MISSING;
  const s = found ?? NONE;
  const { indicator, unit } = input.params;
  const direction = rule.direction;
  switch (rule.type) {
    case "relativeBest": {
      const best = bestOf(s, rule.direction);
      // full × value / best (higher is better) or full × best / value (lower is better); the best unit earns full marks.
      const ratio = reaches(value, best, rule.direction) ? 1 : rule.direction === "atLeast" ? (best > 0 ? value / best : 0) : value > 0 ? best / value : 0;
      const reason: Reason = { code: "relative.best", params: { indicator, value, unit, direction, best, gap: shown(Math.abs(value - best)) } };
      return earned(full, full * ratio, bonus, reason, cell);
    }
    case "relativeAverage": {
      const average = s.average;
      const raw = rule.direction === "atLeast" ? average - value : value - average;
      if (raw < 1e-9) return MET;
      // Differences below 10⁻⁹ are binary noise, as for targets.
      const gap = Number(raw.toFixed(9));
      const points = steps(gap, rule.step, rule.rounding) * rule.points;
      if (points === 0) return MET;
      const reason: Reason = { code: "relative.average", params: { indicator, value, unit, direction, average: shown(average), gap: shown(gap), step: rule.step, per: rule.points, points: shown(points), bonus: bonus ? 1 : 0 } };
      return { met: false, points, reason, cell };
    }
    case "rank": {
      const rank = rankOf(s, value, rule.direction);
      const got = Math.max(rule.floor, full - (rank - 1) * rule.step);
      const reason: Reason = { code: "rank", params: { indicator, value, unit, direction, rank, count: s.sorted.length, step: rule.step } };
      return earned(full, got, bonus, reason, cell);
    }
    case "efficacy": {
      const sat = rule.satisfactory === "best" ? bestOf(s, rule.direction) : rule.satisfactory;
      const bad = rule.unacceptable === "worst" ? worstOf(s, rule.direction) : rule.unacceptable;
      // 功效系数 (value − 不允许值) / (满意值 − 不允许值); when the two coincide (every unit alike) it is 1 at or past them.
      const c = sat === bad ? (reaches(value, sat, rule.direction) ? 1 : 0) : (value - bad) / (sat - bad);
      const reason: Reason = { code: "efficacy", params: { indicator, value, unit, direction, satisfactory: sat, unacceptable: bad, base: rule.base } };
      return earned(full, rule.base + c * (full - rule.base), bonus, reason, cell);
    }
  }
}
