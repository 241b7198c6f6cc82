/** Rubrics from the built-ins or from a user's JSON/YAML text. */
import { parse as parseYaml } from "yaml";
import { compileRubric, type Compiled } from "../core/rubric/compile";
import { issue, type Result, fail } from "../core/issue";
import { BUILTIN_RUBRICS } from "../rubrics";

let builtins: Compiled[] | undefined;

export function builtinRubrics(): Compiled[] {
  if (!builtins) {
    builtins = BUILTIN_RUBRICS.map((doc) => {
      const c = compileRubric(doc);
      // The built-ins are tested; a failure here is a bug in this repository, not user input.
      if (!c.ok) throw new Error(`built-in rubric does not compile: ${JSON.stringify(c.issues[0])}`);
      return c.value;
    });
  }
  return builtins;
}

export function builtinRubric(id: string): Result<Compiled> {
  const found = builtinRubrics().find((c) => c.rubric.id === id);
  if (found) return { ok: true, value: found };
  return fail(issue("rubric.unknownBuiltin", { id, available: builtinRubrics().map((c) => c.rubric.id).join(", ") }));
}

/** Parse rubric text: JSON, or YAML (a superset) when the name says so or JSON fails. */
export function parseRubricText(text: string, fileName: string): Result<Compiled> {
  let doc: unknown;
  try {
    doc = /\.ya?ml$/i.test(fileName) ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (e) {
    return fail(issue("rubric.parse", { file: fileName, detail: e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e) }));
  }
  return compileRubric(doc);
}
