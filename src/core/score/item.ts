/** An item's score: its max less its rules' deductions, never below 0 (扣完为止) nor above max. */
import { clamp, round2, sum2 } from "../decimal";
import type { Issue } from "../issue";
import type { Item } from "../rubric/model";
import { evaluateRule, type RuleContext } from "./rules";
import type { Deduction, ItemResult } from "./types";

/** Scores one item. Problems and shortfall cells go straight into the unit's lists. */
export function scoreItem(item: Item, ctx: RuleContext, mode: "points" | "attainment", problems: Issue[], shortfallCells: string[]): ItemResult {
  const deductions: Deduction[] = [];
  const findings: Deduction[] = [];
  let raw = 0;
  let applied = false;
  let allMet = true;
  let missing = false;

  for (const rule of item.rules) {
    const o = evaluateRule(rule, ctx, item.max, item.bonus);
    if (o.problem) problems.push(o.problem);
    if (o.missing || o.problem) missing = true;
    if (o.met === null) continue;
    applied = true;
    if (o.met) continue; // a met rule moves no points and has nothing to say
    allMet = false;
    if (o.cell) shortfallCells.push(o.cell);
    const entry: Deduction = { points: round2(o.points), reason: o.reason };
    // (Its `true` mutant survives: a cell set to undefined reads and serialises as no cell.)
    if (o.cell !== undefined) entry.cell = o.cell;
    if (o.points > 0) {
      raw += o.points;
      deductions.push(entry);
    } else findings.push(entry);
  }

  const met = !applied || (missing && allMet) ? null : allMet;
  let score: number | null = null;
  const floored = raw > (item.max ?? Infinity);
  // 分值 counts in points rubrics only (compiling one requires it of every item).
  const max = mode === "points" ? item.max : undefined;
  if (max !== undefined && !missing) {
    // Round once, at the end of the item.
    score = item.bonus ? round2(Math.min(raw, max)) : round2(clamp(max - raw, 0, max));
  }
  return {
    name: item.name,
    section: item.section,
    bonus: item.bonus,
    max: max ?? null,
    score,
    met,
    deductions,
    findings,
    floored,
  };
}

export function sumItems(items: ReadonlyArray<ItemResult>, bonusCap: number | undefined): number {
  const regular = sum2(items.filter((i) => !i.bonus).map((i) => i.score ?? 0));
  const bonus = sum2(items.filter((i) => i.bonus).map((i) => i.score ?? 0));
  return sum2([regular, bonusCap === undefined ? bonus : Math.min(bonus, bonusCap)]);
}
