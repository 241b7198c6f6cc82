/** Clearing a sheet by its record, and taking back a run that failed part-way (the same clear). */
import { issue, type Issue, type Result, fail, ok } from "../core/issue";
import type { WorkbookState } from "../core/ownership/record";
import { buildOutputClear, type OutputClear } from "../core/ownership/transaction";
import type { PaneHost, Snapshot } from "./pane-host";
import { previousRun } from "./previous-run";
import { protectedSheet } from "./score-run";

/** What clearing the snapshot's sheet means, by its record; null with nothing recorded. */
export function clearOf(snap: Snapshot, state: WorkbookState): OutputClear | null {
  const previous = previousRun(snap);
  if (!previous || !snap.token) return null;
  const tx = buildOutputClear(snap.grid.sheet, snap.token, previous);
  tx.forgetSheet = Object.keys(state.sheets[tx.token]?.mappings ?? {}).length === 0;
  return tx;
}

/** A clear the host may carry out now, or the reason it may not. */
export function checkedClear(snap: Snapshot, state: WorkbookState): Result<OutputClear | null> {
  const tx = clearOf(snap, state);
  if (!tx) return ok(null);
  if (snap.locked && tx.clear.length) return fail(protectedSheet(tx.sheet));
  if (tx.deleteResults && snap.structureLocked) return fail(issue("workbook.structureProtected", { sheet: tx.deleteResults }, { sheet: tx.sheet }));
  return ok(tx);
}

/** The state without a sheet's record and last run; without the sheet at all when nothing else is kept for it. */
export function withoutRecord(state: WorkbookState, token: string, forget = false): WorkbookState {
  const { [token]: sheet, ...others } = state.sheets;
  const { record: _record, last: _last, ...rest } = sheet ?? { mappings: {} };
  return { ...state, sheets: forget ? others : { ...others, [token]: rest } };
}

/**
 * After a failed write: if the run got as far as recording its intent, take back everything it may
 * have written (the record accepts both old and new contents) and say whether that worked.
 */
export async function undoFailedRun(host: PaneHost): Promise<Issue[]> {
  const snap = await host.snapshot({ grid: false });
  if (!snap.ok) return [];
  const { token, state } = snap.value;
  if (!token || state.sheets[token]?.record?.status !== "writing") return [];
  const tx = clearOf(snap.value, state);
  if (!tx) return [];
  const cleared = await host.clear(tx, withoutRecord(state, token, tx.forgetSheet));
  const sheet = snap.value.grid.sheet;
  if (cleared.ok) return [issue("host.partial", { cleaned: "yes" }, { sheet })];
  const left = cleared.issues.map((i) => String(i.params.left ?? i.params.detail ?? i.code)).join(", ");
  return [issue("host.partial", { cleaned: "no", left }, { sheet })];
}
