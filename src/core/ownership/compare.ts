/**
 * Which of the cells Kaohe recorded are still exactly what it wrote. The user may have typed over
 * them, or inserted rows or columns inside the area since (the host's defined name grows with them):
 * rows or columns are then matched to the record in order by their content, and whatever does not
 * match is the user's. Blank cells hold nothing to lose and count as Kaohe's. A recorded fingerprint
 * "a|b" accepts either (a run that stopped part-way may have left the old or the new value).
 */
import { type CellRange, a1, parseRange } from "../grid";
import { type CellContent, EMPTY_FINGERPRINT, fingerprint } from "./fingerprint";
import type { OutputRecord } from "./record";

export interface OwnedCell {
  row: number;
  col: number;
  /** Index into the record's cells/formats, or -1 for a blank cell the record does not cover. */
  index: number;
}

export interface ChangedCell {
  row: number;
  col: number;
  /** Index into the record's cells/formats where the cell matches up with one, else -1. */
  index?: number;
  cell: string;
  /** What the cell holds now, as the user would recognise it. */
  now: string;
}

export interface Ownership {
  ours: OwnedCell[];
  changed: ChangedCell[];
}

const blank = (c: CellContent): boolean => c === null || c === undefined || c === "";

/** Match current lines to recorded lines in order; -1 where a current line has no recorded match. */
function align(current: ReadonlyArray<string>, recorded: ReadonlyArray<string>): number[] {
  const out: number[] = [];
  let next = 0;
  for (const sig of current) {
    const k = recorded.indexOf(sig, next);
    if (k >= 0) {
      out.push(k);
      next = k + 1;
    } else out.push(-1);
  }
  return out;
}

function show(c: CellContent): string {
  const s = typeof c === "boolean" ? (c ? "TRUE" : "FALSE") : String(c ?? "");
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/**
 * `area` is where the recorded rectangle is now and `cells` what it holds (row by row); null when the
 * host lost the area (its cells were deleted): then nothing there is Kaohe's any more.
 */
export function compareOwned(record: OutputRecord, area: CellRange | null, cells: ReadonlyArray<ReadonlyArray<CellContent>>): Ownership {
  const result: Ownership = { ours: [], changed: [] };
  const was = parseRange(record.area);
  if (!area || !was) return result;
  const recRows = was.bottom - was.top + 1;
  const recCols = was.right - was.left + 1;
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  // A row the host returned short (or not at all) reads as blank cells.
  const now = (r: number, c: number): CellContent => cells[r]?.[c];
  const rec = (r: number, c: number): string => record.cells[r * recCols + c] ?? EMPTY_FINGERPRINT;

  let rowMap = Array.from({ length: rows }, (_, r) => r);
  let colMap = Array.from({ length: cols }, (_, c) => c);
  if (rows !== recRows && cols === recCols) {
    const sig = (get: (c: number) => string) => Array.from({ length: cols }, (_, c) => get(c)).join(",");
    rowMap = align(
      rowMap.map((r) => sig((c) => fingerprint(now(r, c)))),
      Array.from({ length: recRows }, (_, r) => sig((c) => rec(r, c))),
    );
  } else if (cols !== recCols && rows === recRows) {
    const sig = (get: (r: number) => string) => Array.from({ length: rows }, (_, r) => get(r)).join(",");
    colMap = align(
      colMap.map((c) => sig((r) => fingerprint(now(r, c)))),
      Array.from({ length: recCols }, (_, c) => sig((r) => rec(r, c))),
    );
  } else if (rows !== recRows) {
    // Here rows and columns both changed count or neither did. Both inserted or deleted: too ambiguous
    // to match, so nothing is assumed Kaohe's.
    rowMap = rowMap.map(() => -1);
  }

  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const row = area.top + r;
      const col = area.left + c;
      const content = now(r, c);
      // Stryker disable next-line UnaryOperator: rowMap has an entry for every row (the default is for the type)
      const rr = rowMap[r] ?? -1;
      // Stryker disable next-line UnaryOperator: colMap has an entry for every column (the default is for the type)
      const rc = colMap[c] ?? -1;
      const index = rr >= 0 && rc >= 0 ? rr * recCols + rc : -1;
      if (blank(content) || (index >= 0 && rec(rr, rc).split("|").includes(fingerprint(content)))) result.ours.push({ row, col, index });
      else result.changed.push({ row, col, index, cell: a1(row, col), now: show(content) });
    }
  }
  return result;
}
