/** The engine's entry point: a sheet and a rubric in, every unit's result and the problems found out. */
import { type Grid, a1 } from "./grid";
import type { Issue } from "./issue";
import { indicatorByName, type Rubric } from "./rubric/model";
import { normalizeName } from "./text";
import { round2, sum2 } from "./decimal";
import { locateTable, type ColumnMapping, type TableLayout, type UnitRow } from "./table/layout";
import { columnReaders, readUnitValues, type ColumnReader, type Value } from "./score/unit-values";
import { scoreItem, sumItems } from "./score/item";
import { vetoReasons } from "./score/vetoes";
import { rankUnits } from "./rank";
import { assignOutcomes } from "./outcomes";
import type { UnitResult } from "./score/types";

export interface Assessment {
  rubric: { id: string; name: string; version: string; mode: "points" | "attainment" };
  sheet: string;
  layout: TableLayout;
  units: UnitResult[];
  /** Every problem: table-level warnings first, then each unit's, in row order. */
  problems: Issue[];
}

export interface AssessOptions {
  mapping?: ColumnMapping;
  /** Header texts of Kaohe's own output columns from earlier runs (see ownedHeaderTexts). */
  ownedHeaders?: ReadonlySet<string>;
}

function valueByName(rubric: Rubric, values: ReadonlyMap<string, Value>, name: string): number | undefined {
  const ind = indicatorByName(rubric, name, normalizeName);
  return ind ? values.get(ind.key)?.value : undefined;
}

function scoreUnit(grid: Grid, layout: TableLayout, rubric: Rubric, unit: UnitRow, readers: ReadonlyArray<ColumnReader>): UnitResult {
  const { values, problems } = readUnitValues(grid, layout, rubric, unit, readers);
  const ctx = { rubric, values, unit: unit.unit, unitKey: normalizeName(unit.unit), sheet: grid.sheet, unitCell: a1(unit.row, layout.unitCol), rowNumber: unit.row + 1 };
  const shortfallCells: string[] = [];
  const items = rubric.items.map((item) => scoreItem(item, ctx, rubric.mode, problems, shortfallCells));
  const complete = !problems.some((p) => p.severity === "error");
  const total = complete && rubric.mode === "points" ? sumItems(items, rubric.bonusCap) : null;
  const veto = vetoReasons(rubric, values, unit.row + 1, total, items, complete);
  shortfallCells.push(...veto.cells);

  const result: UnitResult = {
    row: unit.row,
    unit: unit.unit,
    status: !complete ? "incomplete" : veto.reasons.length ? "vetoed" : "scored",
    total,
    rank: null,
    outcomes: [],
    vetoReasons: veto.reasons,
    items,
    composites: rubric.composites.map((c) => {
      const parts = c.parts.map((p) => {
        if ("total" in p) return total === null ? undefined : total * p.weight;
        const v = valueByName(rubric, values, p.indicator);
        return v === undefined ? undefined : v * p.weight;
      });
      const value = parts.every((p) => p !== undefined) ? round2(sum2(parts as number[])) : null;
      return { name: c.name, value };
    }),
    shortfallCells: [...new Set(shortfallCells)],
    problems,
  };
  if (unit.category !== undefined) result.category = unit.category;
  const progress = rubric.outcomes.progress;
  if (progress) {
    const prev = valueByName(rubric, values, progress.previous);
    if (prev !== undefined) {
      result.previousTotal = prev;
      if (total !== null) result.improvement = round2(total - prev);
    }
  }
  return result;
}

export function assess(grid: Grid, rubric: Rubric, options: AssessOptions = {}): { assessment?: Assessment; issues: Issue[] } {
  const located = locateTable(grid, rubric, options.mapping, options.ownedHeaders);
  if (!located.layout || located.issues.some((i) => i.severity === "error")) return { issues: located.issues };
  const layout = located.layout;
  const readers = columnReaders(layout, rubric);
  const units = layout.units.map((u) => scoreUnit(grid, layout, rubric, u, readers));
  rankUnits(units);
  assignOutcomes(units, rubric.outcomes, rubric.mode);
  const problems = [...located.issues, ...units.flatMap((u) => u.problems)];
  return {
    assessment: {
      rubric: { id: rubric.id, name: rubric.name, version: rubric.version, mode: rubric.mode },
      sheet: grid.sheet,
      layout,
      units,
      problems,
    },
    issues: problems,
  };
}
