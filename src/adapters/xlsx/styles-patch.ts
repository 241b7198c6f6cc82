/**
 * Differential formats (dxf) for Kaohe's highlight rules, appended to styles.xml's <dxfs> — or an
 * identical one already there (from an earlier run) reused. Existing indexes never move.
 */
import { HIGHLIGHT_STYLE } from "../../core/plan/write-plan";

export type HighlightKind = keyof typeof HIGHLIGHT_STYLE;

export function dxfXml(kind: HighlightKind): string {
  const s = HIGHLIGHT_STYLE[kind];
  const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
  return `<dxf><font><color rgb="${argb(s.font)}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${argb(s.fill)}"/></patternFill></fill></dxf>`;
}

/** Each <dxf> element inside a <dxfs> body, as text. */
function dxfList(body: string): string[] {
  return [...body.matchAll(/<dxf(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/dxf>)/g)].map((m) => m[0]);
}

/** Returns the patched styles.xml and the dxf index of each kind asked for. */
export function ensureDxfs(xml: string, kinds: ReadonlyArray<HighlightKind>): { xml: string; ids: Map<HighlightKind, number> } {
  const ids = new Map<HighlightKind, number>();
  if (!kinds.length) return { xml, ids };
  const block = /<dxfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/dxfs>)/.exec(xml);
  const existing = block ? dxfList(block[1] ?? "") : [];
  const added: string[] = [];
  for (const k of kinds) {
    const x = dxfXml(k);
    const at = existing.indexOf(x);
    if (at >= 0) ids.set(k, at);
    else {
      ids.set(k, existing.length + added.length);
      added.push(x);
    }
  }
  if (!added.length) return { xml, ids };
  const all = [...existing, ...added];
  const fresh = `<dxfs count="${all.length}">${all.join("")}</dxfs>`;
  if (block) return { xml: xml.slice(0, block.index) + fresh + xml.slice(block.index + block[0].length), ids };
  // No <dxfs> yet: it follows cellStyles (schema order), before tableStyles/colors/extLst.
  let at = xml.lastIndexOf("</styleSheet>");
  for (const name of ["tableStyles", "colors", "extLst"]) {
    const m = new RegExp(`<${name}[\\s>/]`).exec(xml);
    if (m && m.index < at) at = m.index;
  }
  return { xml: xml.slice(0, at) + fresh + xml.slice(at), ids };
}
