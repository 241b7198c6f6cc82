/** Results as data. Reasons are codes with parameters; src/i18n turns them into sentences. */
import type { Issue } from "../issue";
import type { GradeEffectDoc } from "../rubric/schema";

export type ReasonCode =
  | "target.low"
  | "target.high"
  | "count"
  | "check"
  | "range"
  | "improvement"
  | "enteredScore"
  | "formula"
  | "floored"
  | "capped"
  | "veto.fact"
  | "veto.totalBelow"
  | "veto.anyMissed"
  | "laggard"
  | "coefficient"
  | "grade.quota"
  | "grade.tiesIn"
  | "grade.veto"
  | "grade.vetoDown"
  // rule shapes (分档, 与最优比, 与平均值比, 名次, 功效系数法, 民主测评, 折算)
  | "bands"
  | "bands.none"
  | "relative.best"
  | "relative.average"
  | "rank"
  | "efficacy"
  | "raters"
  | "converted";

export interface Reason {
  code: ReasonCode;
  /** A list (e.g. the items a unit missed) is joined by the locale: 出生率、自然增长率 / 出生率, 自然增长率. */
  params: Record<string, string | number | ReadonlyArray<string>>;
}

export interface Deduction {
  /** Points lost (or, in a bonus item, gained), rounded to 2 decimals for display. */
  points: number;
  reason: Reason;
  cell?: string;
}

export interface ItemResult {
  name: string;
  section: string;
  bonus: boolean;
  max: number | null;
  score: number | null;
  /** Every rule of the item met its target (no shortfall). */
  met: boolean | null;
  deductions: Deduction[];
  /** Targets missed in attainment rubrics, and shortfalls that cost nothing. */
  findings: Deduction[];
  floored: boolean;
  /** 分类考核: the item does not apply to the unit's category (not scored, not in its 分值). */
  notApplicable?: true;
}

export type Status = "scored" | "vetoed" | "incomplete";
export type Outcome = "commended" | "laggard" | "progress" | "attained" | "notAttained";

export interface UnitResult {
  row: number;
  unit: string;
  category?: string;
  status: Status;
  total: number | null;
  rank: number | null;
  outcomes: Outcome[];
  grade?: string;
  vetoReasons: Reason[];
  /** Why an outcome applies, when the rubric sets a line (后进单位: 倒数3位且85分以下（含85分）). */
  outcomeReasons?: Reason[];
  items: ItemResult[];
  composites: { name: string; value: number | null }[];
  previousTotal?: number;
  improvement?: number;
  /** 难度系数: the total before it was applied, and the coefficient (`total` is the adjusted total). */
  rawTotal?: number;
  coefficient?: number;
  /** What the unit's vetoes do to its grade (定为 a grade, or 降等次). */
  vetoGrade?: GradeEffectDoc;
  /** Tie-break indicators' values (by indicator name) for grade quotas. */
  tieValues?: Record<string, number>;
  /** Input cells that show a shortfall (to highlight). */
  shortfallCells: string[];
  problems: Issue[];
}
