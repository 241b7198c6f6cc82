/**
 * A column the table maps to an indicator that no rule, formula, veto or outcome reads: probably a
 * rule the author forgot or a column mapped by mistake. A warning only; scores are unaffected.
 */
import { a1, columnLetter } from "../grid";
import { issue, type Issue } from "../issue";
import type { Rubric } from "../rubric/model";
import { indicatorsRead } from "../rubric/reads";
import type { TableLayout } from "./layout";

export function unusedColumnWarnings(sheet: string, layout: Pick<TableLayout, "headerRow" | "columns" | "headers">, rubric: Rubric): Issue[] {
  const read = indicatorsRead(rubric);
  const out: Issue[] = [];
  for (const ind of rubric.indicators) {
    const col = layout.columns.get(ind.key);
    if (col === undefined || read.has(ind.key)) continue;
    const header = layout.headers.find((h) => h.col === col)?.text ?? ind.name;
    out.push(issue("column.unused", { name: ind.name, column: columnLetter(col), header }, { sheet, cell: a1(layout.headerRow, col), severity: "warning" }));
  }
  return out;
}
