/** Each unit's explanation in words: its standing, every item that lost points and why, vetoes, problems. */
import type { Texts } from "./texts";
import { sum2 } from "../decimal";
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
  if (u.status === "vetoed") parts.push(...u.vetoReasons.map((r) => t.reason(r)));
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
  return u.status !== "scored" || u.vetoReasons.length > 0 || u.problems.length > 0 || u.items.some((i) => i.deductions.length + i.findings.length > 0) ||
    // A grade held back by a quota, or a 难度系数 other than 1, changes what the row shows.
    (u.outcomeReasons ?? []).some((r) => r.code.startsWith("grade.") || (r.code === "coefficient" && r.params.coefficient !== 1));
}

export function explainUnit(u: UnitResult, t: Texts): string {
  const lines: string[] = [];
  const head = [u.unit];
  if (u.total !== null) head.push(`${t.label("total")} ${u.total}`);
  if (u.rank !== null) head.push(`${t.label("rank")} ${u.rank}`);
  head.push(resultText(u, t));
  lines.push(head.join(t.sep));
  // The line an outcome was judged against, in the regulation's words (后进单位：…85分以下（含85分）).
  for (const r of u.outcomeReasons ?? []) lines.push(t.reason(r));
  if (u.status === "incomplete") {
    for (const p of u.problems.filter((p) => p.severity === "error")) lines.push(`${p.cell ? `${p.cell} ` : ""}${t.issue(p)}`);
    return lines.join("\n");
  }
  let full = 0;
  for (const item of u.items) {
    if (item.notApplicable) continue; // 分类考核: not the unit's item
    const notes = [...item.deductions, ...item.findings];
    if (notes.length === 0) {
      full++;
      continue;
    }
    const score = item.score !== null && item.max !== null ? ` ${item.score}/${item.max}` : "";
    lines.push(`${item.name}${score}${t.colon.trimEnd()}`);
    for (const d of notes) lines.push(`  · ${t.reason(d.reason)}${d.cell ? t.paren(d.cell) : ""}`);
    if (item.floored) {
      const raw = sum2(item.deductions.map((d) => d.points));
      const reason: Reason = item.bonus ? { code: "capped", params: { points: raw, max: item.max ?? 0 } } : { code: "floored", params: { points: raw } };
      lines.push(`  · ${t.reason(reason)}`);
    }
  }
  const assessed = u.items.filter((i) => !i.notApplicable);
  if (full > 0 && full < assessed.length && assessed[0]?.max !== null) lines.push(t.label("fullMarks"));
  return lines.join("\n");
}
