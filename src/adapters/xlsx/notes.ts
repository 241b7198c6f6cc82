/**
 * Notes (legacy comments) of the scored sheet: the comments part and its VML anchors. Notes of the
 * user's are carried over as they were; Kaohe's own (at the cells it names) are dropped and its new
 * ones appended.
 */
import { a1 } from "../../core/grid";
import { esc, unescapeOoxml } from "./xml";

export interface Note {
  row: number;
  col: number;
  text: string;
}

const AUTHOR = "Kaohe";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The comments part with Kaohe's notes at `drop` removed and `add` appended. */
export function patchComments(old: string | undefined, drop: ReadonlySet<string>, add: ReadonlyArray<Note>): string {
  // Stryker disable next-line StringLiteral: text without <author> elements yields no authors, whatever it is
  const authors = old ? [...(/<authors>([\s\S]*?)<\/authors>/.exec(old)?.[1] ?? "").matchAll(/<author>([\s\S]*?)<\/author>|<author\/>/g)].map((m) => m[0]) : [];
  let kaohe = authors.indexOf(`<author>${AUTHOR}</author>`);
  if (kaohe < 0) {
    kaohe = authors.length;
    authors.push(`<author>${AUTHOR}</author>`);
  }
  const kept = old ? [...old.matchAll(/<comment\b[^>]*?\sref="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/comment>)/g)].filter((m) => !drop.has(m[1] as string)).map((m) => m[0]) : [];
  // Stryker disable next-line OptionalChaining: every kept comment was matched by its ref attribute
  const taken = new Set(kept.map((c) => /\sref="([^"]+)"/.exec(c)?.[1]));
  const mine = add
    .filter((n) => !taken.has(a1(n.row, n.col)))
    .map((n) => `<comment ref="${a1(n.row, n.col)}" authorId="${kaohe}"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">${esc(n.text)}</t></r></text></comment>`);
  const head = old ? (/^[\s\S]*?<comments\b[^>]*>/.exec(old)?.[0] ?? "") : "";
  let tail = "</comments>";
  const listEnd = old ? /<\/commentList>|<commentList\/>/.exec(old) : null;
  if (old && listEnd) tail = old.slice(listEnd.index + listEnd[0].length);
  const start = head || `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}">`;
  return `${start}<authors>${authors.join("")}</authors><commentList>${[...kept, ...mine].join("")}</commentList>${tail}`;
}

/** Each note of a comments part: its cell and its plain text (runs joined). */
export function commentTexts(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const unent = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);|&#(\d+);|&#x([0-9a-fA-F]+);/g, (_m, n?: string, d?: string, h?: string) =>
    n ? ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[n] ?? "" : String.fromCodePoint(d ? Number(d) : parseInt(h ?? "0", 16)));
  for (const m of xml.matchAll(/<comment\b[^>]*?\sref="([^"]+)"[^>]*?(?:\/>|>([\s\S]*?)<\/comment>)/g)) {
    // Stryker disable next-line StringLiteral: text outside <t> elements is never read, so what replaces a phonetic run is moot
    const body = (m[2] ?? "").replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
    const text = [...body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1] ?? "").join("");
    out.set(m[1] as string, unescapeOoxml(unent(text)));
  }
  return out;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shapeXml(n: Note, id: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:120pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${n.col + 1}, 15, ${n.row}, 2, ${n.col + 4}, 15, ${n.row + 6}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * The VML drawing with note shapes of cells not in `keep` removed and shapes for `add` appended.
 * Shapes that are not notes (form controls) are never touched.
 */
export function patchVml(old: string | undefined, keep: ReadonlySet<string>, add: ReadonlyArray<Note>): string {
  let body = old ?? `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></xml>`;
  body = body.replace(/<v:shape\b(?!type)[\s\S]*?<\/v:shape>/g, (shape) => {
    if (!/ObjectType="Note"/.test(shape)) return shape;
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
    return row !== undefined && col !== undefined && !keep.has(a1(Number(row), Number(col))) ? "" : shape;
  });
  let id = 1024;
  for (const m of body.matchAll(/_x0000_s(\d+)/g)) id = Math.max(id, Number(m[1]));
  const shapes = add.map((n) => shapeXml(n, ++id)).join("");
  const type = /<v:shapetype\b[^>]*id="_x0000_t202"/.test(body) ? "" : SHAPETYPE;
  const end = body.lastIndexOf("</xml>");
  return end < 0 ? body : body.slice(0, end) + type + shapes + body.slice(end);
}
