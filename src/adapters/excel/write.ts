/**
 * Carries out a scoring run's OutputWrite as a recorded transaction in a fixed number of syncs
 * whatever the row count: (1) prepare — protection, current formats, Kaohe's rules and notes;
 * (2) intent — the record of everything this run may touch is saved before the first write;
 * (3) write — results sheet, the user's sheet, highlights, notes, anchors, then read back what Excel
 * stores; (4) commit — the record of exactly what was written. A failure after (2) leaves a record
 * the session cleans up with (see PaneSession.score).
 */
import { issue } from "../../core/issue";
import { blockFingerprint, fingerprint, type CellContent } from "../../core/ownership/fingerprint";
import { outputName, resultsName, withRecord, type WorkbookState } from "../../core/ownership/record";
import { cellAreas, intentRecord, notePlan, recordOf, type OutputWrite } from "../../core/ownership/transaction";
import type { PlanValue } from "../../core/plan/write-plan";
import type { WriteReport } from "../../app/pane-host";
import { queueAnchors, queueSheetToken } from "./anchors";
import { Refusal } from "../../app/pane-host";
import { kaoheRules, queueFormulas, queueHighlights, queueRules } from "./highlights";
import { queueSave, queueState } from "./state";

/**
 * Stay well below Excel on the web's 5 MB request and response limits (UTF-8 bytes: a Chinese character
 * is three); larger results are written, and read back, in several syncs.
 */
const MAX_BATCH_BYTES = 3_000_000;
const utf8 = new TextEncoder();
const TEXT = "@";

const cell = (v: PlanValue): string | number => (v === null ? "" : v);
const isText = (v: PlanValue): boolean => typeof v === "string" && v !== "";

/** Rows per batch so that no request (nor its read-back) carries more than MAX_BATCH_BYTES of values. */
export function rowBatches(m: ReadonlyArray<ReadonlyArray<unknown>>): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = 0;
  m.forEach((row, i) => {
    const bytes = utf8.encode(JSON.stringify(row)).length;
    if (size + bytes > MAX_BATCH_BYTES && i > start) {
      out.push([start, i]);
      start = i;
      size = 0;
    }
    size += bytes;
  });
  out.push([start, m.length]);
  return out;
}

export async function writeOutputs(context: Excel.RequestContext, tx: OutputWrite, state: WorkbookState, at: string): Promise<WriteReport> {
  const wb = context.workbook;
  const ws = wb.worksheets.getItem(tx.sheet);
  const { area, token } = tx;
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  ws.protection.load("protected");
  wb.protection.load("protected");
  const target = ws.getRangeByIndexes(area.top, area.left, rows, cols);
  target.load("numberFormat");
  const reuse = tx.results.reuse ? wb.worksheets.getItemOrNullObject(tx.results.reuse) : null;
  reuse?.load("isNullObject");
  const stateHandle = queueState(context);
  const sheetName = queueSheetToken(ws);
  const outName = wb.names.getItemOrNullObject(outputName(token));
  const resName = wb.names.getItemOrNullObject(resultsName(token));
  outName.load("isNullObject");
  resName.load("isNullObject");
  const rules = queueRules(ws);
  const notes = notePlan(tx);
  const existingNotes = notes.cells.map((a) => ({ a, note: ws.notes.getItemOrNullObject(a) }));
  existingNotes.forEach((n) => n.note.load("isNullObject, content"));
  await context.sync();

  if (ws.protection.protected) throw new Refusal(issue("sheet.protected", { sheet: tx.sheet }, { sheet: tx.sheet }));
  const createResults = !reuse || reuse.isNullObject;
  if (createResults && wb.protection.protected) throw new Refusal(issue("workbook.structureProtected", { sheet: tx.results.name }, { sheet: tx.sheet }));
  const prior = target.numberFormat.map((row, r) => row.map((f, c) => tx.priorFormats[r]?.[c] ?? String(f)));
  const found = existingNotes.map(({ a, note }) => ({ a, note, text: note.isNullObject ? null : String(note.content) }));

  // (2) intent: saved before anything of the user's is touched.
  const box = tx.intent.area;
  const intent = intentRecord(tx, prior, found.map(({ a, text }) => ({ cell: a, text })), at);
  queueSave(context, stateHandle, withRecord(state, token, intent));
  queueAnchors(context, ws, token, { sheet: sheetName, output: outName }, ws.getRangeByIndexes(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1));
  const custom = queueFormulas(rules);
  await context.sync();

  // (3) write. The results sheet comes first so that its anchor exists before the user's sheet changes.
  const results = createResults ? wb.worksheets.add(tx.results.name) : wb.worksheets.getItem(tx.results.reuse ?? "");
  if (!createResults) results.getRange().clear("All"); // Kaohe's own sheet, reused: Excel keeps its undo history
  if (!resName.isNullObject) resName.delete();
  wb.names.add(resultsName(token), results.getRange("A1")).visible = false;

  for (const address of cellAreas(tx.clear)) ws.getRange(address).clear("Contents");
  for (const c of tx.clear) if (c.format) ws.getRangeByIndexes(c.row, c.col, 1, 1).numberFormat = [[c.format]];
  for (const cf of kaoheRules(custom)) cf.delete();
  const highlights = queueHighlights(ws, tx.highlights);

  // Text cells get the text format before their value, so Excel cannot turn "=…", "4/5" or "1e3" into a formula, date or number.
  target.numberFormat = tx.values.map((row, r) => row.map((v, c) => (isText(v) ? TEXT : (prior[r]?.[c] ?? "General"))));
  target.values = tx.values.map((row) => row.map(cell));

  const noted = new Set<string>();
  for (const { a, note, text } of found) {
    const { drop, add } = notes.action(a, text);
    if (drop) note.delete();
    if (add !== undefined) {
      ws.notes.add(a, add); // ExcelApi 1.18; a note of the user's on that cell is left alone
      noted.add(a);
    }
  }

  const matrix = resultsMatrix(tx.results.rows);
  const width = matrix[0]?.length ?? 1;
  // Each block is read back in the sync that writes it: one read of the whole sheet could exceed the response limit.
  const blocks: Excel.Range[] = [];
  for (const [from, to] of rowBatches(matrix)) {
    const block = results.getRangeByIndexes(from, 0, to - from, width);
    block.numberFormat = matrix.slice(from, to).map((r) => r.map((v) => (typeof v === "string" && v !== "" ? TEXT : "General")));
    block.values = matrix.slice(from, to);
    blocks.push(block.load("formulas"));
    if (to < matrix.length) await context.sync(); // only for very large results
  }
  results.freezePanes.freezeRows(4);
  wb.names.getItem(outputName(token)).delete(); // the intent's name, re-pointed at what was written
  wb.names.add(outputName(token), target).visible = false;
  target.load("formulas, numberFormat");
  await context.sync();
  const written = blocks.flatMap((b) => b.formulas as CellContent[][]);

  // (4) commit: the record of what Excel now holds.
  const record = recordOf(tx, {
    fingerprints: (target.formulas as CellContent[][]).flat().map(fingerprint),
    formats: prior.flat(),
    results: { rows: matrix.length, cols: width, fingerprint: blockFingerprint(written) },
    notes: noted,
  }, at);
  queueSave(context, stateHandle, withRecord(state, token, record));
  await context.sync();
  return {
    record,
    written: tx.values.flat().filter((v) => v !== null).length + highlights,
    overwritten: tx.overwrite,
    kept: tx.kept,
    notes: noted.size,
  };
}

function resultsMatrix(rows: ReadonlyArray<ReadonlyArray<PlanValue>>): (string | number)[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i] ?? null)));
}
