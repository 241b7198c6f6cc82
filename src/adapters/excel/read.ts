/**
 * Reads the active sheet for scoring in two syncs, whatever its size: first its dimensions,
 * protection, the pane's state and which results-sheet names are taken; then its values, number
 * formats and merged areas.
 */
import { type CellRange, type Grid, type GridCell, parseRange } from "../../core/grid";
import { issue } from "../../core/issue";
import type { HostResult, Snapshot } from "../../app/pane-host";
import { parseState, STATE_KEY } from "./state";

/**
 * Reads above this many cells are refused with a plain message: Excel on the web caps a response at
 * 5 MB, and values plus number formats ("General" alone is ~10 bytes) come to ~15–20 bytes a cell.
 */
export const MAX_CELLS = 250_000;

/** Names a results sheet may take; which exist is checked in the first sync. */
export const RESULTS_SHEET_CANDIDATES = ["考核明细", "考核明细 (2)", "考核明细 (3)", "Kaohe results", "Kaohe results (2)", "Kaohe results (3)"];

function toGrid(name: string, values: unknown[][], formats: unknown[][] | undefined, top: number, left: number, merges: CellRange[]): Grid {
  const rows: (GridCell | undefined)[][] = [];
  values.forEach((row, r) => {
    const out: (GridCell | undefined)[] = [];
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      const value = typeof v === "number" || typeof v === "boolean" ? v : String(v);
      const fmt = formats?.[r]?.[c];
      out[left + c] = typeof fmt === "string" && fmt !== "General" ? { value, numFmt: fmt } : { value };
    });
    rows[top + r] = out;
  });
  return { sheet: name, rows, merges };
}

/** "Sheet1!A1:F1, 'My sheet'!A3:A4" → ranges. */
export function parseAreas(address: string): CellRange[] {
  return address
    .split(",")
    .map((a) => a.trim().replace(/^.*!/, ""))
    .map((a) => parseRange(a))
    .filter((r): r is CellRange => r !== null);
}

export async function readSnapshot(context: Excel.RequestContext, sheetName?: string): Promise<HostResult<Snapshot>> {
  const sheets = context.workbook.worksheets;
  const ws = sheetName === undefined ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
  ws.load("name");
  ws.protection.load("protected");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("isNullObject, rowIndex, columnIndex, rowCount, columnCount");
  const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
  setting.load("isNullObject, value");
  const candidates = RESULTS_SHEET_CANDIDATES.map((n) => {
    const s = sheets.getItemOrNullObject(n);
    s.load("isNullObject");
    return { name: n, sheet: s };
  });
  await context.sync();

  const state = setting.isNullObject ? parseState(undefined) : parseState(setting.value);
  const ours = state.owned?.resultsSheet;
  const takenSheetNames = candidates.filter((c) => !c.sheet.isNullObject && c.name !== ours).map((c) => c.name);
  const base = { locked: ws.protection.protected, state, takenSheetNames };
  if (used.isNullObject) return { ok: true, value: { ...base, grid: { sheet: ws.name, rows: [], merges: [] } } };

  const cells = used.rowCount * used.columnCount;
  if (cells > MAX_CELLS) return { ok: false, issues: [issue("table.tooLarge", { cells, limit: MAX_CELLS }, { sheet: ws.name })] };
  used.load("values, numberFormat");
  const merged = used.getMergedAreasOrNullObject(); // ExcelApi 1.13
  merged.load("isNullObject, address");
  await context.sync();

  const merges = merged.isNullObject ? [] : parseAreas(merged.address);
  const grid = toGrid(ws.name, used.values, used.numberFormat, used.rowIndex, used.columnIndex, merges);
  return { ok: true, value: { ...base, grid } };
}
