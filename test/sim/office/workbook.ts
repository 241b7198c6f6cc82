/**
 * Excel.Workbook: worksheets, names (workbook scope), settings (1.4), customXmlParts (1.5),
 * protection (structure, 1.7), notes (1.18), application, getActiveCell (1.7), getSelectedRange,
 * getSelectedRanges (1.9).
 */
import { fail } from "./errors";
import { sheetByUid, type WorkbookModel } from "./model";
import { SimCustomXmlPartCollection } from "./custom-xml";
import { SimNamedItemCollection } from "./names";
import { SimNoteCollection } from "./notes";
import { SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { SimRange } from "./range";
import { SimRangeAreas } from "./range-areas";
import { SimSettingCollection } from "./settings";
import { setStructureProtection } from "./sheet-ops";
import { SimWorksheetCollection } from "./worksheets";

export class SimWorkbookProtection extends SimObject<WorkbookModel> {
  constructor(context: SimContext) {
    super(context, () => {
      const v = context.core.requirements.missing("Workbook.protection");
      if (v !== null) fail("ApiNotFound", `Workbook.protection needs ExcelApi ${v}.`);
      return context.core.model;
    }, "WorkbookProtection");
  }
  protected scalarNames(): string[] { return ["protected"]; }
  protected readScalar(m: WorkbookModel): unknown { return m.structureProtected; }
  get protected(): boolean { return this.get("protected"); }
  protect(_password?: string): void { this.write("protect", null, () => setStructureProtection(this.context.core, true)); }
  unprotect(_password?: string): void { this.write("unprotect", null, () => setStructureProtection(this.context.core, false)); }
}

/** Excel.Application: calculation is not modelled; the suspend calls are accepted and do nothing. */
export class SimApplication extends SimObject<WorkbookModel> {
  constructor(context: SimContext) {
    super(context, () => context.core.model, "Application");
  }
  protected scalarNames(): string[] { return ["calculationMode"]; }
  protected readScalar(): unknown { return "Automatic"; }
  get calculationMode(): string { return this.get("calculationMode"); }
  calculate(_type?: string): void { /* no calculation engine */ }
  suspendApiCalculationUntilNextSync(): void { /* nothing to suspend */ }
  suspendScreenUpdatingUntilNextSync(): void { /* nothing to suspend */ }
}

export class SimWorkbook extends SimObject<WorkbookModel> {
  readonly worksheets: SimWorksheetCollection;
  readonly names: SimNamedItemCollection;
  readonly settings: SimSettingCollection;
  readonly customXmlParts: SimCustomXmlPartCollection;
  readonly protection: SimWorkbookProtection;
  readonly notes: SimNoteCollection;
  readonly application: SimApplication;

  constructor(context: SimContext) {
    super(context, () => context.core.model, "Workbook");
    this.worksheets = new SimWorksheetCollection(context);
    this.names = new SimNamedItemCollection(context, () => null, null);
    this.settings = new SimSettingCollection(context);
    this.customXmlParts = new SimCustomXmlPartCollection(context);
    this.protection = new SimWorkbookProtection(context);
    this.notes = new SimNoteCollection(context, () => context.core.model.sheets, "Workbook.notes");
    this.application = new SimApplication(context);
  }

  protected scalarNames(): string[] { return ["name", "readOnly", "isDirty"]; }
  protected readScalar(_m: WorkbookModel, name: string): unknown {
    return name === "name" ? "Book1.xlsx" : false;
  }

  protected override child(name: string): SimObject<unknown> | null {
    const kids: Record<string, SimObject<unknown>> = {
      worksheets: this.worksheets as SimObject<unknown>, names: this.names as SimObject<unknown>, settings: this.settings as SimObject<unknown>,
      customXmlParts: this.customXmlParts as SimObject<unknown>, protection: this.protection as SimObject<unknown>, notes: this.notes as SimObject<unknown>,
    };
    return kids[name] ?? null;
  }

  get name(): string { return this.get("name"); }

  private selected() {
    const m = this.context.core.model;
    const sheet = sheetByUid(m, m.activeSheetUid);
    return sheet ? { sheet, rect: m.selection } : null;
  }

  getSelectedRange(): SimRange {
    return new SimRange(this.context, () => this.selected());
  }

  getActiveCell(): SimRange {
    return new SimRange(this.context, () => {
      const v = this.context.core.requirements.missing("Workbook.getActiveCell");
      if (v !== null) fail("ApiNotFound", `Workbook.getActiveCell needs ExcelApi ${v}.`);
      const s = this.selected();
      return s && { sheet: s.sheet, rect: { top: s.rect.top, left: s.rect.left, bottom: s.rect.top, right: s.rect.left } };
    });
  }

  getSelectedRanges(): SimRangeAreas {
    return new SimRangeAreas(this.context, () => {
      const s = this.selected();
      return s && { sheet: s.sheet, areas: [s.rect] };
    });
  }
}
