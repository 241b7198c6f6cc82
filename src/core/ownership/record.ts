/**
 * What Kaohe keeps in a workbook about itself (the same for every host): the pane's choices and, per
 * scored sheet, a record of exactly which cells it wrote and what it wrote there. Ownership of a cell
 * is decided by this record, never by header text. Hosts anchor the record with defined names that
 * follow renames and inserted rows/columns (see docs/ownership.md).
 */
import type { ColumnMapping } from "../table/layout";
import { RUBRIC_PARTS, type RubricPart, type RubricStamp } from "../rubric/hash";

/** Namespace of the custom XML part that holds the state. */
export const STATE_NAMESPACE = "urn:kaohe:state:2";
/** Sheet-scoped name whose constant value is the sheet's token. */
export const SHEET_NAME = "_Kaohe_Sheet";
/** Workbook-scoped name of a sheet's output area, and of its results sheet's A1. */
export const outputName = (token: string): string => `_Kaohe_O_${token}`;
export const resultsName = (token: string): string => `_Kaohe_R_${token}`;

/** A note Kaohe wrote; it stays Kaohe's while its text is unchanged. */
export interface RecordedNote {
  i: number;
  f: string;
}

export interface OutputRecord {
  /** "writing" between the first write and the commit: a run that stopped part-way left it so. */
  status: "writing" | "done";
  /** A1 of the output rectangle when it was written (the host's name says where it is now). */
  area: string;
  /** Fingerprint of each cell of `area` as written, row by row. */
  cells: string[];
  /** The number format each cell of `area` had before Kaohe wrote it, row by row (restored on clear). */
  formats: string[];
  /** Kaohe's notes: the cell (index into `area`, row by row) and the note text's fingerprint. */
  notes: RecordedNote[];
  /** Kaohe's results sheet for this sheet: its name when written, its size from A1 and its content's fingerprint. */
  results?: { name: string; rows: number; cols: number; fingerprint: string };
  /** The rubric the run used: id, version and (since hashes were recorded) its content hashes. */
  rubric: RubricStamp;
  /** ISO time of the run (given by the app layer; core has no clock). */
  at: string;
}

/** A unit's standing from the last run, to show what a rubric switch changed. */
export type LastUnit = [unit: string, status: string, rank: number | null, total: number | null];

export interface SheetState {
  /** rubric id → indicator → header or column letter */
  mappings: Record<string, ColumnMapping>;
  record?: OutputRecord;
  last?: { rubricId: string; units: LastUnit[] };
}

export interface WorkbookState {
  v: 2;
  rubricId?: string;
  /** Rubric documents the user imported into this workbook. */
  rubrics: unknown[];
  /** sheet token → what Kaohe keeps for that sheet */
  sheets: Record<string, SheetState>;
}

/** A results fingerprint meaning "whatever it holds is Kaohe's" (the record of a run still writing). */
export const ANY_CONTENT = "*";

export const EMPTY_STATE: WorkbookState = { v: 2, rubrics: [], sheets: {} };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);

const isHash = (x: unknown): x is string => typeof x === "string" && /^[0-9a-f]{1,64}$/.test(x);

/** A record's rubric: id and version always; the hashes when a Kaohe that records them wrote it. */
function parseStamp(x: Record<string, unknown>): RubricStamp {
  const stamp: RubricStamp = { id: String(x.id ?? ""), version: String(x.version ?? "") };
  if (isHash(x.hash)) stamp.hash = x.hash;
  if (Array.isArray(x.items)) {
    stamp.items = x.items.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === "string" && isHash(e[1])).map(([n, h]) => [n, h]);
  }
  const parts = x.parts;
  if (isObject(parts)) {
    const known: Partial<Record<RubricPart, string>> = {};
    for (const p of RUBRIC_PARTS) {
      const h = parts[p];
      if (isHash(h)) known[p] = h;
    }
    stamp.parts = known;
  }
  return stamp;
}

function parseRecord(x: unknown): OutputRecord | undefined {
  if (!isObject(x) || typeof x.area !== "string" || !isObject(x.rubric)) return undefined;
  const r = x.results;
  const results = isObject(r) && typeof r.name === "string" && typeof r.fingerprint === "string" && Number.isInteger(r.rows) && Number.isInteger(r.cols)
    ? { name: r.name, rows: Number(r.rows), cols: Number(r.cols), fingerprint: r.fingerprint } : undefined;
  return {
    status: x.status === "done" ? "done" : "writing",
    area: x.area,
    cells: strings(x.cells),
    formats: strings(x.formats),
    notes: Array.isArray(x.notes)
      ? x.notes.filter((n): n is RecordedNote => isObject(n) && Number.isInteger(n.i) && typeof n.f === "string").map((n) => ({ i: n.i, f: n.f }))
      : [],
    ...(results && { results }),
    rubric: parseStamp(x.rubric),
    at: typeof x.at === "string" ? x.at : "",
  };
}

function parseMappings(x: unknown): Record<string, ColumnMapping> {
  const out: Record<string, ColumnMapping> = {};
  if (!isObject(x)) return out;
  for (const [id, m] of Object.entries(x)) {
    if (!isObject(m)) continue;
    out[id] = Object.fromEntries(Object.entries(m).filter((e): e is [string, string] => typeof e[1] === "string"));
  }
  return out;
}

/**
 * The state from the workbook's JSON. Anything unreadable becomes empty rather than an error, except
 * that a record is kept whenever it names an area: losing it would orphan Kaohe's outputs.
 */
export function parseState(json: string | undefined): WorkbookState {
  let x: unknown;
  try {
    x = json ? JSON.parse(json) : undefined;
    // Stryker disable next-line BlockStatement: without the return x stays undefined, which the next check turns into EMPTY_STATE
  } catch {
    return EMPTY_STATE;
  }
  if (!isObject(x) || x.v !== 2) return EMPTY_STATE;
  const sheets: Record<string, SheetState> = {};
  if (isObject(x.sheets)) {
    for (const [token, s] of Object.entries(x.sheets)) {
      if (!isObject(s)) continue;
      const record = parseRecord(s.record);
      const last = isObject(s.last) && typeof s.last.rubricId === "string" && Array.isArray(s.last.units)
        ? { rubricId: s.last.rubricId, units: s.last.units as LastUnit[] } : undefined;
      sheets[token] = { mappings: parseMappings(s.mappings), ...(record && { record }), ...(last && { last }) };
    }
  }
  return {
    v: 2,
    ...(typeof x.rubricId === "string" && { rubricId: x.rubricId }),
    rubrics: Array.isArray(x.rubrics) ? x.rubrics : [],
    sheets,
  };
}

export function serializeState(state: WorkbookState): string {
  return JSON.stringify(state);
}

/** The custom XML part's text: JSON as XML character data (no CDATA, so any text is safe). */
export function stateXml(state: WorkbookState): string {
  const text = serializeState(state).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8"?><kaohe xmlns="${STATE_NAMESPACE}">${text}</kaohe>`;
}

/** The JSON inside a state part written by stateXml (or by hand with the usual XML escapes). */
export function stateFromXml(xml: string): WorkbookState {
  const m = /<kaohe\b[^>]*>([\s\S]*)<\/kaohe>/.exec(xml);
  if (!m?.[1]) return EMPTY_STATE;
  const text = m[1]
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
  return parseState(text);
}

/** A token for a sheet not seen before: k1, k2 … (deterministic, short, valid in a defined name). */
// Stryker disable next-line ArrayDeclaration: any default of non-k tokens gives the same tokens
export function newToken(state: WorkbookState, taken: ReadonlyArray<string> = []): string {
  const used = new Set([...Object.keys(state.sheets), ...taken]);
  let i = 1;
  while (used.has(`k${i}`)) i++;
  return `k${i}`;
}

/**
 * The state to save when only the pane's choices changed: records are changed by write and clear
 * transactions alone, so each sheet keeps the record the workbook holds now.
 */
export function withCurrentRecords(next: WorkbookState, current: WorkbookState): WorkbookState {
  const sheets: Record<string, SheetState> = {};
  for (const token of new Set([...Object.keys(next.sheets), ...Object.keys(current.sheets)])) {
    const { record: _ignored, ...choices } = next.sheets[token] ?? current.sheets[token] ?? { mappings: {} };
    const record = current.sheets[token]?.record;
    sheets[token] = { ...choices, ...(record && { record }) };
  }
  return { ...next, sheets };
}

/** The state with a sheet's record set. */
export function withRecord(state: WorkbookState, token: string, record: OutputRecord): WorkbookState {
  const sheet = state.sheets[token] ?? { mappings: {} };
  return { ...state, sheets: { ...state.sheets, [token]: { ...sheet, record } } };
}
