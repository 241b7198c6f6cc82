/** Telling 评分细则 sheets apart by their layout, the empty template, and free names for a new sheet. */
import fc from "fast-check";
import { builtinRubrics } from "../../../src/app/rubrics";
import { compileRubricSheet, freeSheetName, isRubricSheet, rubricTemplateSheet, rubricToSheet } from "../../../src/core/rubric/sheet";
import { sheetGrid } from "./helpers";

describe("isRubricSheet", () => {
  it("recognises every built-in rubric written as a sheet, whatever the sheet is called", () => {
    for (const c of builtinRubrics()) expect(isRubricSheet(sheetGrid(rubricToSheet(c.rubric.doc, "细则甲")))).toBe(true);
  });

  it("does not take a data sheet for one, even when it is named 评分细则", () => {
    const data = { name: "评分细则", rows: [["社区", "计划生育率(%)"], ["阳光社区", 85], ["考核项目", 1]] };
    expect(isRubricSheet(sheetGrid(data))).toBe(false);
  });

  it("needs the title alone on its row: 【考核项目】 beside other text is not a block title", () => {
    expect(isRubricSheet(sheetGrid({ name: "x", rows: [["【考核项目】", "备注"]] }))).toBe(false);
    expect(isRubricSheet(sheetGrid({ name: "x", rows: [[], ["[考核项目]"]] }))).toBe(true);
  });
});

describe("rubricTemplateSheet", () => {
  it("is a 评分细则 sheet with blank rows under drop-downs, whose problems all sit on cells", () => {
    const t = rubricTemplateSheet();
    expect(isRubricSheet(sheetGrid(t))).toBe(true);
    const kinds = t.validations.find((v) => v.list.includes("对照目标值"));
    expect(kinds?.ref).toMatch(/^E\d+:E\d+$/);
    const [from, to] = (kinds?.ref ?? "").split(":").map((a) => Number(a.slice(1)));
    expect((to ?? 0) - (from ?? 0) + 1).toBe(30);
    for (let r = (from ?? 1) - 1; r < (to ?? 0); r++) expect(t.rows[r]).toEqual([]);
    const read = compileRubricSheet(sheetGrid(t));
    expect(read.ok).toBe(false);
    if (!read.ok) for (const i of read.issues) expect([i.sheet, typeof i.cell]).toEqual(["评分细则", "string"]);
  });

  it("keeps every heading on a title or column-name row after the blank rows go in", () => {
    const t = rubricTemplateSheet();
    for (const h of t.headings) expect(t.rows[h]?.length).toBeGreaterThan(0);
  });
});

describe("freeSheetName", () => {
  it("counts up past taken names, ignoring case", () => {
    expect(freeSheetName("评分细则", [])).toBe("评分细则");
    expect(freeSheetName("评分细则", ["评分细则", "评分细则 (2)"])).toBe("评分细则 (3)");
    expect(freeSheetName("Rubric", ["rubric"])).toBe("Rubric (2)");
  });

  it("is never taken and never longer than 31 characters", () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 20 }), (base, taken) => {
      const all = [...taken, base.slice(0, 31), ...taken.map((t) => `${t} (2)`)];
      const name = freeSheetName(base, all);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(all.map((n) => n.toLowerCase())).not.toContain(name.toLowerCase());
    }));
  });
});
