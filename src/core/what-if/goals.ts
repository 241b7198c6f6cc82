/**
 * What a unit could aim for, and whether a re-assessed unit got there. Every test reads the engine's
 * own result (status, grade, outcomes, rank, veto reasons): nothing here scores.
 */
import type { Rubric } from "../rubric/model";
import type { Reason, UnitResult } from "../score/types";

export type Goal =
  /** Lift this veto (一票否决): the reason is gone and the unit is assessed. */
  | { kind: "liftVeto"; veto: Reason }
  /** Reach this grade band (等次) or a higher one. */
  | { kind: "grade"; label: string; min: number }
  /** Enter the 表彰 places. */
  | { kind: "commended"; top: number }
  /** Leave 后进单位, still scored (a veto is no way out). */
  | { kind: "notLaggard" }
  /** Attainment rubrics: meet every target. */
  | { kind: "attained" }
  /** Move up at least one place. */
  | { kind: "rankUp"; rank: number };

function bands(rubric: Rubric): { label: string; min: number }[] {
  return [...(rubric.outcomes.grades ?? [])].sort((a, b) => a.min - b.min);
}

/** The band a grade label stands for (the highest, should two bands share a label); -Infinity for none. */
function gradeMin(rubric: Rubric, label: string | undefined): number {
  let min = -Infinity;
  // Bands ascend, so the last one with the label is the highest.
  for (const b of bands(rubric)) if (b.label === label) min = b.min;
  return min;
}

const sameVeto = (a: Reason, b: Reason) => a.code === b.code && (a.code !== "veto.fact" || a.params.reason === b.params.reason);

/** The goals worth asking about for this unit, most pressing first. Incomplete units have none. */
export function goalsFor(u: UnitResult, rubric: Rubric): Goal[] {
  if (u.status === "incomplete") return [];
  const goals: Goal[] = u.vetoReasons.map((veto): Goal => ({ kind: "liftVeto", veto }));
  if (rubric.mode === "attainment") {
    if (!u.outcomes.includes("attained")) goals.push({ kind: "attained" });
    return goals;
  }
  const current = gradeMin(rubric, u.grade);
  const next = bands(rubric).find((b) => b.min > current);
  if (next) goals.push({ kind: "grade", label: next.label, min: next.min });
  const commendation = rubric.outcomes.commendation;
  if (commendation && !u.outcomes.includes("commended")) goals.push({ kind: "commended", top: commendation.top });
  if (u.outcomes.includes("laggard")) goals.push({ kind: "notLaggard" });
  if (u.rank !== null && u.rank > 1) goals.push({ kind: "rankUp", rank: u.rank });
  return goals;
}

export function achieves(goal: Goal, u: UnitResult, rubric: Rubric): boolean {
  if (u.status === "incomplete") return false;
  switch (goal.kind) {
    case "liftVeto":
      return !u.vetoReasons.some((r) => sameVeto(r, goal.veto));
    case "grade":
      return gradeMin(rubric, u.grade) >= goal.min;
    case "commended":
      return u.outcomes.includes("commended");
    case "notLaggard":
      return u.status === "scored" && !u.outcomes.includes("laggard");
    case "attained":
      return u.outcomes.includes("attained");
    case "rankUp":
      return u.rank !== null && u.rank < goal.rank;
  }
}
