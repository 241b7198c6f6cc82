/** The engine's entry point: a sheet and a rubric in, every unit's result and the problems found out. */
import { type CellRange, type Grid, a1 } from "./grid";
import type { Issue } from "./issue";
import { indicatorByName, type Rubric } from "./rubric/model";
import { normalizeName } from "./text";
import { rubricIdentity } from "./rubric/hash";
import { round2, weightedSum2 } from "./decimal";
import { locateTable, type ColumnMapping, type TableLayout, type UnitRow } from "./table/layout";
import { fractionWarnings } from "./table/fractions";
import { unusedColumnWarnings } from "./table/unused-columns";
import { columnReaders, readUnitValues, type ColumnReader } from "./score/unit-values";
import { scoreItem, sumItems } from "./score/item";
import { vetoReasons } from "./score/vetoes";
import { rankUnits } from "./rank";
import { assignOutcomes } from "./outcomes";
import type { UnitResult } from "./score/types";

export interface Assessment {
  /** The rubric used, with the SHA-256 of its canonical form (rubric/hash.ts). */
  rubric: { id: string; name: string; version: string; mode: "points" | "attainment"; hash: string };
  sheet: string;
  layout: TableLayout;
  units: UnitResult[];
  /** Every problem: table-level warnings first, then each unit's, in row order. */
  problems: Issue[];
}

export interface AssessOptions {
  mapping?: ColumnMapping;
  /** Kaohe's earlier outputs by its record: not part of the user's table. */
  ownedArea?: CellRange;
}

/** What every unit of one run shares, worked out once: names are normalised here, not per unit. */
interface RunSetup {
  readers: ReadonlyArray<ColumnReader>;
  composites: { name: string; parts: { weight: number; key: string | null }[] }[];
  progressKey: string | undefined;
}

function setup(layout: TableLayout, rubric: Rubric): RunSetup {
  const keyOf = (name: string) => indicatorByName(rubric, name, normalizeName)?.key;
  return {
    readers: columnReaders(layout, rubric),
    composites: rubric.composites.map((c) => ({
      name: c.name,
      parts: c.parts.map((p) => ({ weight: p.weight, key: "total" in p ? null : (keyOf(p.indicator) ?? "") })),
    })),
    progressKey: rubric.outcomes.progress ? keyOf(rubric.outcomes.progress.previous) : undefined,
  };
}

function scoreUnit(grid: Grid, layout: TableLayout, rubric: Rubric, unit: UnitRow, run: RunSetup): UnitResult {
  const { values, problems } = readUnitValues(grid, layout, rubric, unit, run.readers);
  // The unit's folded name is only needed to look up per-unit targets.
  const unitKey = rubric.unitTargets.size ? normalizeName(unit.unit) : "";
  const ctx = { rubric, values, unit: unit.unit, unitKey, sheet: grid.sheet, unitCell: a1(unit.row, layout.unitCol), rowNumber: unit.row + 1 };
  const shortfallCells: string[] = [];
  const items = rubric.items.map((item) => scoreItem(item, ctx, rubric.mode, problems, shortfallCells));
  const complete = !problems.some((p) => p.severity === "error");
  const total = complete && rubric.mode === "points" ? sumItems(items, rubric.bonusCap) : null;
  const veto = vetoReasons(rubric, values, unit.row + 1, total, items, complete, { sheet: grid.sheet, cell: ctx.unitCell, unit: unit.unit });
  shortfallCells.push(...veto.cells);
  // A veto that could not be decided leaves the unit unscored rather than silently not vetoed.
  problems.push(...veto.problems);
  const decided = complete && veto.problems.length === 0;

  const result: UnitResult = {
    row: unit.row,
    unit: unit.unit,
    status: !decided ? "incomplete" : veto.reasons.length ? "vetoed" : "scored",
    total: decided ? total : null,
    rank: null,
    outcomes: [],
    vetoReasons: veto.reasons,
    items,
    composites: run.composites.map((c) => {
      const parts: [number, number][] = [];
      for (const p of c.parts) {
        const v = p.key === null ? (total ?? undefined) : values.get(p.key)?.value;
        if (v !== undefined && Number.isFinite(v)) parts.push([p.weight, v]);
      }
      // Exact, rounded once: rounding each weighted part first can be off by 0.01.
      const value = parts.length === c.parts.length ? weightedSum2(parts) : null;
      return { name: c.name, value };
    }),
    shortfallCells: [...new Set(shortfallCells)],
    problems,
  };
  if (unit.category !== undefined) result.category = unit.category;
  if (run.progressKey !== undefined) {
    const prev = values.get(run.progressKey)?.value;
    if (prev !== undefined) {
      result.previousTotal = prev;
      if (decided && total !== null) result.improvement = round2(total - prev);
    }
  }
  return result;
}

export function assess(grid: Grid, rubric: Rubric, options: AssessOptions = {}): { assessment?: Assessment; issues: Issue[] } {
  const located = locateTable(grid, rubric, options.mapping, options.ownedArea);
  if (!located.layout || located.issues.some((i) => i.severity === "error")) return { issues: located.issues };
  const layout = located.layout;
  const run = setup(layout, rubric);
  const units = layout.units.map((u) => scoreUnit(grid, layout, rubric, u, run));
  rankUnits(units);
  assignOutcomes(units, rubric.outcomes, rubric.mode);
  const problems = [...located.issues, ...fractionWarnings(grid, layout, rubric), ...unusedColumnWarnings(grid.sheet, layout, rubric), ...units.flatMap((u) => u.problems)];
  return {
    assessment: {
      rubric: { id: rubric.id, name: rubric.name, version: rubric.version, mode: rubric.mode, hash: rubricIdentity(rubric.doc).hash },
      sheet: grid.sheet,
      layout,
      units,
      problems,
    },
    issues: problems,
  };
}
