/** 清除结果 in the pane: what a clear would remove and keep, then the clear itself, by the sheet's record. */
import { type Result, ok } from "../core/issue";
import type { ChangedCell } from "../core/ownership/compare";
import type { OutputClear } from "../core/ownership/transaction";
import { checkedClear, withoutRecord } from "./clear-run";
import type { PaneContext } from "./pane-context";
import type { ClearReport } from "./pane-host";

/** What 清除结果 would do, shown to the user before they confirm. */
export interface ClearPreview {
  sheet: string;
  /** Kaohe's cells to empty (0 with nothing recorded). */
  cells: number;
  resultsSheet: string | null;
  kept: ChangedCell[];
  keptResults: string | null;
}

async function pendingClear(ctx: PaneContext): Promise<Result<OutputClear | null>> {
  const snap = await ctx.refresh(false);
  return snap.ok ? checkedClear(snap.value, ctx.state) : snap;
}

/** What clearing the active sheet would remove and keep (nothing is changed). */
export async function previewClear(ctx: PaneContext): Promise<Result<ClearPreview>> {
  const tx = await pendingClear(ctx);
  if (!tx.ok) return tx;
  if (!tx.value) return ok({ sheet: ctx.snapshot?.grid.sheet ?? "", cells: 0, resultsSheet: null, kept: [], keptResults: null });
  const v = tx.value;
  return ok({ sheet: v.sheet, cells: v.clear.length, resultsSheet: v.deleteResults, kept: v.kept, keptResults: v.keptResults });
}

/** Remove everything of Kaohe's on the active sheet, keep the user's edits, and check it is gone. */
export async function clearSheet(ctx: PaneContext): Promise<Result<ClearReport>> {
  const tx = await pendingClear(ctx);
  if (!tx.ok) return tx;
  ctx.assessment = undefined;
  if (!tx.value) return ok({ removed: 0, highlights: 0, notes: 0, resultsSheet: null, kept: [], keptResults: null });
  const next = withoutRecord(ctx.state, tx.value.token, tx.value.forgetSheet);
  const cleared = await ctx.host.clear(tx.value, next);
  if (cleared.ok) ctx.state = next;
  return cleared;
}
