/**
 * A1 addresses as Excel writes them: 0-based inclusive rectangles, whole columns ("C:C") and rows ("5:5"),
 * `$` anchors, and sheet prefixes quoted when the name needs it ('My Sheet'!A1, with '' for an apostrophe).
 */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parses "A1", "A1:B2", "C:D", "5:7" (no sheet part); null when it is not an address. */
export function parseRect(text: string): Rect | null {
  const parts = text.trim().split(":");
  if (parts.length > 2) return null;
  const [a = "", b = a] = parts;
  const ca = CELL.exec(a), cb = CELL.exec(b);
  let r: Rect | null = null;
  if (ca && cb) {
    r = { top: Number(ca[2]) - 1, left: columnIndex(ca[1] ?? ""), bottom: Number(cb[2]) - 1, right: columnIndex(cb[1] ?? "") };
  } else if (parts.length === 2 && COL.test(a) && COL.test(b)) {
    r = { top: 0, bottom: MAX_ROWS - 1, left: columnIndex(a.replace("$", "")), right: columnIndex(b.replace("$", "")) };
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b)) {
    r = { left: 0, right: MAX_COLS - 1, top: Number(a.replace("$", "")) - 1, bottom: Number(b.replace("$", "")) - 1 };
  }
  if (!r) return null;
  const n = normalize(r);
  return n.top < 0 || n.left < 0 || n.bottom >= MAX_ROWS || n.right >= MAX_COLS ? null : n;
}

export function normalize(r: Rect): Rect {
  return {
    top: Math.min(r.top, r.bottom), bottom: Math.max(r.top, r.bottom),
    left: Math.min(r.left, r.right), right: Math.max(r.left, r.right),
  };
}

/** "Sheet 1!A1" → { sheet, area }; handles quoted names with '' escapes. */
export function splitSheet(text: string): { sheet: string | null; area: string } {
  const t = text.trim().replace(/^=/, "");
  if (t.startsWith("'")) {
    let i = 1, name = "";
    while (i < t.length) {
      if (t[i] === "'" && t[i + 1] === "'") { name += "'"; i += 2; continue; }
      if (t[i] === "'") break;
      name += t[i];
      i++;
    }
    if (t[i + 1] === "!") return { sheet: name, area: t.slice(i + 2) };
    return { sheet: null, area: t };
  }
  const bang = t.lastIndexOf("!");
  return bang < 0 ? { sheet: null, area: t } : { sheet: t.slice(0, bang), area: t.slice(bang + 1) };
}

/** Splits "A1:B2, D4,'a,b'!C3" on commas outside quotes. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let cur = "", quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) { out.push(cur.trim()); cur = ""; continue; }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
}

export const isWholeColumns = (r: Rect): boolean => r.top === 0 && r.bottom === MAX_ROWS - 1;
export const isWholeRows = (r: Rect): boolean => r.left === 0 && r.right === MAX_COLS - 1;

/** Excel's own form: "C:C" for whole columns, "5:5" for whole rows, "B2" / "B2:C3" otherwise. */
export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isWholeColumns(r) && !isWholeRows(r)) return `${d}${columnLetters(r.left)}:${d}${columnLetters(r.right)}`;
  if (isWholeRows(r) && !isWholeColumns(r)) return `${d}${r.top + 1}:${d}${r.bottom + 1}`;
  const a = `${d}${columnLetters(r.left)}${d}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${d}${columnLetters(r.right)}${d}${r.bottom + 1}`;
}

/** Quotes a sheet name as Excel does in addresses: when it is not a plain identifier or looks like a cell. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !CELL.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export const sheetAddress = (sheet: string, r: Rect, absolute = false): string => `${quoteSheet(sheet)}!${formatRect(r, absolute)}`;

export const intersects = (a: Rect, b: Rect): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export const contains = (outer: Rect, inner: Rect): boolean =>
  outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;

export const cellCount = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
}

/** a minus b as up to four rectangles (bands above, below, left, right of the overlap). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const o = intersection(a, b);
  if (!o) return [a];
  const out: Rect[] = [];
  if (a.top < o.top) out.push({ ...a, bottom: o.top - 1 });
  if (o.bottom < a.bottom) out.push({ ...a, top: o.bottom + 1 });
  if (a.left < o.left) out.push({ top: o.top, bottom: o.bottom, left: a.left, right: o.left - 1 });
  if (o.right < a.right) out.push({ top: o.top, bottom: o.bottom, left: o.right + 1, right: a.right });
  return out;
}
