/**
 * A percent column whose every number lies between 0 and 1 (0.88, 0.92 in General-formatted cells)
 * was almost surely meant as 88%, 92%: read as written it loses the whole item. It is still read as
 * written (guessing would be worse), with one warning for the column.
 */
import { type Grid, columnLetter, isBlank } from "../grid";
import { issue, type Issue } from "../issue";
import type { Rubric } from "../rubric/model";
import { isPercentFormat } from "../values";
import type { TableLayout } from "./layout";

export function fractionWarnings(grid: Grid, layout: TableLayout, rubric: Rubric): Issue[] {
  const out: Issue[] = [];
  for (const ind of rubric.indicators) {
    if (ind.kind !== "percent") continue;
    const col = layout.columns.get(ind.key);
    if (col === undefined) continue;
    let example: number | undefined;
    let fractional = true;
    for (const u of layout.units) {
      const cell = grid.rows[u.row]?.[col];
      const v = cell?.value ?? null;
      if (isBlank(v)) continue;
      // Text ("88%"), percent-formatted cells or any number above 1: the column is not all fractions.
      if (typeof v !== "number" || isPercentFormat(cell?.numFmt) || v < 0 || v > 1) {
        fractional = false;
        break;
      }
      if (example === undefined && v > 0 && v < 1) example = v;
    }
    if (fractional && example !== undefined) {
      out.push(
        issue(
          "column.looksLikeFractions",
          { name: ind.name, column: columnLetter(col), example, percent: Number((example * 100).toPrecision(12)) },
          { sheet: grid.sheet, cell: `${columnLetter(col)}${layout.headerRow + 1}`, severity: "warning" },
        ),
      );
    }
  }
  return out;
}
