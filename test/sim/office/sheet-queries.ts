/** Read-only questions about a sheet: used range, merged areas, the grid a Range reads. */
import { cellCount, formatRect, intersection, intersects, type Rect } from "./a1";
import { formatText } from "./dates";
import { fail } from "./errors";
import { cellKey, DEFAULT_FORMAT, type CellModel, type SheetModel } from "./model";

/** Worksheet.getUsedRange(valuesOnly): bounding box of cells with content (and, unless valuesOnly, formats). */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  for (const [k, c] of sheet.cells) {
    if (valuesOnly && c.value === "" && c.formula === null) continue;
    if (!valuesOnly && c.value === "" && c.formula === null && c.numberFormat === DEFAULT_FORMAT) continue;
    const [r = 0, col = 0] = k.split(":").map(Number);
    top = Math.min(top, r); left = Math.min(left, col); bottom = Math.max(bottom, r); right = Math.max(right, col);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

export function mergesIn(sheet: SheetModel, rect: Rect): Rect[] {
  return sheet.merges.filter((m) => intersects(m, rect));
}

const EMPTY: CellModel = { value: "", formula: null, numberFormat: DEFAULT_FORMAT };

/** One property of every cell of a rectangle, as Range.values/formulas/numberFormat/text/valueTypes return it. */
export function grid(sheet: SheetModel, rect: Rect, prop: string, maxCells: number): unknown[][] {
  if (cellCount(rect) > maxCells) fail("RangeExceedsLimit", `The range ${formatRect(rect)} has more cells (${cellCount(rect)}) than Excel reads at once (${maxCells}).`);
  const pick = (c: CellModel): unknown => {
    switch (prop) {
      case "values": return c.value;
      case "formulas": case "formulasLocal": return c.formula ?? c.value;
      case "numberFormat": case "numberFormatLocal": return c.numberFormat;
      case "text": return formatText(c.value, c.numberFormat);
      default: return c.value === "" && c.formula === null ? "Empty"
        : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean"
        : /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(c.value) ? "Error" : "String";
    }
  };
  const empty = pick(EMPTY);
  const out: unknown[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: unknown[] = new Array<unknown>(rect.right - rect.left + 1).fill(empty);
    if (sheet.cells.size > 0)
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        if (cell) line[c - rect.left] = pick(cell);
      }
    out.push(line);
  }
  return out;
}

export { intersection };
