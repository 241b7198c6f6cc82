/**
 * The user's hands: what a person does in Excel while the add-in runs. Each control changes the model
 * directly (no batching), obeys the same protection rules as the API (a protected sheet refuses typing),
 * counts as one undo step, and raises the events Excel raises. `select`/`activate` resolve after every
 * event handler (and the Excel.run calls they make) has finished.
 */
import { formatRect, parseRect, splitSheet, type Rect } from "./a1";
import { clearCells, writeCells } from "./cell-ops";
import { fail, type SimErrorCode } from "./errors";
import { raise } from "./events";
import { sheetByName, snapshotModel, type ModelSnapshot, type SheetModel } from "./model";
import { parseReference, validName } from "./names";
import type { BatchLog, SimCore } from "./proxy/core";
import { activateSheet, addSheet, assertSheetEditable, deleteSheet, renameSheet, setSheetProtection, setStructureProtection, assertStructureEditable } from "./sheet-ops";
import { shiftSheet } from "./structure-shift";
import type { Scalar } from "./typing-conversion";

export interface SimControls {
  /** Type into a cell (Excel's entry rules; "@" cells keep text). */
  editCell(sheet: string, address: string, input: Scalar): void;
  setNumberFormat(sheet: string, address: string, format: string): void;
  clear(sheet: string, address: string): void;
  renameSheet(from: string, to: string): void;
  addSheet(name?: string): void;
  deleteSheet(name: string): void;
  moveSheet(name: string, position: number): void;
  /** "C" or "C:D". */
  insertColumns(sheet: string, columns: string): void;
  deleteColumns(sheet: string, columns: string): void;
  /** "5" or "5:7" (1-based, as Excel shows). */
  insertRows(sheet: string, rows: string): void;
  deleteRows(sheet: string, rows: string): void;
  /** A user rule at top priority (as Home › Conditional Formatting › New Rule does). */
  addConditionalFormat(sheet: string, address: string, formula: string, fill?: string, font?: string): void;
  addName(name: string, reference: string, scopeSheet?: string): void;
  merge(sheet: string, address: string): void;
  protectSheet(sheet: string): void;
  unprotectSheet(sheet: string): void;
  protectStructure(): void;
  unprotectStructure(): void;
  enterCellEditMode(): void;
  exitCellEditMode(): void;
  select(sheet: string, address: string): Promise<void>;
  activate(sheet: string): Promise<void>;
  /** Settings lost (seen on Mac after save/reopen, and for another add-in id). */
  dropSettings(): void;
  settle(): Promise<void>;
  /**
   * Make the next queued action labelled `label` (e.g. "DataValidation.rule", "Range.values") fail at
   * sync with `code`: what ran before it in that batch stays applied, as in Excel.
   */
  failNext(label: string, code?: SimErrorCode, message?: string): void;
  /**
   * Make the next queued action labelled `label` (e.g. "Worksheet.delete") succeed at sync without any
   * effect: a change the host acknowledged but did not keep, as only a read-back can find.
   */
  dropNext(label: string): void;
  /** Make the next Range.clear over this one cell leave it as it is, without an error (a read-back finds it). */
  holdOnClear(sheet: string, address: string): void;
  snapshot(): ModelSnapshot;
  syncCount(): number;
  batches(): BatchLog[];
}

export function createControls(core: SimCore): SimControls {
  const m = core.model;
  const sheet = (name: string): SheetModel => sheetByName(m, name) ?? fail("ItemNotFound", `No sheet "${name}".`);
  const area = (address: string): Rect => parseRect(splitSheet(address).area) ?? fail("InvalidArgument", `"${address}" is not an address.`);
  const lines = (spec: string): Rect => area(spec.includes(":") ? spec : `${spec}:${spec}`);
  // "C:D" / "5:7" parse as whole columns / rows already
  /** A user action: one undo step, then events. */
  const act = (f: () => void): void => {
    const clears = m.undo.clears;
    f();
    if (m.undo.clears === clears) core.recordUndo();
    core.flushEvents();
  };
  const shift = (name: string, r: Rect, axis: "rows" | "cols", sign: 1 | -1, change: string): void => act(() => {
    const s = sheet(name);
    assertSheetEditable(s);
    const [at, n] = axis === "rows" ? [r.top, r.bottom - r.top + 1] : [r.left, r.right - r.left + 1];
    shiftSheet(m, s, { axis, at, count: sign * n, band: null });
    raise(core, s.uid, "Changed", { type: "WorksheetChanged", changeType: change, worksheetId: s.id, address: formatRect(r), source: "Local" });
  });
  const edited = (s: SheetModel, address: string): void =>
    raise(core, s.uid, "Changed", { type: "WorksheetChanged", changeType: "RangeEdited", worksheetId: s.id, address, source: "Local" });

  return {
    editCell: (name, address, input) => act(() => {
      const s = sheet(name);
      assertSheetEditable(s);
      writeCells(s, area(address), input, "values", core.config.year);
      edited(s, address);
    }),
    setNumberFormat: (name, address, format) => act(() => {
      const s = sheet(name);
      assertSheetEditable(s);
      writeCells(s, area(address), format, "numberFormat", core.config.year);
    }),
    clear: (name, address) => act(() => {
      const s = sheet(name);
      assertSheetEditable(s);
      clearCells(s, area(address), "Contents");
      edited(s, address);
    }),
    renameSheet: (from, to) => act(() => renameSheet(core, sheet(from), to)),
    addSheet: (name) => act(() => void addSheet(core, name)),
    deleteSheet: (name) => act(() => deleteSheet(core, sheet(name))),
    moveSheet: (name, position) => act(() => {
      assertStructureEditable(m);
      const s = sheet(name);
      const rest = m.sheets.filter((x) => x !== s);
      rest.splice(position, 0, s);
      m.sheets = rest;
    }),
    insertColumns: (name, cols) => shift(name, lines(cols), "cols", 1, "ColumnInserted"),
    deleteColumns: (name, cols) => shift(name, lines(cols), "cols", -1, "ColumnDeleted"),
    insertRows: (name, rows) => shift(name, lines(rows), "rows", 1, "RowInserted"),
    deleteRows: (name, rows) => shift(name, lines(rows), "rows", -1, "RowDeleted"),
    addConditionalFormat: (name, address, formula, fill, font) => act(() => {
      const s = sheet(name);
      assertSheetEditable(s);
      s.cfs.unshift({ uid: m.nextUid++, type: "Custom", areas: address.split(",").map((a) => area(a)), formula, fill: fill ?? "#FFC7CE", font: font ?? "#9C0006", stopIfTrue: false });
    }),
    addName: (name, reference, scopeSheet) => act(() => {
      if (!validName(name)) fail("InvalidArgument", `"${name}" is not a valid name.`);
      const scope = scopeSheet === undefined ? null : sheet(scopeSheet);
      m.names.push({ name, scopeSheetUid: scope?.uid ?? null, ref: parseReference(m, reference, scope), comment: "", visible: true });
    }),
    merge: (name, address) => act(() => {
      const s = sheet(name);
      assertSheetEditable(s);
      s.merges.push(area(address));
    }),
    protectSheet: (name) => act(() => setSheetProtection(core, sheet(name), true)),
    unprotectSheet: (name) => act(() => setSheetProtection(core, sheet(name), false)),
    protectStructure: () => act(() => setStructureProtection(core, true)),
    unprotectStructure: () => act(() => setStructureProtection(core, false)),
    enterCellEditMode: () => core.setEditMode(true),
    exitCellEditMode: () => core.setEditMode(false),
    select: async (name, address) => {
      const s = sheet(name);
      activateSheet(core, s);
      m.selection = area(address);
      raise(core, s.uid, "SelectionChanged", { type: "WorksheetSelectionChanged", worksheetId: s.id, address: splitSheet(address).area, source: "Local" });
      core.flushEvents();
      await core.settle();
    },
    activate: async (name) => {
      activateSheet(core, sheet(name));
      core.flushEvents();
      await core.settle();
    },
    dropSettings: () => m.settings.clear(),
    settle: () => core.settle(),
    failNext: (label, code = "GeneralException", message = "An internal error has occurred.") => void core.faults.push({ label, code, message }),
    dropNext: (label) => void core.drops.push(label),
    holdOnClear: (name, address) => {
      const r = area(address);
      core.held.push({ sheetUid: sheet(name).uid, row: r.top, col: r.left });
    },
    snapshot: () => snapshotModel(m),
    syncCount: () => core.syncCount,
    batches: () => core.batches.map((b) => ({ ...b, actions: [...b.actions] })),
  };
}
