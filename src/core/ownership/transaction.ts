/**
 * A scoring run's and a clear's changes to the workbook, as data: what to write where, what of an
 * earlier run to remove, which of the user's edits a write would replace (only once confirmed) and
 * which stay. Hosts carry these out as a recorded transaction (intent first, commit last).
 */
import { type CellRange, a1, parseA1, rangeA1 } from "../grid";
import type { Highlight, PlanValue, WritePlan } from "../plan/write-plan";
import { fingerprint } from "./fingerprint";
import type { ChangedCell, Ownership } from "./compare";
import { ANY_CONTENT, type OutputRecord } from "./record";
import type { RubricStamp } from "../rubric/hash";

/** A cell Kaohe will empty, with the number format it had before Kaohe first wrote it (null: leave as is). */
export interface ClearCell {
  row: number;
  col: number;
  format: string | null;
}

/** A note of Kaohe's where it is now (A1), with the fingerprint of the text it wrote ("a|b": either). */
export interface NoteAt {
  cell: string;
  f: string;
}

/** A note is Kaohe's while its text is what Kaohe wrote there. */
export const isKaohesNote = (n: NoteAt, text: unknown): boolean => n.f.split("|").includes(fingerprint(String(text ?? "")));

/** Fingerprints of an area, row by row ("a|b": either content is Kaohe's). */
type Fingerprints = string[];

export interface OutputWrite {
  sheet: string;
  token: string;
  area: CellRange;
  /** The whole area, row by row: null is an empty cell. */
  values: PlanValue[][];
  /** Number format each area cell had before Kaohe's first write, where the record knows it (else null: read it). */
  priorFormats: (string | null)[][];
  /** Earlier Kaohe cells outside the new area. */
  clear: ClearCell[];
  /** Cells the user changed that this write replaces (it runs only once the user confirmed). */
  overwrite: ChangedCell[];
  /** Cells the user changed in the earlier area that stay as they are. */
  kept: ChangedCell[];
  /** Kaohe's notes of the earlier run (A1 now), removed before this run's are added. */
  dropNotes: NoteAt[];
  /**
   * The record to keep while writing: the new and the earlier area, every cell's earlier and new
   * content accepted as Kaohe's, so a run that stops part-way can always be cleaned up.
   */
  intent: { area: CellRange; cells: Fingerprints };
  highlights: Highlight[];
  /** Notes on result cells (hosts without notes leave the explanation to the results sheet). */
  notes: { row: number; col: number; text: string }[];
  results: {
    name: string;
    rows: PlanValue[][];
    /** The results sheet of an earlier run (its current name): cleared and reused, so Excel keeps its undo history. */
    reuse: string | null;
  };
  /** The rubric's id, version and hashes, kept in the record. */
  rubric: RubricStamp;
}

export interface OutputClear {
  sheet: string;
  token: string;
  clear: ClearCell[];
  kept: ChangedCell[];
  /** Kaohe's notes: removed while their text is still what Kaohe wrote. */
  notes: NoteAt[];
  /** The results sheet to delete (current name), and one the user changed, which stays theirs. */
  deleteResults: string | null;
  keptResults: string | null;
  /** Nothing else is kept for the sheet (no hand mappings): its token goes too, leaving no trace. */
  forgetSheet: boolean;
}

/** What the previous run left on this sheet, as found now. */
export interface Previous {
  record: OutputRecord;
  area: CellRange | null;
  ownership: Ownership;
  /** Current name of its results sheet and whether the user changed it; null when it is gone. */
  results: { name: string; changed: boolean } | null;
}

const inside = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const formatAt = (record: OutputRecord, index: number): string | null => (index >= 0 ? (record.formats[index] ?? null) : null);

/** The plan's outputs as one rectangle: headers in the header row, unit values on their rows, empty elsewhere. */
export function areaValues(plan: WritePlan): PlanValue[][] {
  const { top, left, bottom, right } = plan.owned;
  const m: PlanValue[][] = Array.from({ length: bottom - top + 1 }, () => Array<PlanValue>(right - left + 1).fill(null));
  plan.headers.forEach((h, i) => {
    const row = m[plan.headerRow - top];
    if (row) row[plan.firstCol - left + i] = h;
  });
  for (const r of plan.rows) {
    const row = m[r.row - top];
    if (row) r.values.forEach((v, i) => (row[plan.firstCol - left + i] = v));
  }
  return m;
}

export function buildOutputWrite(plan: WritePlan, token: string, rubric: OutputWrite["rubric"], previous: Previous | undefined): OutputWrite {
  const area = plan.owned;
  const priorFormats: (string | null)[][] = Array.from({ length: area.bottom - area.top + 1 }, () => Array<string | null>(area.right - area.left + 1).fill(null));
  const clear: ClearCell[] = [];
  const overwrite: ChangedCell[] = [];
  const kept: ChangedCell[] = [];
  if (previous) {
    for (const o of previous.ownership.ours) {
      const format = formatAt(previous.record, o.index);
      if (inside(area, o.row, o.col)) {
        const row = priorFormats[o.row - area.top];
        if (row) row[o.col - area.left] = format;
      } else clear.push({ row: o.row, col: o.col, format });
    }
    for (const c of previous.ownership.changed) {
      if (!inside(area, c.row, c.col)) {
        kept.push(c);
        continue;
      }
      overwrite.push(c);
      // Replaced once confirmed: its format before Kaohe's first write is still the record's.
      const row = priorFormats[c.row - area.top];
      if (row) row[c.col - area.left] = formatAt(previous.record, c.index ?? -1);
    }
    if (previous.results?.changed) overwrite.push({ row: 0, col: 0, cell: `${previous.results.name}!A1`, now: previous.results.name });
  }
  const values = areaValues(plan);
  return {
    sheet: plan.sheet,
    token,
    area,
    values,
    dropNotes: previous ? notesNow(previous) : [],
    intent: intentOf(area, values, previous),
    priorFormats,
    clear,
    overwrite,
    kept,
    highlights: plan.highlights,
    notes: plan.notes,
    results: { name: previous?.results?.name ?? plan.results.name, rows: plan.results.rows, reuse: previous?.results?.name ?? null },
    rubric,
  };
}

/** Kaohe's notes where their cells are now: a note is Kaohe's by its text, whatever the user typed in the cell. */
function notesNow(previous: Previous): NoteAt[] {
  // An intent record may hold the old and the new note of one cell: either is Kaohe's.
  const byIndex = new Map<number, string>();
  for (const n of previous.record.notes) byIndex.set(n.i, byIndex.has(n.i) ? `${byIndex.get(n.i)}|${n.f}` : n.f);
  const out: NoteAt[] = [];
  for (const c of [...previous.ownership.ours, ...previous.ownership.changed]) {
    const f = byIndex.get(c.index ?? -1);
    if (f !== undefined) out.push({ cell: a1(c.row, c.col), f });
  }
  return out;
}

function intentOf(area: CellRange, values: PlanValue[][], previous: Previous | undefined): OutputWrite["intent"] {
  const old = previous?.ownership.ours.filter((o) => o.index >= 0) ?? [];
  const box = { ...area };
  for (const o of old) {
    box.top = Math.min(box.top, o.row); box.bottom = Math.max(box.bottom, o.row);
    box.left = Math.min(box.left, o.col); box.right = Math.max(box.right, o.col);
  }
  const width = box.right - box.left + 1;
  const cells: string[] = Array<string>((box.bottom - box.top + 1) * width).fill("");
  values.forEach((row, r) => row.forEach((v, c) => (cells[(area.top + r - box.top) * width + (area.left + c - box.left)] = fingerprint(v))));
  for (const o of old) {
    const i = (o.row - box.top) * width + (o.col - box.left);
    const was = previous?.record.cells[o.index] ?? "";
    cells[i] = [cells[i], was].filter(Boolean).join("|");
  }
  return { area: box, cells };
}

export function buildOutputClear(sheet: string, token: string, previous: Previous): OutputClear {
  return {
    sheet,
    token,
    clear: previous.ownership.ours.map((o) => ({ row: o.row, col: o.col, format: formatAt(previous.record, o.index) })),
    kept: previous.ownership.changed,
    notes: notesNow(previous),
    deleteResults: previous.results && !previous.results.changed ? previous.results.name : null,
    keptResults: previous.results?.changed ? previous.results.name : null,
    forgetSheet: false,
  };
}

/** The record of a finished write, from what the host reads back after writing (so it is what Excel stores). */
export function recordOf(
  tx: OutputWrite,
  written: { fingerprints: string[]; formats: string[]; results: { rows: number; cols: number; fingerprint: string }; notes?: ReadonlySet<string> },
  at: string,
  status: OutputRecord["status"] = "done",
): OutputRecord {
  const width = tx.area.right - tx.area.left + 1;
  // Only the notes the host really added (a note of the user's on a cell is left alone).
  const notes = tx.notes.filter((n) => inside(tx.area, n.row, n.col) && (!written.notes || written.notes.has(a1(n.row, n.col)))).map((n) => ({ i: (n.row - tx.area.top) * width + (n.col - tx.area.left), f: fingerprint(n.text) }));
  return {
    status,
    area: rangeA1(tx.area),
    cells: written.fingerprints,
    formats: written.formats,
    notes,
    results: { name: tx.results.name, ...written.results },
    rubric: tx.rubric,
    at,
  };
}

/** Areas joined into address lists of at most `max` characters (a host's limit for one multi-area address). */
export function chunkAddresses(areas: ReadonlyArray<string>, max: number): string[] {
  const chunks: string[] = [];
  let cur = "";
  for (const a of areas) {
    if (cur && cur.length + a.length + 1 > max) {
      chunks.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

/** Runs of cells as A1 areas, one column at a time: B3, B4, B5 → B3:B5. */
export function cellAreas(cells: ReadonlyArray<{ row: number; col: number }>): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) (byCol.get(c.col) ?? byCol.set(c.col, []).get(c.col))?.push(c.row);
  const areas: string[] = [];
  for (const [col, all] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    const rows = [...new Set(all)].sort((a, b) => a - b);
    let start = rows[0] ?? 0;
    let prev = start;
    for (const r of [...rows.slice(1), Infinity]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      areas.push(start === prev ? a1(start, col) : `${a1(start, col)}:${a1(prev, col)}`);
      start = r;
      prev = r;
    }
  }
  return areas;
}

/** What a run does with notes: the cells to look at, and on each what to drop and what to add. */
export interface NotePlan {
  /** Cells with an earlier run's note or a note planned now: what the host reads before writing. */
  cells: string[];
  /**
   * Given the note the host found on `cell` (null: none): drop it when it is Kaohe's (its text unchanged),
   * add the planned note where no note of the user's is left — a user's note is never replaced.
   */
  action(cell: string, text: string | null): { drop: boolean; add: string | undefined };
}

export function notePlan(tx: OutputWrite): NotePlan {
  const planned = new Map(tx.notes.map((n) => [a1(n.row, n.col), n.text] as const));
  return {
    cells: [...new Set([...tx.dropNotes.map((n) => n.cell), ...planned.keys()])],
    action(cell, text) {
      const drop = text !== null && tx.dropNotes.some((d) => d.cell === cell && isKaohesNote(d, text));
      const mine = planned.get(cell);
      return { drop, add: mine !== undefined && (text === null || drop) ? mine : undefined };
    },
  };
}

/**
 * The record kept while a run writes (status "writing"), see OutputWrite.intent: every cell of both
 * areas with the number format it had before Kaohe (`prior`: the new area's, as the host read them),
 * and as Kaohe's notes both the earlier run's (while their text is unchanged) and this run's, on cells
 * where the user has no note of their own. `notes` is what the host found on each note cell (null: none).
 */
export function intentRecord(
  tx: OutputWrite,
  prior: ReadonlyArray<ReadonlyArray<string>>,
  notes: ReadonlyArray<{ cell: string; text: string | null }>,
  at: string,
): OutputRecord {
  const box = tx.intent.area;
  const { area } = tx;
  const cleared = new Map(tx.clear.map((x) => [`${x.row},${x.col}`, x.format ?? ""]));
  const formats: string[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      formats.push(inside(area, r, c) ? (prior[r - area.top]?.[c - area.left] ?? "") : (cleared.get(`${r},${c}`) ?? ""));
    }
  }
  const width = box.right - box.left + 1;
  const plan = notePlan(tx);
  const recorded = notes.flatMap(({ cell, text }) => {
    const p = parseA1(cell);
    if (!p) return [];
    const i = (p.row - box.top) * width + (p.col - box.left);
    const { drop, add } = plan.action(cell, text);
    return [...(drop && text !== null ? [{ i, f: fingerprint(text) }] : []), ...(add !== undefined ? [{ i, f: fingerprint(add) }] : [])];
  });
  return {
    status: "writing",
    area: rangeA1(tx.intent.area),
    cells: tx.intent.cells,
    formats,
    notes: recorded,
    results: { name: tx.results.name, rows: 0, cols: 0, fingerprint: ANY_CONTENT },
    rubric: tx.rubric,
    at,
  };
}
