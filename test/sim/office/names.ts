/**
 * Defined names (NamedItemCollection / NamedItem, ExcelApi 1.1–1.7). `workbook.names` holds the
 * workbook-scoped names, `worksheet.names` (1.4) the names scoped to that sheet. A name refers to a range
 * ("=Sheet1!$A$1:$B$2" or a Range) or to a constant/formula ('="k1"', "=5"). Range references are held
 * by sheet identity and rectangle, so they follow sheet renames and inserted/deleted rows and columns
 * (structure-shift.ts); a reference whose whole area is deleted, or whose sheet is deleted, becomes
 * "=#REF!". `value` of a range name is its address, of a constant its value (NamedItem.value docs).
 * A constant formula that is not trivial is not calculated: its value is the formula text, type "String".
 */
import { formatRect, parseRect, quoteSheet, splitSheet } from "./a1";
import { fail } from "./errors";
import { formulaValue } from "./formula-value";
import { sheetByName, sheetByUid, type NameModel, type NameRef, type SheetModel, type WorkbookModel } from "./model";
import { SimCollection, SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { SimRange } from "./range";
import { SimWorksheet } from "./worksheet";

function requireApi(context: SimContext, member: string): void {
  const v = context.core.requirements.missing(member);
  if (v !== null) fail("ApiNotFound", `${member} needs ExcelApi ${v}.`, member);
}

export function validName(name: string): boolean {
  return typeof name === "string" && /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) && name.length <= 255
    && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R|C|R\d+C\d+|R\d+|C\d+)$/i.test(name);
}

/** A reference string as Excel reads it: an address (with or without sheet) or any other formula. */
export function parseReference(model: WorkbookModel, text: string, scope: SheetModel | null): NameRef {
  const body = text.trim().replace(/^=/, "");
  if (body === "#REF!") return { kind: "ref-error" };
  const { sheet, area } = splitSheet(body);
  const rect = parseRect(area);
  if (rect) {
    const s = sheet === null ? (scope ?? sheetByUid(model, model.activeSheetUid)) : sheetByName(model, sheet);
    if (!s) fail("InvalidArgument", `The reference "${text}" names a sheet that does not exist.`);
    return { kind: "range", sheetUid: s.uid, rect };
  }
  if (body === "") fail("InvalidArgument", "A name needs a reference.");
  return { kind: "formula", formula: `=${body}` };
}

export function nameFormula(model: WorkbookModel, ref: NameRef): string {
  if (ref.kind === "formula") return ref.formula;
  if (ref.kind === "ref-error") return "=#REF!";
  const s = sheetByUid(model, ref.sheetUid);
  return s ? `=${quoteSheet(s.name)}!${formatRect(ref.rect, true)}` : "=#REF!";
}

export class SimNamedItemCollection extends SimCollection<{ scope: number | null }, NameModel, SimNamedItem> {
  /** `scope` (a sheet, or null for the workbook) is resolved at sync. */
  constructor(context: SimContext, scope: () => SheetModel | null, member: string | null) {
    super(context, () => {
      if (member) requireApi(context, member);
      return { scope: scope()?.uid ?? null };
    }, "NamedItemCollection");
  }

  protected list(t: { scope: number | null }): NameModel[] {
    return this.context.core.model.names.filter((n) => n.scopeSheetUid === t.scope);
  }

  protected itemProxy(m: NameModel): SimNamedItem {
    return new SimNamedItem(this.context, () => m);
  }

  private find(name: string): NameModel | null {
    return this.list(this.target()).find((n) => n.name.toLowerCase() === String(name).toLowerCase()) ?? null;
  }

  add(name: string, reference: SimRange | string, comment = ""): SimNamedItem {
    return this.addRef("add", name, comment, () => {
      if (typeof reference === "string") return parseReference(this.context.core.model, reference, this.scopeSheet());
      const t = this.argumentOf(reference);
      return { kind: "range", sheetUid: t.sheet.uid, rect: t.rect };
    }, typeof reference === "string" ? reference : null);
  }

  addFormulaLocal(name: string, formula: string, comment = ""): SimNamedItem {
    return this.addRef("addFormulaLocal", name, comment, () => parseReference(this.context.core.model, formula, this.scopeSheet()), formula);
  }

  private scopeSheet(): SheetModel | null {
    const uid = this.target().scope;
    return uid === null ? null : sheetByUid(this.context.core.model, uid) ?? null;
  }

  private addRef(member: string, name: string, comment: string, ref: () => NameRef, request: unknown): SimNamedItem {
    const proxy = new SimNamedItem(this.context, () => null);
    this.context.enqueue({ label: `NamedItemCollection.${member}`, write: true, request: [name, request, comment], run: () => {
      requireApi(this.context, `NamedItemCollection.${member}`);
      if (!validName(name)) fail("InvalidArgument", `"${String(name)}" is not a valid name.`);
      if (this.find(name)) fail("ItemAlreadyExists", `The name "${name}" already exists in this scope.`);
      const m: NameModel = { name, scopeSheetUid: this.target().scope, ref: ref(), comment, visible: true };
      this.context.core.model.names.push(m);
      proxy.bind(m);
    } });
    return proxy;
  }

  getItem(name: string): SimNamedItem {
    return new SimNamedItem(this.context, () => this.find(name) ?? fail("ItemNotFound", `The name "${name}" does not exist.`));
  }

  getItemOrNullObject(name: string): SimNamedItem {
    return new SimNamedItem(this.context, () => {
      requireApi(this.context, "NamedItemCollection.getItemOrNullObject");
      return this.find(name);
    }, true);
  }
}

export class SimNamedItem extends SimObject<NameModel> {
  private ws: SimWorksheet | undefined;
  private wsOrNull: SimWorksheet | undefined;

  constructor(context: SimContext, resolver: () => NameModel | null, orNull = false) {
    super(context, resolver, "NamedItem", orNull);
  }

  protected scalarNames(): string[] {
    return ["name", "type", "value", "formula", "visible", "comment", "scope"];
  }

  protected override alive(m: NameModel): boolean {
    return this.context.core.model.names.includes(m);
  }

  protected readScalar(m: NameModel, name: string): unknown {
    const model = this.context.core.model;
    const formula = nameFormula(model, m.ref);
    const value = m.ref.kind === "range" ? formula.slice(1) : m.ref.kind === "ref-error" ? "#REF!" : formulaValue(formula);
    switch (name) {
      case "name": return m.name;
      case "formula": return formula;
      case "value": return value;
      case "visible": return m.visible;
      case "comment": return m.comment;
      case "scope": return m.scopeSheetUid === null ? "Workbook" : "Worksheet";
      default: return m.ref.kind === "range" ? "Range" : m.ref.kind === "ref-error" ? "Error"
        : typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
    }
  }

  protected override child(name: string): SimObject<unknown> | null {
    if (name === "worksheet") return this.worksheet as SimObject<unknown>;
    if (name === "worksheetOrNullObject") return this.worksheetOrNullObject as SimObject<unknown>;
    return null;
  }

  get name(): string { return this.get("name"); }
  get type(): string { return this.get("type"); }
  get value(): unknown { return this.get("value"); }
  get scope(): string { return this.get("scope"); }
  get formula(): string { return this.get("formula"); }
  set formula(v: string) {
    this.write("formula", v, (m) => {
      const scope = m.scopeSheetUid === null ? null : sheetByUid(this.context.core.model, m.scopeSheetUid) ?? null;
      m.ref = parseReference(this.context.core.model, v, scope);
    });
  }
  get visible(): boolean { return this.get("visible"); }
  set visible(v: boolean) { this.write("visible", v, (m) => (m.visible = v)); }
  get comment(): string { return this.get("comment"); }
  set comment(v: string) { this.write("comment", v, (m) => (m.comment = v)); }

  get worksheet(): SimWorksheet {
    return (this.ws ??= new SimWorksheet(this.context, () => {
      const m = this.target();
      return m.scopeSheetUid === null ? fail("ItemNotFound", "The name is scoped to the workbook.") : sheetByUid(this.context.core.model, m.scopeSheetUid) ?? null;
    }));
  }

  get worksheetOrNullObject(): SimWorksheet {
    return (this.wsOrNull ??= new SimWorksheet(this.context, () => {
      const m = this.target();
      return m.scopeSheetUid === null ? null : sheetByUid(this.context.core.model, m.scopeSheetUid) ?? null;
    }, true));
  }

  private rangeOf(orNull: boolean) {
    const m = this.target();
    if (m.ref.kind !== "range") return orNull ? null : fail("InvalidOperation", `The name "${m.name}" does not refer to a range.`);
    const sheet = sheetByUid(this.context.core.model, m.ref.sheetUid);
    return sheet ? { sheet, rect: m.ref.rect } : orNull ? null : fail("InvalidReference", `The name "${m.name}" refers to a deleted sheet.`);
  }

  getRange(): SimRange {
    return new SimRange(this.context, () => this.rangeOf(false));
  }

  getRangeOrNullObject(): SimRange {
    return new SimRange(this.context, () => {
      requireApi(this.context, "NamedItem.getRangeOrNullObject");
      return this.rangeOf(true);
    }, true);
  }

  delete(): void {
    this.write("delete", null, (m) => {
      requireApi(this.context, "NamedItem.delete");
      const model = this.context.core.model;
      model.names = model.names.filter((n) => n !== m);
    });
  }
}
