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

/**
 * Parse rubric text: YAML when the name says so; otherwise JSON, and when that fails YAML (a
 * rubric written in YAML but saved as .json/.txt). When neither reads, the JSON error is reported
 * and the message says YAML was tried too.
 */
export function parseRubricText(raw: string, fileName: string): Result<Compiled> {
  const text = raw.replace(/^\uFEFF/, ""); // a UTF-8 byte order mark, as Notepad writes
  let doc: unknown;
  const yaml = (t: string) => parseYaml(t, { maxAliasCount: 100 }) as unknown;
  const firstLine = (e: unknown) => (e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e));
  try {
    doc = /\.ya?ml$/i.test(fileName) ? yaml(text) : JSON.parse(text);
  } catch (e) {
    if (/\.ya?ml$/i.test(fileName)) return fail(issue("rubric.parse", { file: fileName, detail: firstLine(e) }));
    let fromYaml: unknown;
    try {
      fromYaml = yaml(text);
    } catch {
      fromYaml = undefined;
    }
    // Plain words are valid YAML too (a string): only a mapping counts as a YAML rubric.
    if (fromYaml === null || typeof fromYaml !== "object" || Array.isArray(fromYaml)) {
      return fail(issue("rubric.parse", { file: fileName, detail: `${firstLine(e)} (JSON; YAML tried too)` }));
    }
    doc = fromYaml;
  }
  return compileRubric(doc);
}

/**
 * Rubric file bytes: UTF-8 only (a UTF-8 BOM is accepted). A workbook, other binary data or text in
 * another encoding (GBK from an old editor) is refused with a message saying what it is.
 */
export function parseRubricBytes(bytes: Uint8Array, fileName: string): Result<Compiled> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return fail(issue("rubric.notText", { file: fileName, what: "zip" }));
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail(issue("rubric.notText", { file: fileName, what: "ole" }));
  }
  if (bytes.includes(0)) return fail(issue("rubric.notText", { file: fileName, what: "binary" }));
  let text: string;
  try {
    // fatal: invalid UTF-8 is an error instead of U+FFFD; ignoreBOM false: a leading BOM is dropped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(issue("rubric.encoding", { file: fileName }));
  }
  return parseRubricText(text, fileName);
}
