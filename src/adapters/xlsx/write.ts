/**
 * The scored copy as a patched package: every part Kaohe does not change is copied with its
 * original compressed bytes; changed are only the scored sheet, its notes parts, styles.xml (dxfs
 * for the highlights), the results sheet, Kaohe's state part and the bookkeeping (content types,
 * rels, the workbook's sheet list and names).
 */
import { type CellRange, a1 } from "../../core/grid";
import type { WorkbookState } from "../../core/ownership/record";
import { type Highlight, type PlanValue, highlightRule } from "../../core/plan/write-plan";
import { addDefault, addOverride, addRelationship, addSheetEntry, emptyRels, freshPartName, freshRelId, setOverride } from "./bookkeeping";
import { quoteSheet } from "./kaohe-state";
import { commentTexts, patchComments, patchVml, type Note } from "./notes";
import { REL, contentTypeOf, parseRels, relativeTarget, relsPartOf } from "./opc";
import { MAIN_TYPE_OF, type WorkbookKind, type XlsxPackage } from "./package";
import { Patch } from "./patch";
import { resultsSheetXml } from "./results-xml";
import { type CellEdits, cutSheet, patchRows } from "./sheet-cells";
import { ByteSink } from "./byte-sink";
import { addFormats, addLegacyDrawing, legacyDrawingId, maxPriority, removeKaoheFormats, widenDimension, withRelNamespace } from "./sheet-parts";
import { setAnchors, writeState } from "./state-write";
import { type HighlightKind, ensureDxfs } from "./styles-patch";
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

/** Everything one run changes, in the writer's terms. */
export interface WriteJob {
  sheet: string;
  /** Cells to set (null: empty the cell, keeping its style). */
  edits: CellEdits;
  /** The rectangle Kaohe writes (the sheet's dimension is widened to it). */
  area: CellRange;
  /** Whether an existing note (cell, text) is Kaohe's, to be removed. */
  dropNote: (cell: string, text: string) => boolean;
  notes: Note[];
  highlights: ReadonlyArray<Highlight>;
  results: { name: string; rows: ReadonlyArray<ReadonlyArray<PlanValue>>; reuse: string | null };
  /** Kaohe's state and anchors to store (the record path). */
  record?: { state: WorkbookState; token: string; output: CellRange };
}

function formatsXml(highlights: ReadonlyArray<Highlight>, dxf: Map<HighlightKind, number>, priority: number): string {
  let p = priority;
  return (["shortfall", "problem"] as const)
    .map((kind) => {
      const refs = highlights.filter((h) => h.kind === kind).map((h) => a1(h.row, h.col));
      if (!refs.length) return "";
      return `<conditionalFormatting sqref="${refs.join(" ")}"><cfRule type="expression" dxfId="${dxf.get(kind)}" priority="${++p}"><formula>${esc(highlightRule(kind))}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
}

const relsOf = (patch: Patch, part: string): string => patch.text(relsPartOf(part)) ?? emptyRels();

/** Notes: the user's kept, Kaohe's earlier ones removed, this run's added. */
function writeNotes(patch: Patch, sheetPart: string, sheet: { head: string; tail: string }, job: WriteJob): { head: string; tail: string } {
  const relsPart = relsPartOf(sheetPart);
  let rels = relsOf(patch, sheetPart);
  const parsed = parseRels(rels, relsPart, sheetPart);
  let commentsPart = parsed.find((r) => r.type === REL.comments && !r.external)?.target;
  const legacyId = legacyDrawingId(sheet.tail);
  let vmlPart = legacyId ? parsed.find((r) => r.id === legacyId)?.target : undefined;
  const oldComments = commentsPart ? patch.text(commentsPart) : undefined;
  if (!oldComments && !job.notes.length) return sheet;
  const texts = oldComments ? commentTexts(oldComments) : new Map<string, string>();
  const drop = new Set([...texts].filter(([cell, text]) => job.dropNote(cell, text)).map(([cell]) => cell));
  const kept = new Set([...texts.keys()].filter((r) => !drop.has(r)));
  // A cell holds one note: where the user has one, theirs stays and Kaohe's explanation is in 考核明细.
  const add: Note[] = job.notes.filter((n) => !kept.has(a1(n.row, n.col)));
  let { head, tail } = sheet;
  if (!commentsPart) {
    commentsPart = freshPartName((n) => patch.has(n), "xl/comments", ".xml");
    rels = addRelationship(rels, freshRelId(rels), REL.comments, relativeTarget(sheetPart, commentsPart));
    patch.set("[Content_Types].xml", addOverride(patch.text("[Content_Types].xml") ?? "", commentsPart, CT.comments));
  }
  if (!vmlPart) {
    vmlPart = freshPartName((n) => patch.has(n), "xl/drawings/vmlDrawing", ".vml");
    const id = freshRelId(rels);
    rels = addRelationship(rels, id, REL.vmlDrawing, relativeTarget(sheetPart, vmlPart));
    head = withRelNamespace(head);
    tail = addLegacyDrawing(tail, id);
    const types = patch.text("[Content_Types].xml") ?? "";
    if (!contentTypeOf(patch.pkg.contentTypes, "x.vml") && !/Extension="vml"/i.test(types)) patch.set("[Content_Types].xml", addDefault(types, "vml", CT.vml));
  }
  if (rels !== patch.text(relsPart)) patch.set(relsPart, rels);
  patch.set(commentsPart, patchComments(oldComments, drop, add));
  patch.set(vmlPart, patchVml(patch.text(vmlPart), kept, add));
  return { head, tail };
}

/** The results sheet: Kaohe's earlier one rewritten in place, else a new sheet at the end. */
function writeResults(patch: Patch, job: WriteJob): void {
  const { pkg } = patch;
  const xml = resultsSheetXml(job.results.rows);
  const existing = pkg.worksheets.find((s) => s.name === (job.results.reuse ?? job.results.name));
  if (existing?.part) {
    patch.setBytes(existing.part, xml);
    return;
  }
  const part = freshPartName((n) => patch.has(n), "xl/worksheets/sheet", ".xml");
  patch.setBytes(part, xml);
  const relsPart = relsPartOf(pkg.workbookPart);
  const rels = relsOf(patch, pkg.workbookPart);
  const id = freshRelId(rels);
  patch.set(relsPart, addRelationship(rels, id, REL.worksheet, relativeTarget(pkg.workbookPart, part)));
  const sheetId = Math.max(0, ...pkg.workbook.sheets.map((s) => Number(s.sheetId) || 0)) + 1;
  patch.set(pkg.workbookPart, addSheetEntry(patch.text(pkg.workbookPart) ?? "", job.results.name, sheetId, id));
  patch.set("[Content_Types].xml", addOverride(patch.text("[Content_Types].xml") ?? "", part, CT.worksheet));
}

function writeRecord(patch: Patch, job: WriteJob): void {
  if (!job.record) return;
  const { pkg } = patch;
  const { state, token, output } = job.record;
  writeState(patch, state);
  const sheetIndex = pkg.workbook.sheets.findIndex((s) => s.name === job.sheet);
  const results = job.results.reuse ?? job.results.name;
  const o = output;
  const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  patch.set(pkg.workbookPart, setAnchors(patch.text(pkg.workbookPart) ?? "", {
    sheetIndex,
    token,
    output: `${quoteSheet(job.sheet)}!${abs(o.top, o.left)}:${abs(o.bottom, o.right)}`,
    results: `${quoteSheet(results)}!$A$1`,
  }));
}

export function writeScoredCopy(pkg: XlsxPackage, job: WriteJob, opts: WriteOptions = {}): Uint8Array {
  const entry = pkg.sheet(job.sheet);
  if (!entry?.part) throw new Error(`sheet ${job.sheet} vanished`);
  const patch = new Patch(pkg);
  const sheetXml = pkg.sheetXml(entry.part);
  const cut = cutSheet(sheetXml);
  const head = widenDimension(cut.head, job.area);
  let tail = removeKaoheFormats(cut.tail);
  const kinds = (["shortfall", "problem"] as const).filter((k) => job.highlights.some((h) => h.kind === k));
  const stylesPart = pkg.relTarget(REL.styles);
  if (kinds.length && stylesPart) {
    const styles = ensureDxfs(pkg.zip.text(stylesPart), kinds);
    if (styles.xml !== pkg.zip.text(stylesPart)) patch.set(stylesPart, styles.xml);
    tail = addFormats(tail, formatsXml(job.highlights, styles.ids, maxPriority(tail)));
  }
  const noted = writeNotes(patch, entry.part, { head, tail }, job);
  const sink = new ByteSink();
  sink.push(noted.head);
  patchRows(sheetXml, cut, job.edits, (s) => sink.push(s));
  sink.push(noted.tail);
  patch.setBytes(entry.part, sink.bytes());
  writeResults(patch, job);
  writeRecord(patch, job);
  if (opts.as && opts.as !== pkg.kind) patch.set("[Content_Types].xml", setOverride(patch.text("[Content_Types].xml") ?? "", pkg.workbookPart, MAIN_TYPE_OF[opts.as]));
  return patch.bytes();
}
