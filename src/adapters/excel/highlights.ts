/**
 * Kaohe's highlights are conditional formats whose rule is its own marker formula
 * (`=ISTEXT("kaohe-…")`, see core/plan/write-plan.ts). They are found by that marker, never by a
 * stored id: Office documents a conditional format's id as its priority, which shifts whenever the
 * user adds a rule, so a stored id can name the user's rule later.
 */
import { HIGHLIGHT_STYLE, highlightRule, isKaoheRule, type Highlight } from "../../core/plan/write-plan";
import { cellAreas, chunkAddresses } from "../../core/ownership/transaction";

const MAX_ADDRESS_CHARS = 2_000;

/** Step 1 (before a sync): load every rule's type on the sheet. */
export function queueRules(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const cfs = ws.getRange().conditionalFormats;
  cfs.load("items/type");
  return cfs;
}

/** Step 2 (after it): load the formula of every custom rule; after the next sync, `kaoheRules` picks Kaohe's. */
export function queueFormulas(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  const custom = cfs.items.filter((cf) => cf.type === "Custom");
  for (const cf of custom) cf.custom.rule.load("formula");
  return custom;
}

export const kaoheRules = (custom: ReadonlyArray<Excel.ConditionalFormat>): Excel.ConditionalFormat[] => custom.filter((cf) => isKaoheRule(cf.custom.rule.formula));

/** Queue Kaohe's highlight rules for the plan's cells: one rule per kind and address chunk. */
export function queueHighlights(ws: Excel.Worksheet, highlights: ReadonlyArray<Highlight>): number {
  let n = 0;
  for (const kind of ["shortfall", "problem"] as const) {
    for (const address of chunkAddresses(cellAreas(highlights.filter((h) => h.kind === kind)), MAX_ADDRESS_CHARS)) {
      const cf = ws.getRanges(address).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${highlightRule(kind)}`;
      cf.custom.format.fill.color = HIGHLIGHT_STYLE[kind].fill;
      cf.custom.format.font.color = HIGHLIGHT_STYLE[kind].font;
      n++;
    }
  }
  return n;
}
