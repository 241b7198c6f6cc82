/**
 * 差距分析: for one unit, the smallest change of each of its indicator values that would lift a veto,
 * reach the next grade, enter the 表彰 places, leave 后进单位 or move up a place. Every value tried is
 * scored by re-running the whole assessment on the sheet with that one cell changed, so vetoes,
 * rankings and rules that compare units with each other all count, exactly as in a real run. One
 * indicator at a time: changes to several indicators together are not searched.
 */
import { assess, type Assessment } from "../assess";
import { a1, type Grid, type GridCell } from "../grid";
import { indicatorByName, type Indicator, type Rubric } from "../rubric/model";
import { ruleYardsticks } from "../rubric/reads";
import { normalizeName } from "../text";
import type { Outcome, Reason, Status, UnitResult } from "../score/types";
import { parseCell, type ValueKind } from "../values";
import { achieves, goalsFor, type Goal } from "./goals";
import { latticeFor } from "./lattice";
import { searchValue, type ProbeResult } from "./search";

export type { Goal } from "./goals";

/** Where a unit stands in a run. */
export interface Standing {
  status: Status;
  total: number | null;
  rank: number | null;
  grade?: string;
  outcomes: Outcome[];
}

export interface WhatIfChange {
  indicator: string;
  /** The unit's cell for this indicator (A1). */
  cell: string;
  kind: ValueKind;
  /** Booleans as 1 (是) and 0 (否). */
  from: number;
  to: number;
  /** Where the unit would stand with this one change. */
  after: Standing;
  /** false when the budget ran out before the boundary was pinned down: `to` works but may not be the least. */
  exact: boolean;
}

export interface GoalAnswer {
  goal: Goal;
  /** One per indicator that reaches the goal alone, in the sheet's column order; empty: no single indicator does. */
  changes: WhatIfChange[];
}

export interface WhatIf {
  unit: string;
  row: number;
  before: Standing;
  /** Why the unit is vetoed, if it is (each has its own liftVeto goal). */
  vetoes: Reason[];
  goals: GoalAnswer[];
  /** Re-assessments of the whole sheet run. */
  assessments: number;
  /** The most the budget allowed. */
  budget: number;
  /** Indicators not searched, or not to the end, because the budget ran out (then the answers are incomplete). */
  untried: string[];
}

export interface WhatIfOptions {
  /**
   * Most work to do, in units scored: each re-assessment scores every unit of the sheet, so a sheet of
   * 500 units gets 500 re-assessments by default (250,000), one of 50 units 5,000.
   */
  maxUnitsScored?: number;
  /** The engine each changed sheet is run through: `assess` (tests pass a stand-in with a rule comparing units). */
  engine?: typeof assess;
}

/** About a second or two for 500 units of community-2009 (npm run bench). */
const DEFAULT_WORK = 250_000;

/** Everything a change could move: every unit's standing, and this unit's items with their reasons. */
function signature(units: ReadonlyArray<UnitResult>, u: UnitResult): string {
  const all = units.map((x) => `${x.status}|${x.total}|${x.rank}|${x.grade ?? ""}|${x.outcomes.join(",")}`).join(";");
  return `${all}#${JSON.stringify([u.vetoReasons, u.items.map((i) => [i.score, i.met, i.deductions, i.findings])])}`;
}

/** Status first (scored above vetoed above incomplete), then total; attainment rubrics count targets met. */
function worseThan(u: UnitResult, base: UnitResult): boolean {
  const rank = (x: UnitResult) => (x.status === "scored" ? 2 : x.status === "vetoed" ? 1 : 0);
  if (rank(u) !== rank(base)) return rank(u) < rank(base);
  const figure = (x: UnitResult) => x.total ?? x.items.filter((i) => i.met === true).length;
  return figure(u) < figure(base);
}

export function standing(u: UnitResult): Standing {
  const s: Standing = { status: u.status, total: u.total, rank: u.rank, outcomes: [...u.outcomes] };
  if (u.grade !== undefined) s.grade = u.grade;
  return s;
}

/** Indicators read only as a yardstick (上年 figures, a target column, the 进步奖 basis): not the unit's to change. */
function yardsticks(rubric: Rubric): Set<string> {
  const keys = new Set<string>();
  for (const item of rubric.items) for (const rule of item.rules) for (const k of ruleYardsticks(rule)) keys.add(k);
  const prev = rubric.outcomes.progress?.previous;
  const basis = prev === undefined ? undefined : indicatorByName(rubric, prev, normalizeName);
  if (basis) keys.add(basis.key);
  const used = new Set(rubric.items.flatMap((i) => i.rules.map((r) => r.resolved.ind?.key)));
  for (const k of used) if (k) keys.delete(k);
  return keys;
}

/** The grid with one cell replaced: only that row is copied. */
function withCell(grid: Grid, row: number, col: number, cell: GridCell): Grid {
  const rows = grid.rows.slice();
  const cells = (rows[row] ?? []).slice();
  cells[col] = cell;
  rows[row] = cells;
  return { ...grid, rows };
}

/** A value the engine reads back as exactly `value` for this kind (a plain number is in the indicator's unit). */
const cellFor = (kind: ValueKind, value: number): GridCell => ({ value: kind === "boolean" ? value === 1 : value });

/**
 * The what-if for the unit on 0-based sheet row `row` of `base` (an assessment of `grid` with
 * `rubric`). Undefined when the run has no unit on that row.
 */
export function whatIf(grid: Grid, rubric: Rubric, base: Assessment, row: number, options: WhatIfOptions = {}): WhatIf | undefined {
  const unit = base.units.find((u) => u.row === row);
  if (!unit) return undefined;
  const goals = goalsFor(unit, rubric);
  const budget = Math.max(1, Math.floor((options.maxUnitsScored ?? DEFAULT_WORK) / base.units.length));
  const report: WhatIf = { unit: unit.unit, row, before: standing(unit), vetoes: unit.vetoReasons, goals: goals.map((goal) => ({ goal, changes: [] })), assessments: 0, budget, untried: [] };
  if (goals.length === 0) return report;

  const layout = base.layout;
  const engine = options.engine ?? assess;
  const baseline = signature(base.units, unit);
  const skip = yardsticks(rubric);
  const candidates = rubric.indicators
    .filter((ind) => layout.columns.has(ind.key) && !skip.has(ind.key))
    .map((ind) => ({ ind, col: layout.columns.get(ind.key) ?? 0 }))
    .sort((x, y) => x.col - y.col);
  // Should the budget run short: where the unit lost points first, then 是/否 answers (one try each).
  const shortfall = new Set(unit.shortfallCells);
  const priority = (c: { ind: Indicator; col: number }) => (shortfall.has(a1(row, c.col)) ? 0 : c.ind.kind === "boolean" ? 1 : 2);
  const order = [...candidates].sort((x, y) => priority(x) - priority(y));

  for (const { ind, col } of order) {
    const cell = a1(row, col);
    const parsed = parseCell(grid.rows[row]?.[col], ind.kind, ind.bounds);
    // A blank optional value is not the unit's figure to move.
    if (!parsed.ok) continue;
    if (report.assessments >= budget) {
      report.untried.push(ind.name);
      continue;
    }
    const from = parsed.value;
    const seen = new Map<number, { result: ProbeResult; unit: UnitResult | undefined }>();
    const probe = (value: number): ProbeResult | null => {
      const known = seen.get(value);
      if (known) return known.result;
      if (report.assessments >= budget) return null;
      report.assessments++;
      const probed = engine(withCell(grid, row, col, cellFor(ind.kind, value)), rubric, { layout });
      const assessment = probed.ok ? probed.value : undefined;
      const after = assessment?.units.find((u) => u.row === row);
      const result: ProbeResult = {
        valid: after !== undefined && after.status !== "incomplete",
        worse: after === undefined || worseThan(after, unit),
        unchanged: assessment !== undefined && after !== undefined && signature(assessment.units, after) === baseline,
        met: goals.map((g) => after !== undefined && achieves(g, after, rubric)),
      };
      seen.set(value, { result, unit: after });
      return result;
    };
    const change = (to: number, exact: boolean): WhatIfChange => {
      const after = seen.get(to)?.unit;
      return { indicator: ind.name, cell, kind: ind.kind, from, to, exact, after: after ? standing(after) : { status: "incomplete", total: null, rank: null, outcomes: [] } };
    };
    const changes: (WhatIfChange | null)[] = [];
    if (ind.kind === "boolean") {
      const to = from === 1 ? 0 : 1;
      const r = probe(to);
      if (!r) report.untried.push(ind.name);
      goals.forEach((_, g) => changes.push(r?.met[g] ? change(to, true) : null));
    } else {
      const { found: best, spent } = searchValue(latticeFor(ind, from), goals.length, probe);
      // Cut short by the budget: what it found stands, but a goal it did not reach may still be reachable.
      if (spent) report.untried.push(ind.name);
      for (const f of best) changes.push(f ? change(f.to, f.exact) : null);
    }
    changes.forEach((c, g) => c && report.goals[g]?.changes.push(c));
  }
  // In the sheet's column order, whatever order they were searched in.
  const colOf = new Map(candidates.map((c) => [c.ind.name, c.col]));
  for (const a of report.goals) a.changes.sort((x, y) => (colOf.get(x.indicator) ?? 0) - (colOf.get(y.indicator) ?? 0));
  return report;
}
