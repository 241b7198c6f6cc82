/**
 * Cell writes shared by Range setters and the user controls.
 * - `values`/`formulas`/`numberFormat` take a 2-D array of exactly the range's size, or one non-array
 *   value that goes to every cell (Range.values docs: "If the specified value is a single value, it
 *   will be applied to all cells"); a null entry leaves that cell unchanged. A wrong size is InvalidArgument.
 * - Excel's specification limits: 32,767 characters in a cell, 8,192 in a formula (InvalidArgument, code assumed).
 * - Entry conversion follows typing-conversion.ts; a date/percent entry gives a General cell the implied format.
 * - `clear(applyTo)`: "Contents" empties values and formulas, "Formats" resets number formats and removes the
 *   area from conditional formats, "All" does both (Range.clear / Excel.ClearApplyTo).
 */
import { cellCount, subtract, type Rect } from "./a1";
import { fail } from "./errors";
import { formulaValue } from "./formula-value";
import { cellsIn, DEFAULT_FORMAT, getCell, putCell, type SheetModel } from "./model";
import { enterFormula, enterValue, type Scalar } from "./typing-conversion";

export type Kind = "values" | "formulas" | "numberFormat";

function at<V>(input: unknown, rect: Rect, row: number, col: number): V | null {
  if (!Array.isArray(input)) return input as V;
  const line: unknown = input[row - rect.top];
  return (Array.isArray(line) ? (line[col - rect.left] as V) : null) ?? null;
}

export function checkShape(input: unknown, rect: Rect, kind: Kind): void {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined || typeof input === "object") fail("InvalidArgument", `Range.${kind} needs a 2-D array or a single value.`);
    return;
  }
  const rows = rect.bottom - rect.top + 1, cols = rect.right - rect.left + 1;
  if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols))
    fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
  for (const r of input as unknown[][])
    for (const v of r)
      if (v !== null && !["string", "number", "boolean"].includes(typeof v)) fail("InvalidArgument", `Range.${kind}: a cell value must be a string, number, boolean or null.`);
}

export function writeCells(sheet: SheetModel, rect: Rect, input: unknown, kind: Kind, year: number): void {
  checkShape(input, rect, kind);
  if (cellCount(rect) > 5_000_000 && Array.isArray(input)) fail("InvalidArgument", "The range is too large to write.");
  for (let row = rect.top; row <= rect.bottom; row++)
    for (let col = rect.left; col <= rect.right; col++) {
      const v = at<Scalar>(input, rect, row, col);
      if (v === null) continue;
      const cell = getCell(sheet, row, col);
      if (kind === "numberFormat") {
        putCell(sheet, row, col, { ...cell, numberFormat: String(v) });
        continue;
      }
      if (typeof v === "string" && v.length > 32_767) fail("InvalidArgument", "A cell holds at most 32,767 characters.");
      const e = (kind === "values" ? enterValue : enterFormula)(v, cell.numberFormat, year);
      if (e.formula !== null && e.formula.length > 8_192) fail("InvalidArgument", "A formula is at most 8,192 characters long.");
      const numberFormat = e.impliedFormat !== undefined && cell.numberFormat === DEFAULT_FORMAT ? e.impliedFormat : cell.numberFormat;
      putCell(sheet, row, col, { ...cell, value: e.formula === null ? e.value : formulaValue(e.formula), formula: e.formula, numberFormat });
    }
}

export function clearCells(sheet: SheetModel, rect: Rect, applyTo: string): void {
  if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(applyTo)) fail("InvalidArgument", `Unknown ClearApplyTo "${applyTo}".`);
  const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
  const formats = applyTo === "All" || applyTo === "Formats";
  for (const [row, col, c] of cellsIn(sheet, rect))
    putCell(sheet, row, col, {
      value: contents ? "" : c.value, formula: contents ? null : c.formula, numberFormat: formats ? DEFAULT_FORMAT : c.numberFormat,
      ...(!formats && c.style ? { style: c.style } : {}),
    });
  if (formats) {
    for (const cf of sheet.cfs) cf.areas = cf.areas.flatMap((a) => subtract(a, rect));
    sheet.cfs = sheet.cfs.filter((cf) => cf.areas.length > 0);
  }
}
