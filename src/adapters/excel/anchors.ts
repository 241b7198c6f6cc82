/**
 * Defined names that anchor Kaohe's record in the workbook: they follow sheet renames and inserted or
 * deleted rows and columns, so the record always finds its cells (see core/ownership/record.ts).
 */
import { type CellRange, parseRange } from "../../core/grid";
import { outputName, resultsName, SHEET_NAME } from "../../core/ownership/record";

/** '考核'!$AH$3:$AK$8 → { sheet: 考核, range }. */
export function parseAddress(address: string): { sheet: string; range: CellRange } | null {
  const i = address.lastIndexOf("!");
  if (i < 0) return null;
  const rawSheet = address.slice(0, i);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const range = parseRange(address.slice(i + 1).replace(/\$/g, ""));
  return range ? { sheet, range } : null;
}

export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The token in a `="k1"` formula. */
export function tokenOf(formula: unknown): string | null {
  const m = typeof formula === "string" ? /^="([A-Za-z0-9_]+)"$/.exec(formula.trim()) : null;
  return m?.[1] ?? null;
}

export function queueSheetToken(ws: Excel.Worksheet): Excel.NamedItem {
  const n = ws.names.getItemOrNullObject(SHEET_NAME);
  n.load("isNullObject, formula");
  return n;
}

export interface AreaHandle {
  name: Excel.NamedItem;
  range: Excel.Range;
}

/** The range a workbook-scoped name refers to now (null object when the name or its cells are gone). */
export function queueNamedRange(context: Excel.RequestContext, name: string, props: string): AreaHandle {
  const item = context.workbook.names.getItemOrNullObject(name);
  item.load("isNullObject");
  const range = item.getRangeOrNullObject();
  range.load(`isNullObject, ${props}`);
  return { name: item, range };
}

export const queueOutputArea = (context: Excel.RequestContext, token: string, props: string) => queueNamedRange(context, outputName(token), props);
export const queueResultsAnchor = (context: Excel.RequestContext, token: string) => queueNamedRange(context, resultsName(token), "address");

/**
 * Queue (re)defining a sheet's token and output names; old ones are deleted first so they can be re-added.
 * (The results sheet's name is set by the write itself, once that sheet exists.)
 */
export function queueAnchors(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  token: string,
  found: { sheet: Excel.NamedItem | null; output: Excel.NamedItem | null },
  output: Excel.Range | null,
): void {
  const sheet = found.sheet;
  if (sheet && !sheet.isNullObject && tokenOf(sheet.formula) !== token) sheet.delete(); // a copied sheet's token
  if (!sheet || sheet.isNullObject || tokenOf(sheet.formula) !== token) hidden(ws.names.add(SHEET_NAME, `="${token}"`));
  if (found.output && !found.output.isNullObject) found.output.delete();
  if (output) hidden(context.workbook.names.add(outputName(token), output));
}

function hidden(item: Excel.NamedItem): void {
  item.visible = false;
}
