/**
 * Which indicators a compiled rubric reads, and where: one walk that the checker (unused columns),
 * 分类考核 (columns only some categories need) and the what-if search (columns not the unit's to change) share.
 */
import { normalizeName } from "../text";
import type { Indicator, ResolvedTarget, Rubric, Rule } from "./model";

const isIndicator = (x: unknown): x is Indicator => typeof x === "object" && x !== null && "key" in x && "keys" in x;

/** Every string inside a rule's document (rule types added later are covered without listing their fields). */
function strings(x: unknown, out: string[]): string[] {
  if (typeof x === "string") out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (typeof x === "object" && x !== null) for (const v of Object.values(x)) strings(v, out);
  return out;
}

const keyOf = (rubric: Rubric, name: string): string | undefined => rubric.byKey.get(normalizeName(name))?.key;

/** The keys of the indicators one rule reads: its resolved names (raters included), its formula, any name in its document. */
export function ruleReads(rubric: Rubric, rule: Rule): Set<string> {
  const read = new Set<string>();
  const add = (x: unknown) => {
    if (isIndicator(x)) read.add(x.key);
    else if (Array.isArray(x)) for (const v of x) add(v);
    else if (x && typeof x === "object" && "column" in x && isIndicator(x.column)) read.add(x.column.key);
  };
  for (const r of Object.values(rule.resolved)) add(r);
  const byName = (n: string) => {
    const k = keyOf(rubric, n);
    if (k) read.add(k);
  };
  for (const n of rule.formula?.names ?? []) byName(n);
  const { resolved: _r, formula: _f, ...doc } = rule;
  for (const s of strings(doc, [])) byName(s);
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
  for (const ind of rubric.indicators) for (const n of ind.derive?.names ?? []) byName(n);
  for (const v of rubric.vetoes) for (const n of v.formula?.names ?? []) byName(n);
  for (const c of rubric.composites) for (const p of c.parts) if ("indicator" in p) byName(p.indicator);
  if (rubric.outcomes.progress) byName(rubric.outcomes.progress.previous);
  if (rubric.categoryColumn) byName(rubric.categoryColumn);
  for (const g of rubric.outcomes.grades ?? []) if (g.quota?.tieBreak) byName(g.quota.tieBreak);
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
