/**
 * Carries out a scoring run's OutputWrite in WPS as a recorded transaction, like the Excel adapter:
 * (1) prepare — protection, current formats, where the results go; nothing is changed if this refuses;
 * (2) intent — the record of everything this run may touch is saved before the first write;
 * (3) write — results sheet, the user's sheet, highlights, notes, names, then read back what WPS stores;
 * (4) commit — the record of exactly what was written. WPS calls are synchronous: one that fails
 * throws, and the session then clears what the intent record proves is Kaohe's (PaneSession.score).
 */
import type { CellRange } from "../../core/grid";
import { issue } from "../../core/issue";
import { blockFingerprint, fingerprint } from "../../core/ownership/fingerprint";
import { outputName, resultsName, withRecord, type WorkbookState } from "../../core/ownership/record";
import { intentRecord, notePlan, recordOf, type OutputWrite } from "../../core/ownership/transaction";
import type { PlanValue } from "../../core/plan/write-plan";
import type { WriteReport } from "../../app/pane-host";
import { anchorSheet, setName } from "./anchors";
import { blockOf, clearCells, contents, formatsOf, setFormats, setValues } from "./cells";
import { Refusal } from "../../app/pane-host";
import { addHighlights, deleteKaoheRules } from "./highlights";
import { deleteSheet } from "./sheets";
import { saveState } from "./state";
import { findSheet, sheetAt, type WpsApplication, type WpsWorksheet } from "./wps-types";

const TEXT = "@";
const A1: CellRange = { top: 0, left: 0, bottom: 0, right: 0 };
const cell = (v: PlanValue): string | number => (v === null ? "" : v);
const isText = (v: unknown): boolean => typeof v === "string" && v !== "";

export function writeOutputs(app: WpsApplication, tx: OutputWrite, state: WorkbookState, at: string): WriteReport {
  // (1) prepare
  const wb = app.ActiveWorkbook;
  const ws = sheetAt(wb.Worksheets, tx.sheet);
  const { area, token } = tx;
  if (ws.ProtectContents) throw new Refusal(issue("sheet.protected", { sheet: tx.sheet }, { sheet: tx.sheet }));
  const reuse = findSheet(wb, tx.results.reuse);
  if (!reuse && wb.ProtectStructure) throw new Refusal(issue("workbook.structureProtected", { sheet: tx.results.name }, { sheet: tx.sheet }));
  const prior = formatsOf(ws, area).map((row, r) => row.map((f, c) => tx.priorFormats[r]?.[c] ?? f));
  const notes = notePlan(tx);
  const noteCells = notes.cells.map((a) => {
    const note = ws.Range(a).Comment;
    return { a, note, text: note ? note.Text() : null };
  });

  // (2) intent: saved before anything of the user's is touched.
  const box = tx.intent.area;
  const intent = intentRecord(tx, prior, noteCells.map(({ a, text }) => ({ cell: a, text })), at);
  saveState(wb, withRecord(state, token, intent));
  anchorSheet(ws, token);
  setName(wb, outputName(token), tx.sheet, box);

  // (3) write. The results sheet comes first so that its anchor exists before the user's sheet changes.
  const results = reuse ?? addResultsSheet(app, ws, tx.results.name, resultsName(token));
  if (reuse) {
    results.Cells.Clear(); // Kaohe's own sheet, reused
    setName(wb, resultsName(token), results.Name, A1);
  }

  clearCells(ws, tx.clear);
  deleteKaoheRules(ws);
  const highlights = addHighlights(ws, tx.highlights);

  // Text cells get the text format before their value, so WPS cannot turn "=…", "4/5" or "1e3" into a formula, date or number.
  setFormats(ws, area, tx.values.map((row, r) => row.map((v, c) => (isText(v) ? TEXT : (prior[r]?.[c] ?? "General")))));
  setValues(ws, area, tx.values.map((row) => row.map(cell)));

  const noted = new Set<string>();
  for (const { a, note, text } of noteCells) {
    const { drop, add } = notes.action(a, text);
    if (drop) note?.Delete();
    if (add !== undefined) {
      ws.Range(a).AddComment(add); // a comment of the user's on that cell is left alone
      noted.add(a);
    }
  }

  const matrix = resultsMatrix(tx.results.rows);
  const written: CellRange = { top: 0, left: 0, bottom: matrix.length - 1, right: (matrix[0]?.length ?? 1) - 1 };
  setFormats(results, written, matrix.map((r) => r.map((v) => (isText(v) ? TEXT : "General"))));
  setValues(results, written, matrix);
  setName(wb, outputName(token), tx.sheet, area);

  // (4) commit: the record of what WPS now holds.
  const record = recordOf(tx, {
    fingerprints: contents(blockOf(ws, area), area).flat().map(fingerprint),
    formats: prior.flat(),
    results: { rows: matrix.length, cols: written.right + 1, fingerprint: blockFingerprint(contents(blockOf(results, written), written)) },
    notes: noted,
  }, at);
  saveState(wb, withRecord(state, token, record));
  return {
    record,
    written: tx.values.flat().filter((v) => v !== null).length + highlights,
    overwritten: tx.overwrite,
    kept: tx.kept,
    notes: noted.size,
  };
}

/**
 * A new sheet for the results, after the last one. Add makes it the active sheet: the user's sheet is
 * activated again at once (a run that fails later must leave it active, so the session cleans it up).
 * Until the sheet has its name and its anchor nothing records it as Kaohe's, so a failure here deletes it again.
 */
function addResultsSheet(app: WpsApplication, ws: WpsWorksheet, name: string, anchor: string): WpsWorksheet {
  const wb = app.ActiveWorkbook;
  const sheet = wb.Worksheets.Add(undefined, sheetAt(wb.Worksheets, wb.Worksheets.Count));
  try {
    sheet.Name = name;
    setName(wb, anchor, name, A1);
    return sheet;
  } catch (e) {
    deleteSheet(app, sheet);
    throw e;
  } finally {
    ws.Activate();
  }
}

function resultsMatrix(rows: ReadonlyArray<ReadonlyArray<PlanValue>>): (string | number)[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const m = rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i] ?? null)));
  return m.length ? m : [[""]];
}
