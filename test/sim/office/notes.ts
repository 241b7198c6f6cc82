/**
 * Notes (ExcelApi 1.18: Worksheet.notes, Workbook.notes, NoteCollection.add(cellAddress, content),
 * getItem(cellAddress), getItemAt, getCount, items; Note.content (settable), authorName, delete(),
 * getLocation()). On a host below 1.18 every use fails with ApiNotFound. One note per cell: adding a
 * second one to a cell fails with InvalidArgument (assumed; Excel's UI offers "Edit note" instead).
 * Notes move with inserted/deleted rows and columns (structure-shift.ts); a protected sheet refuses changes.
 */
import { formatRect, parseRect, splitSheet } from "./a1";
import { fail } from "./errors";
import { cellKey, parseKey, sheetByName, type NoteModel, type SheetModel } from "./model";
import { SimCollection, SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { SimRange } from "./range";
import { assertSheetEditable } from "./sheet-ops";

function requireApi(context: SimContext, member: string): void {
  const v = context.core.requirements.missing(member);
  if (v !== null) fail("ApiNotFound", `${member} needs ExcelApi ${v}.`, member);
}

function locate(context: SimContext, n: NoteModel): { sheet: SheetModel; row: number; col: number } | null {
  for (const sheet of context.core.model.sheets)
    for (const [k, v] of sheet.notes) if (v === n) {
      const [row, col] = parseKey(k);
      return { sheet, row, col };
    }
  return null;
}

export class SimNoteCollection extends SimCollection<SheetModel[], NoteModel, SimNote> {
  constructor(context: SimContext, sheets: () => SheetModel[], member: string) {
    super(context, () => {
      requireApi(context, member);
      return sheets();
    }, "NoteCollection");
  }

  protected list(sheets: SheetModel[]): NoteModel[] {
    return sheets.flatMap((s) => [...s.notes.entries()].sort((a, b) => parseKey(a[0])[0] - parseKey(b[0])[0] || parseKey(a[0])[1] - parseKey(b[0])[1]).map(([, n]) => n));
  }

  protected itemProxy(m: NoteModel): SimNote {
    return new SimNote(this.context, () => m);
  }

  /** A cell address ("B3" on a sheet's collection; "Sheet1!B3" on the workbook's) → sheet and cell. */
  private cell(address: SimRange | string): { sheet: SheetModel; row: number; col: number } {
    const sheets = this.target();
    if (typeof address !== "string") {
      const t = this.argumentOf(address);
      if (!sheets.includes(t.sheet)) fail("InvalidArgument", "The cell is not in this collection's sheet.");
      return { sheet: t.sheet, row: t.rect.top, col: t.rect.left };
    }
    const { sheet: name, area } = splitSheet(address);
    const sheet = name === null ? (sheets.length === 1 ? sheets[0] : undefined) : sheetByName(this.context.core.model, name);
    const r = parseRect(area);
    if (!sheet || !sheets.includes(sheet) || !r || r.top !== r.bottom || r.left !== r.right) return fail("InvalidArgument", `"${address}" is not a single cell of this collection's sheet.`);
    return { sheet, row: r.top, col: r.left };
  }

  add(cellAddress: SimRange | string, content: unknown): SimNote {
    const proxy = new SimNote(this.context, () => null);
    this.context.enqueue({ label: "NoteCollection.add", write: true, request: [typeof cellAddress === "string" ? cellAddress : null, content], run: () => {
      const { sheet, row, col } = this.cell(cellAddress);
      assertSheetEditable(sheet);
      if (sheet.notes.has(cellKey(row, col))) fail("InvalidArgument", `The cell ${formatRect({ top: row, left: col, bottom: row, right: col })} already has a note.`);
      const n: NoteModel = { content: String(content), author: "Kaohe Sim" };
      sheet.notes.set(cellKey(row, col), n);
      proxy.bind(n);
    } });
    return proxy;
  }

  getItem(key: string): SimNote {
    return new SimNote(this.context, () => {
      const { sheet, row, col } = this.cell(key);
      return sheet.notes.get(cellKey(row, col)) ?? fail("ItemNotFound", `No note at ${key}.`);
    });
  }

  getItemOrNullObject(key: string): SimNote {
    return new SimNote(this.context, () => {
      const { sheet, row, col } = this.cell(key);
      return sheet.notes.get(cellKey(row, col)) ?? null;
    }, true);
  }

  getItemAt(index: number): SimNote {
    return new SimNote(this.context, () => this.list(this.target())[index] ?? fail("ItemNotFound", `No note at index ${index}.`));
  }
}

export class SimNote extends SimObject<NoteModel> {
  constructor(context: SimContext, resolver: () => NoteModel | null, orNull = false) {
    super(context, resolver, "Note", orNull);
  }

  protected scalarNames(): string[] {
    return ["content", "authorName"];
  }

  protected override alive(n: NoteModel): boolean {
    return locate(this.context, n) !== null;
  }

  protected readScalar(n: NoteModel, name: string): unknown {
    return name === "content" ? n.content : n.author;
  }

  get content(): string { return this.get("content"); }
  set content(v: string) {
    this.write("content", v, (n) => {
      const at = locate(this.context, n);
      if (at) assertSheetEditable(at.sheet);
      n.content = String(v);
    });
  }
  get authorName(): string { return this.get("authorName"); }

  delete(): void {
    this.write("delete", null, (n) => {
      const at = locate(this.context, n);
      if (!at) return;
      assertSheetEditable(at.sheet);
      at.sheet.notes.delete(cellKey(at.row, at.col));
    });
  }

  getLocation(): SimRange {
    return new SimRange(this.context, () => {
      const at = locate(this.context, this.target());
      return at ? { sheet: at.sheet, rect: { top: at.row, left: at.col, bottom: at.row, right: at.col } } : null;
    });
  }
}
