/** A worksheet's XML run through the .xlsx writer's row patching (cutSheet + patchRows), for its tests. */
import { type CellEdit, type CellEdits, cutSheet, patchRows, setEdit } from "../../src/adapters/xlsx/sheet-cells";

export function patched(xml: string, edits: CellEdits): string {
  const cut = cutSheet(xml);
  const out: string[] = [cut.head];
  patchRows(xml, cut, edits, (s) => out.push(s));
  out.push(cut.tail);
  return out.join("");
}

/** Edits from [row, col, value] triples (0-based). */
export function edits(...list: [number, number, CellEdit][]): CellEdits {
  const e: CellEdits = new Map();
  for (const [r, c, v] of list) setEdit(e, r, c, v);
  return e;
}
