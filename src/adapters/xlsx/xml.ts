/** Streaming XML over saxes, refusing DTDs (entity declarations are never expanded), and escaping. */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { fail } from "./errors";

export interface XmlHandlers {
  open?: (name: string, attrs: Record<string, string>, selfClosing: boolean) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** Local part of a qualified name: "x:c" → "c". */
export const local = (name: string): string => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

export function assertNoDtd(text: string, part: string): void {
  // A DTD is never legitimate in a package part; its entities could expand without bound.
  if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, 4096)) || text.includes("<!ENTITY")) fail({ code: "entity", part });
}

export function parseXml(text: string, part: string, h: XmlHandlers): void {
  assertNoDtd(text, part);
  const p = new SaxesParser();
  p.on("doctype", () => fail({ code: "entity", part }));
  p.on("error", (e) => fail({ code: "badPart", part, detail: e.message }));
  if (h.open) {
    const open = h.open;
    p.on("opentag", (t: SaxesTagPlain) => open(local(t.name), t.attributes as Record<string, string>, t.isSelfClosing));
  }
  if (h.close) {
    const close = h.close;
    p.on("closetag", (t: SaxesTagPlain) => close(local(t.name)));
  }
  if (h.text) {
    p.on("text", h.text);
    // CDATA is text too (some writers wrap string values in it).
    p.on("cdata", h.text);
  }
  p.write(text).close();
}

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Escape for element text or attribute values. Characters XML 1.0 cannot hold (controls other than
 * tab and newline) are written as Excel does, `_xHHHH_`, as is a literal `_x…_` so it reads back unchanged;
 * so is a carriage return, which an XML parser would turn into a line feed.
 */
export function esc(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/[&<>"']/g, (c) => ESC[c] as string);
}

/** Excel's `_xHHHH_` escapes in string values, decoded. */
export function unescapeOoxml(s: string): string {
  // Stryker disable next-line StringLiteral: a fast path; with no "_x" the replace changes nothing either
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
