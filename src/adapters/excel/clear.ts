/**
 * Carries out an OutputClear: empties exactly the cells the record proves are Kaohe's (restoring the
 * number formats they had before), deletes Kaohe's highlight rules (by their marker), its notes, its
 * results sheet and its names, forgets the record, then reads everything back and says "cleared" only
 * when nothing of Kaohe's is left. Reads only the recorded areas, never the whole sheet.
 */
import { issue } from "../../core/issue";
import { outputName, resultsName, SHEET_NAME, type WorkbookState } from "../../core/ownership/record";
import { cellAreas, isKaohesNote, type OutputClear } from "../../core/ownership/transaction";
import type { ClearReport } from "../../app/pane-host";
import { Refusal } from "../../app/pane-host";
import { kaoheRules, queueFormulas, queueRules } from "./highlights";
import { queueSave, queueState } from "./state";

export async function clearOutputs(context: Excel.RequestContext, tx: OutputClear, state: WorkbookState, notesSupported: boolean): Promise<ClearReport> {
  const wb = context.workbook;
  const ws = wb.worksheets.getItem(tx.sheet);
  ws.protection.load("protected");
  wb.protection.load("protected");
  const rules = queueRules(ws);
  const stateHandle = queueState(context);
  const names = [outputName(tx.token), resultsName(tx.token)].map((n) => wb.names.getItemOrNullObject(n));
  if (tx.forgetSheet) names.push(ws.names.getItemOrNullObject(SHEET_NAME));
  names.forEach((n) => n.load("isNullObject"));
  const results = tx.deleteResults ? wb.worksheets.getItemOrNullObject(tx.deleteResults) : null;
  results?.load("isNullObject");
  const notes = notesSupported ? tx.notes.map((n) => ({ at: n, note: ws.notes.getItemOrNullObject(n.cell) })) : [];
  notes.forEach((n) => n.note.load("isNullObject, content"));
  await context.sync();

  if (ws.protection.protected && tx.clear.length) throw new Refusal(issue("sheet.protected", { sheet: tx.sheet }, { sheet: tx.sheet }));
  if (results && !results.isNullObject && wb.protection.protected) {
    throw new Refusal(issue("workbook.structureProtected", { sheet: tx.deleteResults ?? "" }, { sheet: tx.sheet }));
  }
  const custom = queueFormulas(rules);
  await context.sync();

  const areas = cellAreas(tx.clear);
  for (const a of areas) ws.getRange(a).clear("Contents");
  for (const c of tx.clear) if (c.format) ws.getRangeByIndexes(c.row, c.col, 1, 1).numberFormat = [[c.format]];
  const ours = kaoheRules(custom);
  ours.forEach((cf) => cf.delete());
  // A note is removed only while its text is what Kaohe wrote: one the user edited or added stays.
  const liveNotes = notes.filter((n) => !n.note.isNullObject && isKaohesNote(n.at, n.note.content));
  liveNotes.forEach((n) => n.note.delete());
  const deleted = results && !results.isNullObject ? tx.deleteResults : null;
  if (results && !results.isNullObject) results.delete();
  names.forEach((n) => {
    if (!n.isNullObject) n.delete();
  });
  queueSave(context, stateHandle, state);
  // Check: every cleared cell empty, no rule of Kaohe's, the results sheet gone. Loads queued after the
  // writes in one batch read what the writes left, so the read-back rides on the same sync.
  const check = areas.map((a) => ws.getRange(a).load("formulas"));
  const rulesAfter = queueRules(ws);
  const resultsAfter = deleted ? wb.worksheets.getItemOrNullObject(deleted) : null;
  resultsAfter?.load("isNullObject");
  await context.sync();
  const customAfter = queueFormulas(rulesAfter);
  await context.sync();
  const left: string[] = [];
  check.forEach((r, i) => {
    if (r.formulas.some((row) => row.some((v) => v !== "" && v !== null))) left.push(areas[i] ?? "");
  });
  if (kaoheRules(customAfter).length) left.push("highlights");
  if (resultsAfter && !resultsAfter.isNullObject) left.push(deleted ?? "");
  if (left.length) throw new Refusal(issue("clear.unverified", { left: left.join(", ") }, { sheet: tx.sheet }));
  return { removed: tx.clear.length, highlights: ours.length, notes: liveNotes.length, resultsSheet: deleted, kept: tx.kept, keptResults: tx.keptResults };
}
