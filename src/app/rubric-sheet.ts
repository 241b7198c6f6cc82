/** Rubrics that live in a workbook as 评分细则 sheets, read through whichever WorkbookPort holds it. */
import { issue, fail, type Result } from "../core/issue";
import type { Compiled } from "../core/rubric/compile";
import { compileRubricSheet } from "../core/rubric/sheet";
import type { WorkbookPort } from "./ports";

/** The rubric written on sheet `name`, checked; every problem on its cell. */
export async function readRubricSheet(wb: WorkbookPort, name: string): Promise<Result<Compiled>> {
  const sheets = await wb.sheets();
  const grid = sheets.some((s) => s.name === name) ? await wb.readSheet(name) : undefined;
  if (!grid) return fail(issue("rubricSheet.notFound", { sheet: name, available: sheets.map((s) => s.name).join("、") }));
  return compileRubricSheet(grid);
}

/** The sheet to score when none is named: the first one that is not the rubric's own sheet. */
export async function dataSheetBeside(wb: WorkbookPort, rubricSheet: string): Promise<string | undefined> {
  return (await wb.sheets()).find((s) => s.name !== rubricSheet)?.name;
}
