/**
 * What a scored copy could not carry over unchanged, found before writing. "block": the copy would
 * be wrong (Kaohe's cells inside an Excel Table or a merge), so nothing is written; "loss": the copy
 * is right but something of the original no longer holds (a digital signature), so the original must
 * not be replaced by it (--in-place is refused).
 */
import { type CellRange, parseRange, rangeA1 } from "../../core/grid";
import type { WriteJob } from "./write";
import { REL, parseRels, relsPartOf } from "./opc";
import type { XlsxPackage } from "./package";

export type Limitation =
  | { code: "tableOverlap" | "pivotOverlap" | "mergeOverlap"; severity: "block"; range: string; part?: string }
  | { code: "prefixedXml"; severity: "block"; part: string }
  | { code: "signed" | "revisions"; severity: "loss"; part: string };

const overlaps = (a: CellRange, b: CellRange) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export function limitations(pkg: XlsxPackage, job: WriteJob, merges: ReadonlyArray<CellRange>): Limitation[] {
  const out: Limitation[] = [];
  const { zip } = pkg;
  const signature = zip.order.find((n) => n.startsWith("_xmlsignatures/"));
  if (signature) out.push({ code: "signed", severity: "loss", part: signature });
  const revisions = zip.order.find((n) => /^xl\/revisions\//.test(n));
  if (revisions) out.push({ code: "revisions", severity: "loss", part: revisions });
  const sheet = pkg.sheet(job.sheet)?.part;
  if (!sheet) return out;
  const area = job.area;
  const head = pkg.sheetXml(sheet).slice(0, 2000);
  if (/<\w+:worksheet\b/.test(head)) out.push({ code: "prefixedXml", severity: "block", part: sheet });
  const relsPart = relsPartOf(sheet);
  const rels = zip.has(relsPart) ? parseRels(zip.text(relsPart), relsPart, sheet) : [];
  for (const r of rels) {
    if (r.external || !zip.has(r.target) || (r.type !== REL.table && r.type !== REL.pivotTable)) continue;
    const xml = zip.text(r.target);
    const ref = r.type === REL.table ? /<table\b[^>]*\sref="([^"]+)"/.exec(xml)?.[1] : /<location\b[^>]*\sref="([^"]+)"/.exec(xml)?.[1];
    const range = ref ? parseRange(ref) : null;
    if (range && overlaps(range, area)) out.push({ code: r.type === REL.table ? "tableOverlap" : "pivotOverlap", severity: "block", range: rangeA1(range), part: r.target });
  }
  for (const m of merges) if (overlaps(m, area)) out.push({ code: "mergeOverlap", severity: "block", range: rangeA1(m) });
  return out;
}
