/**
 * Worksheet elements outside <sheetData> that Kaohe maintains: its conditional formats (recognised
 * by their ISTEXT("kaohe-…") rule), the legacyDrawing that anchors notes, and the dimension. New
 * elements go where the schema's element order puts them.
 */
import { type CellRange, parseRange, rangeA1 } from "../../core/grid";

/** Root children of <worksheet> in schema order, from conditionalFormatting on. */
const AFTER_CF = ["dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
const AFTER_LEGACY = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Insert before the first root-level follower found after `from`, else before </worksheet>. */
function insertBefore(xml: string, from: number, followers: ReadonlyArray<string>, fragment: string): string {
  let at = xml.lastIndexOf("</worksheet>");
  // Excel wraps some root elements in mc:AlternateContent: insert before the wrapper, never inside it.
  for (const name of [...followers, "mc:AlternateContent"]) {
    const m = new RegExp(`<${name}[\\s>/]`).exec(xml.slice(from));
    if (m && from + m.index < at) at = from + m.index;
  }
  return xml.slice(0, at) + fragment + xml.slice(at);
}

const endOfSheetData = (xml: string): number => {
  const close = xml.indexOf("</sheetData>");
  return close >= 0 ? close + 12 : (/<sheetData\b[^>]*\/>/.exec(xml)?.index ?? 0);
};

export const KAOHE_RULE = /ISTEXT\((?:"|&quot;)kaohe-/;

/** Remove Kaohe's own conditional formats (each block holding a kaohe marker rule). */
export function removeKaoheFormats(xml: string): string {
  return xml.replace(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g, (block) => (KAOHE_RULE.test(block) ? "" : block));
}

export function maxPriority(xml: string): number {
  let max = 0;
  for (const m of xml.matchAll(/<cfRule\b[^>]*\spriority="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

export function addFormats(xml: string, fragment: string): string {
  if (!fragment) return xml;
  const last = xml.lastIndexOf("</conditionalFormatting>");
  if (last >= 0) {
    const at = last + "</conditionalFormatting>".length;
    return xml.slice(0, at) + fragment + xml.slice(at);
  }
  return insertBefore(xml, endOfSheetData(xml), AFTER_CF, fragment);
}

export function legacyDrawingId(xml: string): string | undefined {
  return /<legacyDrawing\b[^>]*\sr:id="([^"]+)"/.exec(xml)?.[1];
}

/** The worksheet's start (head) with the relationships namespace bound to r, as legacyDrawing needs. */
export function withRelNamespace(head: string): string {
  const root = /<worksheet\b[^>]*>/.exec(head);
  if (!root || /\sxmlns:r=/.test(root[0])) return head;
  // Stryker disable next-line Regex: the root tag matched by [^>]*> has its only ">" at the end
  const tag = root[0].replace(/>$/, ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
  return head.slice(0, root.index) + tag + head.slice(root.index + root[0].length);
}

/** `<legacyDrawing>` placed in the sheet's tail (from </sheetData> on) by schema order. */
export function addLegacyDrawing(tail: string, relId: string): string {
  return insertBefore(tail, endOfSheetData(tail), AFTER_LEGACY, `<legacyDrawing r:id="${relId}"/>`);
}

/** Widen <dimension ref> to cover the cells Kaohe wrote. */
export function widenDimension(xml: string, area: CellRange): string {
  return xml.replace(/<dimension\b([^>]*?)\sref="([^"]*)"/, (all, pre: string, ref: string) => {
    const r = parseRange(ref);
    if (!r) return all;
    const u = { top: Math.min(r.top, area.top), left: Math.min(r.left, area.left), bottom: Math.max(r.bottom, area.bottom), right: Math.max(r.right, area.right) };
    return `<dimension${pre} ref="${rangeA1(u)}"`;
  });
}
