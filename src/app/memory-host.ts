/**
 * A PaneHost held in memory: the task pane's stand-in for Excel in browser tests, and a reference
 * for what the Excel adapter must do (clear the previous outputs, write the plan, keep the state).
 */
import { type Grid, parseRange, rangeA1 } from "../core/grid";
import type { WritePlan } from "../core/plan/write-plan";
import { MemoryWorkbook } from "./memory-workbook";
import { EMPTY_STATE, withoutOutputs, type HostResult, type OwnedRecord, type PaneHost, type PaneState, type Snapshot } from "./pane-host";

export class MemoryHost implements PaneHost {
  readonly book: MemoryWorkbook;
  state: PaneState = EMPTY_STATE;
  active: string;
  locked = new Set<string>();
  selected: { sheet: string; cell: string } | null = null;
  private handlers: ((sheet: string, row: number) => void)[] = [];
  private nextId = 1;

  constructor(grids: ReadonlyArray<Grid>, private readonly language = "zh-CN") {
    this.book = new MemoryWorkbook(grids);
    this.active = grids[0]?.sheet ?? "";
  }

  displayLanguage(): string {
    return this.language;
  }

  async snapshot(sheet?: string): Promise<HostResult<Snapshot>> {
    const grid = await this.book.readSheet(sheet ?? this.active);
    if (!grid) return { ok: false, issues: [] };
    const ours = this.state.owned?.resultsSheet;
    const taken = this.book.sheetList.map((s) => s.name).filter((n) => n !== ours);
    return { ok: true, value: { grid, locked: this.locked.has(grid.sheet), state: structuredClone(this.state), takenSheetNames: taken } };
  }

  private removeOutputs(state: PaneState): void {
    const owned = state.owned;
    if (!owned) return;
    const sheet = this.book.sheet(owned.sheet);
    const area = owned.area ? parseRange(owned.area) : null;
    if (sheet && area) {
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          this.book.set(sheet, r, c, null);
          sheet.notes.delete(`${r},${c}`);
        }
      }
      sheet.highlights.clear();
    }
    const i = this.book.sheetList.findIndex((s) => s.name === owned.resultsSheet);
    if (i >= 0) this.book.sheetList.splice(i, 1);
  }

  async apply(plan: WritePlan, state: PaneState): Promise<HostResult<OwnedRecord>> {
    // The record the session passes has its area checked against the sheet: clear by it, as Excel does.
    this.removeOutputs(state);
    await this.book.apply(plan);
    const owned: OwnedRecord = {
      sheet: plan.sheet,
      area: rangeA1(plan.owned),
      resultsSheet: plan.results.name,
      highlights: plan.highlights.length ? [`mem-${this.nextId++}`] : [],
    };
    this.state = structuredClone({ ...state, owned });
    return { ok: true, value: owned };
  }

  async clear(state: PaneState): Promise<HostResult<void>> {
    this.removeOutputs(state);
    this.state = structuredClone(withoutOutputs(state));
    return { ok: true, value: undefined };
  }

  async saveState(state: PaneState): Promise<HostResult<void>> {
    this.state = structuredClone(state);
    return { ok: true, value: undefined };
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
    this.active = sheet;
    const row = Number(/\d+/.exec(cell)?.[0] ?? 1) - 1;
    for (const h of this.handlers) h(sheet, row);
  }

  onSelectionChanged(handler: (sheet: string, row: number) => void): void {
    this.handlers.push(handler);
  }
}
