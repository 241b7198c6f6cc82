/**
 * A workbook held in memory: the port's reference implementation. Tests use it to check that a
 * write plan lands where it should and that re-scoring is idempotent; the task pane's browser
 * tests use it as a stand-in for Excel.
 */
import type { CellValue, Grid, GridCell } from "../core/grid";
import type { WritePlan } from "../core/plan/write-plan";
import type { SheetInfo, WorkbookPort } from "./ports";

export interface MemorySheet {
  name: string;
  cells: (GridCell | undefined)[][];
  merges: Grid["merges"];
  notes: Map<string, string>;
  highlights: Map<string, string>;
}

export class MemoryWorkbook implements WorkbookPort {
  readonly sheetList: MemorySheet[];

  constructor(grids: ReadonlyArray<Grid>) {
    this.sheetList = grids.map((g) => ({
      name: g.sheet,
      cells: g.rows.map((r) => (r ? r.map((c) => (c ? { ...c } : undefined)) : [])),
      merges: g.merges,
      notes: new Map(),
      highlights: new Map(),
    }));
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheetList.find((s) => s.name === name);
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.sheetList.map((s) => ({ name: s.name, title: typeof s.cells[0]?.[0]?.value === "string" ? String(s.cells[0]?.[0]?.value) : "" }));
  }

  async readSheet(name?: string): Promise<Grid | undefined> {
    const s = name === undefined ? this.sheetList[0] : this.sheet(name);
    return s ? { sheet: s.name, rows: s.cells.map((r) => [...r]), merges: s.merges } : undefined;
  }

  set(sheet: MemorySheet, row: number, col: number, value: CellValue): void {
    const r = (sheet.cells[row] ??= []);
    r[col] = value === null ? undefined : { value };
  }

  async apply(plan: WritePlan): Promise<void> {
    const s = this.sheet(plan.sheet);
    if (!s) throw new Error(`no sheet ${plan.sheet}`);
    const o = plan.owned;
    for (let r = o.top; r <= o.bottom; r++) {
      for (let c = o.left; c <= o.right; c++) {
        this.set(s, r, c, null);
        s.notes.delete(`${r},${c}`);
      }
    }
    s.highlights.clear();
    plan.headers.forEach((h, i) => this.set(s, plan.headerRow, plan.firstCol + i, h));
    for (const row of plan.rows) row.values.forEach((v, i) => this.set(s, row.row, plan.firstCol + i, v));
    for (const n of plan.notes) s.notes.set(`${n.row},${n.col}`, n.text);
    for (const h of plan.highlights) s.highlights.set(`${h.row},${h.col}`, h.kind);
    let results = this.sheet(plan.results.name);
    if (!results) {
      results = { name: plan.results.name, cells: [], merges: [], notes: new Map(), highlights: new Map() };
      this.sheetList.push(results);
    }
    results.cells = plan.results.rows.map((r) => r.map((v) => (v === null ? undefined : { value: v })));
  }
}
