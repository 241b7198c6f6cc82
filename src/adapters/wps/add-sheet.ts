/**
 * A 评分细则 sheet added to the workbook in WPS: refused when the workbook's structure is protected;
 * otherwise a new sheet after the last one under a free name, text cells given the text format before
 * their values (so nothing turns into a formula, number or date), bold headings, list drop-downs, and
 * activated. WPS calls are synchronous and nothing is rolled back: when one fails part-way, the
 * half-made sheet is deleted again and the real cause reported.
 */
import type { CellRange } from "../../core/grid";
import { issue } from "../../core/issue";
import { freeSheetName, type RubricSheet, type SheetValue } from "../../core/rubric/sheet";
import { blockOf, setFormats, setValues } from "./cells";
import { Refusal } from "../../app/pane-host";
import { wpsIssue } from "./errors";
import { sheetNames } from "./read";
import { deleteSheet } from "./sheets";
import { sheetAt, XL_BETWEEN, XL_VALID_ALERT_STOP, XL_VALIDATE_LIST, type WpsApplication } from "./wps-types";

const TEXT = "@";
const causeOf = (e: unknown): string => String(wpsIssue(e).params.detail ?? "");

export function addRubricSheet(app: WpsApplication, sheet: RubricSheet): { name: string } {
  const wb = app.ActiveWorkbook;
  if (wb.ProtectStructure) throw new Refusal(issue("workbook.structureProtected", { sheet: sheet.name }));
  const name = freeSheetName(sheet.name, sheetNames(wb));
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const rows = (sheet.rows.length ? sheet.rows : [[]]).map((r) => Array.from({ length: width }, (_, i): SheetValue => r[i] ?? null));
  const area: CellRange = { top: 0, left: 0, bottom: rows.length - 1, right: width - 1 };

  const ws = wb.Worksheets.Add(undefined, sheetAt(wb.Worksheets, wb.Worksheets.Count));
  try {
    ws.Name = name;
    setFormats(ws, area, rows.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? TEXT : null))));
    setValues(ws, area, rows.map((r) => r.map((v) => v ?? "")));
    for (const r of sheet.headings) blockOf(ws, { top: r, bottom: r, left: 0, right: width - 1 }).Font.Bold = true;
    for (const v of sheet.validations) ws.Range(v.ref).Validation.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, v.list.join(","));
    ws.Activate();
  } catch (e) {
    const detail = causeOf(e);
    try {
      deleteSheet(app, ws);
    } catch (left) {
      throw new Refusal(issue("rubricSheet.addFailed", { sheet: name, detail, cleaned: "no", left: causeOf(left) }, { sheet: name }));
    }
    throw new Refusal(issue("rubricSheet.addFailed", { sheet: name, detail, cleaned: "yes" }));
  }
  return { name };
}
