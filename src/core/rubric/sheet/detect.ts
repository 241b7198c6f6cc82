/**
 * Which sheets of a workbook are 评分细则 sheets, by their layout (a block title such as 【考核项目】
 * alone in column A), never by the sheet's name alone; and a free name for a new one.
 */
import type { Grid } from "../../grid";
import { splitBlocks } from "./blocks";
import { SheetCells } from "./cells";

/** Rows a caller needs to read from the top of a sheet to tell whether it is a 评分细则 sheet. */
export const DETECT_ROWS = 80;
/** Columns a caller needs to read for the same (a 评分细则 sheet's blocks are narrower than this). */
export const DETECT_COLS = 64;

/** True when the sheet is laid out as a 评分细则 sheet: a 【基本信息】 or 【考核项目】 title row. */
export function isRubricSheet(grid: Grid): boolean {
  return splitBlocks(new SheetCells(grid)).some((b) => b.title >= 0 && (b.key === "rules" || b.key === "info"));
}

/**
 * `base`, or `base (2)`, `base (3)` … — the first name no sheet has. Sheet names are compared ignoring
 * case, as Excel and WPS do; a name stays within the 31 characters a sheet name may have.
 */
export function freeSheetName(base: string, taken: ReadonlyArray<string>): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
