import { compileRubric } from "../../src/core/rubric/compile";
import type { Rubric } from "../../src/core/rubric/model";
import { assess } from "../../src/core/assess";
import type { Grid } from "../../src/core/grid";
import type { Issue } from "../../src/core/issue";

export function rubricOf(doc: Record<string, unknown>): Rubric {
  const c = compileRubric({ id: "t", name: "测试细则", version: "1", ...doc });
  if (!c.ok) throw new Error(`test rubric does not compile: ${JSON.stringify(c.issues)}`);
  return c.value.rubric;
}

export function assessed(g: Grid, r: Rubric) {
  const a = assess(g, r);
  if (!a.ok) throw new Error(`not assessed: ${JSON.stringify(a.issues)}`);
  return a.value;
}

export function unit(a: ReturnType<typeof assessed>, name: string) {
  const u = a.units.find((x) => x.unit === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
}

type Doc = Record<string, unknown>;

/** A percent, a count and a 是/否 indicator: 计划生育率, 违法生育数, 领导小组. */
export function testIndicators(): Doc[] {
  return [
    { name: "计划生育率", type: "percent" },
    { name: "违法生育数", type: "count" },
    { name: "领导小组", type: "boolean" },
  ];
}

/** A points rubric document with one item 甲项 (max 10) holding `rules` (default: one target rule) over three indicators, plus `more`. */
export function rubricDoc(rules: Doc[] = [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }], more: Doc = {}): Doc {
  return { id: "t", name: "测试细则", version: "1", indicators: testIndicators(), items: [{ name: "甲项", max: 10, rules }], ...more };
}

/** The errors a document that must not compile is refused with. */
export function compileErrors(doc: unknown): Issue[] {
  const c = compileRubric(doc);
  if (c.ok) throw new Error("expected errors");
  return c.issues;
}

/** Issues as compared in tests: code, severity, path and params. */
export const brief = (issues: Issue[]) => issues.map((i) => ({ code: i.code, severity: i.severity, path: i.path, params: i.params }));
