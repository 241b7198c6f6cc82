/**
 * Two schema errors said plainly instead of as a failed union: a rule or veto `type` Kaohe does not
 * know (with the ones it does), and a target, min or max that is text or yes/no where a number
 * belongs ("88%", "八十八"). Everything else keeps the generic rubric.schema wording.
 */
import type { ZodError } from "zod";
import { issue, type Issue } from "../issue";
import { ruleSchema, vetoSchema } from "./schema";

type Zi = ZodError["issues"][number];
type Path = (string | number)[];

const TARGET_KEYS = new Set<unknown>(["target", "min", "max"]);

function valueAt(raw: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur: unknown = raw;
  for (const p of path) {
    // Stryker disable next-line LogicalOperator: null is an object, so && is never true — the same as a path that never meets a primitive, which zod's never do
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** The discriminator values a union accepts, read from the schema (so new rule types are listed too). */
function typesOf(union: typeof ruleSchema | typeof vetoSchema): string[] {
  return union.options.map((o) => String(o.shape.type.value));
}

/** A clearer issue for `zi`, or undefined to keep the generic one. */
export function specificSchemaIssue(zi: Zi, path: Path, raw: unknown): Issue | undefined {
  if (zi.code !== "invalid_union") return undefined;
  const last = path[path.length - 1];
  const where = path.join(".");
  // A failed discriminated union (a rule's or veto's `type`): zod puts the discriminator last in the path.
  if ("discriminator" in zi) {
    const veto = path[0] === "vetoes";
    const params = { type: String(valueAt(raw, path) ?? ""), expected: typesOf(veto ? vetoSchema : ruleSchema).join(", "), what: veto ? ("veto" as const) : ("rule" as const), path: where };
    return issue("rubric.unknownRuleType", params, { path });
  }
  const value = valueAt(raw, path);
  if (TARGET_KEYS.has(last) && (typeof value === "string" || typeof value === "boolean")) {
    return issue("rubric.notNumber", { value: String(value), key: String(last), path: where }, { path });
  }
  return undefined;
}
