/** The engine's entry point: a sheet and a rubric in, every unit's result and the problems found out. */
import { type CellRange, type Grid, a1 } from "./grid";
import { fail, ok, type Issue, type Result } from "./issue";
import { appliesTo, indicatorByName, type Rubric } from "./rubric/model";
import { normalizeName } from "./text";
import { rubricIdentity } from "./rubric/hash";
import { round2, weightedSum2 } from "./decimal";
import { locateTable, type ColumnMapping, type TableLayout, type UnitRow } from "./table/layout";
import { fractionWarnings } from "./table/fractions";
import { unusedColumnWarnings } from "./table/unused-columns";
import { ParsedRows, type UnitValues } from "./score/unit-values";
import { RunStatsBuilder, relativeIndicators, type RunStats } from "./score/run-stats";
import { scoreItem, sumItems } from "./score/item";
import { vetoReasons } from "./score/vetoes";
import { rankUnits } from "./rank";
import { assignOutcomes } from "./outcomes";
import type { UnitResult } from "./score/types";
import { categoryOnlyIndicators, categoryProblems, notApplicable } from "./score/categories";

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
  /** A table already located in this grid (what-if re-runs change one value cell, never the table). */
  layout?: TableLayout;
}

const hasError = (problems: ReadonlyArray<Issue>) => problems.some((p) => p.severity === "error");

/** What every unit of one run shares, worked out once: names are normalised here, not per unit. */
interface RunSetup {
  composites: { name: string; parts: { weight: number; key: string | null }[] }[];
  progressKey: string | undefined;
  /** 分类考核: indicators only some categories' items read → those categories. */
  categoryOnly: ReadonlyMap<string, ReadonlySet<string>>;
  /** Grade quotas' tie-break indicators: name → key. */
  tieBreaks: ReadonlyArray<readonly [string, string]>;
  /** Indicators some relative rule compares across the run (empty: no run-level pass). */
  relativeKeys: ReadonlySet<string>;
  /** 分类考核: a category's skipped indicators, worked out once per category (see `skipped`). */
  skips: Map<string | undefined, ReadonlySet<string>>;
}

function setup(rubric: Rubric): RunSetup {
  // Stryker disable next-line OptionalChaining: compiling requires every name looked up here (parts, 进步奖 basis, tie-breaks) to be an indicator
  const keyOf = (name: string) => indicatorByName(rubric, name, normalizeName)?.key;
  return {
    composites: rubric.composites.map((c) => ({
      name: c.name,
      parts: c.parts.map((p) => ({ weight: p.weight, key: "total" in p ? null : (keyOf(p.indicator) ?? "") })),
    })),
    progressKey: rubric.outcomes.progress ? keyOf(rubric.outcomes.progress.previous) : undefined,
    categoryOnly: categoryOnlyIndicators(rubric),
    // Stryker disable next-line ArrayDeclaration: a stray element of the fallback has no quota, so it adds no tie-break
    tieBreaks: (rubric.outcomes.grades ?? []).flatMap((g) => {
      const key = g.quota?.tieBreak ? keyOf(g.quota.tieBreak) : undefined;
      return g.quota?.tieBreak && key ? [[g.quota.tieBreak, key] as const] : [];
    }),
    relativeKeys: relativeIndicators(rubric),
    skips: new Map(),
  };
}

/** 分类考核: the unit's folded category, which decides the items that apply and its 难度系数. */
const categoryKey = (rubric: Rubric, unit: UnitRow): string | undefined =>
  rubric.categories && unit.category !== undefined ? normalizeName(unit.category) : undefined;

/**
 * The group a relative rule compares within: the unit's category when the rubric ranks by category,
 * everyone when 难度系数 make the categories' totals comparable (they are ranked together then).
 */
const statsCategory = (rubric: Rubric, unit: UnitRow): string =>
  rubric.categoryColumn && rubric.coefficients === undefined ? (unit.category ?? "") : "";

/** 分类考核: the indicators a unit of this category is not assessed on (only other categories' items read them). */
function skipped(rubric: Rubric, run: RunSetup, unit: UnitRow): ReadonlySet<string> | undefined {
  if (!run.categoryOnly.size) return undefined;
  const category = categoryKey(rubric, unit);
  let skip = run.skips.get(category);
  if (!skip) {
    skip = new Set([...run.categoryOnly].filter(([, cats]) => category === undefined || !cats.has(category)).map(([k]) => k));
    run.skips.set(category, skip);
  }
  return skip;
}


function scoreUnit(grid: Grid, layout: TableLayout, rubric: Rubric, unit: UnitRow, run: RunSetup, read: UnitValues, stats: RunStats | undefined): UnitResult {
  const category = categoryKey(rubric, unit);
  const { values, problems } = read;
  problems.push(...categoryProblems(rubric, unit.category, { sheet: grid.sheet, row: unit.row, col: layout.categoryCol, unitCol: layout.unitCol, unit: unit.unit }));
  // The unit's folded name is only needed to look up per-unit targets.
  const unitKey = rubric.unitTargets.size ? normalizeName(unit.unit) : "";
  const ctx = {
    rubric, values, unit: unit.unit, unitKey, sheet: grid.sheet, unitCell: a1(unit.row, layout.unitCol), rowNumber: unit.row + 1,
    stats: stats?.get(statsCategory(rubric, unit)),
  };
  const shortfallCells: string[] = [];
  const items = rubric.items.map((item) => (appliesTo(item, category) ? scoreItem(item, ctx, rubric.mode, problems, shortfallCells) : notApplicable(item)));
  const complete = !hasError(problems);
  const rawTotal = complete && rubric.mode === "points" ? sumItems(items, rubric.bonusCap) : null;
  // 难度系数: the adjusted total is the total everywhere after this (veto lines, ranking, grades, composites).
  const coefficient = rawTotal !== null && category !== undefined ? rubric.coefficients?.get(category) : undefined;
  const total = rawTotal !== null && coefficient !== undefined ? weightedSum2([[coefficient, rawTotal]]) : rawTotal;
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
  if (decided && coefficient !== undefined && rawTotal !== null && total !== null) {
    Object.assign(result, { rawTotal, coefficient });
    result.outcomeReasons = [{ code: "coefficient", params: { category: unit.category ?? "", raw: rawTotal, coefficient, total } }];
  }
  if (decided && veto.grade) result.vetoGrade = veto.grade;
  for (const [name, key] of run.tieBreaks) {
    const v = values.get(key)?.value;
    if (v !== undefined) (result.tieValues ??= {})[name] = v;
  }
  if (run.progressKey !== undefined) {
    const prev = values.get(run.progressKey)?.value;
    if (prev !== undefined) {
      result.previousTotal = prev;
      if (decided && total !== null) result.improvement = round2(total - prev);
    }
  }
  return result;
}

/** Units scored one by one, each row read as it is reached (nothing of a unit is kept but its result). */
function scoreOneByOne(grid: Grid, layout: TableLayout, rubric: Rubric, run: RunSetup): UnitResult[] {
  const row = new ParsedRows(grid, layout, rubric, 1);
  return layout.units.map((u) => scoreUnit(grid, layout, rubric, u, run, row.values(0, row.parse(0, u, skipped(rubric, run, u))), undefined));
}

/**
 * Relative rules (与最优单位比、名次…) compare a unit with the run: every row is read first, into
 * numbers only (ParsedRows), and the run's figures are taken over the units whose rows read without
 * error; then the units are scored from the rows read.
 */
function scoreAgainstRun(grid: Grid, layout: TableLayout, rubric: Rubric, run: RunSetup): UnitResult[] {
  const units = layout.units;
  const rows = new ParsedRows(grid, layout, rubric, units.length);
  const problems = units.map((u, r) => rows.parse(r, u, skipped(rubric, run, u)));
  const builder = new RunStatsBuilder(run.relativeKeys);
  // Stryker disable next-line ArrayDeclaration: `problems` has one list per unit (`?? []` only satisfies the index type)
  for (const [r, u] of units.entries()) if (!hasError(problems[r] ?? [])) builder.add(statsCategory(rubric, u), rows, r);
  const stats = builder.build();
  // Stryker disable next-line ArrayDeclaration: `problems` has one list per unit (`?? []` only satisfies the index type)
  return units.map((u, r) => scoreUnit(grid, layout, rubric, u, run, rows.values(r, problems[r] ?? []), stats));
}

/** The sheet scored; its warnings and each unit's problems are in the assessment's `problems`. */
export function assess(grid: Grid, rubric: Rubric, options: AssessOptions = {}): Result<Assessment> {
  const located = options.layout ? { layout: options.layout, issues: [] } : locateTable(grid, rubric, options.mapping, options.ownedArea);
  if (!located.layout || hasError(located.issues)) return fail(...located.issues);
  const layout = located.layout;
  const run = setup(rubric);
  const units = run.relativeKeys.size ? scoreAgainstRun(grid, layout, rubric, run) : scoreOneByOne(grid, layout, rubric, run);
  // With 难度系数 the adjusted totals are comparable across categories: one ranking for all.
  const together = rubric.coefficients !== undefined;
  rankUnits(units, together);
  assignOutcomes(units, rubric.outcomes, rubric.mode, together);
  const problems = [...located.issues, ...fractionWarnings(grid, layout, rubric), ...unusedColumnWarnings(grid.sheet, layout, rubric), ...units.flatMap((u) => u.problems)];
  return ok({
    rubric: { id: rubric.id, name: rubric.name, version: rubric.version, mode: rubric.mode, hash: rubricIdentity(rubric.doc).hash },
    sheet: grid.sheet,
    layout,
    units,
    problems,
  });
}
