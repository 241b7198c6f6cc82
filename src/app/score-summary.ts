/** What the pane shows after a run: counts, top and bottom, outcomes, and what changed since the last run. */
import type { Assessment } from "../core/assess";
import type { LastUnit } from "../core/ownership/record";
import type { Outcome, UnitResult } from "../core/score/types";
import type { RubricChange } from "../core/rubric/hash";

export interface Change {
  unit: string;
  before: { status: string; rank: number | null } | null;
  after: { status: string; rank: number | null } | null;
}

export interface ScoreResult {
  assessment: Assessment;
  counts: { scored: number; vetoed: number; incomplete: number };
  top: UnitResult[];
  bottom: UnitResult[];
  commended: string[];
  laggards: string[];
  /** Units vetoed (一票否决), and 进步奖 winners. */
  vetoed: UnitResult[];
  progress: UnitResult[];
  /** The rubric compares with last year (units carry a previous total, the 进步奖 basis): the pane shows the 进步奖 line. */
  comparesLastYear: boolean;
  /** Attainment rubrics: units that met every target, and those that did not. */
  attained: string[];
  notAttained: string[];
  /** Present when there was an earlier run: units whose rank or status changed. */
  changes?: Change[];
  previousRubric?: string;
  /** ISO time of the run. */
  scoredAt?: string;
  /** Re-scored with a changed version of the same rubric (same id): which rules changed. */
  rubricChange?: RubricChange;
}

const named = (a: Assessment, outcome: Outcome) => a.units.filter((u) => u.outcomes.includes(outcome)).map((u) => u.unit);

export function summarise(
  a: Assessment,
  previous?: { rubricId: string; units: LastUnit[] },
  run: { at?: string; rubricChange?: RubricChange | null } = {},
): ScoreResult {
  const count = (s: string) => a.units.filter((u) => u.status === s).length;
  const ranked = a.units.filter((u) => u.rank !== null).sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0));
  const scored = ranked.filter((u) => u.status === "scored");
  const result: ScoreResult = {
    assessment: a,
    counts: { scored: count("scored"), vetoed: count("vetoed"), incomplete: count("incomplete") },
    top: scored.slice(0, 3),
    bottom: scored.length > 3 ? scored.slice(-3).reverse() : [],
    commended: named(a, "commended"),
    laggards: named(a, "laggard"),
    vetoed: a.units.filter((u) => u.status === "vetoed"),
    progress: a.units.filter((u) => u.outcomes.includes("progress")),
    comparesLastYear: a.units.some((u) => u.outcomes.includes("progress") || u.previousTotal !== undefined),
    attained: named(a, "attained"),
    notAttained: named(a, "notAttained"),
  };
  if (run.at !== undefined) result.scoredAt = run.at;
  if (run.rubricChange) result.rubricChange = run.rubricChange;
  if (previous) {
    result.changes = diff(previous.units, a.units);
    result.previousRubric = previous.rubricId;
  }
  return result;
}

export function lastUnits(a: Assessment): LastUnit[] {
  return a.units.map((u): LastUnit => [u.unit, u.status, u.rank, u.total]);
}

export function diff(before: ReadonlyArray<LastUnit>, after: ReadonlyArray<UnitResult>): Change[] {
  const old = new Map(before.map(([unit, status, rank]) => [unit, { status, rank }]));
  const changes: Change[] = [];
  for (const u of after) {
    const b = old.get(u.unit) ?? null;
    old.delete(u.unit);
    if (!b || b.status !== u.status || b.rank !== u.rank) changes.push({ unit: u.unit, before: b, after: { status: u.status, rank: u.rank } });
  }
  for (const [unit, b] of old) changes.push({ unit, before: b, after: null });
  return changes;
}
