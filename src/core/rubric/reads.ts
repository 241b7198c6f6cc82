/** Which indicators a compiled rubric reads anywhere: rules, targets, formulas, derivations, vetoes, composites, outcomes. */
import { normalizeName } from "../text";
import type { Indicator, Rubric } from "./model";

const isIndicator = (x: unknown): x is Indicator => typeof x === "object" && x !== null && "key" in x && "keys" in x;

/** Every string inside a rule's document (rule types added later are covered without listing their fields). */
function strings(x: unknown, out: string[]): string[] {
  if (typeof x === "string") out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (typeof x === "object" && x !== null) for (const v of Object.values(x)) strings(v, out);
  return out;
}

/** The keys of every indicator the rubric reads. */
export function indicatorsRead(rubric: Rubric): Set<string> {
  const read = new Set<string>();
  const byName = (name: string) => {
    const ind = rubric.byKey.get(normalizeName(name));
    if (ind) read.add(ind.key);
  };
  for (const item of rubric.items) {
    for (const rule of item.rules) {
      for (const r of Object.values(rule.resolved)) {
        if (isIndicator(r)) read.add(r.key);
        else if (r && typeof r === "object" && "column" in r && isIndicator(r.column)) read.add(r.column.key);
      }
      for (const n of rule.formula?.names ?? []) byName(n);
      const { resolved: _r, formula: _f, ...doc } = rule;
      for (const s of strings(doc, [])) byName(s);
    }
  }
  for (const ind of rubric.indicators) for (const n of ind.derive?.names ?? []) byName(n);
  for (const v of rubric.vetoes) for (const n of v.formula?.names ?? []) byName(n);
  for (const c of rubric.composites) for (const p of c.parts) if ("indicator" in p) byName(p.indicator);
  if (rubric.outcomes.progress) byName(rubric.outcomes.progress.previous);
  if (rubric.categoryColumn) byName(rubric.categoryColumn);
  return read;
}
