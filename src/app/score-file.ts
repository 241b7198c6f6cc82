/**
 * Scoring a workbook file with Kaohe's record (the CLI): what an earlier run wrote is Kaohe's only
 * while the record's fingerprints still match; a cell the user changed, and any column Kaohe did not
 * write (a hand-typed 总分 column included), is never written over — the outputs go right of it.
 * There is no one to confirm an overwrite, so nothing of the user's is ever replaced.
 */
import { assess, type Assessment } from "../core/assess";
import type { Grid, GridCell } from "../core/grid";
import { fail, issue, ok, type Issue, type Result } from "../core/issue";
import type { ChangedCell } from "../core/ownership/compare";
import { newToken, type WorkbookState } from "../core/ownership/record";
import { buildOutputWrite, type OutputWrite, type Previous } from "../core/ownership/transaction";
import { buildWritePlan, type NotesChoice } from "../core/plan/write-plan";
import type { Compiled } from "../core/rubric/compile";
import { rubricChange, rubricStamp, type RubricChange } from "../core/rubric/hash";
import type { ColumnMapping } from "../core/table/layout";
import { texts, type Catalog } from "../i18n";
import type { Snapshot } from "./pane-host";
import { unknownSheet, type WorkbookPort } from "./ports";
import { previousRun } from "./previous-run";
import { pickResultsSheet } from "./results-sheet";
import { protectedSheet } from "./score-run";

/** A workbook file as the run needs it. Its snapshot's grid is the whole sheet, recorded area included. */
export interface RecordedBook extends Pick<WorkbookPort, "sheets"> {
  snapshot(sheet?: string): Promise<Snapshot | undefined>;
  applyRun(tx: OutputWrite, state: WorkbookState, at: string): Promise<void>;
}

export interface FileScoreOptions {
  sheet?: string;
  mapping?: ColumnMapping;
  notes?: NotesChoice;
  locale: Catalog;
  write: boolean;
  /** ISO time stored in the record. */
  at: string;
}

/** A scored workbook file: its assessment and, when written, the run, the user's edits kept and the rubric's warnings. */
export interface FileScore {
  assessment: Assessment;
  tx?: OutputWrite;
  kept: ChangedCell[];
  warnings: Issue[];
  /** The workbook's last run used another version of this rubric (same id): what changed. */
  rubricChange?: RubricChange;
}

/** The sheet without the cells the record proves are Kaohe's (the user's edits stay, and block). */
function withoutOurs(grid: Grid, previous: Previous | undefined): Grid {
  if (!previous?.ownership.ours.length) return grid;
  const rows = grid.rows.slice() as (ReadonlyArray<GridCell | undefined> | undefined)[];
  for (const o of previous.ownership.ours) {
    const row = rows[o.row];
    if (!row?.[o.col]) continue;
    const copy = row === grid.rows[o.row] ? row.slice() : (row as (GridCell | undefined)[]);
    copy[o.col] = undefined;
    rows[o.row] = copy;
  }
  return { ...grid, rows };
}

/** No snapshot: a named sheet the workbook does not have, or a workbook without any worksheet. */
async function noSheet(book: Pick<RecordedBook, "sheets">, sheet: string | undefined): Promise<Issue> {
  if (sheet === undefined) return issue("table.empty", {});
  return unknownSheet(sheet, (await book.sheets()).map((s) => s.name));
}

/**
 * A sheet of a workbook file assessed as the user's table: Kaohe's recorded outputs of an earlier run are
 * not part of it (a results sheet the user changed is theirs: the run's record forgets it).
 */
export async function assessFileSheet(
  book: Pick<RecordedBook, "snapshot" | "sheets">,
  rubric: Compiled,
  opts: { sheet?: string; mapping?: ColumnMapping },
): Promise<Result<{ snap: Snapshot; previous: ReturnType<typeof previousRun>; grid: Grid; assessment: Assessment }>> {
  const snap = await book.snapshot(opts.sheet);
  if (!snap) return fail(await noSheet(book, opts.sheet));
  let previous = previousRun(snap);
  if (previous?.results?.changed) previous = { ...previous, results: null };
  const grid = withoutOurs(snap.grid, previous);
  const assessed = assess(grid, rubric.rubric, { ...(opts.mapping && { mapping: opts.mapping }) });
  return assessed.ok ? ok({ snap, previous, grid, assessment: assessed.value }) : fail(...assessed.issues);
}

export async function scoreFile(book: RecordedBook, rubric: Compiled, opts: FileScoreOptions): Promise<Result<FileScore>> {
  const read = await assessFileSheet(book, rubric, opts);
  if (!read.ok) return read;
  const { snap, previous, grid, assessment } = read.value;
  const stamp = rubricStamp(rubric.rubric.doc);
  const change = rubricChange(previous?.record.rubric, stamp);
  const changed = change ? { rubricChange: change } : {};
  if (!opts.write) return ok({ assessment, kept: [], warnings: rubric.warnings, ...changed });
  if (snap.locked) return fail(protectedSheet(grid.sheet));

  const t = texts(opts.locale);
  const reuse = previous?.results?.name;
  const results = reuse ?? pickResultsSheet(t.label("resultsSheet"), new Set(snap.sheetNames));
  if (!reuse && snap.structureLocked) return fail(issue("workbook.structureProtected", { sheet: results }, { sheet: grid.sheet }));
  const plan = buildWritePlan(grid, assessment, t, { resultsSheet: results, at: opts.at, ...(opts.notes && { notes: opts.notes }) });
  if (!plan.ok) return plan;
  const token = snap.token ?? newToken(snap.state);
  const tx = buildOutputWrite(plan.value, token, stamp, previous);
  // Placement kept clear of every non-blank cell, so nothing of the user's is in the new area.
  if (tx.overwrite.length) throw new Error(`would overwrite ${tx.overwrite.map((c) => c.cell).join(", ")}`);
  await book.applyRun(tx, snap.state, opts.at);
  return ok({ assessment, tx, kept: tx.kept, warnings: rubric.warnings, ...changed });
}
