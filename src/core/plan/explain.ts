/** Each unit's explanation in words: its standing, every item that lost points and why, vetoes, problems. */
import type { Texts } from "./texts";
import { sum2 } from "../decimal";
import type { Issue } from "../issue";
import type { Reason, UnitResult } from "../score/types";

/**
 * Attainment rubrics: "3/4" targets met; null while the unit is incomplete. A target the unit is not
 * asked about (an optional column blank on its row, e.g. the street's own 世代服务中心) is not counted.
 */
export function attainedText(u: UnitResult): string | null {
  if (u.status === "incomplete") return null;
  return `${u.items.filter((i) => i.met === true).length}/${u.items.filter((i) => i.met !== null).length}`;
}

export function resultText(u: UnitResult, t: Texts): string {
  if (u.status === "incomplete") return t.label("incomplete");
  const parts: string[] = [];
  // Only a vetoed unit has veto reasons here: an incomplete one (which may) returned above.
  parts.push(...u.vetoReasons.map((r) => t.reason(r)));
  for (const o of u.outcomes) {
    if (o === "notAttained") {
      // A veto for missed targets already names them.
      if (u.status === "vetoed") continue;
      parts.push(`${t.label("notAttained")}${t.paren(t.list(u.items.filter((i) => i.met === false).map((i) => i.name)))}`);
    } else parts.push(t.label(o));
  }
  if (u.grade) parts.push(u.grade);
  // Never empty: the cell carries the unit's explanation note, and an empty cell would lose it.
  return parts.length ? parts.join(t.sep) : t.label(u.status);
}

/** A unit that lost nothing, was not vetoed and has no problem: its note would only repeat the row. */
export function hasSomethingToExplain(u: UnitResult): boolean {
  // A unit with veto reasons is vetoed or incomplete, so its status already says it.
  return u.status !== "scored" || u.problems.length > 0 || u.items.some((i) => i.deductions.length + i.findings.length > 0) ||
    // A grade held back by a quota, or a 难度系数 other than 1, changes what the row shows.
    (u.outcomeReasons ?? []).some((r) => r.code.startsWith("grade.") || (r.code === "coefficient" && r.params.coefficient !== 1));
}

/** A reason, with the input cell it was read from when there is one. */
export interface ExplainedReason {
  reason: Reason;
  cell?: string;
}

/** An item that lost points or has a finding: every reason, then 扣完为止 / the bonus cap when it applied. */
export interface ExplainedItem {
  name: string;
  score: number | null;
  max: number | null;
  reasons: ExplainedReason[];
}

/**
 * What a unit's explanation says, as data: the note on its 考核结果 cell, its 考核明细 row and the
 * pane's breakdown all render this, so they cannot disagree on what is shown.
 */
export interface UnitExplanation {
  /** The line an outcome was judged against, in the regulation's words (后进单位：…85分以下（含85分）). */
  outcomeReasons: Reason[];
  vetoes: Reason[];
  /** The unit's errors (what left it without a total). */
  problems: Issue[];
  items: ExplainedItem[];
  /** "其余各项满分": some items but not all lost nothing, in a points rubric, and the unit has a total. */
  fullMarks: boolean;
}

export function explanationOf(u: UnitResult): UnitExplanation {
  const items: ExplainedItem[] = [];
  // 分类考核: an item that is not the unit's is neither explained nor counted as full marks.
  const assessed = u.items.filter((i) => !i.notApplicable);
  for (const item of assessed) {
    const reasons: ExplainedReason[] = [...item.deductions, ...item.findings].map((d) => (d.cell ? { reason: d.reason, cell: d.cell } : { reason: d.reason }));
    if (reasons.length === 0) continue;
    if (item.floored) {
      const raw = sum2(item.deductions.map((d) => d.points));
      reasons.push({ reason: item.bonus ? { code: "capped", params: { points: raw, max: item.max ?? 0 } } : { code: "floored", params: { points: raw } } });
    }
    items.push({ name: item.name, score: item.score, max: item.max, reasons });
  }
  const full = assessed.length - items.length;
  return {
    outcomeReasons: u.outcomeReasons ?? [],
    vetoes: u.vetoReasons,
    problems: u.problems.filter((p) => p.severity === "error"),
    items,
    // Stryker disable next-line OptionalChaining: full > 0 means assessed has a first item
    fullMarks: u.status !== "incomplete" && full > 0 && full < assessed.length && assessed[0]?.max !== null,
  };
}

const withCell = (text: string, cell: string | undefined) => (cell ? `${cell} ${text}` : text);

/** The unit's note: its standing (vetoes included), then the explanation line by line. */
export function explainUnit(u: UnitResult, t: Texts): string {
  const e = explanationOf(u);
  const head = [u.unit];
  if (u.total !== null) head.push(`${t.label("total")} ${u.total}`);
  if (u.rank !== null) head.push(`${t.label("rank")} ${u.rank}`);
  head.push(resultText(u, t));
  const lines = [head.join(t.sep), ...e.outcomeReasons.map((r) => t.reason(r))];
  for (const p of e.problems) lines.push(withCell(t.issue(p), p.cell));
  for (const item of e.items) {
    const score = item.score !== null && item.max !== null ? ` ${item.score}/${item.max}` : "";
    lines.push(`${item.name}${score}${t.colon.trimEnd()}`);
    for (const r of item.reasons) lines.push(`  · ${t.reason(r.reason)}${r.cell ? t.paren(r.cell) : ""}`);
  }
  if (e.fullMarks) lines.push(t.label("fullMarks"));
  return lines.join("\n");
}

/** The unit's reasons in its 考核明细 row, one per line: each with its cell first; null when there are none. */
export function explanationLines(u: UnitResult, t: Texts): string | null {
  const e = explanationOf(u);
  const lines = [
    ...e.items.flatMap((i) => i.reasons.map((r) => withCell(t.reason(r.reason), r.cell))),
    ...e.vetoes.map((r) => t.reason(r)),
    // 难度系数, 等次名额, 否决后等次, 后进单位: why the unit's total, grade or outcome is what it is.
    ...e.outcomeReasons.map((r) => t.reason(r)),
    ...e.problems.map((p) => withCell(t.issue(p), p.cell)),
  ];
  return lines.length ? lines.join("\n") : null;
}
