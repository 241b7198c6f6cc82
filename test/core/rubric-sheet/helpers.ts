/** A written 评分细则 sheet as the grid a workbook reader would hand back. */
import type { Grid, GridCell } from "../../../src/core/grid";
import type { RubricSheet, SheetValue } from "../../../src/core/rubric/sheet";

export function sheetGrid(sheet: { name: string; rows: ReadonlyArray<ReadonlyArray<SheetValue>> }): Grid {
  return {
    sheet: sheet.name,
    rows: sheet.rows.map((row) => row.map((v): GridCell | undefined => (v === null || v === "" ? undefined : { value: v }))),
    merges: [],
  };
}

/** The sheet with one cell changed (row and column 0-based). */
export function edited(sheet: RubricSheet, row: number, col: number, value: SheetValue): RubricSheet {
  const rows = sheet.rows.map((r) => [...r]);
  const r = rows[row] ?? [];
  while (r.length <= col) r.push(null);
  r[col] = value;
  rows[row] = r;
  return { ...sheet, rows };
}

/** The row whose cell `col` equals `value`. */
export function rowWhere(sheet: RubricSheet, col: number, value: SheetValue, after = 0): number {
  const i = sheet.rows.findIndex((r, k) => k >= after && r[col] === value);
  if (i < 0) throw new Error(`no row with ${String(value)} in column ${col}`);
  return i;
}
