import { compileRubric } from "../../src/core/rubric/compile";
import type { Rubric } from "../../src/core/rubric/model";
import { assess } from "../../src/core/assess";
import type { Grid } from "../../src/core/grid";

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
