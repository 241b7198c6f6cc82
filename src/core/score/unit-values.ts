/** Reads one unit's indicator values from its row, parses them, and derives computed indicators. */
import { type Grid, a1, columnLetter } from "../grid";
import { evaluate } from "../formula";
import { issue, type Issue } from "../issue";
import { parseCell, type Parsed } from "../values";
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

/** A cell that did not parse is a problem of the unit, except an optional indicator's blank. */
function isProblem(parsed: Parsed, ind: Indicator): parsed is Extract<Parsed, { ok: false }> {
  return !parsed.ok && (parsed.error.code !== "value.missing" || ind.required);
}

/** Some indicator is derived from others on every row (not read from a column of its own). */
export function derivesValues(layout: TableLayout, rubric: Rubric): boolean {
  return rubric.indicators.some((ind) => ind.derive !== undefined && !layout.columns.has(ind.key));
}

/**
 * Rows' cells parsed, row after row, as numbers: row r's reader i is at r × width + i, `present` says
 * whether it holds a value. Lets a run parse every row once and make its values later (relative rules
 * need the whole run's figures before any unit is scored), without keeping a map per unit meanwhile.
 */
export class ParsedRows {
  readonly width: number;
  readonly figures: Float64Array;
  readonly present: Uint8Array;

  constructor(rows: number, readonly readers: ReadonlyArray<ColumnReader>) {
    this.width = readers.length;
    this.figures = new Float64Array(rows * this.width);
    this.present = new Uint8Array(rows * this.width);
  }

  /** Parses a unit's row into row `r`; its problems are returned. `skip`: indicators left unread (分类考核). */
  parse(r: number, grid: Grid, unit: UnitRow, skip?: ReadonlySet<string>): Issue[] {
    const problems: Issue[] = [];
    const rowCells = grid.rows[unit.row];
    // A row may be parsed again into the same place (one row reused unit after unit).
    this.present.fill(0, r * this.width, (r + 1) * this.width);
    for (let i = 0; i < this.width; i++) {
      const { ind, col, letter } = this.readers[i] as ColumnReader;
      if (skip?.has(ind.key)) continue;
      // Stryker disable next-line OptionalChaining: a unit's row always has cells (its name is one)
      const parsed = parseCell(rowCells?.[col], ind.kind, ind.bounds);
      if (parsed.ok) {
        this.figures[r * this.width + i] = parsed.value;
        this.present[r * this.width + i] = 1;
      } else if (isProblem(parsed, ind)) {
        problems.push(issue(parsed.error.code, { indicator: ind.name, ...parsed.error.params }, { sheet: grid.sheet, cell: `${letter}${unit.row + 1}`, unit: unit.unit }));
      }
    }
    return problems;
  }

  /** Row `r`'s values by indicator key, with its problems so far: the list becomes the unit's (added to). */
  values(r: number, grid: Grid, layout: TableLayout, rubric: Rubric, unit: UnitRow, problems: Issue[]): UnitValues {
    const values = new Map<string, Value>();
    for (let i = 0; i < this.width; i++) {
      const { ind, letter } = this.readers[i] as ColumnReader;
      if (this.present[r * this.width + i]) values.set(ind.key, { value: this.figures[r * this.width + i] as number, col: letter });
    }
    const out = { values, problems };
    deriveValues(grid, layout, rubric, unit, out);
    return out;
  }
}

/** The indicators computed from others (派生指标), added to the unit's values; a formula that fails is a problem. */
function deriveValues(grid: Grid, layout: TableLayout, rubric: Rubric, unit: UnitRow, { values, problems }: UnitValues): void {
  for (const ind of rubric.indicators) {
    if (!ind.derive || values.has(ind.key) || layout.columns.has(ind.key)) continue;
    const inputs = ind.derive.names.map((n) => rubric.byKey.get(n));
    // An input that failed to parse is already a problem; do not report it twice.
    if (inputs.some((i) => !i || !values.has(i.key))) continue;
    const result = evaluate(ind.derive, valueLookup(rubric, values));
    // 12 significant digits: a derived 57 / 100 × 100 is 57, not 56.99999999999999.
    if (result.ok) values.set(ind.key, { value: Number(result.value.toPrecision(12)) });
    else {
      const where = { sheet: grid.sheet, cell: a1(unit.row, layout.unitCol), unit: unit.unit };
      problems.push(issue("value.formula", { indicator: ind.name, formula: ind.derive.source, reason: result.error.code }, where));
    }
  }
}
