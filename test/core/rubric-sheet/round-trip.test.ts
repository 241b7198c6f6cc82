/** Every built-in rubric → 评分细则 sheet → rubric is the same document. */
import { rubricSchema } from "../../../src/core/rubric/schema";
import { rubricToSheet, sheetToRubric } from "../../../src/core/rubric/sheet";
import { BUILTIN_RUBRICS } from "../../../src/rubrics";
import { sheetGrid } from "./helpers";

describe("built-in rubrics as 评分细则 sheets", () => {
  it.each(BUILTIN_RUBRICS.map((d) => [(d as { id: string }).id, d]))("%s: rubric → sheet → rubric is identical", (_id, raw) => {
    const doc = rubricSchema.parse(raw);
    const back = sheetToRubric(sheetGrid(rubricToSheet(doc)));
    if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
    expect(back.value.doc).toStrictEqual(doc);
  });
});
