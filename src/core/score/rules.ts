/** One rule against one unit's values: did it meet its target, and how many points does it move? */
import { evaluate } from "../formula";
import { issue, type Issue } from "../issue";
import type { ResolvedTarget, Rubric, Rule } from "../rubric/model";
import { valueLookup, type Value } from "./unit-values";
import { MET, MISSING, NOT_APPLICABLE, shown, steps, unitSymbol, type RuleVerdict } from "./rule-kit";
import type { IndicatorStats } from "./run-stats";
import { evaluateShapeRule, isShapeRule } from "./shape-rules";

export type { RuleVerdict };

export interface RuleContext {
  rubric: Rubric;
  values: ReadonlyMap<string, Value>;
  unit: string;
  /** The unit's normalised name, for per-unit target tables. */
  unitKey: string;
  sheet: string;
  /** Cell to blame when there is no input cell (the unit's name). */
  unitCell: string;
  /** 1-based row number, for cell addresses. */
  rowNumber: number;
  /** The run's figures for the relative rules, of this unit's category (run-stats.ts). */
  stats?: ReadonlyMap<string, IndicatorStats>;
}

function resolveTarget(ctx: RuleContext, ref: ResolvedTarget | undefined, indicator: string): number | Issue {
  if (ref && "value" in ref) return ref.value;
  if (ref && "column" in ref) {
    const v = ctx.values.get(ref.column.key);
    if (v) return v.value;
    return issue("value.missing", { indicator: ref.column.name }, { sheet: ctx.sheet, cell: ctx.unitCell, unit: ctx.unit });
  }
  const t = ref ? ctx.rubric.unitTargets.get(ctx.unitKey)?.get(ref.table) : undefined;
  if (t !== undefined) return t;
  // Stryker disable next-line OptionalChaining,StringLiteral: a rule's target is always compiled (never undefined); here it is a table's
  const table = ref?.table ?? "";
  return issue("target.missingForUnit", { indicator, table }, { sheet: ctx.sheet, cell: ctx.unitCell, unit: ctx.unit });
}

/** How far a value lies outside [lo, hi]: 0 inside, else the distance to the nearer bound. */
function gapTo(x: number, lo: number, hi: number): number {
  return x < lo ? Number((lo - x).toPrecision(12)) : x > hi ? Number((x - hi).toPrecision(12)) : 0;
}

export function evaluateRule(rule: Rule, ctx: RuleContext, itemMax: number | undefined, bonus: boolean): RuleVerdict {
  if (isShapeRule(rule)) return evaluateShapeRule(rule, ctx, itemMax, bonus);
  if (rule.type === "formula") {
    const r = evaluate(rule.formula, valueLookup(ctx.rubric, ctx.values));
    if (!r.ok) {
      if (r.error.code === "unknownName") return NOT_APPLICABLE;
      return { ...NOT_APPLICABLE, problem: issue("value.formula", { indicator: rule.reason, formula: rule.formula.source, reason: r.error.code }, { sheet: ctx.sheet, cell: ctx.unitCell, unit: ctx.unit }) };
    }
    const points = Math.max(0, r.value);
    return { met: points === 0, points, reason: { code: "formula", params: { reason: rule.reason, points: shown(points) } } };
  }

  const ind = rule.resolved.ind;
  const v = ind ? ctx.values.get(ind.key) : undefined;
  // Missing inputs are reported where they are read; here they only stop the item from scoring.
  // Stryker disable next-line OptionalChaining: only formula and 民主测评 rules have no indicator, and they returned above
  if (!ind || !v) return ind?.required ? MISSING : NOT_APPLICABLE;
  const value = v.value;
  const cell = v.col === undefined ? undefined : `${v.col}${ctx.rowNumber}`;

  switch (rule.type) {
    case "target": {
      const t = resolveTarget(ctx, rule.resolved.target, ind.name);
      if (typeof t !== "number") return { ...MISSING, problem: t };
      // Differences below 10⁻⁹ are binary noise (57 / 100 × 100 = 56.99999999999999), not a shortfall.
      const raw = Number((rule.direction === "atLeast" ? t - value : value - t).toFixed(9));
      // 以上/以下 include the target figure (raw = 0 meets it); 超过/低于 do not.
      if (raw < 0 || (raw === 0 && rule.inclusive)) return MET;
      const shortfall = raw;
      const points = rule.points === undefined || shortfall === 0 ? 0 : steps(shortfall, rule.step, rule.rounding) * rule.points;
      const code = rule.direction === "atLeast" ? "target.low" : "target.high";
      const params = { indicator: ind.name, value, unit: unitSymbol(ind), target: t, step: rule.step, per: rule.points ?? 0, points: shown(points), inclusive: rule.inclusive ? 1 : 0 };
      return { met: false, points, reason: { code, params }, cell };
    }
    case "perCount": {
      if (value === 0) return MET;
      const points = value * rule.points;
      return { met: false, points, reason: { code: "count", params: { indicator: ind.name, value, per: rule.points, points: shown(points) } }, cell };
    }
    case "check": {
      const fires = (value === 1) === rule.when;
      if (!fires) return MET;
      const points = rule.points ?? 0;
      return { met: false, points, reason: { code: "check", params: { indicator: ind.name, answer: value === 1 ? "yes" : "no", points } }, cell };
    }
    case "range": {
      const lo = resolveTarget(ctx, rule.resolved.min, ind.name);
      const hi = resolveTarget(ctx, rule.resolved.max, ind.name);
      if (typeof lo !== "number") return { ...MISSING, problem: lo };
      if (typeof hi !== "number") return { ...MISSING, problem: hi };
      const prev = rule.resolved.lowerThan ? ctx.values.get(rule.resolved.lowerThan.key) : undefined;
      const before = rule.resolved.toward ? ctx.values.get(rule.resolved.toward.key) : undefined;
      const gap = gapTo(value, lo, hi);
      const narrowed = before === undefined ? 0 : Number((gapTo(before.value, lo, hi) - gap).toPrecision(12));
      const minChange = rule.orToward?.minChange ?? 0;
      // Without last year's figure `narrowed` is 0: not toward.
      const toward = narrowed > 0 && narrowed >= minChange;
      const met = gap === 0 || (prev !== undefined && value < prev.value) || toward;
      if (met) return MET;
      const points = rule.points ?? 0;
      const params: Record<string, string | number> = { indicator: ind.name, value, min: lo, max: hi, points };
      if (prev) params.previous = prev.value;
      if (before) Object.assign(params, { before: before.value, gap, beforeGap: gapTo(before.value, lo, hi), minChange });
      return { met: false, points, reason: { code: "range", params }, cell };
    }
    case "improvement": {
      const prev = rule.resolved.previous ? ctx.values.get(rule.resolved.previous.key) : undefined;
      if (!prev) return NOT_APPLICABLE;
      const met = rule.direction === "higher" ? value > prev.value : value < prev.value;
      if (met) return MET;
      const points = rule.points ?? 0;
      return { met: false, points, reason: { code: "improvement", params: { indicator: ind.name, value, previous: prev.value, direction: rule.direction, points } }, cell };
    }
    case "enteredScore": {
      const max = itemMax ?? 0;
      if (value < 0 || value > max) {
        return { ...MISSING, problem: issue("value.scoreOutOfRange", { indicator: ind.name, value, max }, { sheet: ctx.sheet, unit: ctx.unit, ...(cell !== undefined && { cell }) }) };
      }
      const points = max - value;
      return { met: points === 0, points, reason: { code: "enteredScore", params: { indicator: ind.name, score: value, max, points: shown(points) } }, cell };
    }
  }
}
