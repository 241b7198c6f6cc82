/** One rule against one unit's values: did it meet its target, and how many points does it move? */
import { evaluate } from "../formula";
import { issue, type Issue } from "../issue";
import type { Indicator, Rubric, Rule, TargetRef } from "../rubric/model";
import { normalizeName } from "../text";
import { round2 } from "../decimal";
import type { Reason } from "./types";
import type { Value } from "./unit-values";

export interface RuleContext {
  rubric: Rubric;
  values: ReadonlyMap<string, Value>;
  unit: string;
  sheet: string;
  /** Cell to blame when there is no input cell (the unit's name). */
  unitCell: string;
  itemMax: number | undefined;
}

export interface RuleOutcome {
  /** null: the rule could not be applied (its input is missing or optional and absent). */
  met: boolean | null;
  /** A required input is missing or invalid: the item has no score. */
  missing?: boolean;
  points: number;
  reason?: Reason;
  cell?: string;
  problem?: Issue;
}

const NOT_APPLICABLE: RuleOutcome = { met: null, points: 0 };

function indicatorOf(ctx: RuleContext, name: string): Indicator | undefined {
  const key = normalizeName(name);
  return ctx.rubric.indicators.find((i) => i.keys.includes(key));
}

function valueOf(ctx: RuleContext, name: string): (Value & { ind: Indicator }) | undefined {
  const ind = indicatorOf(ctx, name);
  const v = ind ? ctx.values.get(ind.key) : undefined;
  return ind && v ? { ...v, ind } : undefined;
}

function unitSymbol(ind: Indicator): string {
  return ind.kind === "percent" ? "%" : ind.kind === "permille" ? "‰" : "";
}

function resolveTarget(ctx: RuleContext, ref: TargetRef, indicator: string): number | Issue {
  if (typeof ref === "number") return ref;
  if ("column" in ref) {
    const v = valueOf(ctx, ref.column);
    if (v) return v.value;
    return issue("value.missing", { indicator: ref.column }, { sheet: ctx.sheet, cell: ctx.unitCell, unit: ctx.unit });
  }
  const t = ctx.rubric.unitTargets.get(normalizeName(ctx.unit))?.get(normalizeName(ref.unitTable));
  if (t !== undefined) return t;
  return issue("target.missingForUnit", { indicator, table: ref.unitTable }, { sheet: ctx.sheet, cell: ctx.unitCell, unit: ctx.unit });
}

function steps(shortfall: number, step: number, rounding: "none" | "ceil" | "floor"): number {
  const n = Number((shortfall / step).toPrecision(12));
  return rounding === "ceil" ? Math.ceil(n) : rounding === "floor" ? Math.floor(n) : n;
}

export function evaluateRule(rule: Rule, ctx: RuleContext): RuleOutcome {
  if (rule.type === "formula") {
    if (!rule.formula) return NOT_APPLICABLE;
    const r = evaluate(rule.formula, (n) => valueOf(ctx, n)?.value);
    if (!r.ok) {
      if (r.error.code === "unknownName") return NOT_APPLICABLE;
      return { ...NOT_APPLICABLE, problem: issue("value.formula", { indicator: rule.reason, formula: rule.formula.source, reason: r.error.code }, { sheet: ctx.sheet, cell: ctx.unitCell, unit: ctx.unit }) };
    }
    const points = Math.max(0, r.value);
    return { met: points === 0, points, reason: { code: "formula", params: { reason: rule.reason, points: round2(points) } } };
  }

  const v = valueOf(ctx, rule.indicator);
  // Missing inputs are reported where they are read; here they only stop the item from scoring.
  if (!v) return indicatorOf(ctx, rule.indicator)?.required ? { ...NOT_APPLICABLE, missing: true } : NOT_APPLICABLE;
  const base = { indicator: v.ind.name, value: v.value, unit: unitSymbol(v.ind) };
  const cell = v.cell !== undefined ? { cell: v.cell } : {};

  switch (rule.type) {
    case "target": {
      const t = resolveTarget(ctx, rule.target, v.ind.name);
      if (typeof t !== "number") return { ...NOT_APPLICABLE, problem: t };
      const raw = rule.direction === "atLeast" ? t - v.value : v.value - t;
      const shortfall = Math.max(0, Number(raw.toPrecision(12)));
      const points = rule.points === undefined ? 0 : steps(shortfall, rule.step, rule.rounding) * rule.points;
      const code = rule.direction === "atLeast" ? "target.low" : "target.high";
      const params = { ...base, target: t, step: rule.step, per: rule.points ?? 0, points: round2(points) };
      return { met: shortfall === 0, points, reason: { code, params }, ...cell };
    }
    case "perCount": {
      const points = v.value * rule.points;
      return { met: v.value === 0, points, reason: { code: "count", params: { ...base, per: rule.points, points: round2(points) } }, ...cell };
    }
    case "check": {
      const fires = (v.value === 1) === rule.when;
      const points = fires ? (rule.points ?? 0) : 0;
      return { met: !fires, points, reason: { code: "check", params: { ...base, answer: v.value === 1 ? "yes" : "no", points: round2(points) } }, ...cell };
    }
    case "range": {
      const lo = resolveTarget(ctx, rule.min, v.ind.name);
      const hi = resolveTarget(ctx, rule.max, v.ind.name);
      if (typeof lo !== "number") return { ...NOT_APPLICABLE, problem: lo };
      if (typeof hi !== "number") return { ...NOT_APPLICABLE, problem: hi };
      const prev = rule.orLowerThan ? valueOf(ctx, rule.orLowerThan) : undefined;
      const met = (v.value >= lo && v.value <= hi) || (prev !== undefined && v.value < prev.value);
      const points = met ? 0 : (rule.points ?? 0);
      const params: Record<string, string | number> = { ...base, min: lo, max: hi, points: round2(points) };
      if (prev) params.previous = prev.value;
      return { met, points, reason: { code: "range", params }, ...cell };
    }
    case "improvement": {
      const prev = valueOf(ctx, rule.previous);
      if (!prev) return NOT_APPLICABLE;
      const met = rule.direction === "higher" ? v.value > prev.value : v.value < prev.value;
      const points = met ? 0 : (rule.points ?? 0);
      return { met, points, reason: { code: "improvement", params: { ...base, previous: prev.value, direction: rule.direction, points: round2(points) } }, ...cell };
    }
    case "enteredScore": {
      const max = ctx.itemMax ?? 0;
      if (v.value < 0 || v.value > max) {
        return { ...NOT_APPLICABLE, problem: issue("value.scoreOutOfRange", { indicator: v.ind.name, value: v.value, max }, { sheet: ctx.sheet, unit: ctx.unit, ...cell }) };
      }
      const points = max - v.value;
      return { met: points === 0, points, reason: { code: "enteredScore", params: { ...base, score: v.value, max, points: round2(points) } }, ...cell };
    }
  }
}
