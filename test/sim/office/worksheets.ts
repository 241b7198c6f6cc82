/**
 * Excel.WorksheetCollection: getActiveWorksheet, getItem / getItemOrNullObject (by name, ignoring case, or
 * by id), add(name?) (refused under workbook structure protection), getFirst/getLast, getCount, items, and
 * the events onActivated, onDeactivated, onAdded, onDeleted (1.7), onChanged, onSelectionChanged (1.9).
 */
import { fail } from "./errors";
import { channel, SimEventHandlers } from "./events";
import { sheetByName, sheetByUid, type SheetModel } from "./model";
import { SimCollection } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { addSheet } from "./sheet-ops";
import { SimWorksheet } from "./worksheet";

export class SimWorksheetCollection extends SimCollection<SheetModel[], SheetModel, SimWorksheet> {
  constructor(context: SimContext) {
    super(context, () => context.core.model.sheets, "WorksheetCollection");
  }

  /** Always the current sheet list (moving a sheet replaces the array). */
  protected list(): SheetModel[] {
    return this.context.core.model.sheets;
  }

  protected itemProxy(s: SheetModel): SimWorksheet {
    return new SimWorksheet(this.context, () => s);
  }

  private find(key: string): SheetModel | null {
    const m = this.context.core.model;
    return sheetByName(m, String(key)) ?? m.sheets.find((s) => s.id === key) ?? null;
  }

  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, () => this.find(key) ?? fail("ItemNotFound", `The worksheet "${key}" does not exist.`));
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this.context, () => {
      const v = this.context.core.requirements.missing("WorksheetCollection.getItemOrNullObject");
      if (v !== null) fail("ApiNotFound", `WorksheetCollection.getItemOrNullObject needs ExcelApi ${v}.`);
      return this.find(key);
    }, true);
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context, () => sheetByUid(this.context.core.model, this.context.core.model.activeSheetUid) ?? null);
  }

  getFirst(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, () => this.context.core.model.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? null);
  }

  getLast(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, () => [...this.context.core.model.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible") ?? null);
  }

  add(name?: string): SimWorksheet {
    const proxy = new SimWorksheet(this.context, () => null);
    this.context.enqueue({ label: "WorksheetCollection.add", write: true, request: name ?? null, run: () => proxy.bind(addSheet(this.context.core, name)) });
    return proxy;
  }

  private events(event: string, member: string): SimEventHandlers {
    return new SimEventHandlers(this.context, () => channel("*", event), member);
  }

  get onActivated(): SimEventHandlers { return this.events("Activated", "WorksheetCollection.onActivated"); }
  get onDeactivated(): SimEventHandlers { return this.events("Deactivated", "WorksheetCollection.onActivated"); }
  get onAdded(): SimEventHandlers { return this.events("Added", "WorksheetCollection.onAdded"); }
  get onDeleted(): SimEventHandlers { return this.events("Deleted", "WorksheetCollection.onDeleted"); }
  get onChanged(): SimEventHandlers { return this.events("Changed", "WorksheetCollection.onChanged"); }
  get onSelectionChanged(): SimEventHandlers { return this.events("SelectionChanged", "WorksheetCollection.onSelectionChanged"); }
  get onNameChanged(): SimEventHandlers { return this.events("NameChanged", "WorksheetCollection.onActivated"); }
}
