/**
 * 评分 in the pane: score the active sheet, replacing the earlier run's outputs (and the user's edits
 * only once confirmed), record what was written, and say what changed since the last run.
 */
import { type Result, fail, ok } from "../core/issue";
import type { ChangedCell } from "../core/ownership/compare";
import { withRecord, type SheetState, type WorkbookState } from "../core/ownership/record";
import { rubricChange } from "../core/rubric/hash";
import { undoFailedRun } from "./clear-run";
import type { PaneContext } from "./pane-context";
import type { WriteReport } from "./pane-host";
import { sheetOfChoice } from "./rubric-sheet";
import { planRun } from "./score-run";
import { lastUnits, summarise, type ScoreResult } from "./score-summary";

/** A run either wrote, or stopped to ask before replacing cells the user changed. */
export type ScoreOutcome =
  | { kind: "scored"; result: ScoreResult; report: WriteReport }
  | { kind: "confirm"; sheet: string; overwrite: ChangedCell[] };

/**
 * When the run would replace cells the user changed since Kaohe wrote them, nothing is written and the
 * cells are returned for the user to confirm (`confirmed` then replaces them).
 */
export async function scoreSheet(ctx: PaneContext, confirmed: boolean): Promise<Result<ScoreOutcome>> {
  ctx.assessment = undefined;
  const snap = await ctx.refresh();
  if (!snap.ok) return snap;
  // A rubric on a 评分细则 sheet was read again just now: an edit there counts, and a sheet with errors is refused.
  // A chosen sheet that is gone is refused too, not replaced by another rubric.
  const chosen = ctx.state.rubricId ?? "";
  const sheet = sheetOfChoice(chosen);
  if (sheet !== undefined) {
    const onSheet = ctx.choices.choice(chosen);
    if (!onSheet.ok) return onSheet;
  }
  // One time for the run: the results sheet shows it and the record keeps it.
  const at = ctx.clock();
  const planned = planRun(snap.value, ctx.state, ctx.rubric(), ctx.mapping(), ctx.locale, ctx.host.supports("notes"), at);
  if (!planned.ok) return planned;
  const { tx, assessment } = planned.value;
  if (tx.overwrite.length && !confirmed) return ok({ kind: "confirm", sheet: tx.sheet, overwrite: tx.overwrite });

  const before = ctx.state.sheets[tx.token];
  const sheetState: SheetState = { mappings: before?.mappings ?? {}, last: { rubricId: tx.rubric.id, units: lastUnits(assessment) } };
  const rubricId = sheet === undefined ? tx.rubric.id : chosen;
  const next: WorkbookState = { ...ctx.state, rubricId, sheets: { ...ctx.state.sheets, [tx.token]: sheetState } };
  const written = await ctx.host.write(tx, next, at);
  if (!written.ok) return fail(...written.issues, ...(await undoFailedRun(ctx.host)));
  ctx.state = withRecord(next, tx.token, written.value.record);
  ctx.snapshot = { ...snap.value, token: tx.token };
  ctx.assessment = assessment;
  const rubricChanged = rubricChange(before?.record?.rubric, tx.rubric);
  return ok({ kind: "scored", result: summarise(assessment, before?.last, { at, rubricChange: rubricChanged }), report: written.value });
}
