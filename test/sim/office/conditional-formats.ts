/**
 * Conditional formats (ExcelApi 1.6; getItemOrNullObject 1.14). Modelled from @types/office-js:
 * - ConditionalFormatCollection.add: "Adds a new conditional format to the collection at the first/top priority."
 * - ConditionalFormat.id: "The priority of the conditional format in the current ConditionalFormatCollection."
 * - ConditionalFormat.priority: "Changing this also changes other conditional formats' priorities, to allow
 *   for a contiguous priority order."
 * So each sheet keeps one ordered list of rules; a rule's priority and id are its index in that list
 * (0 = top). Adding a rule puts it at 0 and shifts every other rule's priority and id by one: an id stored
 * earlier then names a different rule. `getItem(id)` finds whatever rule is at that position when the
 * sync runs. A proxy returned by `add()` or loaded through `items` stays bound to its rule.
 * A worksheet's `getRange().conditionalFormats` sees every rule of the sheet; a narrower range's
 * collection sees the rules whose areas intersect it. Only "Custom" rules carry a formula and a
 * fill/font colour here; other types are recorded by type.
 */
import { intersects, subtract } from "./a1";
import { fail } from "./errors";
import type { CfModel, SheetModel } from "./model";
import { SimCollection, SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { SimRange } from "./range";
import { SimRangeAreas, type AreasTarget } from "./range-areas";
import { assertSheetEditable } from "./sheet-ops";
import { SimCustomConditionalFormat } from "./conditional-format-parts";

const TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

function requireApi(context: SimContext, member: string): void {
  const v = context.core.requirements.missing(member);
  if (v !== null) fail("ApiNotFound", `${member} needs ExcelApi ${v}.`, member);
}

export function sheetOf(context: SimContext, cf: CfModel): SheetModel | undefined {
  return context.core.model.sheets.find((s) => s.cfs.includes(cf));
}

export class SimConditionalFormatCollection extends SimCollection<AreasTarget, CfModel, SimConditionalFormat> {
  constructor(context: SimContext, resolver: () => AreasTarget | null, member: string) {
    super(context, () => {
      requireApi(context, member);
      return resolver();
    }, "ConditionalFormatCollection");
  }

  protected list(t: AreasTarget): CfModel[] {
    return t.sheet.cfs.filter((cf) => cf.areas.some((a) => t.areas.some((b) => intersects(a, b))));
  }

  protected itemProxy(m: CfModel): SimConditionalFormat {
    return new SimConditionalFormat(this.context, () => m);
  }

  add(type: string): SimConditionalFormat {
    const proxy = new SimConditionalFormat(this.context, () => null);
    this.context.enqueue({ label: "ConditionalFormatCollection.add", write: true, request: type, run: () => {
      requireApi(this.context, "ConditionalFormatCollection.add");
      const t = this.target();
      assertSheetEditable(t.sheet);
      if (!TYPES.includes(type)) fail("InvalidArgument", `Unknown conditional format type "${type}".`);
      const cf: CfModel = { uid: this.context.core.model.nextUid++, type, areas: t.areas.map((a) => ({ ...a })), formula: "", fill: null, font: null, stopIfTrue: false };
      t.sheet.cfs.unshift(cf);
      proxy.bind(cf);
    } });
    return proxy;
  }

  private byId(id: string): CfModel | null {
    const t = this.target();
    const cf = /^\d+$/.test(String(id)) ? t.sheet.cfs[Number(id)] : undefined;
    return cf && this.list(t).includes(cf) ? cf : null;
  }

  getItem(id: string): SimConditionalFormat {
    return new SimConditionalFormat(this.context, () => this.byId(id) ?? fail("ItemNotFound", `No conditional format with id "${id}".`));
  }

  getItemOrNullObject(id: string): SimConditionalFormat {
    return new SimConditionalFormat(this.context, () => {
      requireApi(this.context, "ConditionalFormatCollection.getItemOrNullObject");
      return this.byId(id);
    }, true);
  }

  getItemAt(index: number): SimConditionalFormat {
    return new SimConditionalFormat(this.context, () => this.list(this.target())[index] ?? fail("ItemNotFound", `No conditional format at index ${index}.`));
  }

  clearAll(): void {
    this.write("clearAll", null, (t) => {
      assertSheetEditable(t.sheet);
      for (const cf of t.sheet.cfs) cf.areas = cf.areas.flatMap((a) => t.areas.reduce((parts, b) => parts.flatMap((p) => subtract(p, b)), [a]));
      t.sheet.cfs = t.sheet.cfs.filter((cf) => cf.areas.length > 0);
    });
  }
}

export class SimConditionalFormat extends SimObject<CfModel> {
  private customChild: SimCustomConditionalFormat | undefined;
  private customOrNull: SimCustomConditionalFormat | undefined;

  constructor(context: SimContext, resolver: () => CfModel | null, orNull = false) {
    super(context, resolver, "ConditionalFormat", orNull);
  }

  protected scalarNames(): string[] {
    return ["id", "priority", "stopIfTrue", "type"];
  }

  protected override alive(m: CfModel): boolean {
    return sheetOf(this.context, m) !== undefined;
  }

  protected readScalar(m: CfModel, name: string): unknown {
    const index = sheetOf(this.context, m)?.cfs.indexOf(m) ?? -1;
    if (name === "id") return String(index);
    if (name === "priority") return index;
    if (name === "stopIfTrue") return m.type === "DataBar" || m.type === "ColorScale" || m.type === "IconSet" ? null : m.stopIfTrue;
    return m.type;
  }

  protected override child(name: string): SimObject<unknown> | null {
    if (name === "custom") return this.custom as SimObject<unknown>;
    if (name === "customOrNullObject") return this.customOrNullObject as SimObject<unknown>;
    return null;
  }

  get id(): string { return this.get("id"); }
  get type(): string { return this.get("type"); }
  get priority(): number { return this.get("priority"); }
  set priority(p: number) {
    this.write("priority", p, (m) => {
      const sheet = sheetOf(this.context, m);
      if (!sheet) return;
      assertSheetEditable(sheet);
      const list = sheet.cfs.filter((c) => c !== m);
      const at = p < 0 ? Math.max(0, list.length + 1 + p) : Math.min(p, list.length);
      list.splice(at, 0, m);
      sheet.cfs = list;
    });
  }
  get stopIfTrue(): boolean { return this.get("stopIfTrue"); }
  set stopIfTrue(v: boolean) {
    this.write("stopIfTrue", v, (m) => (m.stopIfTrue = v));
  }

  get custom(): SimCustomConditionalFormat {
    return (this.customChild ??= new SimCustomConditionalFormat(this.context, () => {
      const m = this.target();
      return m.type === "Custom" ? m : fail("InvalidOperation", "This conditional format is not a custom rule.");
    }));
  }

  get customOrNullObject(): SimCustomConditionalFormat {
    return (this.customOrNull ??= new SimCustomConditionalFormat(this.context, () => {
      const m = this.target();
      return m.type === "Custom" ? m : null;
    }, true));
  }

  delete(): void {
    this.write("delete", null, (m) => {
      const sheet = sheetOf(this.context, m);
      if (!sheet) return;
      assertSheetEditable(sheet);
      sheet.cfs = sheet.cfs.filter((c) => c !== m);
    });
  }

  private rangeTarget(orNull: boolean) {
    const m = this.target();
    const sheet = sheetOf(this.context, m) ?? fail("ItemNotFound", "The conditional format no longer exists.");
    const [area] = m.areas;
    if (m.areas.length !== 1 || !area) return orNull ? null : fail("InvalidOperation", "The conditional format applies to several ranges; use getRanges().");
    return { sheet, rect: area };
  }

  getRange(): SimRange {
    return new SimRange(this.context, () => this.rangeTarget(false));
  }

  getRangeOrNullObject(): SimRange {
    return new SimRange(this.context, () => this.rangeTarget(true), true);
  }

  getRanges(): SimRangeAreas {
    return new SimRangeAreas(this.context, () => {
      const m = this.target();
      return { sheet: sheetOf(this.context, m) ?? fail("ItemNotFound", "The conditional format no longer exists."), areas: m.areas };
    });
  }
}
