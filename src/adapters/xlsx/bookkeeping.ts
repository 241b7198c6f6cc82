/** Text-level edits of package bookkeeping parts: relationships, content types, the workbook's sheet list. */
import { esc } from "./xml";

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
}

/** A relationship id not used in the rels part yet. */
export function freshRelId(rels: string): string {
  let n = 0;
  for (const m of rels.matchAll(/\sId="rId(\d+)"/g)) n = Math.max(n, Number(m[1]));
  return `rId${n + 1}`;
}

export function addRelationship(rels: string, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${esc(id)}" Type="${esc(type)}" Target="${esc(target)}"/>`;
  const self = /<Relationships\b[^>]*\/>/.exec(rels);
  if (self) return rels.slice(0, self.index) + self[0].replace(/\/>$/, `>${rel}</Relationships>`) + rels.slice(self.index + self[0].length);
  const end = rels.lastIndexOf("</Relationships>");
  return rels.slice(0, end) + rel + rels.slice(end);
}

export function addOverride(types: string, part: string, contentType: string): string {
  const end = types.lastIndexOf("</Types>");
  return `${types.slice(0, end)}<Override PartName="/${esc(part)}" ContentType="${esc(contentType)}"/>${types.slice(end)}`;
}

export function addDefault(types: string, ext: string, contentType: string): string {
  const end = types.lastIndexOf("</Types>");
  return `${types.slice(0, end)}<Default Extension="${esc(ext)}" ContentType="${esc(contentType)}"/>${types.slice(end)}`;
}

export function setOverride(types: string, part: string, contentType: string): string {
  const re = new RegExp(`(<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*ContentType=")[^"]*(")`, "i");
  const re2 = new RegExp(`(<Override\\b[^>]*ContentType=")[^"]*("[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}")`, "i");
  if (re.test(types)) return types.replace(re, `$1${contentType}$2`);
  if (re2.test(types)) return types.replace(re2, `$1${contentType}$2`);
  return addOverride(types, part, contentType);
}

/** Prefix the workbook's root binds to the relationships namespace (adding `r` when none is). */
export function relPrefix(workbook: string): { xml: string; prefix: string } {
  const root = /<workbook\b[^>]*>/.exec(workbook);
  const bound = root ? new RegExp(`xmlns:(\\w+)="${DOC_REL_NS}"`).exec(root[0]) : null;
  if (bound?.[1] || !root) return { xml: workbook, prefix: bound?.[1] ?? "r" };
  const tag = root[0].replace(/>$/, ` xmlns:r="${DOC_REL_NS}">`);
  return { xml: workbook.slice(0, root.index) + tag + workbook.slice(root.index + root[0].length), prefix: "r" };
}

export function addSheetEntry(workbook: string, name: string, sheetId: number, relId: string): string {
  const { xml, prefix } = relPrefix(workbook);
  const entry = `<sheet name="${esc(name)}" sheetId="${sheetId}" ${prefix}:id="${esc(relId)}"/>`;
  const end = xml.indexOf("</sheets>");
  return xml.slice(0, end) + entry + xml.slice(end);
}

/** First name of the form prefix + n + suffix not taken in the package. */
export function freshPartName(taken: (name: string) => boolean, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) if (!taken(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
}
