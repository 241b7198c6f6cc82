/** Checks of the rule shapes (分档, 功效系数法, 民主测评) that a schema cannot express, each at its path. */
import { issue, type Issue, type RuleShapeProblem } from "../issue";
import type { RuleDoc } from "./schema";

type Path = ReadonlyArray<string | number>;

export function checkShapeRule(c: { errors: Issue[] }, rule: RuleDoc, path: Path, itemMax: number | undefined): void {
  const bad = (problem: RuleShapeProblem, at: Path, params: Record<string, string | number> = {}) =>
    c.errors.push(issue("rubric.ruleShape", { problem, path: at.join("."), ...params }, { path: at }));
  if (rule.type === "bands") {
    const seen = new Set<number>();
    rule.bands.forEach((b, i) => {
      // A band earns a number of points or a share of the full marks: exactly one of the two.
      if ((b.points === undefined) === (b.share === undefined)) bad("bandPoints", [...path, "bands", i, "points"], { min: b.min });
      if (seen.has(b.min)) bad("bandDuplicate", [...path, "bands", i, "min"], { min: b.min });
      seen.add(b.min);
    });
  } else if (rule.type === "efficacy") {
    const full = rule.points ?? itemMax;
    if (full !== undefined && rule.base > full) bad("baseAboveFull", [...path, "base"], { base: rule.base, full });
    if (rule.satisfactory === rule.unacceptable) bad("sameBounds", [...path, "unacceptable"], { value: rule.satisfactory });
  } else if (rule.type === "raters" && rule.indicators.length <= 2 * rule.drop) {
    bad("tooFewRaters", [...path, "indicators"], { count: rule.indicators.length, drop: rule.drop });
  }
}
