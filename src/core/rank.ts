/**
 * Ranking by total, descending, competition style (1, 2, 2, 4), within categories when the rubric
 * has a category column. Vetoed units rank after every non-vetoed unit; incomplete units are unranked.
 */
import type { UnitResult } from "./score/types";

/** Competition ranks for values sorted by `better` (descending by default). */
export function competitionRanks<T>(entries: ReadonlyArray<T>, key: (e: T) => number): Map<T, number> {
  const sorted = [...entries].sort((a, b) => key(b) - key(a));
  const ranks = new Map<T, number>();
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    // Tied with the one before: its rank (it was ranked the step before).
    const tied = prev !== undefined && key(prev) === key(e) ? ranks.get(prev) : undefined;
    ranks.set(e, tied ?? i + 1);
  });
  return ranks;
}

/** `together`: one group for all units (难度系数 makes categories' totals comparable). */
export function groupByCategory(units: ReadonlyArray<UnitResult>, together = false): UnitResult[][] {
  if (together) return [[...units]];
  const groups = new Map<string, UnitResult[]>();
  for (const u of units) {
    // Stryker disable next-line StringLiteral: only a group key; any constant groups the same units.
    const k = u.category ?? "";
    const g = groups.get(k);
    if (g) g.push(u);
    else groups.set(k, [u]);
  }
  return [...groups.values()];
}

export function rankUnits(units: UnitResult[], together = false): void {
  for (const group of groupByCategory(units, together)) {
    // The units with a total (an incomplete unit has none; in attainment mode no unit has one).
    const ranked = group.filter((u) => u.total !== null);
    const scored = ranked.filter((u) => u.status === "scored");
    const vetoed = ranked.filter((u) => u.status === "vetoed");
    for (const [u, r] of competitionRanks(scored, (u) => u.total ?? 0)) u.rank = r;
    for (const [u, r] of competitionRanks(vetoed, (u) => u.total ?? 0)) u.rank = scored.length + r;
  }
}
