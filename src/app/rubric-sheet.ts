/** Rubrics that live in a workbook as 评分细则 sheets: one named, or every one found by its layout. */
import type { Grid } from "../core/grid";
import { issue, fail, ok, type Issue, type Result } from "../core/issue";
import type { Compiled } from "../core/rubric/compile";
import { compileRubricSheet, DETECT_COLS, DETECT_ROWS, isRubricSheet } from "../core/rubric/sheet";
import type { WorkbookPort } from "./ports";

/** The rubric written on sheet `name`, checked; every problem on its cell. */
export async function readRubricSheet(wb: WorkbookPort, name: string): Promise<Result<Compiled>> {
  const sheets = await wb.sheets();
  const grid = sheets.some((s) => s.name === name) ? await wb.readSheet(name) : undefined;
  if (!grid) return fail(issue("rubricSheet.notFound", { sheet: name, available: sheets.map((s) => s.name).join("、") }));
  return compileRubricSheet(grid);
}

/** The sheet to score when none is named: the first one that is not the rubric's own sheet. */
export async function dataSheetBeside(wb: WorkbookPort, rubricSheet: string): Promise<string | undefined> {
  return (await wb.sheets()).find((s) => s.name !== rubricSheet)?.name;
}

/** A rubric choice that names a 评分细则 sheet: "sheet:" and the sheet's name. */
const PREFIX = "sheet:";

export const sheetChoiceId = (sheet: string): string => `${PREFIX}${sheet}`;
export const sheetOfChoice = (id: string | undefined): string | undefined => (id?.startsWith(PREFIX) ? id.slice(PREFIX.length) : undefined);

/** Each 评分细则 sheet by name: its rubric, or every problem on its cell. */
export type SheetRubrics = Map<string, Result<Compiled>>;

/** Errors and warnings of a sheet's rubric, each on its cell of that sheet. */
export function sheetProblems(r: Result<Compiled>): Issue[] {
  return r.ok ? r.value.warnings : r.issues;
}

/** Reads sheets by name (the top `limit` of each, or whole): the pane's host, or a workbook file. */
export type SheetReader = (names: ReadonlyArray<string>, limit?: { maxRows: number; maxCols: number }) => Promise<Result<Grid[]>>;

/**
 * Find the workbook's 评分细则 sheets by their layout (never by name alone) and read them; the pane
 * reads them afresh whenever it reads the workbook, so an edit counts at the next score. `known` are
 * grids already read whole (the active sheet): they are not read again.
 */
export async function readSheetRubrics(read: SheetReader, sheetNames: ReadonlyArray<string>, known: ReadonlyArray<Grid>): Promise<Result<SheetRubrics>> {
  const have = new Map(known.map((g) => [g.sheet, g]));
  const others = sheetNames.filter((n) => !have.has(n));
  const tops = others.length ? await read(others, { maxRows: DETECT_ROWS, maxCols: DETECT_COLS }) : ok<Grid[]>([]);
  if (!tops.ok) return tops;
  const found = tops.value.filter(isRubricSheet).map((g) => g.sheet);
  const whole = found.length ? await read(found) : ok<Grid[]>([]);
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
