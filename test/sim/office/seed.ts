/**
 * The plain-JSON workbook description a simulator starts from (also `window.kaoheSimSeed` in the
 * browser). Strings in cells are stored as text exactly as given (no typing conversion); a formula is
 * `{ f: "=SUM(B2:B9)", v: 42 }` (v = cached value), a number format `{ v: 0.5, nf: "0%" }`.
 */
import { parseRect, splitList, splitSheet, type Rect } from "./a1";
import { formulaValue } from "./formula-value";
import { emptyModel, newSheet, putCell, sheetByName, type WorkbookModel } from "./model";
import { parseReference } from "./names";
import { rootNamespace } from "./custom-xml";
import type { Scalar } from "./typing-conversion";

export type SeedCell = Scalar | null | { v?: Scalar; f?: string; nf?: string };

export interface SeedName {
  name: string;
  /** "=Sheet1!$A$1:$B$2", "A1:B2" (on the scope sheet), or a constant formula like '="k1"'. */
  ref: string;
  comment?: string;
  visible?: boolean;
}

export interface SeedSheet {
  name: string;
  id?: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  /** Rows from A1 down (or from `origin`). */
  rows?: SeedCell[][];
  origin?: string;
  /** Cells by A1 address, applied after `rows`. */
  cells?: Record<string, SeedCell>;
  merges?: string[];
  freeze?: { rows?: number; cols?: number };
  notes?: Record<string, string>;
  /** Listed top priority first. */
  conditionalFormats?: Array<{ address: string; formula: string; fill?: string; font?: string; type?: string }>;
  /** Names scoped to this sheet. */
  names?: SeedName[];
}

export interface SimSeed {
  sheets?: SeedSheet[];
  /** Active sheet name (default: the first). */
  active?: string;
  /** Selected range on the active sheet (default A1). */
  selection?: string;
  structureProtected?: boolean;
  /** Workbook-scoped names. */
  names?: SeedName[];
  settings?: Record<string, unknown>;
  customXmlParts?: Array<string | { xml: string; id?: string }>;
}

function rect(address: string): Rect {
  const r = parseRect(splitSheet(address).area);
  if (!r) throw new Error(`seed: "${address}" is not an A1 address`);
  return r;
}

export function modelFromSeed(seed: SimSeed = {}): WorkbookModel {
  const m = emptyModel();
  const sheets = seed.sheets && seed.sheets.length > 0 ? seed.sheets : [{ name: "Sheet1" }];
  for (const s of sheets) {
    const sheet = newSheet(m, s.name);
    if (s.id) sheet.id = s.id;
    sheet.visibility = s.visibility ?? "Visible";
    sheet.protected = s.protected ?? false;
    const put = (row: number, col: number, c: SeedCell): void => {
      if (c === null || c === undefined) return;
      if (typeof c === "object") {
        const formula = c.f ?? null;
        putCell(sheet, row, col, { value: c.v ?? (formula ? formulaValue(formula) : ""), formula, numberFormat: c.nf ?? "General" });
      } else putCell(sheet, row, col, { value: c, formula: null, numberFormat: "General" });
    };
    const o = s.origin ? rect(s.origin) : { top: 0, left: 0 };
    (s.rows ?? []).forEach((line, r) => line.forEach((c, col) => put(o.top + r, o.left + col, c)));
    for (const [a, c] of Object.entries(s.cells ?? {})) {
      const r = rect(a);
      put(r.top, r.left, c);
    }
    sheet.merges = (s.merges ?? []).map(rect);
    sheet.freeze = { rows: s.freeze?.rows ?? 0, cols: s.freeze?.cols ?? 0 };
    for (const [a, text] of Object.entries(s.notes ?? {})) {
      const r = rect(a);
      sheet.notes.set(`${r.top}:${r.left}`, { content: text, author: "User" });
    }
    sheet.cfs = (s.conditionalFormats ?? []).map((c) => ({
      uid: m.nextUid++, type: c.type ?? "Custom", areas: splitList(c.address).map(rect), formula: c.formula, fill: c.fill ?? null, font: c.font ?? null, stopIfTrue: false,
    }));
    m.sheets.push(sheet);
  }
  for (const s of sheets) {
    const sheet = sheetByName(m, s.name);
    for (const n of s.names ?? []) if (sheet) m.names.push({ name: n.name, scopeSheetUid: sheet.uid, ref: parseReference(m, n.ref, sheet), comment: n.comment ?? "", visible: n.visible ?? true });
  }
  const active = (seed.active ? sheetByName(m, seed.active) : undefined) ?? m.sheets[0];
  m.activeSheetUid = active?.uid ?? -1;
  m.selection = seed.selection ? rect(seed.selection) : { top: 0, left: 0, bottom: 0, right: 0 };
  for (const n of seed.names ?? []) m.names.push({ name: n.name, scopeSheetUid: null, ref: parseReference(m, n.ref, null), comment: n.comment ?? "", visible: n.visible ?? true });
  m.structureProtected = seed.structureProtected ?? false;
  for (const [k, v] of Object.entries(seed.settings ?? {})) m.settings.set(k, v);
  (seed.customXmlParts ?? []).forEach((p, i) => {
    const xml = typeof p === "string" ? p : p.xml;
    const id = typeof p === "string" || !p.id ? `{5A1B0000-0000-4000-9000-${String(i + 1).padStart(12, "0")}}` : p.id;
    m.customXmlParts.push({ id, namespaceUri: rootNamespace(xml), xml });
  });
  return m;
}
