/**
 * Reads a sheet and Kaohe's record of it from WPS: the sheet's token and protection, the state part,
 * where the record's names point now, the recorded cells, the results sheet's content, and (unless
 * only Kaohe's own record is wanted) the user's used range with its number formats and merged areas.
 */
import { type CellRange, type Grid, type GridCell, a1, parseRange, rangeA1 } from "../../core/grid";
import { blockFingerprint } from "../../core/ownership/fingerprint";
import { outputName, resultsName, type OutputRecord, type WorkbookState } from "../../core/ownership/record";
import type { OwnedNow, Snapshot } from "../../app/pane-host";
import { namedArea, sheetToken } from "./anchors";
import { blockOf, contents, formatsOf, plain, rowsOf } from "./cells";
import { readState } from "./state";
import { sheetAt, type WpsRange, type WpsValue, type WpsWorkbook, type WpsWorksheet } from "./wps-types";

/** Where a range sits, 0-based. */
export function boxOf(range: WpsRange): CellRange {
  const top = range.Row - 1;
  const left = range.Column - 1;
  return { top, left, bottom: top + range.Rows.Count - 1, right: left + range.Columns.Count - 1 };
}

const inside = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/**
 * Merged areas within the used range. MergeCells reads false for a block without any merged cell, so
 * blocks of rows are halved until they hold merged cells and only those rows are read cell by cell
 * (a few calls for the usual merged title rows, however long the sheet).
 */
function mergesOf(ws: WpsWorksheet, box: CellRange): CellRange[] {
  const found: CellRange[] = [];
  const scanRow = (row: number) => {
    for (let col = box.left; col <= box.right; col++) {
      if (found.some((m) => inside(m, row, col))) continue;
      const cell = ws.Range(a1(row, col));
      if (cell.MergeCells !== true) continue;
      // Stryker disable next-line BooleanLiteral: parseRange reads "$A$1:$B$2" as "A1:B2", so absolute or relative gives the same area
      const m = parseRange(cell.MergeArea.Address(false, false));
      if (m) found.push(m);
    }
  };
  const search = (top: number, bottom: number) => {
    if (blockOf(ws, { ...box, top, bottom }).MergeCells === false) return;
    if (top === bottom) return scanRow(top);
    const mid = Math.floor((top + bottom) / 2);
    search(top, mid);
    search(mid + 1, bottom);
  };
  search(box.top, box.bottom);
  return found;
}

/** The used range's cells (skipping Kaohe's recorded area); with `limit`, only what lies within that many rows and columns of A1. */
export function readGrid(ws: WpsWorksheet, skip: CellRange | null, limit?: { maxRows: number; maxCols: number }): Grid {
  const whole = ws.UsedRange;
  const full = boxOf(whole);
  const box = limit ? { ...full, bottom: Math.min(full.bottom, limit.maxRows - 1), right: Math.min(full.right, limit.maxCols - 1) } : full;
  if (box.bottom < box.top || box.right < box.left) return { sheet: ws.Name, rows: [], merges: [] };
  const used = limit ? blockOf(ws, box) : whole;
  const values = rowsOf<WpsValue>(used.Value2, box.bottom - box.top + 1, box.right - box.left + 1);
  const formats = formatsOf(ws, box);
  const rows: (GridCell | undefined)[][] = [];
  values.forEach((line, r) => line.forEach((v, c) => {
    const value = plain(v);
    const row = box.top + r;
    const col = box.left + c;
    if (value === null || (skip && inside(skip, row, col))) return;
    const fmt = formats[r]?.[c];
    (rows[row] ??= [])[col] = fmt && fmt !== "General" ? { value, numFmt: fmt } : { value };
  }));
  return { sheet: ws.Name, rows, merges: mergesOf(ws, box) };
}

/** The results sheet by its anchor, and the fingerprint of what it holds ("changed" when it grew past what Kaohe wrote). */
function resultsNow(wb: WpsWorkbook, token: string, record: OutputRecord): Snapshot["results"] {
  const at = record.results ? namedArea(wb, resultsName(token)) : null;
  if (!at || !record.results) return null;
  const rs = sheetAt(wb.Worksheets, at.sheet);
  const { rows, cols } = record.results;
  const used = rs.UsedRange;
  const box = boxOf(used);
  const empty = box.top === box.bottom && box.left === box.right && plain(rowsOf<WpsValue>(used.Value2, 1, 1)[0]?.[0]) === null;
  if (!empty && (box.bottom >= rows || box.right >= cols)) return { name: rs.Name, fingerprint: "changed" };
  // Stryker disable next-line ArithmeticOperator: past the check above the rows and columns beyond are empty, and blockFingerprint ignores trailing empties
  const block = { top: 0, left: 0, bottom: Math.max(1, rows) - 1, right: Math.max(1, cols) - 1 };
  return { name: rs.Name, fingerprint: blockFingerprint(contents(blockOf(rs, block), block)) };
}

/** The sheet a results sheet belongs to, by Kaohe's names (followed through renames). */
function resultsOwner(wb: WpsWorkbook, state: WorkbookState, sheet: string): string | null {
  for (const token of Object.keys(state.sheets)) {
    if (namedArea(wb, resultsName(token))?.sheet === sheet) return namedArea(wb, outputName(token))?.sheet ?? "?";
  }
  return null;
}

export function sheetNames(wb: WpsWorkbook): string[] {
  const out: string[] = [];
  for (let i = 1; i <= wb.Worksheets.Count; i++) out.push(sheetAt(wb.Worksheets, i).Name);
  return out;
}

export function readSnapshot(wb: WpsWorkbook, opts: { sheet?: string; grid?: boolean } = {}): Snapshot {
  const ws = opts.sheet === undefined ? wb.ActiveSheet : sheetAt(wb.Worksheets, opts.sheet);
  const name = ws.Name;
  const named = sheetToken(ws);
  const state = readState(wb);
  const at = named ? namedArea(wb, outputName(named)) : null;
  // A copy of a scored sheet carries the original's sheet-scoped token while the record's area stays
  // on the original: the copy is a sheet of its own, with a new token when it is first saved.
  const token = at && at.sheet !== name ? null : named;
  const record = token ? state.sheets[token]?.record : undefined;
  const area = record && at ? at.range : null;
  const owned: OwnedNow | null = record ? { area, cells: area ? contents(ws.Range(rangeA1(area)), area) : [] } : null;
  return {
    grid: opts.grid === false ? { sheet: name, rows: [], merges: [] } : readGrid(ws, area),
    token,
    owned,
    results: record && token ? resultsNow(wb, token, record) : null,
    locked: ws.ProtectContents,
    structureLocked: wb.ProtectStructure,
    state,
    sheetNames: sheetNames(wb),
    resultsOf: resultsOwner(wb, state, name),
  };
}
