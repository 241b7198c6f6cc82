/**
 * Custom XML parts (ExcelApi 1.5): workbook.customXmlParts.add(xml), getByNamespace(ns) → scoped
 * collection (getOnlyItem[OrNullObject], getItem[OrNullObject], getCount, items), getItem(id),
 * getItemOrNullObject(id); a part has id ("{GUID}"), namespaceUri (the root element's namespace),
 * getXml() (ClientResult), setXml(xml), delete(). XML that has no single root element is refused with
 * InvalidArgument (a light check, not a full parser). Parts are stored byte for byte as given.
 */
import { fail } from "./errors";
import type { XmlPartModel } from "./model";
import { SimClientResult, SimCollection, SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";

function requireApi(context: SimContext): void {
  const v = context.core.requirements.missing("Workbook.customXmlParts");
  if (v !== null) fail("ApiNotFound", `Workbook.customXmlParts needs ExcelApi ${v}.`, "Workbook.customXmlParts");
}

/** The namespace of the root element, "" if it has none; throws on text that is not one XML element. */
export function rootNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*(<!--[\s\S]*?-->\s*)*/, "");
  const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(body);
  if (!m) return fail("InvalidArgument", "The XML has no root element.");
  const [, name = "", attrs = "", selfClosing] = m;
  if (!selfClosing && !new RegExp(`</${name.replace(/[.]/g, "\\.")}\\s*>\\s*$`).test(body)) fail("InvalidArgument", "The XML root element is not closed.");
  const prefix = name.includes(":") ? name.split(":")[0] : null;
  const attr = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return attr ? (attr[1] ?? attr[2] ?? "") : "";
}

export class SimCustomXmlPart extends SimObject<XmlPartModel> {
  constructor(context: SimContext, resolver: () => XmlPartModel | null, orNull = false) {
    super(context, resolver, "CustomXmlPart", orNull);
  }
  protected scalarNames(): string[] { return ["id", "namespaceUri"]; }
  protected readScalar(p: XmlPartModel, name: string): unknown { return name === "id" ? p.id : p.namespaceUri; }
  protected override alive(p: XmlPartModel): boolean { return this.context.core.model.customXmlParts.includes(p); }
  get id(): string { return this.get("id"); }
  get namespaceUri(): string { return this.get("namespaceUri"); }
  getXml(): SimClientResult<string> { return this.result("getXml", (p) => p.xml); }
  setXml(xml: string): void {
    this.write("setXml", xml, (p) => {
      p.namespaceUri = rootNamespace(xml);
      p.xml = xml;
    });
  }
  delete(): void {
    this.write("delete", null, (p) => {
      const m = this.context.core.model;
      m.customXmlParts = m.customXmlParts.filter((x) => x !== p);
    });
  }
}

abstract class PartList extends SimCollection<XmlPartModel[], XmlPartModel, SimCustomXmlPart> {
  protected itemProxy(p: XmlPartModel): SimCustomXmlPart { return new SimCustomXmlPart(this.context, () => p); }
  protected list(t: XmlPartModel[]): XmlPartModel[] { return t; }
  getItem(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => this.target().find((p) => p.id === id) ?? fail("ItemNotFound", `No custom XML part "${id}".`));
  }
  getItemOrNullObject(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => this.target().find((p) => p.id === id) ?? null, true);
  }
}

export class SimCustomXmlPartScopedCollection extends PartList {
  constructor(context: SimContext, ns: string) {
    super(context, () => {
      requireApi(context);
      return context.core.model.customXmlParts.filter((p) => p.namespaceUri === ns);
    }, "CustomXmlPartScopedCollection");
  }
  getOnlyItem(): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => {
      const t = this.target();
      return t.length === 1 ? (t[0] ?? null) : fail(t.length === 0 ? "ItemNotFound" : "InvalidOperation", `The collection holds ${t.length} parts, not exactly one.`);
    });
  }
  getOnlyItemOrNullObject(): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => {
      const t = this.target();
      return t.length === 1 ? (t[0] ?? null) : null;
    }, true);
  }
}

export class SimCustomXmlPartCollection extends PartList {
  constructor(context: SimContext) {
    super(context, () => {
      requireApi(context);
      return context.core.model.customXmlParts;
    }, "CustomXmlPartCollection");
  }
  add(xml: string): SimCustomXmlPart {
    const proxy = new SimCustomXmlPart(this.context, () => null);
    this.context.enqueue({ label: "CustomXmlPartCollection.add", write: true, request: xml, run: () => {
      requireApi(this.context);
      const model = this.context.core.model;
      const n = model.nextUid++;
      const part: XmlPartModel = { id: `{5A1B0000-0000-4000-8000-${String(n).padStart(12, "0")}}`, namespaceUri: rootNamespace(xml), xml };
      model.customXmlParts.push(part);
      proxy.bind(part);
    } });
    return proxy;
  }
  getByNamespace(namespaceUri: string): SimCustomXmlPartScopedCollection {
    return new SimCustomXmlPartScopedCollection(this.context, namespaceUri);
  }
}
