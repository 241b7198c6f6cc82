/** Generated valid rubrics → 评分细则 sheet → rubric: the same document; one edited number changes one field. */
import fc from "fast-check";
import { compileRubric } from "../../../src/core/rubric/compile";
import { rubricSchema } from "../../../src/core/rubric/schema";
import { rubricToSheet, sheetToRubric } from "../../../src/core/rubric/sheet";
import { parse as parseYaml } from "yaml";
import { rubricText } from "../../../src/app/rubric-export";
import { rubricDoc } from "./arbitrary";
import { sheetGrid } from "./helpers";

describe("评分细则 sheet round trip (property)", () => {
  it("every generated valid rubric reads back identical", () => {
    fc.assert(
      fc.property(rubricDoc, (raw) => {
        const compiled = compileRubric(raw);
        // The generator makes valid rubrics only; a failure here is the generator's.
        if (!compiled.ok) throw new Error(`generated rubric invalid: ${JSON.stringify(compiled.issues[0])}`);
        const doc = rubricSchema.parse(raw);
        const back = sheetToRubric(sheetGrid(rubricToSheet(doc)));
        if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
        expect(back.value.doc).toStrictEqual(doc);
        expect(compileRubric(back.value.doc).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("every generated valid rubric → YAML (and JSON) → rubric is identical", () => {
    fc.assert(
      fc.property(rubricDoc, (raw) => {
        const { $schema: _drop, ...doc } = rubricSchema.parse(raw);
        const yaml = rubricText(doc, "yaml", "../schema/rubric.schema.json");
        expect(yaml.startsWith("# yaml-language-server: $schema=../schema/rubric.schema.json\n")).toBe(true);
        expect(rubricSchema.parse(parseYaml(yaml))).toStrictEqual(doc);
        const { $schema, ...fromJson } = rubricSchema.parse(JSON.parse(rubricText(doc, "json", "s.json")));
        expect([$schema, fromJson]).toStrictEqual(["s.json", doc]);
      }),
      { numRuns: 100 },
    );
  });
});
