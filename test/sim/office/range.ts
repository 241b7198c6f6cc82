/**
 * Excel.Range over the model (learn.microsoft.com Excel.Range; typings in @types/office-js).
 * Reads: address (sheet-qualified, quoted when needed), rowIndex, columnIndex, rowCount, columnCount,
 * cellCount, values, formulas, numberFormat, text, valueTypes, isEntireColumn/Row. Reads of more than
 * 5,000,000 cells fail with RangeExceedsLimit. Writes: values (typed like a user, see typing-conversion.ts),
 * formulas, numberFormat. Structure: insert/delete with a shift, whole rows/columns via "C:C", "5:5",
 * getEntireColumn/Row. Everything that changes cells fails with AccessDenied on a protected sheet.
 */
import { SimDataValidation } from "./data-validation";
import { cellCount, formatRect, isWholeColumns, isWholeRows, MAX_COLS, MAX_ROWS, normalize, parseRect, sheetAddress, type Rect } from "./a1";
import { clearCells, writeCells, type Kind } from "./cell-ops";
import { fail } from "./errors";
import { raise } from "./events";
import { getCell, putCell, type SheetModel } from "./model";
import { SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { SimRangeAreas } from "./range-areas";
import { SimRangeFormat } from "./range-format";
import { SimConditionalFormatCollection } from "./conditional-formats";
import { activateSheet, assertSheetEditable } from "./sheet-ops";
import { grid, mergesIn, usedRect } from "./sheet-queries";
import { shiftSheet } from "./structure-shift";
import { SimWorksheet } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const GRID_PROPS = ["values", "formulas", "formulasLocal", "numberFormat", "numberFormatLocal", "text", "valueTypes"];
const SCALARS = ["address", "addressLocal", "cellCount", "columnCount", "columnIndex", "rowCount", "rowIndex", "isEntireColumn", "isEntireRow", ...GRID_PROPS];

export function checkRect(r: Rect): Rect {
  const n = normalize(r);
  if (n.top < 0 || n.left < 0 || n.bottom >= MAX_ROWS || n.right >= MAX_COLS || !Number.isInteger(n.top + n.left + n.bottom + n.right))
    fail("InvalidArgument", "The range lies outside the worksheet.");
  return n;
}

export class SimRange extends SimObject<RangeTarget> {
  private childWorksheet: SimWorksheet | undefined;
  private childCfs: SimConditionalFormatCollection | undefined;
  private childFormat: SimRangeFormat | undefined;
  private childValidation: SimDataValidation | undefined;

  constructor(context: SimContext, resolver: () => RangeTarget | null, orNull = false) {
    super(context, resolver, "Range", orNull);
  }

  protected scalarNames(): string[] {
    return SCALARS;
  }

  protected override alive(t: RangeTarget): boolean {
    return this.context.core.model.sheets.includes(t.sheet);
  }

  protected readScalar(t: RangeTarget, name: string): unknown {
    const r = t.rect;
    switch (name) {
      case "address": case "addressLocal": return sheetAddress(t.sheet.name, r);
      case "cellCount": return cellCount(r);
      case "columnCount": return r.right - r.left + 1;
      case "rowCount": return r.bottom - r.top + 1;
      case "columnIndex": return r.left;
      case "rowIndex": return r.top;
      case "isEntireColumn": return isWholeColumns(r);
      case "isEntireRow": return isWholeRows(r);
      default: return grid(t.sheet, r, name, this.context.core.config.maxReadCells);
    }
  }

  protected override child(name: string): SimObject<unknown> | null {
    if (name === "worksheet") return this.worksheet as SimObject<unknown>;
    if (name === "conditionalFormats") return this.conditionalFormats as SimObject<unknown>;
    if (name === "format") return this.format as SimObject<unknown>;
    return null;
  }

  get address(): string { return this.get("address"); }
  get addressLocal(): string { return this.get("addressLocal"); }
  get cellCount(): number { return this.get("cellCount"); }
  get columnCount(): number { return this.get("columnCount"); }
  get rowCount(): number { return this.get("rowCount"); }
  get columnIndex(): number { return this.get("columnIndex"); }
  get rowIndex(): number { return this.get("rowIndex"); }
  get isEntireColumn(): boolean { return this.get("isEntireColumn"); }
  get isEntireRow(): boolean { return this.get("isEntireRow"); }
  get text(): string[][] { return this.get("text"); }
  get valueTypes(): string[][] { return this.get("valueTypes"); }
  get values(): unknown[][] { return this.get("values"); }
  set values(v: unknown[][]) { this.writeGrid("values", v); }
  get formulas(): unknown[][] { return this.get("formulas"); }
  set formulas(v: unknown[][]) { this.writeGrid("formulas", v); }
  get formulasLocal(): unknown[][] { return this.get("formulasLocal"); }
  set formulasLocal(v: unknown[][]) { this.writeGrid("formulas", v); }
  get numberFormat(): unknown[][] { return this.get("numberFormat"); }
  set numberFormat(v: unknown[][]) { this.writeGrid("numberFormat", v); }
  get numberFormatLocal(): unknown[][] { return this.get("numberFormatLocal"); }
  set numberFormatLocal(v: unknown[][]) { this.writeGrid("numberFormat", v); }

  private writeGrid(kind: Kind, v: unknown): void {
    this.write(kind, v, (t) => {
      assertSheetEditable(t.sheet);
      writeCells(t.sheet, t.rect, v, kind, this.context.core.config.year);
      if (kind !== "numberFormat") raise(this.context.core, t.sheet.uid, "Changed", { type: "WorksheetChanged", changeType: "RangeEdited", worksheetId: t.sheet.id, address: formatRect(t.rect), source: "Local" });
    });
  }

  get worksheet(): SimWorksheet {
    return (this.childWorksheet ??= new SimWorksheet(this.context, () => this.target().sheet));
  }

  get dataValidation(): SimDataValidation {
    return (this.childValidation ??= new SimDataValidation(this.context, () => this.target()));
  }

  get format(): SimRangeFormat {
    return (this.childFormat ??= new SimRangeFormat(this.context, () => this.target()));
  }

  get conditionalFormats(): SimConditionalFormatCollection {
    return (this.childCfs ??= new SimConditionalFormatCollection(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, areas: [t.rect] };
    }, "Range.conditionalFormats"));
  }

  /** A range derived from this one at sync time. */
  private derived(f: (t: RangeTarget) => Rect, orNull = false): SimRange {
    return new SimRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: checkRect(f(t)) };
    }, orNull);
  }

  getCell(row: number, column: number): SimRange {
    return this.derived(({ rect: r }) => ({ top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this.derived(({ rect: r }) => ({ top: r.top + rowOffset, bottom: r.bottom + rowOffset, left: r.left + columnOffset, right: r.right + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this.derived(({ rect: r }) => {
      if (r.bottom + deltaRows < r.top || r.right + deltaColumns < r.left) fail("InvalidArgument", "getResizedRange would make the range empty.");
      return { ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns };
    });
  }
  getEntireColumn(): SimRange {
    return this.derived(({ rect: r }) => ({ ...r, top: 0, bottom: MAX_ROWS - 1 }));
  }
  getEntireRow(): SimRange {
    return this.derived(({ rect: r }) => ({ ...r, left: 0, right: MAX_COLS - 1 }));
  }
  getRow(row: number): SimRange {
    return this.derived(({ rect: r }) => ({ ...r, top: r.top + row, bottom: r.top + row }));
  }
  getColumn(column: number): SimRange {
    return this.derived(({ rect: r }) => ({ ...r, left: r.left + column, right: r.left + column }));
  }
  getLastCell(): SimRange {
    return this.derived(({ rect: r }) => ({ top: r.bottom, bottom: r.bottom, left: r.right, right: r.right }));
  }
  getUsedRange(valuesOnly = false): SimRange {
    return this.usedWithin(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this.usedWithin(valuesOnly, true);
  }
  private usedWithin(valuesOnly: boolean, orNull: boolean): SimRange {
    return new SimRange(this.context, () => {
      const t = this.target();
      const u = usedRect(t.sheet, valuesOnly);
      const i = u && intersectOrNull(u, t.rect);
      if (!i && !orNull) fail("ItemNotFound", "The range has no used cells.");
      return i ? { sheet: t.sheet, rect: i } : null;
    }, orNull);
  }

  private other(r: SimRange | string, t: RangeTarget): Rect {
    if (typeof r !== "string") {
      const o = this.argumentOf(r);
      if (o.sheet !== t.sheet) fail("InvalidArgument", "The ranges are on different sheets.");
      return o.rect;
    }
    return parseRect(r) ?? fail("InvalidArgument", `"${r}" is not an address.`);
  }
  getIntersection(anotherRange: SimRange | string): SimRange {
    return this.derived((t) => intersectOrNull(t.rect, this.other(anotherRange, t)) ?? fail("ItemNotFound", "The ranges do not intersect."));
  }
  getIntersectionOrNullObject(anotherRange: SimRange | string): SimRange {
    return new SimRange(this.context, () => {
      const t = this.target();
      const i = intersectOrNull(t.rect, this.other(anotherRange, t));
      return i ? { sheet: t.sheet, rect: i } : null;
    }, true);
  }
  getBoundingRect(anotherRange: SimRange | string): SimRange {
    return this.derived((t) => {
      const o = this.other(anotherRange, t);
      return { top: Math.min(t.rect.top, o.top), left: Math.min(t.rect.left, o.left), bottom: Math.max(t.rect.bottom, o.bottom), right: Math.max(t.rect.right, o.right) };
    });
  }

  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(this.context, () => {
      const v = this.context.core.requirements.missing("Range.getMergedAreasOrNullObject");
      if (v !== null) fail("ApiNotFound", `Range.getMergedAreasOrNullObject needs ExcelApi ${v}.`);
      const t = this.target();
      const m = mergesIn(t.sheet, t.rect);
      return m.length === 0 ? null : { sheet: t.sheet, areas: m };
    }, true);
  }

  clear(applyTo: string = "All"): void {
    this.write("clear", applyTo, (t) => {
      assertSheetEditable(t.sheet);
      const core = this.context.core;
      const inside = (h: { sheetUid: number; row: number; col: number }) =>
        h.sheetUid === t.sheet.uid && h.row >= t.rect.top && h.row <= t.rect.bottom && h.col >= t.rect.left && h.col <= t.rect.right;
      const held = core.held.filter(inside).map((h) => ({ ...h, cell: getCell(t.sheet, h.row, h.col) }));
      core.held.splice(0, core.held.length, ...core.held.filter((h) => !inside(h)));
      clearCells(t.sheet, t.rect, applyTo);
      for (const h of held) putCell(t.sheet, h.row, h.col, h.cell); // test fault: controls.holdOnClear
    });
  }

  insert(shift: string): SimRange {
    const out = new SimRange(this.context, () => this.target());
    this.write("insert", shift, (t) => {
      assertSheetEditable(t.sheet);
      const r = t.rect;
      const rows = isWholeRows(r) || (shift === "Down" && !isWholeColumns(r));
      if (!["Down", "Right"].includes(shift)) fail("InvalidArgument", `Unknown InsertShiftDirection "${shift}".`);
      if (isWholeRows(r) || (shift === "Down" && !isWholeColumns(r)))
        shiftSheet(this.context.core.model, t.sheet, { axis: "rows", at: r.top, count: r.bottom - r.top + 1, band: isWholeRows(r) ? null : [r.left, r.right] });
      else shiftSheet(this.context.core.model, t.sheet, { axis: "cols", at: r.left, count: r.right - r.left + 1, band: isWholeColumns(r) ? null : [r.top, r.bottom] });
      raise(this.context.core, t.sheet.uid, "Changed", { type: "WorksheetChanged", changeType: rows ? "RowInserted" : "ColumnInserted", worksheetId: t.sheet.id, address: formatRect(r), source: "Local" });
    });
    return out;
  }

  delete(shift: string): void {
    this.write("delete", shift, (t) => {
      assertSheetEditable(t.sheet);
      const r = t.rect;
      if (!["Up", "Left"].includes(shift)) fail("InvalidArgument", `Unknown DeleteShiftDirection "${shift}".`);
      const rows = isWholeRows(r) || (shift === "Up" && !isWholeColumns(r));
      if (rows) shiftSheet(this.context.core.model, t.sheet, { axis: "rows", at: r.top, count: -(r.bottom - r.top + 1), band: isWholeRows(r) ? null : [r.left, r.right] });
      else shiftSheet(this.context.core.model, t.sheet, { axis: "cols", at: r.left, count: -(r.right - r.left + 1), band: isWholeColumns(r) ? null : [r.top, r.bottom] });
      raise(this.context.core, t.sheet.uid, "Changed", { type: "WorksheetChanged", changeType: rows ? "RowDeleted" : "ColumnDeleted", worksheetId: t.sheet.id, address: formatRect(r), source: "Local" });
    });
  }

  select(): void {
    this.context.enqueue({ label: "Range.select", write: false, run: () => {
      const t = this.target();
      activateSheet(this.context.core, t.sheet);
      this.context.core.model.selection = t.rect;
      raise(this.context.core, t.sheet.uid, "SelectionChanged", { type: "WorksheetSelectionChanged", worksheetId: t.sheet.id, address: formatRect(t.rect), source: "Local" });
    } });
  }

  merge(across = false): void {
    this.write("merge", across, (t) => {
      assertSheetEditable(t.sheet);
      const rows = across ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_, i) => ({ ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i })) : [t.rect];
      t.sheet.merges = [...t.sheet.merges.filter((m) => !intersectOrNull(m, t.rect)), ...rows.filter((r) => cellCount(r) > 1)];
    });
  }

  unmerge(): void {
    this.write("unmerge", null, (t) => {
      assertSheetEditable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersectOrNull(m, t.rect));
    });
  }

  track(): this { return this; }
  untrack(): this { return this; }
}

function intersectOrNull(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.top, b.top), left = Math.max(a.left, b.left), bottom = Math.min(a.bottom, b.bottom), right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}
