/**
 * A 评分细则 sheet added to the workbook in Excel: (1) read the sheet names and the structure's
 * protection — a protected structure stops here with nothing changed; (2) add the sheet under a free
 * name, give text cells the text format before their values (so nothing turns into a formula, number
 * or date), bold headings, list drop-downs, and activate it. Excel does not roll back a failed sync, so
 * when (2) fails the half-made sheet is deleted again and the real cause reported.
 */
import { issue } from "../../core/issue";
import { freeSheetName, type RubricSheet, type SheetValue } from "../../core/rubric/sheet";
import { Refusal } from "../../app/pane-host";
import { officeIssue } from "./errors";

const TEXT = "@";

/** The cause of a failure in words: Office's code and message. */
const causeOf = (e: unknown): string => {
  const i = officeIssue(e);
  return String(i.params.detail ?? i.code);
};

function matrix(sheet: RubricSheet): { values: (string | number)[][]; formats: string[][]; width: number } {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const cells = (r: ReadonlyArray<SheetValue>) => Array.from({ length: width }, (_, i) => r[i] ?? null);
  const rows = (sheet.rows.length ? sheet.rows : [[]]).map(cells);
  return {
    values: rows.map((r) => r.map((v) => v ?? "")),
    formats: rows.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? TEXT : "General"))),
    width,
  };
}

export async function addRubricSheet(context: Excel.RequestContext, sheet: RubricSheet): Promise<{ name: string }> {
  const wb = context.workbook;
  wb.worksheets.load("items/name");
  wb.protection.load("protected");
  await context.sync();
  if (wb.protection.protected) throw new Refusal(issue("workbook.structureProtected", { sheet: sheet.name }));
  const name = freeSheetName(sheet.name, wb.worksheets.items.map((s) => s.name));

  try {
    const ws = wb.worksheets.add(name);
    const m = matrix(sheet);
    const all = ws.getRangeByIndexes(0, 0, m.values.length, m.width);
    all.numberFormat = m.formats;
    all.values = m.values;
    for (const r of sheet.headings) ws.getRangeByIndexes(r, 0, 1, m.width).format.font.bold = true;
    for (const v of sheet.validations) ws.getRange(v.ref).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    all.format.autofitColumns();
    ws.activate();
    await context.sync();
  } catch (e) {
    const detail = causeOf(e);
    try {
      wb.worksheets.getItemOrNullObject(name).delete();
      await context.sync();
    } catch (left) {
      throw new Refusal(issue("rubricSheet.addFailed", { sheet: name, detail, cleaned: "no", left: causeOf(left) }, { sheet: name }));
    }
    throw new Refusal(issue("rubricSheet.addFailed", { sheet: name, detail, cleaned: "yes" }));
  }
  return { name };
}
