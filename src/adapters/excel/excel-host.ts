/** The task pane's host inside Excel: every Office.js call goes through here (and read/write). */
import type { HostResult, OwnedRecord, PaneHost, PaneState, Snapshot } from "../../app/pane-host";
import type { WritePlan } from "../../core/plan/write-plan";
import { officeIssue } from "./errors";
import { readSnapshot } from "./read";
import { applyPlan, clearOutputs, saveState } from "./write";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class ExcelHost implements PaneHost {
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    private readonly language: () => string = () => Office.context.displayLanguage,
  ) {}

  displayLanguage(): string {
    return this.language();
  }

  private async guarded<T>(batch: (context: Excel.RequestContext) => Promise<T>, sheet = ""): Promise<HostResult<T>> {
    try {
      return { ok: true, value: await this.run(batch) };
    } catch (e) {
      return { ok: false, issues: [officeIssue(e, sheet)] };
    }
  }

  async snapshot(sheet?: string): Promise<HostResult<Snapshot>> {
    const r = await this.guarded((ctx) => readSnapshot(ctx, sheet), sheet);
    return r.ok ? r.value : r;
  }

  apply(plan: WritePlan, state: PaneState): Promise<HostResult<OwnedRecord>> {
    return this.guarded((ctx) => applyPlan(ctx, plan, state), plan.sheet);
  }

  clear(state: PaneState): Promise<HostResult<void>> {
    return this.guarded((ctx) => clearOutputs(ctx, state));
  }

  saveState(state: PaneState): Promise<HostResult<void>> {
    return this.guarded((ctx) => saveState(ctx, state));
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.guarded(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  onSelectionChanged(handler: (sheet: string, row: number) => void): void {
    void this.guarded(async (ctx) => {
      ctx.workbook.worksheets.onSelectionChanged.add(async (e) => {
        const row = Number(/\d+/.exec(e.address.replace(/^.*!/, ""))?.[0] ?? 0) - 1;
        await this.guarded(async (c) => {
          const ws = c.workbook.worksheets.getItem(e.worksheetId);
          ws.load("name");
          await c.sync();
          handler(ws.name, row);
        });
      });
      await ctx.sync();
    });
  }
}
