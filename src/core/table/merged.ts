import { type CellRange, type CellValue, type Grid, cellAt, columnCount, isBlank } from "../grid";

/** Reads a grid as a person sees it: every cell of a merged area shows the area's top-left value. */
export class MergedView {
  private readonly owner = new Map<string, CellRange>();
  readonly width: number;

  constructor(readonly grid: Grid) {
    for (const m of grid.merges) {
      // Merges far below the header block never matter for header detection; cap the work anyway.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.owner.set(`${r},${c}`, m);
    }
    this.width = columnCount(grid);
  }

  merge(row: number, col: number): CellRange | undefined {
    return this.owner.get(`${row},${col}`);
  }

  value(row: number, col: number): CellValue {
    const m = this.merge(row, col);
    return cellAt(this.grid, m ? m.top : row, m ? m.left : col)?.value ?? null;
  }

  text(row: number, col: number): string {
    const v = this.value(row, col);
    return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
  }

  /** Distinct non-blank values of a row (a merged title counts once). */
  distinct(row: number): string[] {
    const out = new Set<string>();
    for (let c = 0; c < this.width; c++) {
      const v = this.value(row, c);
      if (!isBlank(v)) out.add(String(v));
    }
    return [...out];
  }
}
