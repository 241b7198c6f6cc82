/**
 * Reading whole sheets by name as grids, in two syncs however many sheets: (1) each sheet's used range;
 * (2) its values, number formats and merged areas, clipped to a limit when one is given (the top of a
 * sheet is enough to tell a 评分细则 sheet by its layout). Kaohe's record plays no part here.
 */
import { issue } from "../../core/issue";
import type { Grid } from "../../core/grid";
import { Refusal } from "../../app/pane-host";
import { MAX_CELLS, parseAreas, toGrid } from "./read";

export interface SheetLimit {
  maxRows: number;
  maxCols: number;
}

export async function readGrids(context: Excel.RequestContext, names: ReadonlyArray<string>, limit?: SheetLimit): Promise<Grid[]> {
  const sheets = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("isNullObject, rowIndex, columnIndex, rowCount, columnCount");
    return { name, ws, used };
  });
  await context.sync();

  const reads = sheets.map(({ name, ws, used }) => {
    if (used.isNullObject) return { name, read: null };
    const rows = limit ? Math.min(used.rowCount, limit.maxRows - used.rowIndex) : used.rowCount;
    const cols = limit ? Math.min(used.columnCount, limit.maxCols - used.columnIndex) : used.columnCount;
    if (rows <= 0 || cols <= 0) return { name, read: null };
    if (rows * cols > MAX_CELLS) throw new Refusal(issue("table.tooLarge", { cells: rows * cols, limit: MAX_CELLS }, { sheet: name }));
    const values = ws.getRangeByIndexes(used.rowIndex, used.columnIndex, rows, cols);
    values.load("values, numberFormat");
    const merged = values.getMergedAreasOrNullObject(); // ExcelApi 1.13
    merged.load("isNullObject, address");
    return { name, read: { top: used.rowIndex, left: used.columnIndex, values, merged } };
  });
  await context.sync();

  return reads.map(({ name, read }) => {
    if (!read) return { sheet: name, rows: [], merges: [] };
    const merges = read.merged.isNullObject ? [] : parseAreas(read.merged.address);
    return toGrid(name, [{ top: read.top, left: read.left, values: read.values }], merges, null);
  });
}
