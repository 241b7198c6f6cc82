/** What the writer does for a plain write plan (no record) and for a recorded run (core/ownership). */
import { type CellRange, type Grid } from "../../core/grid";
import { blockFingerprint, fingerprint, type CellContent } from "../../core/ownership/fingerprint";
import type { WorkbookState } from "../../core/ownership/record";
import { recordOf, type OutputWrite } from "../../core/ownership/transaction";
import type { WritePlan } from "../../core/plan/write-plan";
import { type CellEdits, setEdit } from "./sheet-cells";
import type { WriteJob } from "./write";

const inside = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const cellOf = (ref: string): { row: number; col: number } => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  let col = 0;
  for (const ch of m?.[1] ?? "") col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m?.[2] ?? 0) - 1, col: col - 1 };
};

/** A write plan as it is: its owned area emptied, its outputs, notes and highlights written. */
export function jobOfPlan(plan: WritePlan): WriteJob {
  const edits: CellEdits = new Map();
  const o = plan.owned;
  for (let r = o.top; r <= o.bottom; r++) for (let c = o.left; c <= o.right; c++) setEdit(edits, r, c, null);
  plan.headers.forEach((h, i) => setEdit(edits, plan.headerRow, plan.firstCol + i, h));
  for (const r of plan.rows) r.values.forEach((v, i) => setEdit(edits, r.row, plan.firstCol + i, v));
  return {
    sheet: plan.sheet,
    edits,
    area: { ...o, right: Math.max(o.right, plan.firstCol + plan.headers.length - 1) },
    dropNote: (cell) => {
      const at = cellOf(cell);
      return inside(o, at.row, at.col);
    },
    notes: plan.notes,
    highlights: plan.highlights,
    results: { name: plan.results.name, rows: plan.results.rows, reuse: null },
  };
}

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
  const drop = new Map(tx.dropNotes.map((n) => [n.cell, n.f]));
  return {
    sheet: tx.sheet,
    edits,
    area,
    dropNote: (cell, text) => drop.get(cell) === fingerprint(text),
    notes: tx.notes,
    highlights: tx.highlights,
    results: tx.results,
    record: { state: next, token: tx.token, output: area },
  };
}

