/** A record of a finished run that wrote `cells` over `area` (formats General, no notes), as tests of ownership build it. */
import { type CellRange, rangeA1 } from "../../src/core/grid";
import { type CellContent, fingerprint } from "../../src/core/ownership/fingerprint";
import type { OutputRecord } from "../../src/core/ownership/record";

export const recordOf = (area: CellRange, cells: CellContent[][], extra: Partial<OutputRecord> = {}): OutputRecord => ({
  status: "done",
  area: rangeA1(area),
  cells: cells.flat().map(fingerprint),
  formats: cells.flat().map(() => "General"),
  notes: [],
  rubric: { id: "r", version: "1" },
  at: "2026-11-23T00:00:00Z",
  ...extra,
});
