/** A unit named by a person (`--unit 阳光社区`): exactly, else ignoring width, spaces and case; else the names most like it. */
import { levenshtein, normalizeName } from "../core/text";
import type { UnitResult } from "../core/score/types";

export function findUnit(units: ReadonlyArray<UnitResult>, name: string): UnitResult | undefined {
  const exact = units.find((u) => u.unit === name);
  if (exact) return exact;
  const key = normalizeName(name);
  return key ? units.find((u) => normalizeName(u.unit) === key) : undefined;
}

/** Up to `max` unit names like `name`: those containing it (or contained in it) first, then the closest spellings. */
export function nearUnits(units: ReadonlyArray<UnitResult>, name: string, max = 5): string[] {
  const key = normalizeName(name);
  if (!key) return [];
  const scored: { name: string; score: number }[] = [];
  for (const u of units) {
    const k = normalizeName(u.unit);
    if (!k) continue;
    const d = levenshtein(key, k);
    const contains = k.includes(key) || key.includes(k);
    // Related enough: one contains the other, or at most half the characters differ.
    if (contains || d <= Math.max(1, Math.floor(Math.max([...key].length, [...k].length) / 2))) scored.push({ name: u.unit, score: contains ? -1 / (1 + d) : d });
  }
  return [...new Set(scored.sort((a, b) => a.score - b.score).map((s) => s.name))].slice(0, max);
}
