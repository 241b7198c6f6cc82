/**
 * A sheet as plain data: what an adapter reads (Excel, .xlsx) and the engine scores.
 * Row/column indexes are 0-based offsets from the sheet's A1 (so row 0, col 2 is C1).
 */
export type ErrorValue = { error: string };
export type CellValue = number | string | boolean | null | ErrorValue;

export interface GridCell {
  value: CellValue;
  /** Excel number format, e.g. "0.00%"; absent means General. */
  numFmt?: string;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** rows[r][c]; missing entries are empty cells. */
  rows: ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>;
  merges: ReadonlyArray<CellRange>;
}

/**
 * A formula the file holds without a calculated value (never recalculated since it was written):
 * neither empty nor a number. Readers give it this error value so nothing takes it for a blank.
 */
export const UNCALCULATED = "#UNCALCULATED";

export function isUncalculated(v: CellValue | undefined): boolean {
  return typeof v === "object" && v !== null && v.error === UNCALCULATED;
}

export function isErrorValue(v: CellValue): v is ErrorValue {
  return typeof v === "object" && v !== null && typeof (v as ErrorValue).error === "string";
}

export function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  return grid.rows[row]?.[col];
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function columnCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.rows) if (row && row.length > n) n = row.length;
  return n;
}

export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m || !m[1] || !m[2]) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function parseRange(ref: string): CellRange | null {
  const [from, to = from] = ref.split(":");
  const a = from ? parseA1(from) : null;
  const b = to ? parseA1(to) : null;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeA1(r: CellRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** Text shown for a cell value in messages. */
export function displayValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (isErrorValue(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}
