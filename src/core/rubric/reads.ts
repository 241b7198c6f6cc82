/**
 * Which indicators a compiled rubric reads, and where: one walk that the checker (unused columns),
 * 分类考核 (columns only some categories need) and the what-if search (columns not the unit's to change) share.
 */
import { normalizeName } from "../text";
import type { ResolvedTarget, Rubric, Rule } from "./model";

/** Calls `f` with every string inside a rule's document (rule types added later are covered without listing their fields). */
function eachString(x: unknown, f: (s: string) => void): void {
  if (typeof x === "string") f(x);
  // An array's values are its elements.
  else if (typeof x === "object" && x !== null) for (const v of Object.values(x)) eachString(v, f);
}

const keyOf = (rubric: Rubric, name: string): string | undefined => rubric.byKey.get(normalizeName(name))?.key;

/**
 * The keys of the indicators one rule reads: its formula's names and any name in its document. Every
 * name the rule resolved (its indicator, a target column, raters, 上年 figures) is one of those strings.
 */
export function ruleReads(rubric: Rubric, rule: Rule): Set<string> {
  const read = new Set<string>();
  const byName = (n: string) => {
    const k = keyOf(rubric, n);
    if (k) read.add(k);
  };
  if (rule.formula) for (const n of rule.formula.names) byName(n);
  const { resolved: _r, formula: _f, ...doc } = rule;
  eachString(doc, byName);
  return read;
}

/**
 * What every unit needs whatever its category: the inputs of derivations, vetoes,
 * composites, the 进步奖 basis, the category column and the grade quotas' tie-breaks.
 */
export function readsOutsideItems(rubric: Rubric): Set<string> {
  const read = new Set<string>();
  const byName = (n: string) => {
    const k = keyOf(rubric, n);
    if (k) read.add(k);
  };
  for (const ind of rubric.indicators) if (ind.derive) ind.derive.names.forEach(byName);
  for (const v of rubric.vetoes) if (v.formula) v.formula.names.forEach(byName);
  for (const c of rubric.composites) for (const p of c.parts) if ("indicator" in p) byName(p.indicator);
  if (rubric.outcomes.progress) byName(rubric.outcomes.progress.previous);
  if (rubric.categoryColumn) byName(rubric.categoryColumn);
  rubric.outcomes.grades?.forEach((g) => {
    if (g.quota?.tieBreak) byName(g.quota.tieBreak);
  });
  return read;
}

/** The keys of every indicator the rubric reads. */
export function indicatorsRead(rubric: Rubric): Set<string> {
  const read = readsOutsideItems(rubric);
  for (const item of rubric.items) for (const rule of item.rules) for (const k of ruleReads(rubric, rule)) read.add(k);
  return read;
}

/** Indicators a rule reads only as a yardstick (a target or bound column, 上年 figures), not as its own input. */
export function ruleYardsticks(rule: Rule): Set<string> {
  const keys = new Set<string>();
  const add = (t: ResolvedTarget | undefined) => {
    if (t && "column" in t) keys.add(t.column.key);
  };
  const r = rule.resolved;
  add(r.target);
  add(r.min);
  add(r.max);
  for (const ind of [r.lowerThan, r.toward, r.previous]) if (ind) keys.add(ind.key);
  return keys;
}
