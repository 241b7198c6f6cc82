/**
 * The scored copy as a patched package: every part Kaohe does not change is copied with its
 * original compressed bytes; changed are only the scored sheet, its notes parts, styles.xml (dxfs
 * for the highlights), the results sheet and the bookkeeping (content types, rels, sheet list).
 */
import { type CellRange, a1 } from "../../core/grid";
import { type WritePlan, highlightRule } from "../../core/plan/write-plan";
import { addDefault, addOverride, addRelationship, addSheetEntry, emptyRels, freshPartName, freshRelId, setOverride } from "./bookkeeping";
import { commentRefs, patchComments, patchVml, type Note } from "./notes";
import { REL, contentTypeOf, parseRels, relativeTarget, relsPartOf } from "./opc";
import { MAIN_TYPE_OF, type WorkbookKind, type XlsxPackage } from "./package";
import { resultsSheetXml } from "./results-xml";
import { type CellEdits, patchSheetData, setEdit } from "./sheet-cells";
import { addFormats, addLegacyDrawing, legacyDrawingId, maxPriority, removeKaoheFormats, widenDimension } from "./sheet-parts";
import { type HighlightKind, ensureDxfs } from "./styles-patch";
import { type OutEntry, writeZip } from "./zip-write";
import { esc } from "./xml";

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
};

export interface WriteOptions {
  /** The kind the copy is saved as (its file extension); defaults to the input's. */
  as?: WorkbookKind;
}

const inside = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** Collects the package's changed and new parts, then writes the zip. */
class Patch {
  readonly changed = new Map<string, string>();
  readonly added: string[] = [];
  constructor(readonly pkg: XlsxPackage) {}
  has(name: string): boolean {
    return this.changed.has(name) || this.pkg.zip.has(name);
  }
  text(name: string): string | undefined {
    return this.changed.get(name) ?? (this.pkg.zip.has(name) ? this.pkg.zip.text(name) : undefined);
  }
  set(name: string, xml: string): void {
    if (!this.pkg.zip.has(name) && !this.changed.has(name)) this.added.push(name);
    this.changed.set(name, xml);
  }
  bytes(): Uint8Array {
    const enc = new TextEncoder();
    const { zip } = this.pkg;
    const entries: OutEntry[] = zip.order.map((name) => {
      const xml = this.changed.get(name);
      const e = zip.entries.get(name);
      return xml !== undefined || !e ? { name, data: enc.encode(xml ?? "") } : { name, copy: e, raw: zip.raw(e) };
    });
    for (const name of this.added) entries.push({ name, data: enc.encode(this.changed.get(name) ?? "") });
    return writeZip(entries, zip.codec);
  }
}

function cellEdits(plan: WritePlan): CellEdits {
  const edits: CellEdits = new Map();
  const o = plan.owned;
  for (let r = o.top; r <= o.bottom; r++) for (let c = o.left; c <= o.right; c++) setEdit(edits, r, c, null);
  plan.headers.forEach((h, i) => setEdit(edits, plan.headerRow, plan.firstCol + i, h));
  for (const r of plan.rows) r.values.forEach((v, i) => setEdit(edits, r.row, plan.firstCol + i, v));
  return edits;
}

function formatsXml(plan: WritePlan, dxf: Map<HighlightKind, number>, priority: number): string {
  let p = priority;
  return (["shortfall", "problem"] as const)
    .map((kind) => {
      const refs = plan.highlights.filter((h) => h.kind === kind).map((h) => a1(h.row, h.col));
      if (!refs.length) return "";
      return `<conditionalFormatting sqref="${refs.join(" ")}"><cfRule type="expression" dxfId="${dxf.get(kind)}" priority="${++p}"><formula>${esc(highlightRule(kind))}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
}

function relsOf(patch: Patch, part: string): string {
  return patch.text(relsPartOf(part)) ?? emptyRels();
}

/** Notes: the user's kept, Kaohe's in the owned area replaced by this run's. */
function writeNotes(patch: Patch, sheetPart: string, sheetXml: string, plan: WritePlan): string {
  const relsPart = relsPartOf(sheetPart);
  let rels = relsOf(patch, sheetPart);
  const parsed = parseRels(rels, relsPart, sheetPart);
  let commentsPart = parsed.find((r) => r.type === REL.comments && !r.external)?.target;
  const legacyId = legacyDrawingId(sheetXml);
  let vmlPart = legacyId ? parsed.find((r) => r.id === legacyId)?.target : undefined;
  const oldComments = commentsPart ? patch.text(commentsPart) : undefined;
  if (!oldComments && !plan.notes.length) return sheetXml;
  const drop = new Set([...(oldComments ? commentRefs(oldComments) : [])].filter((ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) return false;
    let col = 0;
    for (const ch of m[1] as string) col = col * 26 + ch.charCodeAt(0) - 64;
    return inside(plan.owned, Number(m[2]) - 1, col - 1);
  }));
  const kept = new Set([...(oldComments ? commentRefs(oldComments) : [])].filter((r) => !drop.has(r)));
  const add: Note[] = plan.notes.filter((n) => !kept.has(a1(n.row, n.col)));
  let xml = sheetXml;
  if (!commentsPart) {
    commentsPart = freshPartName((n) => patch.has(n), "xl/comments", ".xml");
    rels = addRelationship(rels, freshRelId(rels), REL.comments, relativeTarget(sheetPart, commentsPart));
    patch.set("[Content_Types].xml", addOverride(patch.text("[Content_Types].xml") ?? "", commentsPart, CT.comments));
  }
  if (!vmlPart) {
    vmlPart = freshPartName((n) => patch.has(n), "xl/drawings/vmlDrawing", ".vml");
    const id = freshRelId(rels);
    rels = addRelationship(rels, id, REL.vmlDrawing, relativeTarget(sheetPart, vmlPart));
    xml = addLegacyDrawing(xml, id);
    const types = patch.text("[Content_Types].xml") ?? "";
    if (!contentTypeOf(patch.pkg.contentTypes, "x.vml") && !/Extension="vml"/i.test(types)) patch.set("[Content_Types].xml", addDefault(types, "vml", CT.vml));
  }
  if (rels !== patch.text(relsPart)) patch.set(relsPart, rels);
  patch.set(commentsPart, patchComments(oldComments, drop, add));
  patch.set(vmlPart, patchVml(patch.text(vmlPart), kept, add));
  return xml;
}

function writeResults(patch: Patch, plan: WritePlan): void {
  const { pkg } = patch;
  const xml = resultsSheetXml(plan.results.rows);
  const existing = pkg.worksheets.find((s) => s.name === plan.results.name);
  if (existing?.part) {
    patch.set(existing.part, xml);
    return;
  }
  const part = freshPartName((n) => patch.has(n), "xl/worksheets/sheet", ".xml");
  patch.set(part, xml);
  const relsPart = relsPartOf(pkg.workbookPart);
  const rels = relsOf(patch, pkg.workbookPart);
  const id = freshRelId(rels);
  patch.set(relsPart, addRelationship(rels, id, REL.worksheet, relativeTarget(pkg.workbookPart, part)));
  const sheetId = Math.max(0, ...pkg.workbook.sheets.map((s) => Number(s.sheetId) || 0)) + 1;
  patch.set(pkg.workbookPart, addSheetEntry(patch.text(pkg.workbookPart) ?? "", plan.results.name, sheetId, id));
  patch.set("[Content_Types].xml", addOverride(patch.text("[Content_Types].xml") ?? "", part, CT.worksheet));
}

export function writeScoredCopy(pkg: XlsxPackage, plan: WritePlan, opts: WriteOptions = {}): Uint8Array {
  const entry = pkg.sheet(plan.sheet);
  if (!entry?.part) throw new Error(`sheet ${plan.sheet} vanished`);
  const patch = new Patch(pkg);
  let xml = pkg.zip.text(entry.part);
  xml = patchSheetData(xml, cellEdits(plan));
  const o = plan.owned;
  xml = widenDimension(xml, { top: o.top, left: o.left, bottom: o.bottom, right: Math.max(o.right, plan.firstCol + plan.headers.length - 1) });
  xml = removeKaoheFormats(xml);
  const kinds = (["shortfall", "problem"] as const).filter((k) => plan.highlights.some((h) => h.kind === k));
  if (kinds.length) {
    const stylesPart = pkg.relTarget(REL.styles);
    if (stylesPart) {
      const styles = ensureDxfs(pkg.zip.text(stylesPart), kinds);
      if (styles.xml !== pkg.zip.text(stylesPart)) patch.set(stylesPart, styles.xml);
      xml = addFormats(xml, formatsXml(plan, styles.ids, maxPriority(xml)));
    }
  }
  xml = writeNotes(patch, entry.part, xml, plan);
  patch.set(entry.part, xml);
  writeResults(patch, plan);
  if (opts.as && opts.as !== pkg.kind) patch.set("[Content_Types].xml", setOverride(patch.text("[Content_Types].xml") ?? "", pkg.workbookPart, MAIN_TYPE_OF[opts.as]));
  return patch.bytes();
}
