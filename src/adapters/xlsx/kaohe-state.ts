/**
 * Kaohe's record in a package (core/ownership/record.ts, docs/ownership.md): the state in a custom
 * XML part (namespace urn:kaohe:state:2) and the defined names that anchor it — `_Kaohe_Sheet`
 * (sheet-scoped, the token), `_Kaohe_O_<token>` (the output area) and `_Kaohe_R_<token>` (A1 of the
 * results sheet).
 */
import { type CellRange, parseRange } from "../../core/grid";
import { EMPTY_STATE, SHEET_NAME, STATE_NAMESPACE, type WorkbookState, outputName, resultsName, stateFromXml } from "../../core/ownership/record";
import { REL } from "./opc";
import type { XlsxPackage } from "./package";
import type { DefinedName, SheetEntry } from "./workbook-part";

export interface Anchors {
  token: string | null;
  output: { sheet: string; range: CellRange } | null;
  results: { sheet: string; range: CellRange } | null;
}

/** The custom XML part holding Kaohe's state, if any. */
export function statePart(pkg: XlsxPackage): string | undefined {
  for (const r of pkg.workbookRels) {
    if (r.type !== REL.customXml || r.external || !pkg.zip.has(r.target)) continue;
    if (pkg.zip.text(r.target).slice(0, 400).includes(STATE_NAMESPACE)) return r.target;
  }
  return undefined;
}

export function readState(pkg: XlsxPackage): WorkbookState {
  const part = statePart(pkg);
  return part ? stateFromXml(pkg.zip.text(part)) : EMPTY_STATE;
}

/** '考核'!$AH$3:$AK$8 → { sheet, range }. */
export function parseAddress(address: string): { sheet: string; range: CellRange } | null {
  const i = address.lastIndexOf("!");
  if (i < 0) return null;
  const raw = address.slice(0, i).trim();
  const sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const range = parseRange(address.slice(i + 1).replace(/\$/g, ""));
  return range ? { sheet, range } : null;
}

export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The token in the name's constant: `"k1"` in a file (`="k1"` as Office.js shows it). */
const tokenOf = (text: string): string | null => /^=?"([A-Za-z0-9_]+)"$/.exec(text.trim())?.[1] ?? null;

export function anchorsOf(pkg: XlsxPackage, sheet: SheetEntry): Anchors {
  const index = pkg.workbook.sheets.indexOf(sheet);
  const names: DefinedName[] = pkg.workbook.definedNames;
  const own = names.find((n) => n.name === SHEET_NAME && n.localSheetId === index);
  const token = own ? tokenOf(own.text) : null;
  if (!token) return { token: null, output: null, results: null };
  const global = (name: string) => names.find((n) => n.name === name && n.localSheetId === undefined);
  const output = global(outputName(token));
  const results = global(resultsName(token));
  return { token, output: output ? parseAddress(output.text) : null, results: results ? parseAddress(results.text) : null };
}
