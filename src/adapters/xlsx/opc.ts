/** Package bookkeeping: content types and relationships (OPC), read from their parts. */
import { parseXml } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash), or the raw target for external ones. */
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  pivotTable: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
} as const;

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolve a relationship target against its source part's folder. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Target of `to` written relative to `from`'s folder. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  // Past the end of a, a[i] is undefined and never equals a name: b's length alone bounds i.
  while (i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

export function parseRels(text: string, relsPart: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  parseXml(text, relsPart, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Type || a.Target === undefined) return;
      const external = a.TargetMode === "External";
      out.push({ id: a.Id, type: a.Type, target: external ? a.Target : resolveTarget(source, a.Target), external });
    },
  });
  return out;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(text: string): ContentTypes {
  const ct: ContentTypes = { defaults: new Map(), overrides: new Map() };
  parseXml(text, "[Content_Types].xml", {
    open(name, a) {
      if (name === "Default" && a.Extension && a.ContentType) ct.defaults.set(a.Extension.toLowerCase(), a.ContentType);
      if (name === "Override" && a.PartName && a.ContentType) ct.overrides.set(a.PartName.replace(/^\//, "").toLowerCase(), a.ContentType);
    },
  });
  return ct;
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  return ct.overrides.get(part.toLowerCase()) ?? ct.defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
}
