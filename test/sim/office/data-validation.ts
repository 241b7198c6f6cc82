/**
 * Range.dataValidation (Excel.DataValidation, ExcelApi 1.8): setting `rule` to a list rule
 * (`{ list: { inCellDropDown, source: "a,b,c" } }`) puts a drop-down on every cell of the range,
 * replacing what was there; `clear()` removes the range's rules; `type` reads "List", "None" or
 * "Inconsistent" (cells that differ), as Excel does. Only list rules are modelled; any other rule kind
 * is refused with InvalidArgument (**assumed**: Kaohe writes only lists). Refused on a protected sheet.
 */
import { fail } from "./errors";
import type { Rect } from "./a1";
import type { SheetModel } from "./model";
import { SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import type { RangeTarget } from "./range";
import { assertSheetEditable } from "./sheet-ops";

export interface ValidationModel {
  rect: Rect;
  /** The list's items, split from its comma-separated source. */
  list: string[];
  inCellDropDown: boolean;
}

const overlaps = (a: Rect, b: Rect) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
const covers = (a: Rect, b: Rect) => a.left <= b.left && a.right >= b.right && a.top <= b.top && a.bottom >= b.bottom;

/** Remove every rule inside `r`; a rule that only partly overlaps is kept whole (**assumed**: Excel splits it). */
function clearIn(sheet: SheetModel, r: Rect): void {
  sheet.validations = sheet.validations.filter((v) => !covers(r, v.rect));
}

export class SimDataValidation extends SimObject<RangeTarget> {
  constructor(context: SimContext, resolver: () => RangeTarget | null) {
    super(context, resolver, "DataValidation");
  }

  protected scalarNames(): string[] {
    return ["type", "valid"];
  }

  protected override alive(t: RangeTarget): boolean {
    return this.context.core.model.sheets.includes(t.sheet);
  }

  protected readScalar(t: RangeTarget, name: string): unknown {
    if (name === "valid") return true;
    const hits = t.sheet.validations.filter((v) => overlaps(v.rect, t.rect));
    if (!hits.length) return "None";
    return hits.length === 1 && hits[0] && covers(hits[0].rect, t.rect) ? "List" : "Inconsistent";
  }

  set rule(v: { list?: { inCellDropDown?: boolean; source?: string } }) {
    this.write("rule", v, (t) => {
      assertSheetEditable(t.sheet);
      const list = v.list;
      if (!list || typeof list.source !== "string" || list.source === "") fail("InvalidArgument", "Only list rules with a source are modelled.");
      clearIn(t.sheet, t.rect);
      t.sheet.validations.push({ rect: { ...t.rect }, list: list.source.split(","), inCellDropDown: list.inCellDropDown !== false });
    });
  }

  clear(): void {
    this.write("clear", null, (t) => {
      assertSheetEditable(t.sheet);
      clearIn(t.sheet, t.rect);
    });
  }
}
