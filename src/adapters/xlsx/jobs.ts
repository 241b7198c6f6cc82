/** What the writer does for a recorded run (core/ownership). */
import type { Grid } from "../../core/grid";
import { blockFingerprint, fingerprint, type CellContent } from "../../core/ownership/fingerprint";
import type { WorkbookState } from "../../core/ownership/record";
import { isKaohesNote, recordOf, type OutputWrite } from "../../core/ownership/transaction";
import { type CellEdits, setEdit } from "./sheet-cells";
import type { WriteJob } from "./write";

/**
 * A recorded run: the area's values, Kaohe's earlier cells cleared, its earlier notes (by their text)
 * removed, and the record of exactly what is written stored with the state.
 */
export function jobOfWrite(tx: OutputWrite, grid: Grid, state: WorkbookState, at: string): WriteJob {
  const edits: CellEdits = new Map();
  const { area } = tx;
  tx.values.forEach((row, r) => row.forEach((v, c) => setEdit(edits, area.top + r, area.left + c, v)));
  for (const c of tx.clear) setEdit(edits, c.row, c.col, null);
  const fingerprints = tx.values.flatMap((row) => row.map((v) => fingerprint(v)));
  // Kaohe never changes a cell's number format in a file: the format before is the one there now.
  const formats = tx.values.flatMap((row, r) => row.map((_v, c) => tx.priorFormats[r]?.[c] ?? grid.rows[area.top + r]?.[area.left + c]?.numFmt ?? "General"));
  const width = tx.results.rows.reduce((n, r) => Math.max(n, r.length), 0);
  const results = { rows: tx.results.rows.length, cols: width, fingerprint: blockFingerprint(tx.results.rows as CellContent[][]) };
  const record = recordOf(tx, { fingerprints, formats, results }, at);
  const previous = state.sheets[tx.token];
  const next: WorkbookState = { ...state, sheets: { ...state.sheets, [tx.token]: { mappings: previous?.mappings ?? {}, ...(previous?.last && { last: previous.last }), record } } };
  const drop = new Map(tx.dropNotes.map((n) => [n.cell, n]));
  return {
    sheet: tx.sheet,
    edits,
    area,
    // Kaohe's note while its text is what Kaohe wrote (either text of an "a|b" record).
    dropNote: (cell, text) => {
      const n = drop.get(cell);
      return n !== undefined && isKaohesNote(n, text);
    },
    notes: tx.notes,
    highlights: tx.highlights,
    results: tx.results,
    record: { state: next, token: tx.token, output: area },
  };
}

