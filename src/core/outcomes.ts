/**
 * What the ranking earns: 表彰 for the top N (ties at N included), 后进单位 for units in the last N
 * rank positions below a line (the line itself included when the rubric says 以下, `inclusive`),
 * 进步奖 for the N largest positive improvements, grade bands (with quotas and veto effects, grades.ts).
 * Vetoed units get no commendation, progress award or laggard mark; they are already vetoed.
 */
import type { OutcomesDoc } from "./rubric/schema";
import { competitionRanks, groupByCategory } from "./rank";
import type { Reason, UnitResult } from "./score/types";
import { assignGrades } from "./grades";

/** `together`: one group for all units (难度系数), as the ranking. */
export function assignOutcomes(units: UnitResult[], outcomes: OutcomesDoc, mode: "points" | "attainment", together = false): void {
  if (mode === "attainment") {
    for (const u of units) {
      if (u.status === "incomplete") continue;
      u.outcomes.push(u.items.every((i) => i.met !== false) ? "attained" : "notAttained");
    }
    return;
  }
  for (const group of groupByCategory(units, together)) {
    const scored = group.filter((u) => u.status === "scored" && u.rank !== null);
    const n = scored.length;
    // The last rank position a unit occupies: ties at 8 among 10 occupy 8 and 9.
    const counts = new Map<number, number>();
    for (const u of scored) counts.set(u.rank ?? 0, (counts.get(u.rank ?? 0) ?? 0) + 1);
    for (const u of scored) {
      const rank = u.rank ?? 0;
      if (outcomes.commendation && rank <= outcomes.commendation.top) u.outcomes.push("commended");
      const lag = outcomes.laggard;
      const total = u.total ?? 0;
      const underLine = lag?.below === undefined || (lag.inclusive ? total <= lag.below : total < lag.below);
      if (lag && rank + (counts.get(rank) ?? 1) - 1 > n - lag.bottom && underLine) {
        u.outcomes.push("laggard");
        const params: Reason["params"] = { bottom: lag.bottom, total };
        if (lag.below !== undefined) Object.assign(params, { below: lag.below, inclusive: lag.inclusive ? 1 : 0 });
        (u.outcomeReasons ??= []).push({ code: "laggard", params });
      }
    }
    if (outcomes.progress) {
      const improved = scored.filter((u) => (u.improvement ?? 0) > 0);
      for (const [u, r] of competitionRanks(improved, (u) => u.improvement ?? 0)) {
        if (r <= outcomes.progress.top) u.outcomes.push("progress");
      }
    }
  }
  // Grades by total, within the ranking's groups (which matters only for quotas); see grades.ts.
  if (outcomes.grades?.length) assignGrades(groupByCategory(units, together), outcomes.grades);
}
