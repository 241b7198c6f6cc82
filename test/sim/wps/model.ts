/**
 * The WPS simulator's workbook as plain data: cells (constants or formulas), number formats,
 * merged areas, conditional formats, comments, defined names, custom XML parts, protection.
 * The object model in objects.ts reads and changes it the way WPS 表格 does.
 */
import { type CellRange, a1, columnLetter, parseRange } from "../../../src/core/grid";

export type SimValue = string | number | boolean;

/** A stored cell: a constant, or a formula (its computed value is not simulated). */
export type SimCell = { value: SimValue } | { formula: string };

export interface SimRule {
  areas: CellRange[];
  type: number;
  formula1: string;
  interior?: unknown;
  font?: unknown;
}

export interface SimSheet {
  name: string;
  cells: Map<string, SimCell>;
  formats: Map<string, string>;
  comments: Map<string, string>;
  merges: CellRange[];
  rules: SimRule[];
  protectContents: boolean;
  /** List drop-downs (data validation): the area and the list's items. */
  validations: { range: CellRange; list: string[] }[];
  /** Cells whose font is bold. */
  bold: Set<string>;
}

/** A name's target: a range of a sheet (followed through renames and inserted columns), a constant, or gone. */
export type SimRef = { sheet: SimSheet; range: CellRange } | { constant: string } | { ref: "#REF!" };

export interface SimName {
  name: string;
  /** The sheet the name is scoped to, or null for the workbook. */
  scope: SimSheet | null;
  ref: SimRef;
  visible: boolean;
}

export interface SimPart {
  id: number;
  xml: string;
  namespace: string;
}

export interface SimBook {
  sheets: SimSheet[];
  active: SimSheet;
  names: SimName[];
  parts: SimPart[];
  protectStructure: boolean;
  selection: string;
}

export const key = (row: number, col: number): string => `${row},${col}`;
export const unkey = (k: string): { row: number; col: number } => {
  const [r, c] = k.split(",").map(Number);
  return { row: r ?? 0, col: c ?? 0 };
};

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const WHOLE: CellRange = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };

export const inside = (r: CellRange, row: number, col: number): boolean => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
export const overlaps = (a: CellRange, b: CellRange): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export function areaA1(r: CellRange): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

export function absoluteA1(r: CellRange): string {
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  return r.top === r.bottom && r.left === r.right ? cell(r.top, r.left) : `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

/** "A1", "$B$3:$C$9", "A1,B2:C3" → areas; throws like WPS on anything else. */
export function parseAreas(address: string): CellRange[] {
  const areas = address.split(",").map((a) => parseRange(a.trim().replace(/\$/g, "")));
  if (!areas.length || areas.some((a) => a === null)) throw new Error(`Range("${address}"): not an address`);
  return areas as CellRange[];
}

/** Excel's rule for quoting a sheet name in a reference. */
export const quoteSheet = (name: string): string => (/^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

export function newSheet(name: string): SimSheet {
  return { name, cells: new Map(), formats: new Map(), comments: new Map(), merges: [], rules: [], protectContents: false, validations: [], bold: new Set() };
}
