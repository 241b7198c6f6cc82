/**
 * The task pane's host inside WPS 表格 (a WPS加载项): the same PaneHost port as Excel's, over WPS's
 * synchronous object model. Every call to it goes through here (and read/write/clear); a call that
 * fails throws, and is reported as the pane's problem with its real cause.
 */
import { fail, ok, type Result } from "../../core/issue";
import { withCurrentRecords, type WorkbookState } from "../../core/ownership/record";
import type { OutputClear, OutputWrite } from "../../core/ownership/transaction";
import type { ClearReport, HostFeature, PaneHost, Snapshot, WriteReport } from "../../app/pane-host";
import { anchorSheet } from "./anchors";
import { clearOutputs } from "./clear";
import { wpsIssue } from "./errors";
import { readSnapshot, sheetNames } from "./read";
import { unknownSheet } from "../../app/ports";
import { readState, saveState } from "./state";
import { writeOutputs } from "./write";
import { addRubricSheet } from "./add-sheet";
import { readGrid } from "./read";
import type { Grid } from "../../core/grid";
import type { RubricSheet } from "../../core/rubric/sheet";
import { findSheet, sheetAt, type WpsApplication } from "./wps-types";

/** Comments (批注) are Kaohe's notes in WPS; there is no undo grouping to ask for. */
const FEATURES: Record<HostFeature, boolean> = { notes: true, undoGroup: false };

export class WpsHost implements PaneHost {
  constructor(
    private readonly app: WpsApplication,
    private readonly language: () => string = () => "zh-CN",
  ) {}

  displayLanguage(): string {
    return this.language();
  }

  supports(feature: HostFeature): boolean {
    return FEATURES[feature];
  }

  /** Run `work` with screen updating off (faster, no flicker), restoring it whatever happens. */
  private guarded<T>(work: () => T, sheet = ""): Result<T> {
    const screen = this.app.ScreenUpdating;
    try {
      this.app.ScreenUpdating = false;
      return ok(work());
    } catch (e) {
      return fail(wpsIssue(e, sheet));
    } finally {
      this.app.ScreenUpdating = screen;
    }
  }

  async snapshot(opts: { sheet?: string; grid?: boolean } = {}): Promise<Result<Snapshot>> {
    const r = this.guarded((): Result<Snapshot> => {
      const wb = this.app.ActiveWorkbook;
      if (opts.sheet !== undefined && !findSheet(wb, opts.sheet)) return fail(unknownSheet(opts.sheet, sheetNames(wb)));
      return ok(readSnapshot(wb, opts));
    }, opts.sheet);
    return r.ok ? r.value : r;
  }

  async write(tx: OutputWrite, state: WorkbookState, at: string): Promise<Result<WriteReport>> {
    return this.guarded(() => writeOutputs(this.app, tx, state, at), tx.sheet);
  }

  async clear(tx: OutputClear, state: WorkbookState): Promise<Result<ClearReport>> {
    return this.guarded(() => clearOutputs(this.app, tx, state), tx.sheet);
  }

  async saveState(state: WorkbookState, sheet?: { name: string; token: string }): Promise<Result<void>> {
    return this.guarded(() => {
      const wb = this.app.ActiveWorkbook;
      if (sheet) anchorSheet(sheetAt(wb.Worksheets, sheet.name), sheet.token);
      // Records are changed by write and clear alone: keep the ones the workbook holds.
      saveState(wb, withCurrentRecords(state, readState(wb)));
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.guarded(() => {
      const ws = sheetAt(this.app.ActiveWorkbook.Worksheets, sheet);
      ws.Activate();
      ws.Range(cell).Select();
    });
  }

  async readSheets(names: ReadonlyArray<string>, limit?: { maxRows: number; maxCols: number }): Promise<Result<Grid[]>> {
    return this.guarded(() => names.map((n) => readGrid(sheetAt(this.app.ActiveWorkbook.Worksheets, n), null, limit)));
  }

  async addSheet(sheet: RubricSheet): Promise<Result<{ name: string }>> {
    return this.guarded(() => addRubricSheet(this.app, sheet), sheet.name);
  }

  onSelectionChanged(handler: (sheet: string, row: number) => void): void {
    this.app.ApiEvent.AddApiEventListener("SheetSelectionChange", (_sheet, range) => handler(range.Worksheet.Name, range.Row - 1));
  }

  onActivated(handler: (sheet: string) => void): void {
    this.app.ApiEvent.AddApiEventListener("SheetActivate", (sheet) => {
      const name = (sheet as { Name?: unknown }).Name;
      if (typeof name === "string") handler(name);
    });
  }
}
