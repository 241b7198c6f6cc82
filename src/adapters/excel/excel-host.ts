/** The task pane's host inside Excel: every Office.js call goes through here (and read/write/clear). */
import { ok, type Result, fail } from "../../core/issue";
import { withCurrentRecords, type WorkbookState } from "../../core/ownership/record";
import type { OutputClear, OutputWrite } from "../../core/ownership/transaction";
import type { ClearReport, HostFeature, PaneHost, Snapshot, WriteReport } from "../../app/pane-host";
import { queueAnchors, queueSheetToken } from "./anchors";
import { clearOutputs } from "./clear";
import { officeIssue } from "./errors";
import { readSnapshot, type ReadLimits } from "./read";
import { queueSave, queueState, queueXml, stateOf } from "./state";
import { writeOutputs } from "./write";
import { addRubricSheet } from "./add-sheet";
import { readGrids, type SheetLimit } from "./sheets";
import type { Grid } from "../../core/grid";
import type { RubricSheet } from "../../core/rubric/sheet";

export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type SetSupported = (name: string, version: string) => boolean;

const FEATURE_SETS: Record<HostFeature, string> = { notes: "1.18", undoGroup: "1.20" };

export class ExcelHost implements PaneHost {
  constructor(
    private readonly run: ExcelRun = (options, batch) => Excel.run(options, batch),
    private readonly language: () => string = () => Office.context.displayLanguage,
    private readonly isSetSupported: SetSupported = (name, version) => Office.context.requirements.isSetSupported(name, version),
    private readonly limits?: ReadLimits,
  ) {}

  displayLanguage(): string {
    return this.language();
  }

  supports(feature: HostFeature): boolean {
    return this.isSetSupported("ExcelApi", FEATURE_SETS[feature]);
  }

  /** A cell being edited delays a batch instead of failing it (1.11); a run is one undo step where Excel can (1.20). */
  private options(): Excel.RunOptions {
    return { delayForCellEdit: true, ...(this.supports("undoGroup") && { mergeUndoGroup: true }) };
  }

  private async guarded<T>(batch: (context: Excel.RequestContext) => Promise<T>, sheet = ""): Promise<Result<T>> {
    try {
      return ok(await this.run(this.options(), batch));
    } catch (e) {
      return fail(officeIssue(e, sheet));
    }
  }

  async snapshot(opts: { sheet?: string; grid?: boolean } = {}): Promise<Result<Snapshot>> {
    const r = await this.guarded((ctx) => readSnapshot(ctx, opts, this.limits), opts.sheet);
    return r.ok ? r.value : r;
  }

  async write(tx: OutputWrite, state: WorkbookState, at: string): Promise<Result<WriteReport>> {
    return this.guarded((ctx) => writeOutputs(ctx, tx, state, at), tx.sheet);
  }

  clear(tx: OutputClear, state: WorkbookState): Promise<Result<ClearReport>> {
    return this.guarded((ctx) => clearOutputs(ctx, tx, state, this.supports("notes")), tx.sheet);
  }

  saveState(state: WorkbookState, sheet?: { name: string; token: string }): Promise<Result<void>> {
    return this.guarded(async (ctx) => {
      const handle = queueState(ctx);
      const ws = sheet ? ctx.workbook.worksheets.getItem(sheet.name) : null;
      const name = ws ? queueSheetToken(ws) : null;
      await ctx.sync();
      const xml = queueXml(handle);
      await ctx.sync();
      if (ws && sheet) queueAnchors(ctx, ws, sheet.token, { sheet: name, output: null }, null);
      queueSave(ctx, handle, withCurrentRecords(state, stateOf(handle, xml)));
      await ctx.sync();
    });
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
        await this.sheetName(e.worksheetId, (name) => handler(name, row));
      });
      await ctx.sync();
    });
  }

  onActivated(handler: (sheet: string) => void): void {
    void this.guarded(async (ctx) => {
      ctx.workbook.worksheets.onActivated.add(async (e) => this.sheetName(e.worksheetId, handler));
      await ctx.sync();
    });
  }

  readSheets(names: ReadonlyArray<string>, limit?: SheetLimit): Promise<Result<Grid[]>> {
    return this.guarded((ctx) => readGrids(ctx, names, limit));
  }

  addSheet(sheet: RubricSheet): Promise<Result<{ name: string }>> {
    return this.guarded((ctx) => addRubricSheet(ctx, sheet), sheet.name);
  }

  private async sheetName(id: string, then: (name: string) => void): Promise<void> {
    await this.guarded(async (c) => {
      const ws = c.workbook.worksheets.getItem(id);
      ws.load("name");
      await c.sync();
      then(ws.name);
    });
  }
}
