/**
 * Sheet-level operations shared by the API proxies and the user controls.
 * - Workbook structure protection (ExcelApi 1.7, WorkbookProtection) blocks adding, deleting, renaming,
 *   moving and hiding sheets, even when the sheet itself is unprotected: AccessDenied.
 * - Sheet protection (WorksheetProtection, 1.2) blocks changing cells, formats, conditional formats,
 *   notes, and inserting/deleting cells: AccessDenied.
 * - Sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, no leading/trailing apostrophe, not "History",
 *   unique ignoring case (InvalidArgument / ItemAlreadyExists), as Excel's rename dialog enforces.
 * - Deleting a sheet, protect and unprotect empty Excel's undo stack (toolchain notes); a sheet-scoped
 *   name dies with its sheet and names referring to it become #REF!. The last visible sheet cannot go.
 */
import { fail } from "./errors";
import { newSheet, sheetByName, type SheetModel, type WorkbookModel } from "./model";
import type { SimCore } from "./proxy/core";
import { raise } from "./events";

export function assertStructureEditable(model: WorkbookModel): void {
  if (model.structureProtected) fail("AccessDenied", "The workbook's structure is protected: sheets cannot be added, deleted, renamed, moved or hidden.");
}

export function assertSheetEditable(sheet: SheetModel): void {
  if (sheet.protected) fail("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`);
}

export function validateSheetName(model: WorkbookModel, name: string, self?: SheetModel): void {
  if (typeof name !== "string" || name.trim() === "" || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history")
    fail("InvalidArgument", `"${String(name)}" is not a valid sheet name.`);
  const other = sheetByName(model, name);
  if (other && other !== self) fail("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
}

export function addSheet(core: SimCore, name?: string): SheetModel {
  const model = core.model;
  assertStructureEditable(model);
  let n = name;
  if (n === undefined || n === "") {
    let i = model.sheets.length + 1;
    while (sheetByName(model, `Sheet${i}`)) i++;
    n = `Sheet${i}`;
  }
  validateSheetName(model, n);
  const sheet = newSheet(model, n);
  model.sheets.push(sheet);
  core.emit("*:Added", { type: "WorksheetAdded", worksheetId: sheet.id, source: "Local" });
  return sheet;
}

export function renameSheet(core: SimCore, sheet: SheetModel, name: string): void {
  if (sheet.name === name) return;
  assertStructureEditable(core.model);
  validateSheetName(core.model, name, sheet);
  const before = sheet.name;
  sheet.name = name;
  raise(core, sheet.uid, "NameChanged", { type: "WorksheetNameChanged", worksheetId: sheet.id, nameBefore: before, nameAfter: name, source: "Local" });
}

export function activateSheet(core: SimCore, sheet: SheetModel): void {
  if (sheet.visibility !== "Visible") fail("InvalidOperation", `The sheet "${sheet.name}" is hidden and cannot be activated.`);
  if (core.model.activeSheetUid === sheet.uid) return;
  const before = core.model.sheets.find((s) => s.uid === core.model.activeSheetUid);
  if (before) core.model.sheetSelections.set(before.uid, core.model.selection);
  core.model.activeSheetUid = sheet.uid;
  core.model.selection = core.model.sheetSelections.get(sheet.uid) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  if (before) raise(core, before.uid, "Deactivated", { type: "WorksheetDeactivated", worksheetId: before.id, source: "Local" });
  raise(core, sheet.uid, "Activated", { type: "WorksheetActivated", worksheetId: sheet.id, source: "Local" });
}

export function deleteSheet(core: SimCore, sheet: SheetModel): void {
  const model = core.model;
  assertStructureEditable(model);
  const visible = model.sheets.filter((s) => s.visibility === "Visible");
  if (visible.length === 1 && visible[0] === sheet) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
  const index = model.sheets.indexOf(sheet);
  model.sheets.splice(index, 1);
  model.names = model.names.filter((n) => n.scopeSheetUid !== sheet.uid);
  for (const n of model.names) if (n.ref.kind === "range" && n.ref.sheetUid === sheet.uid) n.ref = { kind: "ref-error" };
  if (model.activeSheetUid === sheet.uid) {
    const next = model.sheets.slice(index).find((s) => s.visibility === "Visible") ?? [...model.sheets].reverse().find((s) => s.visibility === "Visible");
    if (next) {
      model.activeSheetUid = next.uid;
      model.selection = model.sheetSelections.get(next.uid) ?? { top: 0, left: 0, bottom: 0, right: 0 };
      raise(core, next.uid, "Activated", { type: "WorksheetActivated", worksheetId: next.id, source: "Local" });
    }
  }
  core.emit("*:Deleted", { type: "WorksheetDeleted", worksheetId: sheet.id, source: "Local" });
  core.clearUndo();
}

export function setSheetProtection(core: SimCore, sheet: SheetModel, on: boolean): void {
  if (on && sheet.protected) fail("InvalidOperation", `The sheet "${sheet.name}" is already protected.`);
  sheet.protected = on;
  core.clearUndo();
}

export function setStructureProtection(core: SimCore, on: boolean): void {
  if (on && core.model.structureProtected) fail("InvalidOperation", "The workbook is already protected.");
  core.model.structureProtected = on;
  core.clearUndo();
}
