/**
 * The 评分细则 sheets of the workbook the pane sits in, as rubric choices: found by their layout (core's
 * isRubricSheet over the top of every sheet), then read whole and checked. They are read afresh whenever
 * the pane reads the workbook (opening, a sheet activated, before every score), so an edit in the sheet
 * takes effect at the next score.
 */
import type { Grid } from "../core/grid";
import { issue, fail, ok, type Issue, type Result } from "../core/issue";
import type { Compiled } from "../core/rubric/compile";
import { compileRubricSheet, DETECT_ROWS, isRubricSheet } from "../core/rubric/sheet";
import type { PaneHost } from "./pane-host";

/** A rubric choice that names a 评分细则 sheet: "sheet:" and the sheet's name. */
const PREFIX = "sheet:";
/** Columns read from each sheet to tell a 评分细则 sheet (its blocks are narrower than this). */
const DETECT_COLS = 64;

export const sheetChoiceId = (sheet: string): string => `${PREFIX}${sheet}`;
export const sheetOfChoice = (id: string | undefined): string | undefined => (id?.startsWith(PREFIX) ? id.slice(PREFIX.length) : undefined);

/** Each 评分细则 sheet by name: its rubric, or every problem on its cell. */
export type SheetRubrics = Map<string, Result<Compiled>>;

/** Errors and warnings of a sheet's rubric, each on its cell of that sheet. */
export function sheetProblems(r: Result<Compiled>): Issue[] {
  return r.ok ? r.value.warnings : r.issues;
}

/**
 * Find and read the workbook's 评分细则 sheets. `known` are grids already read whole (the active
 * sheet): they are not read again.
 */
export async function readSheetRubrics(host: PaneHost, sheetNames: ReadonlyArray<string>, known: ReadonlyArray<Grid>): Promise<Result<SheetRubrics>> {
  const have = new Map(known.map((g) => [g.sheet, g]));
  const others = sheetNames.filter((n) => !have.has(n));
  const tops = others.length ? await host.readSheets(others, { maxRows: DETECT_ROWS, maxCols: DETECT_COLS }) : ok<Grid[]>([]);
  if (!tops.ok) return tops;
  const found = tops.value.filter(isRubricSheet).map((g) => g.sheet);
  const whole = found.length ? await host.readSheets(found) : ok<Grid[]>([]);
  if (!whole.ok) return whole;
  const grids = [...known.filter(isRubricSheet), ...whole.value];
  const out: SheetRubrics = new Map();
  for (const name of sheetNames) {
    const g = grids.find((x) => x.sheet === name);
    if (g) out.set(name, compileRubricSheet(g));
  }
  return ok(out);
}

/** The rubric on sheet `name`: refused with its problems, or as not found. */
export function sheetRubric(rubrics: SheetRubrics, name: string): Result<Compiled> {
  const r = rubrics.get(name);
  if (r) return r;
  return fail(issue("rubricSheet.notFound", { sheet: name, available: [...rubrics.keys()].join("、") }));
}
