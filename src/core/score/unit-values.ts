/** Reads one unit's indicator values from its row, parses them, and derives computed indicators. */
import { type Grid, a1, cellAt } from "../grid";
import { evaluate } from "../formula";
import { issue, type Issue } from "../issue";
import { parseCell } from "../values";
import type { Rubric } from "../rubric/model";
import type { TableLayout, UnitRow } from "../table/layout";

export interface Value {
  value: number;
  /** A1 address of the cell it came from; absent for derived values. */
  cell?: string;
}

export interface UnitValues {
  values: Map<string, Value>;
  problems: Issue[];
}

export function readUnitValues(grid: Grid, layout: TableLayout, rubric: Rubric, unit: UnitRow): UnitValues {
  const values = new Map<string, Value>();
  const problems: Issue[] = [];
  const where = (cell: string) => ({ sheet: grid.sheet, cell, unit: unit.unit });

  for (const ind of rubric.indicators) {
    const col = layout.columns.get(ind.key);
    if (col === undefined) continue;
    const cell = a1(unit.row, col);
    const parsed = parseCell(cellAt(grid, unit.row, col), ind.kind);
    if (parsed.ok) {
      values.set(ind.key, { value: parsed.value, cell });
    } else if (parsed.code !== "value.missing" || ind.required) {
      problems.push(issue(parsed.code, { indicator: ind.name, ...parsed.params }, where(cell)));
    }
  }

  for (const ind of rubric.indicators) {
    if (!ind.derive || values.has(ind.key) || layout.columns.has(ind.key)) continue;
    const inputs = ind.derive.names.map((n) => rubric.indicators.find((i) => i.keys.includes(n)));
    // An input that failed to parse is already a problem; do not report it twice.
    if (inputs.some((i) => !i || !values.has(i.key))) continue;
    const result = evaluate(ind.derive, (n) => {
      const dep = rubric.indicators.find((i) => i.keys.includes(n));
      return dep ? values.get(dep.key)?.value : undefined;
    });
    if (result.ok) values.set(ind.key, { value: result.value });
    else {
      problems.push(
        issue("value.formula", { indicator: ind.name, formula: ind.derive.source, reason: result.error.code }, where(a1(unit.row, layout.unitCol))),
      );
    }
  }
  return { values, problems };
}
