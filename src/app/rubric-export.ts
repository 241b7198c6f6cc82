/** A rubric document as text to save: YAML or JSON that points editors at the published JSON Schema. */
import { stringify } from "yaml";
import type { RubricDoc } from "../core/rubric/schema";

export type TextFormat = "yaml" | "json";

/**
 * `schemaRef` is where the reader's editor finds schema/rubric.schema.json (a path relative to the
 * file, or a URL). YAML gets the yaml-language-server comment; JSON a `$schema` key, which the
 * rubric schema allows.
 */
export function rubricText(doc: RubricDoc, format: TextFormat, schemaRef: string): string {
  const { $schema: _ignored, ...rest } = doc;
  if (format === "json") return `${JSON.stringify({ $schema: schemaRef, ...rest }, null, 2)}\n`;
  return `# yaml-language-server: $schema=${schemaRef}\n${stringify(rest, { lineWidth: 0 })}`;
}
