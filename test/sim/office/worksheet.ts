/**
 * Excel.Worksheet: name (settable: rename), id, position, visibility, tabColor; activate(), delete();
 * getRange(address?) (an A1 address, "C:C", "5:5", or a defined name), getRangeByIndexes, getRanges (1.9),
 * getCell, getUsedRange[OrNullObject](valuesOnly); protection (1.2), freezePanes (1.7), names (1.4),
 * notes (1.18), and the events onActivated, onDeactivated, onChanged, onSelectionChanged (1.7).
 * Renaming, moving and hiding are blocked by workbook structure protection (sheet-ops.ts).
 */
import { MAX_COLS, MAX_ROWS, parseRect, splitList, splitSheet, type Rect } from "./a1";
import { fail } from "./errors";
import { channel, SimEventHandlers } from "./events";
import { sheetByName, type SheetModel } from "./model";
import { SimNamedItemCollection } from "./names";
import { SimNoteCollection } from "./notes";
import { SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { checkRect, SimRange } from "./range";
import { SimRangeAreas } from "./range-areas";
import { activateSheet, assertStructureEditable, deleteSheet, renameSheet, setSheetProtection } from "./sheet-ops";
import { usedRect } from "./sheet-queries";

export const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };

export class SimWorksheet extends SimObject<SheetModel> {
  private readonly kids = new Map<string, SimObject<unknown>>();

  constructor(context: SimContext, resolver: () => SheetModel | null, orNull = false) {
    super(context, resolver, "Worksheet", orNull);
  }

  protected scalarNames(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }

  protected override alive(s: SheetModel): boolean {
    return this.context.core.model.sheets.includes(s);
  }

  protected readScalar(s: SheetModel, name: string): unknown {
    if (name === "position") return this.context.core.model.sheets.indexOf(s);
    return s[name as "name" | "id" | "visibility" | "tabColor"];
  }

  protected override child(name: string): SimObject<unknown> | null {
    const make = (): SimObject<unknown> | null => {
      switch (name) {
        case "protection": return new SimWorksheetProtection(this.context, () => this.target()) as SimObject<unknown>;
        case "freezePanes": return new SimFreezePanes(this.context, () => this.target()) as SimObject<unknown>;
        case "names": return new SimNamedItemCollection(this.context, () => this.target(), "Worksheet.names") as SimObject<unknown>;
        case "notes": return new SimNoteCollection(this.context, () => [this.target()], "Worksheet.notes") as SimObject<unknown>;
        default: return null;
      }
    };
    if (!this.kids.has(name)) {
      const k = make();
      if (!k) return null;
      this.kids.set(name, k);
    }
    return this.kids.get(name) ?? null;
  }

  get name(): string { return this.get("name"); }
  set name(v: string) { this.write("name", v, (s) => renameSheet(this.context.core, s, v)); }
  get id(): string { return this.get("id"); }
  get position(): number { return this.get("position"); }
  set position(p: number) {
    this.write("position", p, (s) => {
      assertStructureEditable(this.context.core.model);
      const sheets = this.context.core.model.sheets.filter((x) => x !== s);
      sheets.splice(Math.max(0, Math.min(p, sheets.length)), 0, s);
      this.context.core.model.sheets = sheets;
    });
  }
  get visibility(): string { return this.get("visibility"); }
  set visibility(v: string) {
    this.write("visibility", v, (s) => {
      assertStructureEditable(this.context.core.model);
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) fail("InvalidArgument", `Unknown visibility "${v}".`);
      if (v !== "Visible" && this.context.core.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      s.visibility = v as SheetModel["visibility"];
    });
  }
  get tabColor(): string { return this.get("tabColor"); }
  set tabColor(v: string) { this.write("tabColor", v, (s) => (s.tabColor = v)); }

  get protection(): SimWorksheetProtection { return this.child("protection") as unknown as SimWorksheetProtection; }
  get freezePanes(): SimFreezePanes { return this.child("freezePanes") as unknown as SimFreezePanes; }
  get names(): SimNamedItemCollection { return this.child("names") as unknown as SimNamedItemCollection; }
  get notes(): SimNoteCollection { return this.child("notes") as unknown as SimNoteCollection; }

  get onActivated(): SimEventHandlers { return this.events("Activated", "Worksheet.onActivated"); }
  get onDeactivated(): SimEventHandlers { return this.events("Deactivated", "Worksheet.onActivated"); }
  get onChanged(): SimEventHandlers { return this.events("Changed", "Worksheet.onChanged"); }
  get onSelectionChanged(): SimEventHandlers { return this.events("SelectionChanged", "Worksheet.onSelectionChanged"); }
  get onNameChanged(): SimEventHandlers { return this.events("NameChanged", "Worksheet.onActivated"); }

  private events(event: string, member: string): SimEventHandlers {
    return new SimEventHandlers(this.context, () => channel(this.target().uid, event), member);
  }

  activate(): void {
    this.context.enqueue({ label: "Worksheet.activate", write: false, run: () => activateSheet(this.context.core, this.target()) });
  }

  delete(): void {
    this.write("delete", null, (s) => deleteSheet(this.context.core, s));
  }

  /** An address on this sheet, or a defined name (sheet scope first) that refers to a range here. */
  private rectOf(s: SheetModel, address: string): Rect {
    const { sheet, area } = splitSheet(address);
    if (sheet !== null && sheetByName(this.context.core.model, sheet) !== s) fail("InvalidArgument", `The address "${address}" is not on sheet "${s.name}".`);
    const r = parseRect(area);
    if (r) return r;
    const model = this.context.core.model;
    const n = model.names.find((x) => x.name.toLowerCase() === address.toLowerCase() && x.scopeSheetUid === s.uid)
      ?? model.names.find((x) => x.name.toLowerCase() === address.toLowerCase() && x.scopeSheetUid === null);
    if (n && n.ref.kind === "range" && n.ref.sheetUid === s.uid) return n.ref.rect;
    return fail("InvalidArgument", `"${address}" is not a valid address.`);
  }

  getRange(address?: string): SimRange {
    return new SimRange(this.context, () => {
      const s = this.target();
      return { sheet: s, rect: address === undefined || address === "" ? WHOLE_SHEET : this.rectOf(s, address) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return new SimRange(this.context, () => {
      const v = this.context.core.requirements.missing("Worksheet.getRangeByIndexes");
      if (v !== null) fail("ApiNotFound", `Worksheet.getRangeByIndexes needs ExcelApi ${v}.`);
      if (rowCount < 1 || columnCount < 1) fail("InvalidArgument", "getRangeByIndexes needs at least one row and one column.");
      return { sheet: this.target(), rect: checkRect({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }) };
    });
  }

  getCell(row: number, column: number): SimRange {
    return new SimRange(this.context, () => ({ sheet: this.target(), rect: checkRect({ top: row, left: column, bottom: row, right: column }) }));
  }

  getRanges(address?: string): SimRangeAreas {
    return new SimRangeAreas(this.context, () => {
      const v = this.context.core.requirements.missing("Worksheet.getRanges");
      if (v !== null) fail("ApiNotFound", `Worksheet.getRanges needs ExcelApi ${v}.`);
      const s = this.target();
      const areas = address === undefined ? [this.context.core.model.selection] : splitList(address).map((a) => this.rectOf(s, a));
      return { sheet: s, areas };
    });
  }

  getUsedRange(valuesOnly = false): SimRange {
    return new SimRange(this.context, () => {
      const s = this.target();
      return { sheet: s, rect: usedRect(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(this.context, () => {
      const v = this.context.core.requirements.missing("Worksheet.getUsedRangeOrNullObject");
      if (v !== null) fail("ApiNotFound", `Worksheet.getUsedRangeOrNullObject needs ExcelApi ${v}.`);
      const s = this.target();
      const r = usedRect(s, valuesOnly);
      return r ? { sheet: s, rect: r } : null;
    }, true);
  }

  calculate(): void {
    /* the simulator does not calculate */
  }
}

/** WorksheetProtection (1.2): `protected`; protect() fails if already protected; both clear the undo stack. */
export class SimWorksheetProtection extends SimObject<SheetModel> {
  constructor(context: SimContext, resolver: () => SheetModel | null) {
    super(context, resolver, "WorksheetProtection");
  }
  protected scalarNames(): string[] { return ["protected"]; }
  protected readScalar(s: SheetModel): unknown { return s.protected; }
  get protected(): boolean { return this.get("protected"); }
  protect(_options?: unknown, _password?: string): void {
    this.write("protect", null, (s) => setSheetProtection(this.context.core, s, true));
  }
  unprotect(_password?: string): void {
    this.write("unprotect", null, (s) => setSheetProtection(this.context.core, s, false));
  }
}

/** WorksheetFreezePanes (1.7): freezeRows/freezeColumns/freezeAt/unfreeze, getLocationOrNullObject. */
export class SimFreezePanes extends SimObject<SheetModel> {
  constructor(context: SimContext, resolver: () => SheetModel | null) {
    super(context, () => {
      const v = context.core.requirements.missing("Worksheet.freezePanes");
      if (v !== null) fail("ApiNotFound", `Worksheet.freezePanes needs ExcelApi ${v}.`);
      return resolver();
    }, "WorksheetFreezePanes");
  }
  protected scalarNames(): string[] { return []; }
  protected readScalar(): unknown { return undefined; }
  freezeRows(count = 1): void { this.write("freezeRows", count, (s) => (s.freeze = { rows: count, cols: 0 })); }
  freezeColumns(count = 1): void { this.write("freezeColumns", count, (s) => (s.freeze = { rows: 0, cols: count })); }
  freezeAt(frozenRange: SimRange | string): void {
    this.write("freezeAt", typeof frozenRange === "string" ? frozenRange : null, (s) => {
      const r = typeof frozenRange === "string" ? parseRect(frozenRange) ?? fail("InvalidArgument", "Bad address.") : this.argumentOf(frozenRange).rect;
      s.freeze = { rows: r.bottom + 1, cols: r.right + 1 };
    });
  }
  unfreeze(): void { this.write("unfreeze", null, (s) => (s.freeze = { rows: 0, cols: 0 })); }
  getLocationOrNullObject(): SimRange {
    return new SimRange(this.context, () => {
      const s = this.target();
      if (s.freeze.rows === 0 && s.freeze.cols === 0) return null;
      const rect: Rect = s.freeze.cols === 0 ? { top: 0, bottom: s.freeze.rows - 1, left: 0, right: MAX_COLS - 1 }
        : s.freeze.rows === 0 ? { top: 0, bottom: MAX_ROWS - 1, left: 0, right: s.freeze.cols - 1 }
        : { top: 0, left: 0, bottom: s.freeze.rows - 1, right: s.freeze.cols - 1 };
      return { sheet: s, rect };
    }, true);
  }
}

