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

/** What a formula reads: its (normalised) names looked up in one unit's values. */
export function valueLookup(rubric: Rubric, values: ReadonlyMap<string, Value>): (name: string) => number | undefined {
  return (name) => {
    const ind = rubric.byKey.get(name);
    return ind ? values.get(ind.key)?.value : undefined;
  };
}

/** A cell that did not parse is a problem of the unit, except an optional indicator's blank. */
function isProblem(parsed: Parsed, ind: Indicator): parsed is Extract<Parsed, { ok: false }> {
  return !parsed.ok && (parsed.error.code !== "value.missing" || ind.required);
}

/** One figure of a row: an indicator read from its column (with the column's letter) or derived from others (派生指标). */
interface Slot {
  ind: Indicator;
  col?: { index: number; letter: string };
}

/**
 * A table's rows read as numbers, row after row: row r's slot i is at r × width + i, `present` says
 * whether it holds a value. Slots are the indicators read from their columns, then the others (derived
 * from others, or without a column), in the rubric's order. Lets a run read every row once and make its
 * values later (relative rules need the whole run's figures before any unit is scored), without a map
 * per unit meanwhile.
 */
export class ParsedRows {
  private readonly slots: ReadonlyArray<Slot>;
  private readonly width: number;
  private readonly figures: Float64Array;
  private readonly present: Uint8Array;
  private readonly slotOf: ReadonlyMap<string, number>;

  constructor(
    private readonly grid: Grid,
    private readonly layout: TableLayout,
    private readonly rubric: Rubric,
    rows: number,
  ) {
    const read: Slot[] = [];
    const derived: Slot[] = [];
    for (const ind of rubric.indicators) {
      const index = layout.columns.get(ind.key);
      if (index !== undefined) read.push({ ind, col: { index, letter: columnLetter(index) } });
      // Derived from others, or absent from the sheet (an optional indicator): never present then.
      else derived.push({ ind });
    }
    this.slots = [...read, ...derived];
    this.width = this.slots.length;
    this.slotOf = new Map(this.slots.map((slot, i) => [slot.ind.key, i]));
    this.figures = new Float64Array(rows * this.width);
    this.present = new Uint8Array(rows * this.width);
  }

  /** Row `r`'s figure for an indicator key, if it has one. */
  figure(r: number, key: string): number | undefined {
    const i = this.slotOf.get(key);
    return i !== undefined && this.present[r * this.width + i] ? this.figures[r * this.width + i] : undefined;
  }

  /**
   * Reads a unit's row into row `r` and works out its derived indicators; the row's problems are
   * returned (a cell that does not read, a derivation that fails). `skip`: indicators left unread (分类考核).
   */
  parse(r: number, unit: UnitRow, skip?: ReadonlySet<string>): Issue[] {
    const { grid } = this;
    const problems: Issue[] = [];
    const at = r * this.width;
    const rowCells = grid.rows[unit.row];
    // A row may be read again into the same place (one row reused unit after unit).
    this.present.fill(0, at, at + this.width);
    for (const [i, { ind, col }] of this.slots.entries()) {
      if (!col) {
        this.derive(r, unit, ind, at + i, problems);
        continue;
      }
      if (skip?.has(ind.key)) continue;
      // Stryker disable next-line OptionalChaining: a unit's row always has cells (its name is one)
      const parsed = parseCell(rowCells?.[col.index], ind.kind, ind.bounds);
      if (parsed.ok) {
        this.figures[at + i] = parsed.value;
        this.present[at + i] = 1;
      } else if (isProblem(parsed, ind)) {
        problems.push(issue(parsed.error.code, { indicator: ind.name, ...parsed.error.params }, { sheet: grid.sheet, cell: `${col.letter}${unit.row + 1}`, unit: unit.unit }));
      }
    }
    return problems;
  }

  private derive(r: number, unit: UnitRow, ind: Indicator, at: number, problems: Issue[]): void {
    const { rubric } = this;
    const formula = ind.derive;
    // A slot without a column nor a formula (an optional indicator the sheet lacks) stays blank.
    if (!formula) return;
    const lookup = (name: string) => {
      const input = rubric.byKey.get(name);
      return input ? this.figure(r, input.key) : undefined;
    };
    // An input that did not read is already a problem; do not report it twice.
    if (formula.names.some((n) => lookup(n) === undefined)) return;
    const result = evaluate(formula, lookup);
    // 12 significant digits: a derived 57 / 100 × 100 is 57, not 56.99999999999999.
    if (result.ok) {
      this.figures[at] = Number(result.value.toPrecision(12));
      this.present[at] = 1;
    } else {
      const where = { sheet: this.grid.sheet, cell: a1(unit.row, this.layout.unitCol), unit: unit.unit };
      problems.push(issue("value.formula", { indicator: ind.name, formula: formula.source, reason: result.error.code }, where));
    }
  }

  /** Row `r`'s values by indicator key, with its problems: the list becomes the unit's (added to). */
  values(r: number, problems: Issue[]): UnitValues {
    const values = new Map<string, Value>();
    for (const [i, { ind, col }] of this.slots.entries()) {
      if (!this.present[r * this.width + i]) continue;
      const value = this.figures[r * this.width + i] as number;
      values.set(ind.key, col ? { value, col: col.letter } : { value });
    }
    return { values, problems };
  }
}
