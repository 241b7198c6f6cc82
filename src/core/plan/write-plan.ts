/**
 * What to write where, as data. Adapters (Excel, WPS, .xlsx) apply it; none of them decides
 * anything. Outputs go to the first columns right of the table that hold nothing of the user's; the
 * cells Kaohe's record proves are its own (`ownedArea`) count as free. Header text decides nothing.
 */
import { type CellRange, type Grid, cellAt, columnLetter, isBlank, parseA1, rangeA1 } from "../grid";
import { issue, type Issue, type Result, ok, fail } from "../issue";
import type { Assessment } from "../assess";
import { attainedText, explainUnit, explanationLines, hasSomethingToExplain, resultText } from "./explain";
import type { Texts } from "./texts";

export type PlanValue = string | number | null;

/** How highlights look (RGB hex), and the always-true rule text that names a conditional format as Kaohe's. */
export const HIGHLIGHT_STYLE = {
  shortfall: { fill: "#FFC7CE", font: "#9C0006" },
  problem: { fill: "#FFEB9C", font: "#9C5700" },
} as const;
export const HIGHLIGHT_MARK = "kaohe";
/** ISTEXT of a text literal is always TRUE; the literal tells anyone reading the rules whose it is. */
export const highlightRule = (kind: Highlight["kind"]): string => `ISTEXT("${HIGHLIGHT_MARK}-${kind}")`;
const MARKER = new RegExp(`^=?ISTEXT\\("${HIGHLIGHT_MARK}-(shortfall|problem)"\\)$`, "i");
/** A rule is Kaohe's when its formula is Kaohe's marker, whatever the host added around it. */
export const isKaoheRule = (formula: unknown): boolean => typeof formula === "string" && MARKER.test(formula.trim());

export interface Highlight {
  row: number;
  col: number;
  kind: "shortfall" | "problem";
}

export interface WritePlan {
  sheet: string;
  headerRow: number;
  firstCol: number;
  headers: string[];
  /** One entry per unit row: the values of the output columns, left to right. */
  rows: { row: number; values: PlanValue[] }[];
  /** Each unit's explanation, attached to its result cell. */
  notes: { row: number; col: number; text: string }[];
  highlights: Highlight[];
  results: { name: string; rows: PlanValue[][] };
  /** Everything Kaohe owns in the assessed sheet after this plan, old outputs included: clear it before writing. */
  owned: CellRange;
}

/** Which units get an explanation note: none, those with something to explain, or all. */
export type NotesChoice = "none" | "shortfalls" | "all";

export interface PlanOptions {
  notes?: NotesChoice;
  resultsSheet: string;
  /**
   * Where Kaohe's earlier outputs are by its record (the pane): those cells may be written again.
   * With it, header text decides nothing.
   */
  ownedArea?: CellRange;
  /** How many columns to search right of the table for room before giving up. */
  searchLimit?: number;
  /**
   * Outputs must go right beside the table (the live workbook in Excel): when those columns hold the
   * user's data, say so instead of looking further right.
   */
  strict?: boolean;
  /** ISO time of the run (from the app: core has no clock), shown in the results sheet's header. */
  at?: string;
}

function columnFree(grid: Grid, col: number, top: number, bottom: number, opts: PlanOptions): boolean {
  const area = opts.ownedArea;
  const ours = (r: number) => area !== undefined && col >= area.left && col <= area.right && r >= area.top && r <= area.bottom;
  for (let r = top; r <= bottom; r++) if (!ours(r) && !isBlank(cellAt(grid, r, col)?.value)) return false;
  return true;
}

/** Columns in a worksheet (A–XFD), in Excel and in the .xlsx format. */
export const SHEET_COLUMNS = 16384;

function place(grid: Grid, a: Assessment, width: number, opts: PlanOptions): Result<{ first: number; ownedRight: number }> {
  const { layout } = a;
  const { headerTop, lastRow } = layout;
  // The layout already leaves out earlier Kaohe outputs, so its last column is the user's.
  const tableEnd = Math.max(layout.lastCol, layout.unitCol);
  const limit = opts.strict ? 1 : (opts.searchLimit ?? 200);
  // The results must fit before the sheet's last column: never plan a column that cannot exist.
  const lastFirst = Math.min(tableEnd + limit, SHEET_COLUMNS - width);
  if (lastFirst < tableEnd + 1) {
    return fail(issue("output.sheetEdge", { last: columnLetter(SHEET_COLUMNS - 1), count: width, from: columnLetter(Math.min(tableEnd + 1, SHEET_COLUMNS - 1)) }, { sheet: grid.sheet }));
  }
  for (let first = tableEnd + 1; first <= lastFirst; first++) {
    let fits = true;
    for (let c = first; c < first + width; c++) {
      if (!columnFree(grid, c, headerTop, lastRow, opts)) {
        fits = false;
        if (opts.strict) return fail(occupied(grid, c, first, width, headerTop, lastRow));
        break;
      }
    }
    if (!fits) continue;
    const ownedRight = first + width - 1;
    return ok({ first, ownedRight });
  }
  if (lastFirst < tableEnd + limit) {
    return fail(issue("output.sheetEdge", { last: columnLetter(SHEET_COLUMNS - 1), count: width, from: columnLetter(tableEnd + 1) }, { sheet: grid.sheet }));
  }
  return fail(issue("output.noRoom", { from: columnLetter(tableEnd + 1) }, { sheet: grid.sheet }));
}

function occupied(grid: Grid, col: number, first: number, width: number, top: number, bottom: number): Issue {
  let row = top;
  while (row < bottom && isBlank(cellAt(grid, row, col)?.value)) row++;
  const value = cellAt(grid, row, col)?.value;
  const range = rangeA1({ top, bottom, left: first, right: first + width - 1 });
  return issue("output.occupied", { cell: `${columnLetter(col)}${row + 1}`, value: typeof value === "object" && value ? "#" : String(value ?? ""), range, count: width }, { sheet: grid.sheet, cell: `${columnLetter(col)}${row + 1}` });
}

/** One row per unit: status, total, rank, result, every item's score, then every reason, one per line. */
function resultsSheet(a: Assessment, t: Texts, at: string | undefined): PlanValue[][] {
  const points = a.rubric.mode === "points";
  const composites = a.units[0]?.composites.map((c) => c.name) ?? [];
  const items = a.units[0]?.items ?? [];
  const rows: PlanValue[][] = [
    [t.label("resultsTitle"), `${a.rubric.name}${t.paren(`${a.rubric.id} ${a.rubric.version}`)}`],
    // The rubric's identity and the run's time: what a result needs to be reproduced.
    [t.label("rubric"), a.rubric.id, a.sheet, t.label("version"), a.rubric.version, t.label("rubricHash"), a.rubric.hash, ...(at ? [t.label("scoredAt"), at] : [])],
    [],
    [
      t.label("unit"), t.label("row"), t.label("status"),
      points ? t.label("total") : t.label("attainedCount"), t.label("rank"), t.label("result"),
      ...items.map((i) => (i.max !== null ? `${i.name}${t.paren(String(i.max))}` : i.name)),
      ...composites,
      t.label("deductionsTitle"),
    ],
  ];
  for (const u of a.units) {
    rows.push([
      u.unit, u.row + 1, t.label(u.status),
      points ? u.total : attainedText(u),
      u.rank, resultText(u, t),
      ...u.items.map((i) => (i.notApplicable ? t.label("notApplicable") : points ? i.score : i.met === null ? null : i.met ? t.label("yes") : t.label("no"))),
      ...u.composites.map((c) => c.value),
      explanationLines(u, t),
    ]);
  }
  const general = a.problems.filter((p) => !p.unit);
  if (general.length) {
    rows.push([], [t.label("problemsTitle")], [t.label("severity"), t.label("cell"), t.label("message")]);
    for (const p of general) rows.push([t.label(p.severity), p.cell ?? null, t.issue(p)]);
  }
  return rows;
}

function highlightsOf(a: Assessment): Highlight[] {
  const seen = new Set<string>();
  const out: Highlight[] = [];
  const add = (cell: string | undefined, kind: Highlight["kind"]) => {
    const at = cell ? parseA1(cell) : null;
    if (!at || seen.has(cell ?? "")) return;
    seen.add(cell ?? "");
    out.push({ ...at, kind });
  };
  for (const p of a.problems) if (p.severity === "error" && p.sheet === a.sheet) add(p.cell, "problem");
  for (const u of a.units) for (const c of u.shortfallCells) add(c, "shortfall");
  return out;
}

export function buildWritePlan(grid: Grid, a: Assessment, t: Texts, opts: PlanOptions): Result<WritePlan> {
  const points = a.rubric.mode === "points";
  const composites = a.units[0]?.composites.map((c) => c.name) ?? [];
  const headers = points
    ? [t.label("total"), t.label("rank"), t.label("result"), ...composites]
    : [t.label("attainedCount"), t.label("result")];
  const placed = place(grid, a, headers.length, opts);
  if (!placed.ok) return placed;
  const { first, ownedRight } = placed.value;
  const resultCol = first + (points ? 2 : 1);
  const notes = opts.notes ?? "shortfalls";

  const rows = a.units.map((u) => {
    const result = resultText(u, t);
    const values: PlanValue[] = points ? [u.total, u.rank, result, ...u.composites.map((c) => c.value)] : [attainedText(u), result];
    return { row: u.row, values };
  });
  return ok({
    sheet: a.sheet,
    headerRow: a.layout.headerRow,
    firstCol: first,
    headers,
    rows,
    notes: a.units
      .filter((u) => notes === "all" || (notes === "shortfalls" && hasSomethingToExplain(u)))
      .map((u) => ({ row: u.row, col: resultCol, text: explainUnit(u, t) })),
    highlights: highlightsOf(a),
    results: { name: opts.resultsSheet, rows: resultsSheet(a, t, opts.at) },
    owned: { top: a.layout.headerRow, left: first, bottom: Math.max(a.layout.lastRow, a.layout.headerRow), right: ownedRight },
  });
}


