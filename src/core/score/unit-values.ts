/** Reads one unit's indicator values from its row, parses them, and derives computed indicators. */
import { type Grid, a1, columnLetter } from "../grid";
import { evaluate } from "../formula";
import { issue, type Issue } from "../issue";
import { parseCell } from "../values";
import type { Indicator, Rubric } from "../rubric/model";
import type { TableLayout, UnitRow } from "../table/layout";

export interface Value {
  value: number;
  /** Column letter of the cell it came from (the row is the unit's); absent for derived values. */
  col?: string;
}

export interface UnitValues {
  values: Map<string, Value>;
  problems: Issue[];
}

/** The indicator columns of a layout, with their letters worked out once for all units. */
export interface ColumnReader {
  ind: Indicator;
  col: number;
  letter: string;
}

/** What a formula reads: its (normalised) names looked up in one unit's values. */
export function valueLookup(rubric: Rubric, values: ReadonlyMap<string, Value>): (name: string) => number | undefined {
  return (name) => {
    const ind = rubric.byKey.get(name);
    return ind ? values.get(ind.key)?.value : undefined;
  };
}

export function columnReaders(layout: TableLayout, rubric: Rubric): ColumnReader[] {
  const out: ColumnReader[] = [];
  for (const ind of rubric.indicators) {
    const col = layout.columns.get(ind.key);
    if (col !== undefined) out.push({ ind, col, letter: columnLetter(col) });
  }
  return out;
}

/** `skip`: indicators the unit is not assessed on (分类考核), left unread. */
export function readUnitValues(grid: Grid, layout: TableLayout, rubric: Rubric, unit: UnitRow, readers: ReadonlyArray<ColumnReader>, skip?: ReadonlySet<string>): UnitValues {
  const values = new Map<string, Value>();
  const problems: Issue[] = [];
  const where = (cell: string) => ({ sheet: grid.sheet, cell, unit: unit.unit });
  const rowCells = grid.rows[unit.row];
  const rowNumber = unit.row + 1;

  for (const { ind, col, letter } of readers) {
    if (skip?.has(ind.key)) continue;
    const parsed = parseCell(rowCells?.[col], ind.kind, ind.bounds);
    if (parsed.ok) {
      values.set(ind.key, { value: parsed.value, col: letter });
    } else if (parsed.error.code !== "value.missing" || ind.required) {
      problems.push(issue(parsed.error.code, { indicator: ind.name, ...parsed.error.params }, where(`${letter}${rowNumber}`)));
    }
  }

  for (const ind of rubric.indicators) {
    if (!ind.derive || values.has(ind.key) || layout.columns.has(ind.key)) continue;
    const inputs = ind.derive.names.map((n) => rubric.byKey.get(n));
    // An input that failed to parse is already a problem; do not report it twice.
    if (inputs.some((i) => !i || !values.has(i.key))) continue;
    const result = evaluate(ind.derive, valueLookup(rubric, values));
    // 12 significant digits: a derived 57 / 100 × 100 is 57, not 56.99999999999999.
    if (result.ok) values.set(ind.key, { value: Number(result.value.toPrecision(12)) });
    else {
      problems.push(
        issue("value.formula", { indicator: ind.name, formula: ind.derive.source, reason: result.error.code }, where(a1(unit.row, layout.unitCol))),
      );
    }
  }
  return { values, problems };
}
