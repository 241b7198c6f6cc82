/**
 * The workbook the simulator holds: plain data, shared by every Excel.run, changed only by queued
 * actions at context.sync() and by the user controls. `snapshotModel` renders it as plain JSON for
 * before/after comparisons.
 */
import { cellCount, columnLetters, formatRect, type Rect } from "./a1";
import type { Scalar } from "./typing-conversion";
import type { ValidationModel } from "./data-validation";

export interface CellModel {
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  /** Cell formatting set through Range.format ("fill.color", "font.bold", "wrapText", …); absent = default. */
  style?: Record<string, string | number | boolean>;
}

export interface CfModel {
  uid: number;
  type: string;
  areas: Rect[];
  formula: string;
  fill: string | null;
  font: string | null;
  stopIfTrue: boolean;
}

export interface NoteModel {
  content: string;
  author: string;
}

export type NameRef =
  | { kind: "range"; sheetUid: number; rect: Rect }
  | { kind: "formula"; formula: string }
  | { kind: "ref-error" };

export interface NameModel {
  name: string;
  scopeSheetUid: number | null;
  ref: NameRef;
  comment: string;
  visible: boolean;
}

export interface SheetModel {
  uid: number;
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  /** Sparse: key `${row}:${col}`; a cell equal to the default (empty, General) is absent. */
  cells: Map<string, CellModel>;
  merges: Rect[];
  /** Ordered by priority: index 0 is the top rule. */
  cfs: CfModel[];
  freeze: { rows: number; cols: number };
  notes: Map<string, NoteModel>;
  protected: boolean;
  /** Column widths / row heights (points) that differ from the default. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Data-validation drop-downs (lists), in the order added. */
  validations: ValidationModel[];
}

export interface XmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  names: NameModel[];
  structureProtected: boolean;
  settings: Map<string, unknown>;
  customXmlParts: XmlPartModel[];
  activeSheetUid: number;
  /** The active sheet's selection; other sheets remember theirs in `sheetSelections` (Excel restores it on activation). */
  selection: Rect;
  sheetSelections: Map<number, Rect>;
  /** Undo stack depth (one entry per sync that changed something, or per run with mergeUndoGroup) and
   * how many times an operation emptied it (sheet delete, protect/unprotect). */
  undo: { depth: number; clears: number };
  cellEditMode: boolean;
  nextUid: number;
}

export const DEFAULT_FORMAT = "General";
export const cellKey = (row: number, col: number): string => `${row}:${col}`;

export function emptyModel(): WorkbookModel {
  return {
    sheets: [], names: [], structureProtected: false, settings: new Map(), customXmlParts: [],
    activeSheetUid: -1, selection: { top: 0, left: 0, bottom: 0, right: 0 }, sheetSelections: new Map(),
    undo: { depth: 0, clears: 0 }, cellEditMode: false, nextUid: 1,
  };
}

export function newSheet(model: WorkbookModel, name: string): SheetModel {
  const uid = model.nextUid++;
  return {
    uid, id: `{00000000-0001-0000-${String(uid).padStart(4, "0")}-000000000000}`, name, visibility: "Visible", tabColor: "",
    cells: new Map(), merges: [], cfs: [], freeze: { rows: 0, cols: 0 }, notes: new Map(), protected: false,
    columnWidths: new Map(), rowHeights: new Map(), validations: [],
  };
}

export function getCell(sheet: SheetModel, row: number, col: number): CellModel {
  return sheet.cells.get(cellKey(row, col)) ?? { value: "", formula: null, numberFormat: DEFAULT_FORMAT };
}

export function putCell(sheet: SheetModel, row: number, col: number, cell: CellModel): void {
  const k = cellKey(row, col);
  const style = cell.style && Object.keys(cell.style).length > 0 ? cell.style : undefined;
  const c: CellModel = style ? { ...cell, style } : { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat };
  if (c.value === "" && c.formula === null && c.numberFormat === DEFAULT_FORMAT && !style) sheet.cells.delete(k);
  else sheet.cells.set(k, c);
}

export const parseKey = (k: string): [number, number] => {
  const [r = "0", c = "0"] = k.split(":");
  return [Number(r), Number(c)];
};

/** Cells of a rectangle that are not default, without walking empty space (sheets are sparse). */
export function cellsIn(sheet: SheetModel, r: Rect): Array<[number, number, CellModel]> {
  const out: Array<[number, number, CellModel]> = [];
  if (cellCount(r) <= sheet.cells.size) {
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const c = sheet.cells.get(cellKey(row, col));
        if (c) out.push([row, col, c]);
      }
    return out;
  }
  for (const [k, c] of sheet.cells) {
    const [row, col] = parseKey(k);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) out.push([row, col, c]);
  }
  return out;
}

export const sheetByUid = (m: WorkbookModel, uid: number): SheetModel | undefined => m.sheets.find((s) => s.uid === uid);
export const sheetByName = (m: WorkbookModel, name: string): SheetModel | undefined =>
  m.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

const letters: string[] = [];
const cellName = (row: number, col: number): string => `${(letters[col] ??= columnLetters(col))}${row + 1}`;

/** Plain-JSON picture of the whole workbook (stable order), for equality checks in tests. */
export function snapshotModel(m: WorkbookModel): ModelSnapshot {
  return {
    sheets: m.sheets.map((s) => ({
      id: s.id, name: s.name, position: m.sheets.indexOf(s), visibility: s.visibility, protected: s.protected,
      cells: Object.fromEntries([...s.cells.entries()]
        .map(([k, c]) => [...parseKey(k), c] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([row, col, c]) => [cellName(row, col), c.style ? { ...c, style: { ...c.style } } : { ...c }])),
      merges: s.merges.map((r) => formatRect(r)),
      conditionalFormats: s.cfs.map((c) => ({ type: c.type, areas: c.areas.map((r) => formatRect(r)), formula: c.formula, fill: c.fill, font: c.font, stopIfTrue: c.stopIfTrue })),
      freeze: { ...s.freeze },
      columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [formatRect({ top: 0, left: c, bottom: 1048575, right: c }), w])),
      rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
      validations: s.validations.map((v) => ({ area: formatRect(v.rect), list: [...v.list] })),
      notes: Object.fromEntries([...s.notes.entries()].map(([k, n]) => [formatRect({ top: parseKey(k)[0], left: parseKey(k)[1], bottom: parseKey(k)[0], right: parseKey(k)[1] }), n.content])),
    })),
    names: m.names.map((n) => ({
      name: n.name, scope: n.scopeSheetUid === null ? null : (sheetByUid(m, n.scopeSheetUid)?.name ?? null),
      ref: n.ref.kind === "range" ? { sheet: sheetByUid(m, n.ref.sheetUid)?.name ?? "#REF!", area: formatRect(n.ref.rect) }
        : n.ref.kind === "formula" ? { formula: n.ref.formula } : { formula: "=#REF!" },
      comment: n.comment, visible: n.visible,
    })),
    structureProtected: m.structureProtected,
    settings: Object.fromEntries(m.settings),
    customXmlParts: m.customXmlParts.map((p) => ({ ...p })),
    activeSheet: sheetByUid(m, m.activeSheetUid)?.name ?? null,
    selection: formatRect(m.selection),
    undo: { ...m.undo },
  };
}

export interface ModelSnapshot {
  sheets: Array<{
    id: string; name: string; position: number; visibility: string; protected: boolean;
    cells: Record<string, CellModel>; merges: string[];
    conditionalFormats: Array<{ type: string; areas: string[]; formula: string; fill: string | null; font: string | null; stopIfTrue: boolean }>;
    freeze: { rows: number; cols: number }; notes: Record<string, string>;
    columnWidths: Record<string, number>; rowHeights: Record<string, number>;
    validations: Array<{ area: string; list: string[] }>;
  }>;
  names: Array<{ name: string; scope: string | null; ref: { sheet: string; area: string } | { formula: string }; comment: string; visible: boolean }>;
  structureProtected: boolean;
  settings: Record<string, unknown>;
  customXmlParts: XmlPartModel[];
  activeSheet: string | null;
  selection: string;
  undo: { depth: number; clears: number };
}
