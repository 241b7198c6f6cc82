/**
 * Range.format (Excel.RangeFormat, ExcelApi 1.1–1.2): wrapText, horizontal/verticalAlignment,
 * columnWidth, rowHeight, autofitColumns(), autofitRows(); format.fill.color / clear(); format.font
 * bold, italic, underline, strikethrough, color, name, size. Reading a multi-cell range gives the common
 * value or null when cells differ (as Excel does). Styles live on the cells (so clear("Formats") resets
 * them and they move with inserted rows/columns); widths and heights live on the sheet. autofitColumns
 * sets a width from the longest text (≈7 pt a character + 5) — not Excel's font metrics, but a change the
 * before/after comparison sees, as the user would.
 */
import { fail } from "./errors";
import { cellsIn, getCell, putCell } from "./model";
import { formatText } from "./dates";
import { SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import type { RangeTarget } from "./range";
import { assertSheetEditable } from "./sheet-ops";

const DEFAULTS: Record<string, string | number | boolean> = {
  wrapText: false, horizontalAlignment: "General", verticalAlignment: "Bottom",
  "fill.color": "#FFFFFF", "font.bold": false, "font.italic": false, "font.underline": "None", "font.strikethrough": false,
  "font.color": "#000000", "font.name": "Aptos Narrow", "font.size": 11,
};
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

const PROPS: Record<string, string[]> = {
  "": ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"],
  "fill.": ["color"],
  "font.": ["bold", "italic", "underline", "strikethrough", "color", "name", "size"],
};

function common<V>(values: V[]): V | null {
  const first = values[0];
  return values.every((v) => v === first) ? (first ?? null) : null;
}

export class SimRangeFormat extends SimObject<RangeTarget> {
  private readonly kids = new Map<string, SimRangeFormat>();

  constructor(context: SimContext, resolver: () => RangeTarget | null, private readonly prefix: "" | "fill." | "font." = "") {
    super(context, resolver, prefix === "" ? "RangeFormat" : prefix === "fill." ? "RangeFill" : "RangeFont");
  }

  protected scalarNames(): string[] {
    return PROPS[this.prefix] ?? [];
  }

  protected override alive(t: RangeTarget): boolean {
    return this.context.core.model.sheets.includes(t.sheet);
  }

  protected readScalar(t: RangeTarget, name: string): unknown {
    const r = t.rect;
    if (name === "columnWidth") {
      const ws: number[] = [];
      for (let c = r.left; c <= Math.min(r.right, r.left + 16383); c++) ws.push(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      return common(ws);
    }
    if (name === "rowHeight") {
      const hs: number[] = [];
      for (let i = r.top; i <= Math.min(r.bottom, r.top + 1048575); i++) hs.push(t.sheet.rowHeights.get(i) ?? DEFAULT_ROW_HEIGHT);
      return common(hs);
    }
    const key = this.prefix + name;
    const def = DEFAULTS[key] ?? null;
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    const styled = cellsIn(t.sheet, r).map(([, , c]) => c.style?.[key] ?? def);
    return common(styled.length === cells ? styled : [...styled, def]);
  }

  protected override child(name: string): SimObject<unknown> | null {
    if (this.prefix !== "" || (name !== "fill" && name !== "font")) return null;
    let k = this.kids.get(name);
    if (!k) this.kids.set(name, (k = new SimRangeFormat(this.context, () => this.target(), `${name}.` as "fill." | "font.")));
    return k as SimObject<unknown>;
  }

  get fill(): SimRangeFormat { return this.child("fill") as unknown as SimRangeFormat; }
  get font(): SimRangeFormat { return this.child("font") as unknown as SimRangeFormat; }

  private style(name: string, v: unknown): void {
    this.write(name, v, (t) => {
      assertSheetEditable(t.sheet);
      const key = this.prefix + name;
      if (!(key in DEFAULTS)) fail("InvalidArgument", `Unknown format property ${key}.`);
      for (let row = t.rect.top; row <= t.rect.bottom; row++)
        for (let col = t.rect.left; col <= t.rect.right; col++) {
          const c = getCell(t.sheet, row, col);
          const style = { ...(c.style ?? {}) };
          if (v === null || v === DEFAULTS[key]) delete style[key];
          else style[key] = v as string | number | boolean;
          putCell(t.sheet, row, col, { ...c, style });
        }
    });
  }

  private dimension(axis: "columnWidth" | "rowHeight", v: number | null): void {
    this.write(axis, v, (t) => {
      assertSheetEditable(t.sheet);
      const [from, to, map] = axis === "columnWidth" ? [t.rect.left, t.rect.right, t.sheet.columnWidths] : [t.rect.top, t.rect.bottom, t.sheet.rowHeights];
      for (let i = from; i <= to; i++) {
        const w = v ?? (axis === "columnWidth" ? autofitWidth(t, i) : DEFAULT_ROW_HEIGHT);
        if (w === (axis === "columnWidth" ? DEFAULT_COLUMN_WIDTH : DEFAULT_ROW_HEIGHT)) map.delete(i);
        else map.set(i, w);
      }
    });
  }

  get wrapText(): boolean { return this.get("wrapText"); }
  set wrapText(v: boolean) { this.style("wrapText", v); }
  get horizontalAlignment(): string { return this.get("horizontalAlignment"); }
  set horizontalAlignment(v: string) { this.style("horizontalAlignment", v); }
  get verticalAlignment(): string { return this.get("verticalAlignment"); }
  set verticalAlignment(v: string) { this.style("verticalAlignment", v); }
  get columnWidth(): number { return this.get("columnWidth"); }
  set columnWidth(v: number) { this.dimension("columnWidth", v); }
  get rowHeight(): number { return this.get("rowHeight"); }
  set rowHeight(v: number) { this.dimension("rowHeight", v); }
  get color(): string { return this.get("color"); }
  set color(v: string) { this.style("color", v); }
  get bold(): boolean { return this.get("bold"); }
  set bold(v: boolean) { this.style("bold", v); }
  get italic(): boolean { return this.get("italic"); }
  set italic(v: boolean) { this.style("italic", v); }
  get underline(): string { return this.get("underline"); }
  set underline(v: string) { this.style("underline", v); }
  get strikethrough(): boolean { return this.get("strikethrough"); }
  set strikethrough(v: boolean) { this.style("strikethrough", v); }
  get name(): string { return this.get("name"); }
  set name(v: string) { this.style("name", v); }
  get size(): number { return this.get("size"); }
  set size(v: number) { this.style("size", v); }

  /** RangeFill.clear(): no fill. */
  clear(): void { this.style("color", null); }
  autofitColumns(): void { this.dimension("columnWidth", null); }
  autofitRows(): void { this.dimension("rowHeight", null); }
}

function autofitWidth(t: RangeTarget, col: number): number {
  let longest = 0;
  for (const [, c, cell] of cellsIn(t.sheet, { top: 0, bottom: 1048575, left: col, right: col }))
    if (c === col) longest = Math.max(longest, formatText(cell.value, cell.numberFormat).length);
  return longest === 0 ? DEFAULT_COLUMN_WIDTH : longest * 7 + 5;
}
