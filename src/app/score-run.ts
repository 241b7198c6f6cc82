/**
 * One scoring run as data, before anything is written: assess the sheet with the rubric, place the
 * outputs (Kaohe's recorded area may be written again), and build the write transaction.
 */
import { assess, type Assessment } from "../core/assess";
import { issue, type Issue, type Result, fail, ok } from "../core/issue";
import { newToken, type WorkbookState } from "../core/ownership/record";
import { buildOutputWrite, type OutputWrite } from "../core/ownership/transaction";
import { buildWritePlan } from "../core/plan/write-plan";
import type { Compiled } from "../core/rubric/compile";
import { rubricStamp } from "../core/rubric/hash";
import type { ColumnMapping } from "../core/table/layout";
import { texts, type Catalog } from "../i18n";
import type { Snapshot } from "./pane-host";
import { previousRun } from "./previous-run";
import { pickResultsSheet } from "./results-sheet";

export interface PlannedRun {
  tx: OutputWrite;
  assessment: Assessment;
}

export const protectedSheet = (sheet: string): Issue => issue("sheet.protected", { sheet }, { sheet });

/** `at`: the run's ISO time, shown in the results sheet (the caller's clock; the record gets the same). */
export function planRun(snap: Snapshot, state: WorkbookState, compiled: Compiled, mapping: ColumnMapping, locale: Catalog, notes: boolean, at: string): Result<PlannedRun> {
  const { grid } = snap;
  if (snap.resultsOf) return fail(issue("sheet.kaoheResults", { sheet: grid.sheet, owner: snap.resultsOf }, { sheet: grid.sheet }));
  if (snap.locked) return fail(protectedSheet(grid.sheet));
  const previous = previousRun(snap);
  const ownedArea = previous?.area ?? undefined;
  const assessed = assess(grid, compiled.rubric, { mapping, ...(ownedArea && { ownedArea }) });
  if (!assessed.ok) return assessed;
  const assessment = assessed.value;

  const t = texts(locale);
  const results = previous?.results?.name ?? pickResultsSheet(t.label("resultsSheet"), new Set(snap.sheetNames));
  if (!previous?.results && snap.structureLocked) return fail(issue("workbook.structureProtected", { sheet: results }, { sheet: grid.sheet }));
  const plan = buildWritePlan(grid, assessment, t, { resultsSheet: results, ...(ownedArea && { ownedArea }), strict: true, at });
  if (!plan.ok) return plan;
  const token = snap.token ?? newToken(state);
  const tx = buildOutputWrite(plan.value, token, rubricStamp(compiled.rubric.doc), previous);
  if (!notes) tx.notes = [];
  return ok({ tx, assessment });
}
