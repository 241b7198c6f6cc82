/** Build grids for tests from plain rows: numbers, strings, booleans, null, or {value, numFmt}. */
import type { CellRange, CellValue, Grid, GridCell } from "../../src/core/grid";

export type Raw = CellValue | GridCell | undefined;

export function grid(rows: ReadonlyArray<ReadonlyArray<Raw>>, opts: { sheet?: string; merges?: CellRange[] } = {}): Grid {
  return {
    sheet: opts.sheet ?? "Sheet1",
    rows: rows.map((r) =>
      r.map((v): GridCell | undefined => {
        if (v === undefined || v === null) return undefined;
        if (typeof v === "object" && "value" in v) return v;
        return { value: v as CellValue };
      }),
    ),
    merges: opts.merges ?? [],
  };
}
