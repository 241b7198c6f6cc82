/**
 * Excel.RangeAreas (ExcelApi 1.9): several rectangles of one sheet, from Worksheet.getRanges("A1:B2, D4"),
 * ConditionalFormat.getRanges() or Range.getMergedAreasOrNullObject(). Reads address/areaCount/cellCount
 * and `areas`; `conditionalFormats.add()` makes one rule over every area; `clear()` clears each area.
 */
import { cellCount, sheetAddress, type Rect } from "./a1";
import { clearCells } from "./cell-ops";
import { SimConditionalFormatCollection } from "./conditional-formats";
import type { SheetModel } from "./model";
import { SimCollection, SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { SimRange, type RangeTarget } from "./range";
import { assertSheetEditable } from "./sheet-ops";
import { SimWorksheet } from "./worksheet";

export interface AreasTarget {
  sheet: SheetModel;
  areas: Rect[];
}

export class SimRangeCollection extends SimCollection<AreasTarget, RangeTarget, SimRange> {
  constructor(context: SimContext, resolver: () => AreasTarget | null) {
    super(context, resolver, "RangeCollection");
  }
  protected list(t: AreasTarget): RangeTarget[] {
    return t.areas.map((rect) => ({ sheet: t.sheet, rect }));
  }
  protected itemProxy(m: RangeTarget): SimRange {
    return new SimRange(this.context, () => m);
  }
  getItemAt(index: number): SimRange {
    return new SimRange(this.context, () => this.list(this.target())[index] ?? null);
  }
}

export class SimRangeAreas extends SimObject<AreasTarget> {
  private cfs: SimConditionalFormatCollection | undefined;
  private ws: SimWorksheet | undefined;
  private areaList: SimRangeCollection | undefined;

  constructor(context: SimContext, resolver: () => AreasTarget | null, orNull = false) {
    super(context, resolver, "RangeAreas", orNull);
  }

  protected scalarNames(): string[] {
    return ["address", "addressLocal", "areaCount", "cellCount"];
  }

  protected readScalar(t: AreasTarget, name: string): unknown {
    if (name === "areaCount") return t.areas.length;
    if (name === "cellCount") return t.areas.reduce((n, r) => n + cellCount(r), 0);
    return t.areas.map((r) => sheetAddress(t.sheet.name, r)).join(",");
  }

  protected override alive(t: AreasTarget): boolean {
    return this.context.core.model.sheets.includes(t.sheet);
  }

  protected override child(name: string): SimObject<unknown> | null {
    if (name === "conditionalFormats") return this.conditionalFormats as SimObject<unknown>;
    if (name === "worksheet") return this.worksheet as SimObject<unknown>;
    if (name === "areas") return this.areas as SimObject<unknown>;
    return null;
  }

  get address(): string { return this.get("address"); }
  get addressLocal(): string { return this.get("addressLocal"); }
  get areaCount(): number { return this.get("areaCount"); }
  get cellCount(): number { return this.get("cellCount"); }

  get areas(): SimRangeCollection {
    return (this.areaList ??= new SimRangeCollection(this.context, () => this.target()));
  }

  get worksheet(): SimWorksheet {
    return (this.ws ??= new SimWorksheet(this.context, () => this.target().sheet));
  }

  get conditionalFormats(): SimConditionalFormatCollection {
    return (this.cfs ??= new SimConditionalFormatCollection(this.context, () => this.target(), "RangeAreas.conditionalFormats"));
  }

  clear(applyTo: string = "All"): void {
    this.write("clear", applyTo, (t) => {
      assertSheetEditable(t.sheet);
      for (const r of t.areas) clearCells(t.sheet, r, applyTo);
    });
  }
}
