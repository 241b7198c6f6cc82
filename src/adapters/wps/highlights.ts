/**
 * Kaohe's highlights in WPS: conditional formats of type xlExpression whose formula is Kaohe's
 * marker (`=ISTEXT("kaohe-…")`, core/plan/write-plan.ts), found by that marker and never by position
 * (a rule's index shifts whenever the user adds or deletes one).
 */
import { HIGHLIGHT_STYLE, highlightRule, isKaoheRule, type Highlight } from "../../core/plan/write-plan";
import { cellAreas, chunkAddresses } from "../../core/ownership/transaction";
import { XL_EXPRESSION, type WpsWorksheet } from "./wps-types";

/** VBA's Range() takes at most 255 characters of address. */
const MAX_ADDRESS_CHARS = 255;

/** "#FFC7CE" → the BGR number WPS (like VBA's RGB()) uses for colours. */
export function bgr(hex: string): number {
  // Stryker disable next-line Regex: the colours are Kaohe's own "#RRGGBB" constants, where a '#' can only lead
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** Whether any of the sheet's rules is Kaohe's. */
export function hasKaoheRule(ws: WpsWorksheet): boolean {
  const all = ws.Cells.FormatConditions;
  for (let i = 1; i <= all.Count; i++) {
    const fc = all.Item(i);
    if (fc.Type === XL_EXPRESSION && isKaoheRule(fc.Formula1)) return true;
  }
  return false;
}

/** Delete Kaohe's rules (from the last, so the indexes still to visit do not shift). */
export function deleteKaoheRules(ws: WpsWorksheet): number {
  const all = ws.Cells.FormatConditions;
  let n = 0;
  for (let i = all.Count; i >= 1; i--) {
    const fc = all.Item(i);
    if (fc.Type === XL_EXPRESSION && isKaoheRule(fc.Formula1)) {
      fc.Delete();
      n++;
    }
  }
  return n;
}

/** Add Kaohe's rules for the plan's highlights: one rule per kind and address chunk. */
export function addHighlights(ws: WpsWorksheet, highlights: ReadonlyArray<Highlight>): number {
  let n = 0;
  for (const kind of ["shortfall", "problem"] as const) {
    for (const address of chunkAddresses(cellAreas(highlights.filter((h) => h.kind === kind)), MAX_ADDRESS_CHARS)) {
      const fc = ws.Range(address).FormatConditions.Add(XL_EXPRESSION, undefined, `=${highlightRule(kind)}`);
      fc.Interior.Color = bgr(HIGHLIGHT_STYLE[kind].fill);
      fc.Font.Color = bgr(HIGHLIGHT_STYLE[kind].font);
      n++;
    }
  }
  return n;
}
