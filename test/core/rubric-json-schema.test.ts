/** schema/rubric.schema.json is what `npm run schema` generates from the zod schema the engine validates with. */
import { readFileSync } from "fs";
import * as path from "path";
import { existsSync } from "fs";
import { parse as parseYaml } from "yaml";
import { rubricSchema } from "../../src/core/rubric/schema";
import { rubricJsonSchema, rubricJsonSchemaText } from "../../src/core/rubric/json-schema";

const FILE = path.resolve(__dirname, "../../schema/rubric.schema.json");

describe("the published rubric JSON Schema", () => {
  it("is committed exactly as generated (run `npm run schema` after changing src/core/rubric/schema.ts)", () => {
    expect(readFileSync(FILE, "utf8")).toBe(rubricJsonSchemaText());
  });

  it("describes the rubric: strict objects, the rule kinds, the id pattern", () => {
    const s = rubricJsonSchema() as { additionalProperties?: unknown; required?: string[]; properties: Record<string, unknown> };
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(expect.arrayContaining(["id", "name", "version", "indicators"]));
    const text = JSON.stringify(s);
    for (const kind of ["target", "perCount", "check", "range", "improvement", "enteredScore", "formula", "totalBelow", "anyMissed"]) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });

  it("docs/rubrics.md's example points editors at it and passes the schema", () => {
    const md = readFileSync(path.resolve(__dirname, "../../docs/rubrics.md"), "utf8");
    const yaml = /```yaml\n([\s\S]*?)```/.exec(md)?.[1] ?? "";
    const ref = /^# yaml-language-server: \$schema=(\S+)$/m.exec(yaml.split("\n")[0] ?? "")?.[1];
    expect(ref && existsSync(path.resolve(__dirname, "../../docs", ref))).toBe(true);
    // (A fragment: it names columns it does not declare, which only compileRubric checks.)
    expect(rubricSchema.safeParse(parseYaml(yaml)).success).toBe(true);
  });
});
