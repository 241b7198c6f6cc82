/** ExcelJS worksheets as engine grids: the oracle the package reader is checked against (tests only). */
import type { Cell, Worksheet } from "exceljs";
import type { CellRange, CellValue, Grid, GridCell } from "../../src/core/grid";

function toValue(v: Cell["value"]): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    // Formulas: the engine reads what Excel last calculated, as a person sees it.
    if ("result" in v) return toValue((v as { result?: Cell["value"] }).result ?? null);
    if ("formula" in v || "sharedFormula" in v) return null;
    if ("text" in v && typeof v.text === "string") return v.text;
  }
  return String(v);
}

/** ExcelJS keeps merges privately; its public `model` getter would serialise the whole sheet. */
function merges(ws: Worksheet): CellRange[] {
  const raw = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  return Object.values(raw).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

export function worksheetToGrid(ws: Worksheet): Grid {
  const rows: (GridCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Slave cells of a merge repeat the master's value in ExcelJS; the engine resolves merges itself.
      if (cell.isMerged && cell.master !== cell) return;
      const value = toValue(cell.value);
      if (value === null) return;
      const numFmt = cell.numFmt;
      out[colNumber - 1] = numFmt && numFmt !== "General" ? { value, numFmt } : { value };
    });
    rows[rowNumber - 1] = out;
  });
  return { sheet: ws.name, rows, merges: merges(ws) };
}

export function a1Text(ws: Worksheet): string {
  const v = toValue(ws.getCell(1, 1).value);
  return typeof v === "string" ? v : "";
}
