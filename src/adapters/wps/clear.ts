/**
 * Carries out an OutputClear in WPS: empties exactly the cells the record proves are Kaohe's
 * (restoring their earlier number formats), deletes Kaohe's highlight rules (by their marker), its
 * notes, its results sheet and its names, saves the state without the record, then reads it all back
 * and reports "cleared" only when nothing of Kaohe's is left. Reads only the recorded areas.
 */
import { issue } from "../../core/issue";
import { outputName, resultsName, type WorkbookState } from "../../core/ownership/record";
import { isKaohesNote, type OutputClear } from "../../core/ownership/transaction";
import type { ClearReport } from "../../app/pane-host";
import { deleteName } from "./anchors";
import { clearCells, contents } from "./cells";
import { Refusal } from "../../app/pane-host";
import { deleteKaoheRules, hasKaoheRule } from "./highlights";
import { boxOf } from "./read";
import { deleteSheet } from "./sheets";
import { saveState } from "./state";
import { findSheet, sheetAt, type WpsApplication } from "./wps-types";

export function clearOutputs(app: WpsApplication, tx: OutputClear, state: WorkbookState): ClearReport {
  const wb = app.ActiveWorkbook;
  const ws = sheetAt(wb.Worksheets, tx.sheet);
  const results = findSheet(wb, tx.deleteResults);
  if (ws.ProtectContents && tx.clear.length) throw new Refusal(issue("sheet.protected", { sheet: tx.sheet }, { sheet: tx.sheet }));
  if (results && wb.ProtectStructure) throw new Refusal(issue("workbook.structureProtected", { sheet: tx.deleteResults ?? "" }, { sheet: tx.sheet }));

  const areas = clearCells(ws, tx.clear);
  const highlights = deleteKaoheRules(ws);
  let notes = 0;
  // A comment is removed only while its text is what Kaohe wrote: one the user edited or added stays.
  for (const n of tx.notes) {
    const note = ws.Range(n.cell).Comment;
    if (note && isKaohesNote(n, note.Text())) {
      note.Delete();
      notes++;
    }
  }
  const deleted = results ? results.Name : null;
  if (results) {
    const active = wb.ActiveSheet.Name === deleted;
    deleteSheet(app, results);
    if (active) ws.Activate(); // WPS would show a neighbour of the deleted sheet
  }
  deleteName(wb, outputName(tx.token));
  deleteName(wb, resultsName(tx.token));
  saveState(wb, state);

  // Check: every cleared cell empty, no rule of Kaohe's, the results sheet gone.
  const left: string[] = [];
  for (const a of areas) {
    const range = ws.Range(a);
    if (contents(range, boxOf(range)).some((row) => row.some((v) => v !== ""))) left.push(a);
  }
  if (hasKaoheRule(ws)) left.push("highlights");
  if (deleted && findSheet(wb, deleted)) left.push(deleted);
  if (left.length) throw new Refusal(issue("clear.unverified", { left: left.join(", ") }, { sheet: tx.sheet }));
  return { removed: tx.clear.length, highlights, notes, resultsSheet: deleted, kept: tx.kept, keptResults: tx.keptResults };
}
