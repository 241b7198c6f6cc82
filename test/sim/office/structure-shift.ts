/**
 * Inserting or deleting cells, rows or columns moves everything below/right of them: cell contents,
 * merges, conditional-format areas, notes, and defined names that refer to the sheet (names follow
 * insertions; a name whose whole area is deleted becomes #REF!, a partly deleted one shrinks — Excel's
 * behaviour for defined names, learn.microsoft.com "Define and use names in formulas").
 * Formula text in cells is not rewritten (the simulator does not parse formulas).
 * A partial shift (Range.insert/delete "Right"/"Down"/"Left"/"Up") moves only the band of rows
 * (or columns) the range spans, and touches only objects lying entirely inside that band.
 */
import { MAX_COLS, MAX_ROWS, type Rect } from "./a1";
import { fail } from "./errors";
import { cellKey, parseKey, type CellModel, type SheetModel, type WorkbookModel } from "./model";

export interface Shift {
  /** "rows": rows move up/down; "cols": columns move left/right. */
  axis: "rows" | "cols";
  at: number;
  /** > 0 inserts that many; < 0 deletes that many starting at `at`. */
  count: number;
  /** Limits the shift to these columns (axis rows) or rows (axis cols); null = whole rows/columns. */
  band: [number, number] | null;
}

function span(r: Rect, axis: Shift["axis"]): [number, number] {
  return axis === "rows" ? [r.top, r.bottom] : [r.left, r.right];
}

function inBand(r: Rect, s: Shift): boolean {
  if (!s.band) return true;
  const [lo, hi] = s.axis === "rows" ? [r.left, r.right] : [r.top, r.bottom];
  return lo >= s.band[0] && hi <= s.band[1];
}

function withSpan(r: Rect, axis: Shift["axis"], a: number, b: number): Rect {
  return axis === "rows" ? { ...r, top: a, bottom: b } : { ...r, left: a, right: b };
}

/** Where a rectangle goes; null when all of it was deleted. Whole-row/column spans stay whole. */
export function shiftRect(r: Rect, s: Shift): Rect | null {
  if (!inBand(r, s)) return r;
  const [a, b] = span(r, s.axis);
  const max = (s.axis === "rows" ? MAX_ROWS : MAX_COLS) - 1;
  if (a === 0 && b === max) return r;
  if (s.count > 0) {
    if (a >= s.at) return withSpan(r, s.axis, Math.min(max, a + s.count), Math.min(max, b + s.count));
    if (b >= s.at) return withSpan(r, s.axis, a, Math.min(max, b + s.count));
    return r;
  }
  const n = -s.count, end = s.at + n - 1;
  const na = a < s.at ? a : a > end ? a - n : s.at;
  const nb = b < s.at ? b : b > end ? b - n : s.at - 1;
  return nb < na ? null : withSpan(r, s.axis, na, nb);
}

function shiftPoint(row: number, col: number, s: Shift): [number, number] | null {
  const r = shiftRect({ top: row, bottom: row, left: col, right: col }, s);
  return r ? [r.top, r.left] : null;
}

function shiftKeyed<V>(map: Map<string, V>, s: Shift, check: boolean): Map<string, V> {
  const out = new Map<string, V>();
  const max = s.axis === "rows" ? MAX_ROWS : MAX_COLS;
  for (const [k, v] of map) {
    const [row, col] = parseKey(k);
    const pos = s.axis === "rows" ? row : col;
    if (check && s.count > 0 && pos >= s.at && pos + s.count >= max && inBand({ top: row, bottom: row, left: col, right: col }, s))
      fail("NonBlankCellOffSheet", "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.");
    const p = shiftPoint(row, col, s);
    if (p) out.set(cellKey(p[0], p[1]), v);
  }
  return out;
}

export function shiftSheet(model: WorkbookModel, sheet: SheetModel, s: Shift): void {
  const cells: Map<string, CellModel> = shiftKeyed(sheet.cells, s, true);
  sheet.cells = cells;
  sheet.notes = shiftKeyed(sheet.notes, s, false);
  if (!s.band) {
    const sizes = s.axis === "rows" ? sheet.rowHeights : sheet.columnWidths;
    const moved = new Map<number, number>();
    for (const [i, v] of sizes) {
      const r = shiftRect({ top: i, bottom: i, left: i, right: i }, s);
      if (r) moved.set(s.axis === "rows" ? r.top : r.left, v);
    }
    if (s.axis === "rows") sheet.rowHeights = moved;
    else sheet.columnWidths = moved;
  }
  sheet.merges = sheet.merges.map((r) => shiftRect(r, s)).filter((r): r is Rect => r !== null);
  for (const cf of sheet.cfs) cf.areas = cf.areas.map((r) => shiftRect(r, s)).filter((r): r is Rect => r !== null);
  sheet.cfs = sheet.cfs.filter((cf) => cf.areas.length > 0);
  for (const n of model.names) {
    if (n.ref.kind !== "range" || n.ref.sheetUid !== sheet.uid) continue;
    const r = shiftRect(n.ref.rect, s);
    n.ref = r ? { ...n.ref, rect: r } : { kind: "ref-error" };
  }
  const kept = model.sheetSelections.get(sheet.uid);
  if (kept) model.sheetSelections.set(sheet.uid, shiftRect(kept, s) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  if (model.activeSheetUid === sheet.uid) model.selection = shiftRect(model.selection, s) ?? { top: s.axis === "rows" ? s.at : model.selection.top, left: s.axis === "cols" ? s.at : model.selection.left, bottom: s.axis === "rows" ? s.at : model.selection.bottom, right: s.axis === "cols" ? s.at : model.selection.right };
}
