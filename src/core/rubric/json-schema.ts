/**
 * The published rubric JSON Schema (schema/rubric.schema.json), generated from the very zod schema
 * compileRubric validates with, in its input form (defaults may be left out). `npm run schema`
 * writes it; a test fails when the committed file differs from this.
 */
import { z } from "zod";
import { rubricSchema } from "./schema";

export function rubricJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(rubricSchema, { io: "input", target: "draft-2020-12", unrepresentable: "throw" }) as Record<string, unknown>;
  return {
    $schema,
    title: "Kaohe 考核细则 (rubric)",
    description: "A Kaohe rubric in JSON or YAML: indicators, items with their rules, vetoes, outcomes. See docs/rubrics.md.",
    ...generated,
  };
}

/** The file's text: two-space JSON and a final newline, so regeneration is byte-stable. */
export function rubricJsonSchemaText(): string {
  return `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`;
}
