/**
 * Reading and writing blocks of cells through WPS's synchronous object model: one Value2 and one
 * Formula read per block, number formats per column (a column whose cells differ reads as null and
 * is then read cell by cell), and formats set in runs of equal format down each column.
 */
import { type CellRange, rangeA1 } from "../../core/grid";
import { cellAreas, type ClearCell } from "../../core/ownership/transaction";
import type { CellContent } from "../../core/ownership/fingerprint";
import type { WpsRange, WpsValue, WpsWorksheet } from "./wps-types";

const height = (r: CellRange): number => r.bottom - r.top + 1;
const width = (r: CellRange): number => r.right - r.left + 1;

/** Value2 or Formula of a block as rows, whatever WPS returns for a single cell. */
export function rowsOf<T>(x: T | T[][], rows: number, cols: number): T[][] {
  if (Array.isArray(x)) return x;
  return Array.from({ length: rows }, () => Array<T>(cols).fill(x));
}

export const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

/** A cell's value as the engine sees it: numbers, booleans and text; anything else as its text. */
export function plain(v: WpsValue): string | number | boolean | null {
  if (isBlank(v)) return null;
  return typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : String(v);
}

/**
 * What each cell holds, formulas as "=…" (for fingerprints). `Formula` gives a constant as text too:
 * a Formula starting with "=" is the formula, or text such as "=HYPERLINK(…)" kept as text, whose
 * Formula and Value2 are the same string, so taking the Formula gives the same content either way.
 */
export function contents(range: WpsRange, area: CellRange): CellContent[][] {
  const values = rowsOf<WpsValue>(range.Value2, height(area), width(area));
  const formulas = rowsOf<string>(range.Formula, height(area), width(area));
  return values.map((row, r) => row.map((v, c) => {
    const f = formulas[r]?.[c];
    if (typeof f === "string" && f.startsWith("=")) return f;
    return plain(v) ?? "";
  }));
}

export const blockOf = (ws: WpsWorksheet, area: CellRange): WpsRange => ws.Range(rangeA1(area));

/**
 * Number format of every cell of `area`, row by row. A block whose cells differ reads as null, so each
 * column is halved until its parts are uniform: a few calls for the usual header-plus-data column.
 */
export function formatsOf(ws: WpsWorksheet, area: CellRange): string[][] {
  // Stryker disable next-line ArrayDeclaration,StringLiteral: a start value only, every cell is set by fill below
  const out: string[][] = Array.from({ length: height(area) }, () => Array<string>(width(area)).fill("General"));
  const fill = (col: number, top: number, bottom: number) => {
    const f = blockOf(ws, { top, bottom, left: col, right: col }).NumberFormat;
    if (f === null && top < bottom) {
      const mid = Math.floor((top + bottom) / 2);
      fill(col, top, mid);
      fill(col, mid + 1, bottom);
      return;
    }
    for (let row = top; row <= bottom; row++) {
      const line = out[row - area.top];
      if (line) line[col - area.left] = typeof f === "string" ? f : "General";
    }
  };
  for (let col = area.left; col <= area.right; col++) fill(col, area.top, area.bottom);
  return out;
}

/** Set number formats cell by cell (row by row from `area`'s top left), one call per run of equal formats down a column. */
export function setFormats(ws: WpsWorksheet, area: CellRange, formats: ReadonlyArray<ReadonlyArray<string | null>>): void {
  for (let c = 0; c < width(area); c++) {
    let start = 0;
    for (let r = 1; r <= height(area); r++) {
      const f = formats[start]?.[c] ?? null;
      if (r < height(area) && (formats[r]?.[c] ?? null) === f) continue;
      if (f !== null) blockOf(ws, { top: area.top + start, bottom: area.top + r - 1, left: area.left + c, right: area.left + c }).NumberFormat = f;
      start = r;
    }
  }
}

/** Write values into `area` (one call; a single cell gets a plain value). */
export function setValues(ws: WpsWorksheet, area: CellRange, values: ReadonlyArray<ReadonlyArray<string | number>>): void {
  const range = blockOf(ws, area);
  range.Value2 = height(area) === 1 && width(area) === 1 ? (values[0]?.[0] ?? "") : values.map((r) => [...r]);
}

/** Empty cells and give them back the formats they had before Kaohe wrote (one call per run of equal formats down a column). */
export function clearCells(ws: WpsWorksheet, cells: ReadonlyArray<ClearCell>): string[] {
  const areas = cellAreas(cells);
  for (const a of areas) ws.Range(a).ClearContents();
  const byFormat = new Map<string, ClearCell[]>();
  for (const c of cells) {
    if (!c.format) continue;
    const same = byFormat.get(c.format);
    if (same) same.push(c);
    else byFormat.set(c.format, [c]);
  }
  for (const [format, same] of byFormat) for (const a of cellAreas(same)) ws.Range(a).NumberFormat = format;
  return areas;
}
