/**
 * Rewrites cells inside a worksheet's <sheetData> at the text level: rows and cells Kaohe does not
 * touch are copied as they are; touched cells keep their style index (s) — a cell's style is never
 * reset. Text is written as an inline string, never as a formula.
 */
import { columnLetter } from "../../core/grid";
import { fail } from "./errors";
import { esc } from "./xml";

/** A value to write; null clears the cell's content (its style stays). */
export type CellEdit = string | number | null;
export type CellEdits = Map<number, Map<number, CellEdit>>;

export function setEdit(edits: CellEdits, row: number, col: number, v: CellEdit): void {
  let r = edits.get(row);
  if (!r) edits.set(row, (r = new Map()));
  r.set(col, v);
}

function cellXml(row: number, col: number, v: CellEdit, style: string): string {
  const ref = `${columnLetter(col)}${row + 1}`;
  const s = style ? ` s="${style}"` : "";
  if (v === null) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
}

function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const start = i + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

function colOf(ref: string | undefined, fallback: number): number {
  const m = ref ? /^([A-Z]+)/.exec(ref) : null;
  if (!m || !m[1]) return fallback;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** One row rebuilt: untouched cells verbatim, edited ones replaced or inserted in column order. */
function patchRow(row: number, body: string, edits: Map<number, CellEdit>): string {
  const cells: { col: number; xml: string }[] = [];
  let first = Infinity;
  for (const c of edits.keys()) if (c < first) first = c;
  const re = /<c\b/g;
  let m: RegExpExecArray | null;
  let col = -1;
  // Cells left of the first edited column are one verbatim run (Kaohe writes at the right).
  let prefix = 0;
  while ((m = re.exec(body))) {
    const tagEnd = body.indexOf(">", m.index);
    const tag = body.slice(m.index, tagEnd + 1);
    const end = tag.endsWith("/>") ? tagEnd + 1 : body.indexOf("</c>", tagEnd) + 4;
    if (end < tagEnd) fail({ code: "badPart", part: "sheet", detail: `row ${row + 1}` });
    col = colOf(attr(tag, "r"), col + 1);
    re.lastIndex = end;
    if (col < first && !cells.length) {
      prefix = end;
      continue;
    }
    const edit = edits.get(col);
    if (edit === undefined && !edits.has(col)) cells.push({ col, xml: body.slice(m.index, end) });
    else cells.push({ col, xml: cellXml(row, col, edit ?? null, attr(tag, "s") ?? "") });
  }
  const present = new Set(cells.map((c) => c.col));
  for (const [c, v] of edits) if (!present.has(c)) cells.push({ col: c, xml: cellXml(row, c, v, "") });
  cells.sort((a, b) => a.col - b.col);
  return body.slice(0, prefix) + cells.map((c) => c.xml).join("");
}

/** Where the rows are: the XML before them (up to <sheetData>), their span, and the XML after. */
export interface SheetCut {
  head: string;
  tail: string;
  from: number;
  to: number;
}

export function cutSheet(xml: string): SheetCut {
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return fail({ code: "badPart", part: "sheet", detail: "no sheetData" });
  const start = open.index + open[0].length;
  if (open[1] === "/") return { head: `${xml.slice(0, open.index)}<sheetData>`, tail: `</sheetData>${xml.slice(start)}`, from: start, to: start };
  const end = xml.indexOf("</sheetData>", start);
  return { head: xml.slice(0, start), tail: xml.slice(end), from: start, to: end };
}

/**
 * The rows of `xml[from, to)` with the cells named in `edits` (0-based row → col → value) rewritten,
 * handed to `emit` piece by piece (untouched rows as they are).
 */
export function patchRows(xml: string, cut: SheetCut, edits: CellEdits, emit: (s: string) => void): void {
  const body = xml.slice(cut.from, cut.to);
  const order = [...edits.keys()].sort((a, b) => a - b);
  let k = 0;
  const newRowsBefore = (limit: number) => {
    while (k < order.length && (order[k] as number) < limit) {
      const r = order[k++] as number;
      const cells = patchRow(r, "", edits.get(r) as Map<number, CellEdit>);
      if (cells) emit(`<row r="${r + 1}">${cells}</row>`);
    }
  };
  const re = /<row\b/g;
  let m: RegExpExecArray | null;
  let last = 0;
  let row = -1;
  while ((m = re.exec(body))) {
    const tagEnd = body.indexOf(">", m.index);
    const tag = body.slice(m.index, tagEnd + 1);
    const self = tag.endsWith("/>");
    const rowEnd = self ? tagEnd + 1 : body.indexOf("</row>", tagEnd) + 6;
    const r = attr(tag, "r");
    row = r !== undefined ? Number(r) - 1 : row + 1;
    re.lastIndex = rowEnd;
    const e = edits.get(row);
    const insert = k < order.length && (order[k] as number) < row;
    if (!e && !insert) continue;
    // Untouched rows since the last change go out as one run, then new rows that come before this one.
    emit(body.slice(last, m.index));
    last = m.index;
    newRowsBefore(row);
    if (!e) continue;
    last = rowEnd;
    if (order[k] === row) k++;
    // spans is an optional hint that the new cells may contradict: dropped on rows Kaohe rewrites.
    const head = (self ? tag.slice(0, -2) + ">" : tag).replace(/\sspans="[^"]*"/, "");
    emit(`${head}${patchRow(row, self ? "" : body.slice(tagEnd + 1, rowEnd - 6), e)}</row>`);
  }
  emit(body.slice(last));
  newRowsBefore(Infinity);
}
