import { type CellRange, type CellValue, type Grid, cellAt, columnCount, isBlank } from "../grid";

/** Rows and columns per bucket of the merge index. */
const BLOCK = 32;
// Stryker disable next-line ArrowFunction: one bucket for every merge still finds each (merge() checks the bounds), only slower
const key = (row: number, col: number) => Math.floor(row / BLOCK) * 1024 + Math.floor(col / BLOCK);
/** Bucket entries at most: merges are indexed in time linear in their count, whatever they span. */
const BUDGET = 4_000_000;

/**
 * Reads a grid as a person sees it: every cell of a merged area shows the area's top-left value.
 * Merges stay ranges, indexed by 32×32 blocks clipped to the cells present, so a merge over a
 * million empty rows costs no more than one over the data.
 */
export class MergedView {
  private readonly buckets = new Map<number, CellRange[]>();
  readonly width: number;

  constructor(readonly grid: Grid) {
    this.width = columnCount(grid);
    const height = grid.rows.length;
    let spent = 0;
    for (const m of grid.merges) {
      if (m.top >= height || m.left >= this.width) continue;
      const bottom = Math.min(m.bottom, height - 1);
      const right = Math.min(m.right, this.width - 1);
      for (let r = m.top - (m.top % BLOCK); r <= bottom && spent < BUDGET; r += BLOCK) {
        for (let c = m.left - (m.left % BLOCK); c <= right && spent < BUDGET; c += BLOCK, spent++) {
          const k = key(r, c);
          let list = this.buckets.get(k);
          // Stryker disable next-line ArrayDeclaration: a stray entry in a new bucket lies around no cell (merge() checks the bounds)
          if (!list) this.buckets.set(k, (list = []));
          list.push(m);
        }
      }
    }
  }

  merge(row: number, col: number): CellRange | undefined {
    const list = this.buckets.get(key(row, col));
    if (!list) return undefined;
    for (const m of list) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    return undefined;
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
