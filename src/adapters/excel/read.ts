/**
 * Reads a sheet and Kaohe's record of it in three syncs, whatever the size: (1) the sheet, its token,
 * protection, sheet names, the state part and the used range's size; (2) the state's XML and where the
 * record's names point now; (3) the recorded cells, the results sheet's content, and the user's cells.
 * Kaohe's recorded area is read on its own, so a sheet that was near the read limit before scoring
 * can still be re-scored and cleared; clearing reads nothing but the recorded areas.
 */
import { type CellRange, type Grid, type GridCell, parseRange } from "../../core/grid";
import { issue, type Result, fail, ok } from "../../core/issue";
import { blockFingerprint, type CellContent } from "../../core/ownership/fingerprint";
import { outputName, resultsName } from "../../core/ownership/record";
import type { OwnedNow, Snapshot } from "../../app/pane-host";
import { unknownSheet } from "../../app/ports";
import { parseAddress, queueOutputArea, queueResultsAnchor, queueSheetToken, tokenOf } from "./anchors";
import { queueState, queueXml, stateOf } from "./state";
import { officeCode } from "./errors";

/**
 * Reads above this many cells are refused with a plain message: Excel on the web caps a response at
 * 5 MB, and values plus number formats ("General" alone is ~10 bytes) come to ~15–20 bytes a cell.
 */
export const MAX_CELLS = 250_000;

export interface ReadLimits {
  maxCells: number;
}

type Part = { top: number; left: number; values: Excel.Range };

export function toGrid(name: string, parts: ReadonlyArray<Part>, merges: CellRange[], skip: CellRange | null): Grid {
  const rows: (GridCell | undefined)[][] = [];
  for (const { top, left, values: range } of parts) {
    range.values.forEach((row, r) => {
      const out = (rows[top + r] ??= []);
      row.forEach((v, c) => {
        const col = left + c;
        if (v === "" || v === null || v === undefined) return;
        if (skip && top + r >= skip.top && top + r <= skip.bottom && col >= skip.left && col <= skip.right) return;
        const value = typeof v === "number" || typeof v === "boolean" ? v : String(v);
        const fmt = range.numberFormat[r]?.[c];
        out[col] = typeof fmt === "string" && fmt !== "General" ? { value, numFmt: fmt } : { value };
      });
    });
  }
  return { sheet: name, rows, merges };
}

/** The sheet a results sheet belongs to, by Kaohe's names (`_Kaohe_R_<token>` → its A1, `_Kaohe_O_<token>` → the outputs). */
function resultsOwner(wb: Excel.Workbook, sheet: string): string | null {
  const at = (name: string) => {
    const f = wb.names.items.find((n) => n.name === name)?.formula;
    return typeof f === "string" ? parseAddress(f.replace(/^=/, ""))?.sheet ?? null : null;
  };
  const prefix = resultsName("");
  for (const n of wb.names.items) {
    const token = n.name.startsWith(prefix) ? n.name.slice(prefix.length) : null;
    if (token && at(n.name) === sheet) return at(outputName(token)) ?? "?";
  }
  return null;
}

/** "Sheet1!A1:F1, 'My sheet'!A3:A4" → ranges. */
export function parseAreas(address: string): CellRange[] {
  return address
    .split(",")
    .map((a) => a.trim().replace(/^.*!/, ""))
    .map((a) => parseRange(a))
    .filter((r): r is CellRange => r !== null);
}

export async function readSnapshot(context: Excel.RequestContext, opts: { sheet?: string; grid?: boolean } = {}, limits: ReadLimits = { maxCells: MAX_CELLS }): Promise<Result<Snapshot>> {
  const max = limits.maxCells;
  const tooLarge = (cells: number, sheet: string) => fail(issue("table.tooLarge", { cells, limit: max }, { sheet }));
  const wb = context.workbook;
  const ws = opts.sheet === undefined ? wb.worksheets.getActiveWorksheet() : wb.worksheets.getItem(opts.sheet);
  ws.load("name");
  ws.protection.load("protected");
  wb.protection.load("protected");
  wb.worksheets.load("items/name");
  wb.names.load("items/name, items/formula");
  const tokenName = queueSheetToken(ws);
  const stateHandle = queueState(context);
  const used = opts.grid === false ? null : ws.getUsedRangeOrNullObject(true);
  used?.load("isNullObject, rowIndex, columnIndex, rowCount, columnCount");
  try {
    await context.sync();
  } catch (e) {
    // A sheet asked for by name that is not there: only this failure pays a sync to list the sheets there are.
    if (opts.sheet === undefined || officeCode(e) !== "ItemNotFound") throw e;
    wb.worksheets.load("items/name");
    await context.sync();
    const names = wb.worksheets.items.map((s) => s.name);
    if (!names.includes(opts.sheet)) return fail(unknownSheet(opts.sheet, names));
    throw e;
  }

  const named = tokenName.isNullObject ? null : tokenOf(tokenName.formula);
  const xml = queueXml(stateHandle);
  const out = named ? queueOutputArea(context, named, "address") : null;
  const res = named ? queueResultsAnchor(context, named) : null;
  await context.sync();

  const state = stateOf(stateHandle, xml);
  const at = out && !out.range.isNullObject ? parseAddress(out.range.address) : null;
  // A copy of a scored sheet carries the original's sheet-scoped token while the record's area stays
  // on the original: the copy is a sheet of its own, with a new token when it is first saved.
  const token = at && at.sheet !== ws.name ? null : named;
  const record = token ? state.sheets[token]?.record : undefined;
  const area = record && at ? at.range : null;
  const resultsSheet = record?.results && res && !res.range.isNullObject ? (parseAddress(res.range.address)?.sheet ?? null) : null;

  let owned: Excel.Range | null = null;
  if (area) {
    const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (cells > max) return tooLarge(cells, ws.name);
    owned = ws.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1);
    owned.load("formulas");
  }
  let results: { used: Excel.Range; block: Excel.Range } | null = null;
  if (resultsSheet && record?.results) {
    const rs = wb.worksheets.getItem(resultsSheet);
    const size = record.results;
    results = { used: rs.getUsedRangeOrNullObject(true), block: rs.getRangeByIndexes(0, 0, Math.max(1, size.rows), Math.max(1, size.cols)) };
    results.used.load("isNullObject, rowIndex, columnIndex, rowCount, columnCount");
    results.block.load("formulas");
  }
  const parts: Part[] = [];
  let merged: Excel.RangeAreas | null = null;
  if (used && !used.isNullObject) {
    const { rowIndex: top, columnIndex: left, rowCount: rows, columnCount: cols } = used;
    const part = (l: number, r: number) => {
      if (r < l) return;
      const range = ws.getRangeByIndexes(top, l, rows, r - l + 1);
      range.load("values, numberFormat");
      parts.push({ top, left: l, values: range });
    };
    if (rows * cols <= max) part(left, left + cols - 1);
    else if (area && rows * (cols - (area.right - area.left + 1)) <= max) {
      // Too large with Kaohe's own columns: read the user's columns either side of them.
      part(left, Math.min(area.left - 1, left + cols - 1));
      part(Math.max(area.right + 1, left), left + cols - 1);
    } else return tooLarge(rows * cols, ws.name);
    const m = used.getMergedAreasOrNullObject(); // ExcelApi 1.13
    m.load("isNullObject, address");
    merged = m;
  }
  await context.sync();

  const ownedNow: OwnedNow | null = record ? { area, cells: (owned?.formulas ?? []) as CellContent[][] } : null;
  let resultsNow: Snapshot["results"] = null;
  if (results && resultsSheet && record?.results) {
    const u = results.used;
    const inside = u.isNullObject || (u.rowIndex + u.rowCount <= record.results.rows && u.columnIndex + u.columnCount <= record.results.cols);
    // Anything beyond what Kaohe wrote makes the sheet the user's too.
    resultsNow = { name: resultsSheet, fingerprint: inside ? blockFingerprint(results.block.formulas as CellContent[][]) : "changed" };
  }
  const merges = merged && !merged.isNullObject ? parseAreas(merged.address) : [];
  return ok({
    grid: toGrid(ws.name, parts, merges, area),
    token,
    owned: ownedNow,
    results: resultsNow,
    locked: ws.protection.protected,
    structureLocked: wb.protection.protected,
    state,
    sheetNames: wb.worksheets.items.map((s) => s.name),
    resultsOf: resultsOwner(wb, ws.name),
  });
}
