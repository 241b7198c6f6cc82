/**
 * Defined names that anchor Kaohe's record in a WPS workbook, as in Excel (core/ownership/record.ts):
 * `_Kaohe_Sheet` scoped to the sheet (its token as a constant), `_Kaohe_O_<token>` and
 * `_Kaohe_R_<token>` in the workbook, hidden, referring to the output area and the results sheet's A1.
 * A name's RefersTo follows renamed sheets and inserted rows and columns; "=#REF!" once its cells are gone.
 */
import { type CellRange, columnLetter, parseRange } from "../../core/grid";
import { SHEET_NAME } from "../../core/ownership/record";
import type { WpsName, WpsNames, WpsWorkbook, WpsWorksheet } from "./wps-types";

export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

const unquote = (s: string): string => (s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s);

/** "$X$3:$Z$40" */
export function absolute(r: CellRange): string {
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  return `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

/** "='考核'!$AH$3:$AK$8" → { sheet: 考核, range }; null for "=#REF!" and anything else. */
export function parseRefersTo(refersTo: unknown): { sheet: string; range: CellRange } | null {
  if (typeof refersTo !== "string") return null;
  const text = refersTo.replace(/^=/, "");
  const i = text.lastIndexOf("!");
  if (i < 0) return null;
  const range = parseRange(text.slice(i + 1).replace(/\$/g, ""));
  return range ? { sheet: unquote(text.slice(0, i)), range } : null;
}

function find(names: WpsNames, match: (n: WpsName) => boolean): WpsName | null {
  for (let i = 1; i <= names.Count; i++) {
    const n = names.Item(i);
    if (match(n)) return n;
  }
  return null;
}

/** The sheet's `_Kaohe_Sheet` name ("Sheet!_Kaohe_Sheet" as WPS, like Excel, spells a sheet-scoped name). */
function sheetName(ws: WpsWorksheet): WpsName | null {
  return find(ws.Names, (n) => {
    const i = n.Name.lastIndexOf("!");
    return i < 0 ? n.Name === SHEET_NAME : n.Name.slice(i + 1) === SHEET_NAME && unquote(n.Name.slice(0, i)) === ws.Name;
  });
}

/** The token in the sheet's `="k1"` name, or null. */
export function sheetToken(ws: WpsWorksheet): string | null {
  const m = /^="([A-Za-z0-9_]+)"$/.exec(String(sheetName(ws)?.RefersTo ?? "").trim());
  return m?.[1] ?? null;
}

export function anchorSheet(ws: WpsWorksheet, token: string): void {
  if (sheetToken(ws) !== token) {
    sheetName(ws)?.Delete();
    ws.Names.Add(SHEET_NAME, `="${token}"`, false);
  }
}

const workbookName = (wb: WpsWorkbook, name: string): WpsName | null => find(wb.Names, (n) => n.Name === name);

/** Where a workbook-scoped name points now; null when it is missing or its cells are gone. */
export function namedArea(wb: WpsWorkbook, name: string): { sheet: string; range: CellRange } | null {
  return parseRefersTo(workbookName(wb, name)?.RefersTo);
}

export function deleteName(wb: WpsWorkbook, name: string): void {
  workbookName(wb, name)?.Delete();
}

/**
 * Point a hidden workbook-scoped name at an area of a sheet: an existing name is re-pointed in one
 * step, so a failure leaves it where it was (never without the name that locates Kaohe's cells).
 */
export function setName(wb: WpsWorkbook, name: string, sheet: string, range: CellRange): void {
  const refersTo = `=${quoteSheet(sheet)}!${absolute(range)}`;
  const existing = workbookName(wb, name);
  if (existing) existing.RefersTo = refersTo;
  else wb.Names.Add(name, refersTo, false);
}
