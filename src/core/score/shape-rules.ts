/**
 * The rule shapes that earn points out of full marks or read the run: 分档 (bands), 民主测评 (raters),
 * 折算 (converted) here; 与最优单位比, 与平均值比, 名次计分, 功效系数法 in relative-rules.ts.
 */
import { issue } from "../issue";
import type { Rule } from "../rubric/model";
import type { Reason } from "./types";
import { MISSING, NOT_APPLICABLE, earned, reaches, shown, unitSymbol, type RuleVerdict } from "./rule-kit";
import { evaluateRelativeRule, type RelativeRule } from "./relative-rules";
import type { RuleContext } from "./rules";

type Shape = "bands" | "raters" | "converted" | RelativeRule["type"];
export type ShapeRule = Extract<Rule, { type: Shape }>;

const SHAPES = new Set<string>(["bands", "raters", "converted", "relativeBest", "relativeAverage", "rank", "efficacy"]);

export function isShapeRule(rule: Rule): rule is ShapeRule {
  return SHAPES.has(rule.type);
}

/** Differences below 10⁻⁹ are binary noise, not a difference. */

export function evaluateShapeRule(rule: ShapeRule, ctx: RuleContext, itemMax: number | undefined, bonus: boolean): RuleVerdict {
  const full = rule.points ?? itemMax ?? 0;
  if (rule.type === "raters") return raters(rule, ctx, full, bonus);
  const ind = rule.resolved.ind;
  const v = ind ? ctx.values.get(ind.key) : undefined;
  if (!ind || !v) return ind?.required ? MISSING : NOT_APPLICABLE;
  const cell = v.col === undefined ? undefined : `${v.col}${ctx.rowNumber}`;
  const value = v.value;
  const base = { indicator: ind.name, value, unit: unitSymbol(ind) };
  switch (rule.type) {
    case "bands": {
      // The band with the highest lower bound the value reaches; each bound is included (95 is in 95–100).
      let band: (typeof rule.bands)[number] | undefined;
      for (const b of rule.bands) if (reaches(value, b.min) && (!band || b.min > band.min)) band = b;
      const got = band ? (band.points ?? (band.share ?? 0) * full) : 0;
      const min = band ? band.min : Math.min(...rule.bands.map((b) => b.min));
      const reason: Reason = { code: band ? "bands" : "bands.none", params: { ...base, min } };
      return earned(full, got, bonus, reason, cell);
    }
    case "converted": {
      const reason: Reason = { code: "converted", params: { ...base, outOf: rule.outOf } };
      return earned(full, (value * full) / rule.outOf, bonus, reason, cell);
    }
    default:
      return evaluateRelativeRule(rule, ctx, full, bonus, { value, cell, params: base, key: ind.key });
  }
}

/** 民主测评: drop the `drop` highest and lowest ratings, average the rest, scale `outOf` to the full marks. */
function raters(rule: Extract<Rule, { type: "raters" }>, ctx: RuleContext, full: number, bonus: boolean): RuleVerdict {
  const inds = rule.resolved.raters ?? [];
  const ratings: number[] = [];
  for (const ind of inds) {
    const v = ctx.values.get(ind.key);
    // A required rater's blank or bad cell is already a problem of the unit; an optional one is left out.
    if (v) ratings.push(v.value);
    else if (ind.required) return MISSING;
  }
  if (ratings.length <= 2 * rule.drop) {
    const problem = issue("value.tooFewRaters", { count: ratings.length, drop: rule.drop }, { sheet: ctx.sheet, cell: ctx.unitCell, unit: ctx.unit });
    return { ...MISSING, problem };
  }
  ratings.sort((a, b) => a - b);
  const kept = ratings.slice(rule.drop, ratings.length - rule.drop);
  const average = Number((kept.reduce((a, b) => a + b, 0) / kept.length).toPrecision(12));
  const reason: Reason = { code: "raters", params: { count: ratings.length, drop: rule.drop, kept: kept.length, average: shown(average), outOf: rule.outOf } };
  return earned(full, (average * full) / rule.outOf, bonus, reason);
}
