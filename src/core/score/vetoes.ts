/** 一票否决: a fact about the unit, a total below a line, or any target missed. */
import { evaluate } from "../formula";
import { issue, type Issue } from "../issue";
import type { Rubric } from "../rubric/model";
import type { GradeEffectDoc } from "../rubric/schema";
import type { ItemResult, Reason } from "./types";
import { valueLookup, type Value } from "./unit-values";

export function vetoReasons(
  rubric: Rubric,
  values: ReadonlyMap<string, Value>,
  rowNumber: number,
  total: number | null,
  items: ReadonlyArray<ItemResult>,
  complete: boolean,
  where: Pick<Issue, "sheet" | "cell" | "unit"> = {},
): { reasons: Reason[]; cells: string[]; problems: Issue[]; grade?: GradeEffectDoc } {
  const reasons: Reason[] = [];
  // What each veto that applies does to the grade: its own effect, else the rubric's.
  const grades: GradeEffectDoc[] = [];
  const cells: string[] = [];
  // A condition that cannot be evaluated (division by zero, overflow) is not "no veto": it is reported.
  const problems: Issue[] = [];
  const lookup = valueLookup(rubric, values);
  for (const v of rubric.vetoes) {
    const before = reasons.length;
    if (v.type === "fact") {
      // A fact on an optional column the sheet lacks cannot veto (the missing column is reported).
      const r = evaluate(v.formula, lookup);
      if (!r.ok && r.error.code !== "unknownName") {
        problems.push(issue("veto.notEvaluated", { reason: v.reason, formula: v.when, error: r.error.code }, where));
      }
      if (r.ok && r.value !== 0) {
        reasons.push({ code: "veto.fact", params: { reason: v.reason, when: v.when } });
        for (const n of v.formula.names) {
          const ind = rubric.byKey.get(n);
          const col = ind ? values.get(ind.key)?.col : undefined;
          if (col) cells.push(`${col}${rowNumber}`);
        }
      }
    } else if (v.type === "totalBelow") {
      // 80分以下 includes 80 (inclusive); 不满80分 does not.
      const below = total !== null && (v.inclusive ? total <= v.value : total < v.value);
      if (below) reasons.push({ code: "veto.totalBelow", params: { total, value: v.value, inclusive: v.inclusive ? 1 : 0 } });
    } else if (complete) {
      const missed = items.filter((i) => i.met === false).map((i) => i.name);
      if (missed.length) reasons.push({ code: "veto.anyMissed", params: { items: missed, count: missed.length } });
    }
    const effect = v.grade ?? rubric.outcomes.vetoGrade;
    if (reasons.length > before && effect) grades.push(effect);
  }
  const grade = combinedEffect(grades);
  return grade ? { reasons, cells, problems, grade } : { reasons, cells, problems };
}

/** Several vetoes' effects on the grade: a stated grade wins (the first); otherwise the largest 降等. */
function combinedEffect(effects: ReadonlyArray<GradeEffectDoc>): GradeEffectDoc | undefined {
  const label = effects.find((e) => "label" in e);
  if (label) return label;
  const down = Math.max(0, ...effects.map((e) => ("down" in e ? e.down : 0)));
  return down > 0 ? { down } : undefined;
}
